"""The application shell: command line, start-up, main window, status bar, language."""
