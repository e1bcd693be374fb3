"""Start-up (on the worker) reads the message catalogues, so the first language switch on
the GUI thread finds them ready."""

from __future__ import annotations

from engine.core.startup import load_engine
from engine.i18n import messages


def _run(job) -> None:
    try:
        while True:
            next(job)
    except StopIteration:
        pass


def test_load_engine_reads_every_catalogue(monkeypatch):
    monkeypatch.setattr(messages, "_catalogues", {})
    _run(load_engine(modules=()))
    assert set(messages._catalogues) == set(messages.SUPPORTED_LANGUAGES)
    assert messages._catalogues["es"]  # the Spanish messages themselves
