"""The Tensors tab and its panels."""
