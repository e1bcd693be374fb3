"""Tensors: constructors, literals, seeds, memory and the operations catalogue."""
