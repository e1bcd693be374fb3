import torch
import torchvision

torch.manual_seed(0)
model = torchvision.models.resnet18(weights=None)

x = torch.randn(1, 3, 224, 224)
out = model(x).sum()
