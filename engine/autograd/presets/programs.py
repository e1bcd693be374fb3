"""The constant PyTorch programs behind the Autograd presets (shown and run verbatim).

Each runs after ``engine.core.codegen.PREAMBLE``. A program that demonstrates an error catches
it and keeps PyTorch's text in ``error``. ``PRESET_STAGES[key]`` splits a program into
stages (``(stage, code)``) that run one after the other in one namespace, so a long preset
(importing torchvision, building a model, its forward pass) reports progress and can be
cancelled between stages; ``PRESET_CODE[key]`` is their concatenation, the text shown.
Both mappings are read-only: only the constant text of this module can ever run.
"""

from __future__ import annotations

from types import MappingProxyType

_MODEL_STAGES = (
    ("import", "import torchvision\n\ntorch.manual_seed(0)\n"),
    ("build", "model = torchvision.models.{name}(weights=None)\n"),
    ("forward", "x = torch.randn(1, 3, 64, 64)\nout = model(x).sum()\n"),
)
MODEL_PRESETS = ("resnet18", "resnet50", "densenet121")

_PROGRAMS: dict[str, str] = {
    "requires_grad": """a = torch.ones(2, 3, requires_grad=True)
b1 = 2 * a
a.requires_grad = False
b2 = 2 * a
""",
    "no_grad": """a = torch.ones(2, 3, requires_grad=True) * 2
b = torch.ones(2, 3, requires_grad=True) * 3
c1 = a + b
with torch.no_grad():
    c2 = a + b
c3 = a * b
""",
    "enable_grad": """x = torch.ones(3, requires_grad=True)
with torch.no_grad():
    y1 = x * 2
    with torch.enable_grad():
        y2 = x * 2
""",
    "inference_mode": """x = torch.ones(3, requires_grad=True)
with torch.inference_mode():
    y = x * 2
y_is_inference = y.is_inference()
z = x * 2
""",
    "decorator": """def add_tensors1(x, y):
    return x + y


@torch.no_grad()
def add_tensors2(x, y):
    return x + y


a = torch.ones(2, 3, requires_grad=True) * 2
b = torch.ones(2, 3, requires_grad=True) * 3
c1 = add_tensors1(a, b)
c2 = add_tensors2(a, b)
""",
    "detach": """x = torch.rand(5, generator=torch.Generator().manual_seed(0), requires_grad=True)
y = x.detach()
z = x * 2
""",
    "accumulation": """x = torch.ones(3, requires_grad=True)
y = (x * x).sum()
y.backward(retain_graph=True)
grad_after_first = x.grad.clone()
y.backward()
grad_after_second = x.grad.clone()
x.grad.zero_()
grad_after_zero = x.grad.clone()
""",
    "second_backward": """x = torch.ones(3, requires_grad=True)
y = (x * x).sum()
y.backward()
try:
    y.backward()  # the graph's saved tensors were freed by the first call
except RuntimeError as err:
    error = str(err)
""",
    "inplace_leaf": """a = torch.linspace(0.0, 2.0 * math.pi, steps=25, requires_grad=True)
try:
    torch.sin_(a)
except RuntimeError as err:
    error = str(err)
""",
    "inplace_saved": """a = torch.linspace(0.0, 2.0 * math.pi, steps=25, requires_grad=True)
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
""",
    "nonscalar_backward": """a = torch.linspace(0.0, 1.0, steps=5, requires_grad=True)
b = a * 2
try:
    b.backward()
except RuntimeError as err:
    error = str(err)
""",
    "numpy_requires_grad": """a = torch.ones(3, requires_grad=True)
try:
    a.numpy()
except RuntimeError as err:
    error = str(err)
""",
    "chain2000": """x = torch.ones(3, requires_grad=True)
y = x
for _ in range(1000):
    y = y * 1.001
    y = y + 0.001
out = y.sum()
""",
}


def _stages() -> dict[str, tuple[tuple[str, str], ...]]:
    stages = {key: (("run", code),) for key, code in _PROGRAMS.items()}
    for name in MODEL_PRESETS:
        stages[name] = tuple((stage, code.format(name=name)) for stage, code in _MODEL_STAGES)
    return stages


PRESET_STAGES = MappingProxyType(_stages())
PRESET_CODE = MappingProxyType({key: "".join(code for _, code in stages)
                                for key, stages in PRESET_STAGES.items()})
