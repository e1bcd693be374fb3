"""A small job that proves the worker round trip and a real torch computation."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from engine.codegen import CodeStep


@dataclass(frozen=True)
class SelfTestResult:
    torch_version: str
    value: float
    step: CodeStep


def self_test_job() -> SelfTestResult:
    code = "x = torch.arange(6, dtype=torch.float32).reshape(2, 3)\nvalue = (x * x).sum().item()\n"
    x = torch.arange(6, dtype=torch.float32).reshape(2, 3)
    return SelfTestResult(torch.__version__, (x * x).sum().item(), CodeStep("self-test", code))
