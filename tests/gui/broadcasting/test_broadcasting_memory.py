"""A long session in the Broadcasting tab: each computation keeps its step, nothing else.

The session log keeps one ``CodeStep`` per computation (what the user asked to keep).
Everything else the tab holds (widgets, picture items, table items, the code view's text)
must stay as it was after a warm-up, however many examples are clicked. Hidden behind
another tab, the operand source lists wait for the tab to be shown before following the
workspace.
"""

from __future__ import annotations

import gc
import types
from collections import Counter

import pytest
import torch
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QWidget

from engine.broadcasting.presets import PRESETS
from gui.broadcasting.tab import BroadcastingTab
from tests.conftest import shown, wait_idle

CYCLES = 2  # rounds of every example after the warm-up rounds
APP_MODULES = {"gui", "engine", "PySide6", "shiboken6"}


@pytest.fixture
def shown_tab(qtbot, ctx):
    widget = shown(qtbot, BroadcastingTab(ctx), 1280, 740)
    wait_idle(qtbot, ctx.runner)
    return widget


def _click_every_example(qtbot, tab) -> None:
    for preset in PRESETS:
        tab.preset_buttons[preset.key].click()
        wait_idle(qtbot, tab.ctx.runner)


def _reachable(roots) -> set[int]:
    """Ids of the objects reachable from ``roots`` (not through classes or modules)."""
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        obj = stack.pop()
        if id(obj) in seen or issubclass(type(obj), type | types.ModuleType | types.FunctionType):
            continue
        seen.add(id(obj))
        stack.extend(gc.get_referents(obj))
    return seen


def _kind(obj: object) -> str | None:
    """The type (or, for a function, the name) of an object of the app or of Qt; None for
    the interpreter's own (its caches, weak references, the test runner's log records)."""
    # type(), not isinstance(): some library objects warn when their __class__ is read
    if type(obj) in (types.FunctionType, types.MethodType):
        module, name = getattr(obj, "__module__", None) or "", obj.__qualname__
    else:
        module, name = type(obj).__module__, type(obj).__qualname__
    return name if str(module).split(".")[0] in APP_MODULES else None


def _held_besides_steps(tab) -> Counter:
    """Live app and Qt objects by kind, leaving out the session's steps and what they hold."""
    gc.collect()
    kept = _reachable([tab.ctx.session.entries()])
    kinds = (_kind(obj) for obj in gc.get_objects() if id(obj) not in kept)
    return Counter(kind for kind in kinds if kind is not None)


def test_clicking_examples_keeps_the_steps_and_nothing_else(shown_tab, qtbot):
    tab = shown_tab
    for _ in range(2):  # warm-up: first-time caches, the code view's first re-render
        _click_every_example(qtbot, tab)
    qobjects = len(tab.findChildren(QObject))
    held = _held_besides_steps(tab)
    steps = len(tab.ctx.session.steps())
    for _ in range(CYCLES):
        _click_every_example(qtbot, tab)
    clicks = CYCLES * len(PRESETS)
    assert len(tab.ctx.session.steps()) == steps + clicks
    assert len(tab.findChildren(QObject)) == qobjects
    grown = _held_besides_steps(tab) - held  # the same example is shown as before
    # a leak of one object per click would show as `clicks` or more of one kind
    assert sum(grown.values()) < clicks // 2, grown


def test_the_code_view_holds_the_latest_steps_only(shown_tab, qtbot):
    tab = shown_tab
    for _ in range(9):  # 90 steps: past the view's bound
        _click_every_example(qtbot, tab)
    view = tab.code_panel.findChild(QPlainTextEdit)
    every_step_lines = sum(tab.code_panel.step_text(s).count("\n") + 2
                           for s in tab.code_panel.steps())
    assert view.document().blockCount() < every_step_lines * 0.8
    assert len(tab.code_panel.steps()) == 91  # Copy still gives them all


@pytest.fixture
def tab_behind_another(qtbot, ctx):
    """The tab in a shown tab widget, with another page current."""
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tab = BroadcastingTab(ctx)
    tabs.addTab(QWidget(), "other")
    tabs.addTab(tab, "broadcasting")
    tabs.resize(1280, 780)
    tabs.show()
    qtbot.waitExposed(tabs)
    wait_idle(qtbot, ctx.runner)
    return tabs, tab


def _listed(operand) -> list[str]:
    return [operand.source.itemData(i) for i in range(1, operand.source.count())]


def test_hidden_tab_lists_workspace_tensors_when_shown(tab_behind_another, ctx):
    tabs, tab = tab_behind_another
    for name in ("x", "y", "z"):
        ctx.workspace.keep(name, torch.zeros(2, 3))
    assert _listed(tab.input_a) == [] and tab.input_a.sources_stale()  # no rebuild yet
    tabs.setCurrentWidget(tab)
    assert not tab.input_a.sources_stale() and not tab.input_b.sources_stale()
    assert _listed(tab.input_a) == _listed(tab.input_b) == ["x", "y", "z"]
    ctx.workspace.keep("w", torch.zeros(3))  # shown: the lists follow at once
    assert _listed(tab.input_b) == ["x", "y", "z", "w"]


def test_a_tensor_deleted_while_hidden_is_no_longer_used(tab_behind_another, qtbot, ctx):
    tabs, tab = tab_behind_another
    ctx.workspace.keep("x", torch.arange(6.0).reshape(2, 3))
    tabs.setCurrentWidget(tab)
    tab.input_a.source.setCurrentIndex(tab.input_a.source.findData("x"))
    tab.input_a.source.activated.emit(tab.input_a.source.currentIndex())
    wait_idle(qtbot, ctx.runner)
    assert tab.input_a.tensor_name() == "x" and tab.input_a.field.isReadOnly()
    tabs.setCurrentIndex(0)
    ctx.workspace.delete("x")
    assert tab.input_a.sources_stale()
    assert tab.input_a.tensor_name() is None  # read while stale: brought up to date first
    assert not tab.input_a.field.isReadOnly()
