import torch

x = torch.rand(5, generator=torch.Generator().manual_seed(0), requires_grad=True)
y = x.detach()
z = x * 2
