"""The tiny model's loss history: every loss kept, in a few bytes each, exactly."""

from __future__ import annotations

import numpy as np

from engine.autograd.losses import LossHistory
from engine.autograd.model import build_model, train_model
from tests.engine.autograd.test_autograd_presets import finish


def test_appended_and_extended_losses_come_back_in_order():
    history = LossHistory()
    for value in (3.0, 2.5):
        history.append(value)
    history.extend(np.array([2.0, 1.5]))
    history.extend([1.0])
    assert len(history) == 5
    assert history.values().tolist() == [3.0, 2.5, 2.0, 1.5, 1.0]
    np.testing.assert_array_equal(np.array(history, dtype=float), [3.0, 2.5, 2.0, 1.5, 1.0])


def test_a_long_history_costs_at_most_eight_bytes_a_loss():
    history = LossHistory()
    for value in np.linspace(1.0, 0.0, 100_000):
        history.append(float(value))
    history.extend(np.zeros(50_000))
    assert len(history) == 150_000
    assert history.nbytes() <= 8 * 150_000  # float32, at most twice the room while growing


def test_a_view_given_out_stays_as_it_was_while_the_history_grows():
    history = LossHistory()
    history.extend([1.0, 2.0])
    shown = history.values()
    history.extend(np.arange(1000, dtype=float))  # grows: a new buffer
    assert shown.tolist() == [1.0, 2.0]
    assert not shown.flags.writeable  # readers share it: never written through a view


def test_the_tiny_models_losses_are_kept_exactly():
    """float32 storage loses nothing: ``loss.item()`` of a float32 loss is a float32 value."""
    state = build_model().state
    as_floats: list[float] = []
    kept = LossHistory()
    result, _progress = finish(train_model(state, 40, as_floats))
    state_again = build_model().state
    finish(train_model(state_again, 40, kept))
    assert kept.values().tolist() == as_floats
    assert result.losses.tolist() == as_floats
