"""Autograd: expression programs, the grad_fn graph, backward, presets, a tiny model."""
