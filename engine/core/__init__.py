"""Shared by every area: code steps, errors, limits, parsing, progress, snapshots."""
