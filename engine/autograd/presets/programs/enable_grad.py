import torch

x = torch.ones(3, requires_grad=True)
with torch.no_grad():
    y1 = x * 2
    with torch.enable_grad():
        y2 = x * 2
