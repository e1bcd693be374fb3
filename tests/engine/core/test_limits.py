"""The memory guard names sizes of any magnitude instead of failing on them."""

from __future__ import annotations

import pytest

from engine.core.errors import SizeLimitError
from engine.core.limits import check_allocation, format_bytes


@pytest.mark.parametrize(("size", "text"), [(0, "0 bytes"), (1023, "1023 bytes"),
                                            (1536, "1.5 KiB"), (2 * 1024**3, "2.0 GiB"),
                                            (3 * 1024**5, "3.0 PiB")])
def test_format_bytes_in_binary_units(size, text):
    assert format_bytes(size) == text


@pytest.mark.parametrize("size", [8 * 10**308, 2**2000, 10**5000],
                         ids=["8e308", "2**2000", "1e5000"])
def test_format_bytes_beyond_a_float_names_the_power_of_ten(size):
    text = format_bytes(size)
    exponent = len(str(size)) - 1 if size < 10**4000 else 5000
    assert f"e{exponent} bytes" in text


@pytest.mark.parametrize("shape", [(10**308,), (2**62, 2**62, 2**62), (10**12,) * 8],
                         ids=["1e308", "2**186", "1e96"])
def test_check_allocation_refuses_huge_shapes_with_their_size(shape):
    with pytest.raises(SizeLimitError) as caught:
        check_allocation(shape, 8, field="high")
    assert caught.value.field == "high"
    assert "bytes" in caught.value.message or "PiB" in caught.value.message
