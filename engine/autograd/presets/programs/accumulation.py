import torch

x = torch.ones(3, requires_grad=True)
y = (x * x).sum()
y.backward(retain_graph=True)
grad_after_first = x.grad.clone()
y.backward()
grad_after_second = x.grad.clone()
x.grad.zero_()
grad_after_zero = x.grad.clone()
