import torch

a = torch.ones(2, 3, requires_grad=True)
b1 = 2 * a
a.requires_grad = False
b2 = 2 * a
