"""The session area of the GUI: open/save workspaces, exports, pictures, command-line chores."""
