"""Widgets shared by the tabs: code panel, tensor viewer and friends."""
