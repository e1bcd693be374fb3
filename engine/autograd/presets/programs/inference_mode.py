import torch

x = torch.ones(3, requires_grad=True)
with torch.inference_mode():
    y = x * 2
y_is_inference = y.is_inference()
z = x * 2
