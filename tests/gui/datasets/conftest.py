"""The Datasets tests run the code the app shows; its 3×3 grid code ends with plt.show()."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def matplotlib_draws_offscreen():
    """With Qt loaded, matplotlib would pick its Qt backend and plt.show() would block."""
    import matplotlib

    matplotlib.use("Agg")
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
