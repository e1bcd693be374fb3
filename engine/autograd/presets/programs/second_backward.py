import torch

x = torch.ones(3, requires_grad=True)
y = (x * x).sum()
y.backward()
try:
    y.backward()  # the graph's saved tensors were freed by the first call
except RuntimeError as err:
    error = str(err)
