"""Bounded versions of the Python builtins the language offers (``print``, ``len``...).

Every builtin that goes through an iterable first takes at most ``MAX_ITEMS`` items from
it; ``print`` writes to the run's output instead of stdout, exactly as Python would format
it (``sep`` and ``end`` included, ``file`` refused).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import torch

from engine.language.errors import refusal
from engine.language.guards import bounded_items, check_int, check_nested
from engine.language.modules import Allowed

_NO_ITEMS: tuple[object, ...] = ()
_ALLOWED_TYPES: tuple[type, ...] = (
    int, float, bool, str, complex, list, tuple, dict, set, range, torch.Tensor, torch.Size,
    torch.dtype, torch.device, np.ndarray, np.dtype,
)


def text_of(value: object) -> str:
    check_nested(value)
    return str(value)


def repr_of(value: object) -> str:
    check_nested(value)
    return repr(value)


_TYPES: dict[str, type] = {
    "int": int, "float": float, "bool": bool, "str": str, "complex": complex, "list": list,
    "tuple": tuple, "dict": dict, "set": set, "range": range,
}


def ascii_of(value: object) -> str:
    check_nested(value)
    return ascii(value)


def _type_of(value: object) -> type:
    kind = value.as_type if isinstance(value, Allowed) else value
    if isinstance(kind, type) and issubclass(kind, _ALLOWED_TYPES):
        return kind
    raise refusal("`isinstance` accepts the types int, float, bool, str, list, tuple, dict, "
                  "torch.Tensor, torch.Size, torch.dtype and np.ndarray.")


def safe_isinstance(value: object, kinds: object) -> bool:
    if isinstance(kinds, tuple):
        return isinstance(value, tuple(_type_of(kind) for kind in kinds))
    return isinstance(value, _type_of(kinds))


def safe_range(*args: int) -> range:
    return range(*(check_int(a) if isinstance(a, int) else a for a in args))


class Builtins:
    """The builtins of one run: ``write`` receives printed text.

    ``add`` is the ``+`` that ``sum`` uses; the interpreter sets it to its guarded ``+``.
    """

    def __init__(self, write: Callable[[str], None]) -> None:
        self._write = write
        self.add: Callable[[object, object], object] = _unguarded_add

    def print(self, *values: object, sep: str | None = " ", end: str | None = "\n",
              file: object = None, flush: bool = False) -> None:
        if file is not None:
            raise refusal("`print(..., file=...)` is not part of TorchScope's PyTorch: "
                          "print to the console.")
        if not isinstance(sep, (str, type(None))) or not isinstance(end, (str, type(None))):
            raise refusal("`sep` and `end` must be strings.")
        sep = " " if sep is None else sep
        end = "\n" if end is None else end
        self._write(sep.join(text_of(value) for value in values) + end)

    def sum(self, iterable: Iterable[object], start: object = 0) -> object:
        total = start
        for item in bounded_items(iterable):
            total = self.add(total, item)
        return total

    def table(self) -> dict[str, Allowed]:
        """Name → Allowed wrapper, for the names in ``allowlist_python.BUILTINS``."""
        functions: dict[str, Callable[..., object]] = {
            "print": self.print, "sum": self.sum, "len": len, "range": safe_range,
            "list": lambda it=_NO_ITEMS: list(bounded_items(it)),
            "tuple": lambda it=_NO_ITEMS: tuple(bounded_items(it)),
            "set": lambda it=_NO_ITEMS: set(bounded_items(it)),
            "dict": lambda it=_NO_ITEMS, **kw: dict(bounded_items(it), **kw),  # type: ignore
            "sorted": lambda it, reverse=False: sorted(  # type: ignore[type-var]
                bounded_items(it), reverse=reverse),
            "reversed": lambda it: list(reversed(bounded_items(it))),
            "enumerate": lambda it, start=0: list(enumerate(bounded_items(it), start)),
            "zip": lambda *its: list(zip(*(bounded_items(it) for it in its), strict=False)),
            "min": lambda *a, **kw: min(*_spread(a), **kw), "max": lambda *a, **kw: max(
                *_spread(a), **kw),
            "any": lambda it: any(bounded_items(it)), "all": lambda it: all(bounded_items(it)),
            "int": int, "float": float, "bool": bool, "complex": complex, "str": _str,
            "repr": repr_of, "abs": abs, "round": round, "divmod": divmod, "id": id,
            "isinstance": safe_isinstance,
        }
        return {name: Allowed(func, name, "builtin", _TYPES.get(name))
                for name, func in functions.items()}


def _unguarded_add(left: object, right: object) -> object:
    raise refusal("`sum` is not ready: the interpreter sets its guarded +.")


def _spread(values: tuple[object, ...]) -> tuple[object, ...]:
    if len(values) == 1:
        return (bounded_items(values[0]),)  # type: ignore[arg-type]
    return values


def _str(value: object = "") -> str:
    return text_of(value)
