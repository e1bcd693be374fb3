"""What a tab may offer the session actions, as typed protocols (no ``getattr`` probing).

A tab takes part by having the methods; it needs no base class. The session actions test
``isinstance(tab, Protocol)`` (``runtime_checkable``: the methods must exist) and call them.

- ``SettingsParticipant``: ``settings() -> dict`` (JSON-able) and ``apply_settings(dict)``;
  the tab's settings are saved in the workspace file and given back when it is opened.
- ``TensorSource``: ``current_tensor() -> (name, tensor) | None``, what "Export current
  tensor…" exports while that tab is shown.
- ``TensorSelection``: ``current_name() -> str``, the workspace tensor selected in a tab
  (the Tensors tab); used when the shown tab is not a ``TensorSource``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    import torch

Settings = dict[str, Any]


@runtime_checkable
class SettingsParticipant(Protocol):
    def settings(self) -> Settings: ...

    def apply_settings(self, value: Settings) -> None: ...


@runtime_checkable
class TensorSource(Protocol):
    def current_tensor(self) -> tuple[str, torch.Tensor] | None: ...


@runtime_checkable
class TensorSelection(Protocol):
    def current_name(self) -> str: ...
