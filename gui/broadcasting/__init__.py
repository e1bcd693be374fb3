"""The Broadcasting tab, its inputs, table and picture."""
