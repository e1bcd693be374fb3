"""A seeded "monkey" that drives random actions across the whole window.

Used by ``tests/gui/shell/test_monkey.py`` (2,000 actions) and
``benchmarks/bench_monkey.py`` (10,000), which also measures what the window holds on
purpose (``kept_memory``, see ``tools.monkey_memory``) apart from everything else. It only
touches what a user could touch: visible, enabled buttons, fields, combo boxes, spin boxes,
sliders and tabs; modal dialogs are answered at once (see ``silence_dialogs``). Typed text
mixes valid and invalid input.

Typed text lands in path fields too (a dataset root, a file name): run a session inside
``scratch_working_directory()`` so relative paths it creates ("abc/FashionMNIST/raw") land in
a temporary folder that is removed afterwards, never in the repository.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from gui.shell.stale_folders import owned_temporary_directory
from tools.monkey_memory import KeptMemory, held_memory

TEXTS = (
    "2, 3", "(4, 3, 2)", "3x1", "[2,3]", "1", "", "0", "2, -3", "abc", "(2, 3", "1e9, 1e9",
    "100000, 100000", "[[1, 2], [3, 4]]", "[[1, 2], [3]]", "a", "x", "b", "sin(a)", "2 * b",
    "c + 1", "sum(d)", "__import__('os')", "a.numpy()", "ones(10**12)", "((((((1))))))",
    "linspace(0, 2*pi, 25)", "float32", "int64", "0.5", "-1", "w", "🙂", "a +", "∑",
)
SKIPPED_BUTTON_WORDS = ("quit", "salir", "close")


@dataclass
class MonkeyReport:
    actions: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> None:
        self.actions += 1
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1


MONKEY_PREFIX = "torchscope-monkey-"


@contextmanager
def scratch_working_directory() -> Iterator[Path]:
    """Change into a new empty temporary folder for the block, then back, and remove it."""
    previous = Path.cwd()
    with owned_temporary_directory(MONKEY_PREFIX) as folder:  # also removes those of killed runs
        os.chdir(folder)
        try:
            yield Path(folder)
        finally:
            os.chdir(previous)


def silence_dialogs(patch: Callable[[object, str, object], None]) -> None:
    """Make every modal dialog return at once; ``patch(obj, name, value)`` sets attributes."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    patch(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    patch(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    patch(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    patch(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    for name in ("information", "warning", "critical", "question"):
        patch(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    patch(QMessageBox, "about", staticmethod(lambda *a, **k: None))
    patch(QDialog, "exec", lambda self, *a, **k: 0)


def _usable(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def _candidates(page: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractSlider,
             QTabWidget, QPlainTextEdit)
    found = [w for w in page.findChildren(QWidget) if isinstance(w, kinds) and _usable(w)]
    return [w for w in found if not (isinstance(w, QAbstractButton) and any(
        word in w.text().lower() for word in SKIPPED_BUTTON_WORDS))]


def _act_on(widget: QWidget, rng: random.Random) -> str:
    if isinstance(widget, QAbstractButton):
        widget.click()
        return "click"
    if isinstance(widget, QLineEdit):
        if widget.isReadOnly():
            return "skip"
        widget.setText(rng.choice(TEXTS))
        widget.editingFinished.emit()
        widget.returnPressed.emit()
        return "type"
    if isinstance(widget, QPlainTextEdit):
        if widget.isReadOnly():
            return "skip"
        widget.setPlainText(rng.choice(TEXTS))
        return "type"
    if isinstance(widget, QComboBox):
        if widget.count():
            widget.setCurrentIndex(rng.randrange(widget.count()))
        if widget.isEditable() and rng.random() < 0.3:
            widget.setEditText(rng.choice(TEXTS))
        return "choose"
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        widget.setValue(rng.uniform(widget.minimum(), min(widget.maximum(), 10_000)))
        return "spin"
    if isinstance(widget, QAbstractSlider):
        widget.setValue(rng.randint(widget.minimum(), widget.maximum()))
        return "slide"
    if isinstance(widget, QTabWidget) and widget.count():
        widget.setCurrentIndex(rng.randrange(widget.count()))
        return "subtab"
    return "skip"


def run_deferred_deletes() -> None:
    """Delete what ``deleteLater`` scheduled, as a running event loop would.

    A driver that only calls ``processEvents()`` never runs deferred deletions, so replaced
    widgets and translators would pile up in a way no real session sees."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def kept_memory(window) -> KeptMemory:
    """What ``window`` holds on purpose: see ``tools.monkey_memory``."""
    return held_memory(window)


def one_action(window, rng: random.Random, report: MonkeyReport) -> None:
    """Perform one random action on ``window`` (a gui.shell.main_window.MainWindow)."""
    roll = rng.random()
    if roll < 0.05:
        window.tab_widget.setCurrentIndex(rng.randrange(window.tab_widget.count()))
        report.count("switch tab")
    elif roll < 0.06:
        window.set_language(rng.choice(("en", "es")))
        report.count("switch language")
    elif roll < 0.09:
        window.runner.cancel_all()
        report.count("cancel")
    else:
        widgets = _candidates(window.tab_widget.currentWidget())
        if not widgets:
            report.count("nothing to do")
            return
        report.count(_act_on(rng.choice(widgets), rng))
