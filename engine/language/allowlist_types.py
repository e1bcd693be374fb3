"""Per receiver type, the attributes code may read, call or assign.

The check is on the receiver's runtime type (``isinstance``), never on a variable's name.
Names starting with ``_`` are refused except the read-only facts listed on purpose.
"""

from __future__ import annotations

from engine.language.allowlist_torch import names as _names

_UNARY = _names(
    """abs neg sign ceil floor round trunc frac sqrt rsqrt exp exp2 expm1 log log2 log10
    log1p square reciprocal sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh
    arcsin arccos arctan sigmoid relu erf bitwise_not logical_not"""
)
_BINARY = _names(
    """add sub mul div pow remainder fmod clamp clip maximum minimum atan2 bitwise_and
    bitwise_or bitwise_xor logical_and logical_or eq ne gt lt ge le lerp masked_fill
    copy_ fill_ zero_ normal_ uniform_ random_ index_fill_ squeeze_ unsqueeze_ t_
    transpose_ requires_grad_ detach_ retain_grad"""
)

TENSOR_METHODS = (
    _UNARY
    | frozenset(f"{name}_" for name in _UNARY)
    | _BINARY
    | frozenset(f"{name}_" for name in _BINARY if not name.endswith("_"))
    | _names(
        """sum mean std var prod max min amax amin argmax argmin median norm cumsum cumprod
        all any unique count_nonzero sort argsort topk equal allclose isclose isnan isinf
        matmul mm bmm mv dot outer cross det inverse svd trace diag tril triu softmax
        log_softmax view view_as reshape reshape_as unsqueeze squeeze flatten transpose t
        permute expand expand_as repeat repeat_interleave contiguous is_contiguous clone
        detach numpy item tolist backward size stride dim numel nelement element_size
        storage_offset data_ptr to type type_as float double half bfloat16 int long short
        bool byte char cpu is_floating_point is_complex index_select gather narrow chunk
        split flip roll masked_select nonzero where new_zeros new_ones new_full new_empty
        new_tensor movedim swapaxes tile broadcast_to"""
    )
)

TENSOR_PROPERTIES = _names(
    """grad grad_fn requires_grad is_leaf shape dtype device T mT H ndim data layout
    is_cuda itemsize nbytes real imag output_nr _version _base"""
)

TENSOR_ASSIGNABLE = _names("requires_grad grad")

NODE_METHODS = _names("name")
NODE_PROPERTIES = _names(
    """next_functions variable _saved_self _saved_other _saved_result _saved_alpha
    _saved_exponent _saved_dim _saved_keepdim _saved_mat1 _saved_mat2 _saved_self_sym_sizes
    _saved_other_sym_sizes _saved_self_sym_strides _saved_sizes _saved_indices _saved_values
    _saved_start _saved_end _saved_steps _saved_scalar _saved_min _saved_max"""
)

SIZE_METHODS = _names("numel count index")

NDARRAY_METHODS = _names(
    """sum mean std min max argmax argmin item tolist reshape copy transpose flatten
    astype fill all any"""
)
NDARRAY_PROPERTIES = _names("shape dtype ndim size itemsize nbytes strides T base")

DTYPE_PROPERTIES = _names("is_floating_point is_complex is_signed itemsize")
DEVICE_PROPERTIES = _names("type index")
NUMPY_DTYPE_PROPERTIES = _names("name itemsize kind char")
NUMBER_PROPERTIES = _names("real imag")
NUMBER_METHODS = _names("is_integer conjugate")

LIST_METHODS = _names("append pop index count copy reverse insert remove clear")
TUPLE_METHODS = _names("index count")
DICT_METHODS = _names("keys values items get pop copy")
STR_METHODS = _names(
    "upper lower strip lstrip rstrip split startswith endswith isdigit title capitalize"
)

RETURN_TYPE_FIELDS = _names(
    """values indices U S V Vh L Q R eigenvalues eigenvectors sign logabsdet mantissa
    exponent"""
)
"""Fields of ``torch.return_types`` results (``torch.max(t, dim=0).values``)."""
