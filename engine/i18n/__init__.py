"""Engine texts in the user's language: templates, parameters and catalogues."""
