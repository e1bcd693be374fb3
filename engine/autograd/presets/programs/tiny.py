import torch

torch.manual_seed(0)
model = torch.nn.Sequential(
    torch.nn.Linear(2, 8),
    torch.nn.ReLU(),
    torch.nn.Sequential(torch.nn.Linear(8, 8), torch.nn.Tanh()),
    torch.nn.Linear(8, 1),
)

x = torch.randn(1, 2)
out = model(x).sum()
