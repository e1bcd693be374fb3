import torch

x = torch.ones(3, requires_grad=True)
y = x
for _ in range(1000):
    y = y * 1.001
    y = y + 0.001
out = y.sum()
