import torch

a = torch.linspace(0.0, 1.0, steps=5, requires_grad=True)
b = a * 2
try:
    b.backward()
except RuntimeError as err:
    error = str(err)
