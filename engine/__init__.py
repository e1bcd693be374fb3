"""TorchScope's PyTorch side: every torch, torchvision and pandas call lives here.

Nothing in this package imports Qt, pyqtgraph, superqt or ``gui``; it can be used and
tested from a plain Python prompt.
"""
