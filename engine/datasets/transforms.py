"""The transform chain: what turns a PIL image into a tensor, and a label into a target.

``TransformSpec`` holds the user's choices as plain values; ``build_transform`` makes the
torchvision objects and ``transform_code`` the matching code text. torchvision is imported
inside the functions (it takes seconds), never when this module is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from engine.core.errors import InputError
from engine.i18n.messages import msg

if TYPE_CHECKING:
    import torch

Transform = Callable[[Any], Any]  # a torchvision transform: PIL image or label in, tensor out

TO_TENSOR = "ToTensor"
V2 = "v2"
MAX_RESIZE = 512


@dataclass(frozen=True)
class TransformSpec:
    api: str = TO_TENSOR  # "ToTensor" (classic) or "v2" (ToImage + ToDtype)
    resize: int = 0  # 0 = keep the size
    hflip_p: float = 0.0
    rotation: float = 0.0  # degrees; 0 = off
    normalize: tuple[tuple[float, ...], tuple[float, ...]] | None = None  # (mean, std)
    one_hot: bool = False

    def is_random(self) -> bool:
        return self.hflip_p > 0 or self.rotation > 0


def parse_floats(text: str, field: str) -> tuple[float, ...]:
    """'0.5' or '0.5, 0.5, 0.5' → floats (never eval)."""
    parts = [p for p in text.replace("(", " ").replace(")", " ").replace(",", " ").split() if p]
    if not parts:
        raise InputError(msg("Write one number, or one per channel separated by commas."),
                         field=field)
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        raise InputError(msg("'{text}' is not a list of numbers such as 0.5 or 0.5, 0.5, 0.5.",
                             text=text), field=field) from None
    return values


def parse_normalize(mean_text: str, std_text: str) -> tuple[tuple[float, ...], tuple[float, ...]]:
    mean, std = parse_floats(mean_text, "mean"), parse_floats(std_text, "std")
    if any(s <= 0 for s in std):
        raise InputError(msg("Every std must be greater than 0 (Normalize divides by it)."),
                         field="std")
    return mean, std


def check_channels(spec: TransformSpec, channels: int) -> None:
    """Normalize takes one value, or one per channel, for mean and for std: other lengths
    either fail deep inside torch or, with v2, broadcast into extra channels silently."""
    if not spec.normalize:
        return
    for values, field in zip(spec.normalize, ("mean", "std"), strict=True):
        if len(values) not in (1, channels):
            raise InputError(msg("{field} has {count} values, but these images have {channels} "
                                 "channel(s): write one value, or one per channel.",
                                 field=field, count=len(values), channels=channels),
                             field=field)


def one_hot(label: int, num_classes: int = 10) -> torch.Tensor:
    """The note's one-hot target as a picklable function (workers can receive it)."""
    import torch

    return torch.zeros(num_classes, dtype=torch.float).scatter_(0, torch.tensor(label), value=1)


def _steps(spec: TransformSpec) -> list[tuple[Transform, str]]:
    from torchvision import transforms
    from torchvision.transforms import v2

    chain: list[tuple[Transform, str]] = []
    module, prefix = (v2, "v2.") if spec.api == V2 else (transforms, "transforms.")
    if spec.resize:
        chain.append((module.Resize((spec.resize, spec.resize), antialias=True),
                      f"{prefix}Resize(({spec.resize}, {spec.resize}), antialias=True)"))
    if spec.hflip_p:
        chain.append((module.RandomHorizontalFlip(p=spec.hflip_p),
                      f"{prefix}RandomHorizontalFlip(p={spec.hflip_p:g})"))
    if spec.rotation:
        chain.append((module.RandomRotation(spec.rotation),
                      f"{prefix}RandomRotation({spec.rotation:g})"))
    if spec.api == V2:
        chain.append((v2.ToImage(), "v2.ToImage()"))
        chain.append((v2.ToDtype(_float32(), scale=True),
                      "v2.ToDtype(torch.float32, scale=True)"))
    else:
        chain.append((transforms.ToTensor(), "transforms.ToTensor()"))
    if spec.normalize:
        mean, std = spec.normalize
        chain.append((module.Normalize(mean, std), f"{prefix}Normalize({mean}, {std})"))
    return chain


def _float32() -> torch.dtype:
    import torch

    return torch.float32


def build_transform(spec: TransformSpec, num_classes: int = 10) -> tuple[Transform,
                                                                        Transform | None]:
    """(transform, target_transform) torchvision objects for ``spec``."""
    from torchvision import transforms
    from torchvision.transforms import v2

    module = v2 if spec.api == V2 else transforms
    chain = [obj for obj, _ in _steps(spec)]
    transform = chain[0] if len(chain) == 1 else module.Compose(chain)
    target = module.Lambda(partial(one_hot, num_classes=num_classes)) if spec.one_hot else None
    return transform, target


def transform_code(spec: TransformSpec, num_classes: int = 10) -> str:
    """Code that defines ``transform`` and ``target_transform`` exactly like build_transform."""
    module = "from torchvision.transforms import v2" if spec.api == V2 else \
        "from torchvision import transforms"
    lines = [module]
    texts = [text for _, text in _steps(spec)]
    if len(texts) == 1:
        lines.append(f"transform = {texts[0]}")
    else:
        compose = "v2.Compose" if spec.api == V2 else "transforms.Compose"
        body = "".join(f"    {text},\n" for text in texts)
        lines.append(f"transform = {compose}([\n{body}])")
    if spec.one_hot:
        lambda_module = "v2" if spec.api == V2 else "transforms"
        lines.append(f"target_transform = {lambda_module}.Lambda(lambda y: torch.zeros("
                     f"{num_classes}, dtype=torch.float).scatter_(0, torch.tensor(y), value=1))")
    else:
        lines.append("target_transform = None")
    return "\n".join(lines) + "\n"
