"""The Datasets tab, its panels and widgets."""
