import torch

a = torch.ones(3, requires_grad=True)
try:
    a.numpy()
except RuntimeError as err:
    error = str(err)
