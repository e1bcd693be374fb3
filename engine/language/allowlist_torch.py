"""What ``torch.<name>`` may be: functions, dtypes, types and submodules, by name.

Every function the study note uses is here, plus the Tensors tab's catalogue. Nothing that
reaches files, imports, the network or PyTorch internals (load, save, hub, ops, classes,
_C, utils, set_printoptions, cuda, backends) is listed.
"""

from __future__ import annotations


def names(text: str) -> frozenset[str]:
    """The whitespace-separated names of ``text``."""
    return frozenset(text.split())


_ELEMENTWISE = names(
    """abs absolute neg negative sign ceil floor round trunc frac sqrt rsqrt exp exp2 expm1
    log log2 log10 log1p square reciprocal sin cos tan asin acos atan sinh cosh tanh asinh
    acosh atanh arcsin arccos arctan sigmoid relu erf bitwise_not logical_not"""
)

CREATION = names(
    """tensor as_tensor empty zeros ones full rand randn randint randperm arange linspace
    logspace eye empty_like zeros_like ones_like full_like rand_like randn_like randint_like"""
)
"""Constructors: dry-run on the ``meta`` device before allocating."""

TORCH_FUNCTIONS = (
    CREATION
    | _ELEMENTWISE
    | frozenset(f"{name}_" for name in _ELEMENTWISE - {"sign", "frac", "absolute"})
    | names(
        """from_numpy manual_seed initial_seed get_default_dtype is_tensor is_floating_point
        is_complex numel clamp clip clamp_ pow atan2 add sub subtract mul multiply div divide
        true_divide floor_divide remainder fmod maximum minimum where lerp softmax log_softmax
        bitwise_and bitwise_or bitwise_xor logical_and logical_or logical_xor eq ne gt lt ge
        le greater less equal allclose isclose isnan isinf isfinite nan_to_num
        sum mean std var prod max min amax amin argmax argmin median norm cumsum cumprod all
        any unique count_nonzero sort argsort topk
        matmul mm bmm mv dot outer inner cross det inverse svd t trace diag tril triu einsum
        kron reshape flatten squeeze unsqueeze transpose permute cat concat stack hstack
        vstack split chunk narrow flip roll broadcast_to broadcast_tensors broadcast_shapes
        gather index_select masked_select nonzero tile repeat_interleave movedim swapaxes
        clone no_grad enable_grad inference_mode is_grad_enabled set_grad_enabled
        is_inference_mode_enabled Size device"""
    )
)

TORCH_DTYPES = names(
    """float16 half bfloat16 float32 float float64 double complex64 cfloat complex128
    cdouble uint8 int8 int16 short int32 int int64 long bool"""
)

TORCH_CONSTANTS = names("pi e inf nan")

TORCH_TYPES = names("Tensor dtype")
"""Types usable in ``isinstance`` (not callable: ``torch.tensor(...)`` builds tensors)."""

LINALG_FUNCTIONS = names(
    """det inv svd svdvals norm vector_norm matrix_norm solve cross matmul matrix_rank qr
    cholesky eigvals eigvalsh eigh slogdet pinv"""
)

SUBMODULES = names("linalg")

HEAVY = names(
    """matmul mm bmm mv dot outer inner einsum kron det inverse inv svd svdvals
    matrix_rank qr cholesky eigvals eigvalsh eigh slogdet pinv solve __matmul__"""
)
"""Operations whose time grows faster than their output: their cost is bounded too."""

GRAD_MODE_TYPES = names("no_grad enable_grad inference_mode set_grad_enabled")
"""The context managers a ``with`` statement may use."""
