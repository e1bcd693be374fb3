"""TorchScope's Qt side: windows, tabs, widgets and drawing. No tensor math here."""
