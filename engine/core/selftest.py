"""A small job that proves the worker round trip and a real torch computation."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from engine.core.codegen import CodeStep


@dataclass(frozen=True)
class SelfTestResult:
    torch_version: str
    value: float
    step: CodeStep


def self_test_job() -> SelfTestResult:
    code = "x = torch.arange(6, dtype=torch.float32).reshape(2, 3)\nvalue = (x * x).sum().item()\n"
    x = torch.arange(6, dtype=torch.float32).reshape(2, 3)
    return SelfTestResult(torch.__version__, (x * x).sum().item(), CodeStep("self-test", code))


def torchvision_extensions_check() -> tuple[bool, str]:
    """Whether torchvision's compiled libraries (_C_stable, image_stable) load: bundles and
    wheels that miss them still import torchvision but fail on ops and image decoding."""
    import warnings

    import torchvision
    from torchvision.ops import nms

    boxes = torch.tensor([[0.0, 0.0, 10.0, 10.0], [1.0, 1.0, 10.0, 10.0]])
    try:
        kept = nms(boxes, torch.tensor([0.9, 0.8]), 0.5).tolist()
        with warnings.catch_warnings():  # torchvision 0.29 deprecates its image codecs
            warnings.simplefilter("ignore", DeprecationWarning)
            from torchvision.io import decode_jpeg, encode_jpeg

            image = decode_jpeg(encode_jpeg(torch.zeros(3, 8, 8, dtype=torch.uint8)))
    except (RuntimeError, NotImplementedError, OSError) as exc:
        return False, f"torchvision {torchvision.__version__}: {type(exc).__name__}: {exc}"
    ok = kept == [0] and tuple(image.shape) == (3, 8, 8)
    return ok, f"torchvision {torchvision.__version__}: nms and JPEG decoding work"
