import math

import torch

a = torch.linspace(0.0, 2.0 * math.pi, steps=25, requires_grad=True)
b = a * 2
c = torch.sin(b)  # sin saves b to compute cos(b) in backward
version_saved = b._version
b.mul_(3)  # in place: b changes after it was saved
version_now = b._version
out = c.sum()
try:
    out.backward()
except RuntimeError as err:
    error = str(err)
