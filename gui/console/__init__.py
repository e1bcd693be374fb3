"""The PyTorch console: type or paste PyTorch, run it on the worker, see what it made."""
