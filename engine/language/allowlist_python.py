"""The builtins, ``math`` and ``numpy`` names the language knows."""

from __future__ import annotations

from engine.language.allowlist_torch import names as _names

BUILTINS = _names(
    """print len range list tuple int float bool str repr abs min max sum round id
    isinstance enumerate zip dict sorted reversed any all complex set divmod"""
)
"""Implemented in ``engine.language.builtins`` (bounded versions of Python's)."""

MATH_NAMES = _names(
    """pi e tau inf nan sqrt sin cos tan asin acos atan atan2 sinh cosh tanh exp log log2
    log10 log1p expm1 floor ceil trunc fabs pow hypot radians degrees isclose isnan isinf
    isfinite copysign gcd erf"""
)
"""No factorial, comb, perm or prod: their time is unbounded in their arguments."""

NUMPY_FUNCTIONS = _names(
    """array asarray zeros ones full empty arange linspace eye zeros_like ones_like
    full_like add subtract multiply divide sqrt sin cos exp log abs sum mean std min max
    shares_memory may_share_memory allclose array_equal isclose"""
)
NUMPY_DTYPES = _names(
    "float16 float32 float64 int8 int16 int32 int64 uint8 bool_ complex64 complex128"
)
NUMPY_CONSTANTS = _names("pi e inf nan newaxis")
NUMPY_TYPES = _names("ndarray dtype")
