"""--theme and --scale on the command line."""

from __future__ import annotations

import os

import pytest

from gui.shell import app


def test_theme_and_scale_are_parsed():
    args = app.build_parser().parse_args(["--screenshot", "x.png", "--theme", "dark",
                                          "--scale", "2"])
    assert (args.theme, args.scale) == ("dark", 2)
    with pytest.raises(SystemExit):
        app.build_parser().parse_args(["--scale", "3"])


def test_scale_sets_qt_scale_factor_before_the_application(monkeypatch):
    monkeypatch.delenv("QT_SCALE_FACTOR", raising=False)
    monkeypatch.setattr("gui.shell.qt_setup.use_temporary_settings", lambda: "")
    assert app._prepare_qt(offscreen=True, window=False, private_settings=False,
                           scale=2) is None
    assert os.environ["QT_SCALE_FACTOR"] == "2"
