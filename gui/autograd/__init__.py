"""The Autograd tab, its panels and widgets."""
