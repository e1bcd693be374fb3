"""A language switch spread over event-loop turns, so that the shown window never freezes.

Qt sends ``LanguageChange`` through a whole window in one go: every widget's ``changeEvent``,
then a relayout, and a repaint of everything (Qt calls ``update()`` on every widget that
gets the event, big containers included), plus one event for each of the hundred-odd hidden
menus and popups. With every tab full this froze the GUI thread for 40-90 ms. Here every
top-level widget is held (the application posts the event to none of them: see
``gui.shell.language``; one sent by Qt stops there), and each turn delivers it BUDGET_MS'
worth at a time: a widget with a small subtree gets it at once; a large one has its
children held first, then follows alone (parents before children, as Qt does): a
``Retranslatable`` one through its ``_retranslate`` and a plain Qt container not at all, so
that neither repaints its whole area (what their texts change repaints itself). Qt relayouts
and repaints what changed between turns. Hidden children met on the way (pages not current,
closed panels) follow when they are shown; a held widget that is shown, or ``flush()``,
follows at once.
"""

from __future__ import annotations

import functools
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsView,
    QScrollArea,
    QSplitter,
    QSplitterHandle,
    QStackedWidget,
    QTabWidget,
    QWidget,
)
from shiboken6 import isValid

from gui.core.layouts import settle_layouts

BUDGET_MS = 1.5  # work per event-loop turn; the relayout and repaint of what changed follow
SMALL_SUBTREE = 40  # a held widget with at most this many widgets inside follows in one go
_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly
# Qt's containers that show no text of their own: LanguageChange would only repaint them whole
_INERT_CONTAINERS = frozenset([QWidget, QFrame, QScrollArea, QSplitter, QStackedWidget,
                               QTabWidget])


class StagedDelivery(QObject):
    """Holds ``LanguageChange`` at widgets and delivers it over several turns."""

    settled = Signal()  # every held widget has followed the switch

    def __init__(self, parent: QObject | None, retranslatable: type,
                 defer_until_shown: Callable[[QWidget], None]) -> None:
        super().__init__(parent)
        self._retranslatable = retranslatable  # the mixin: its changeEvent only retranslates
        self._defer_until_shown = defer_until_shown
        # strong references: the wrapper of a widget Qt made (a viewport, a tab bar) would
        # otherwise die at once, and the widget would no longer be known as held
        self._held: set[QWidget] = set()
        # held widgets, and steps that repaint (each on a turn of its own)
        self._queue: deque[QWidget | Callable[[], None]] = deque()
        self._frozen: list[QWidget] = []  # shown parts not repainted until they are done
        self._panes: list[QWidget] = []  # met on the way: they repaint one per turn
        self._turn_timer = QTimer(self)
        self._turn_timer.setSingleShot(True)
        self._turn_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._turn_timer.setInterval(1)  # a real timer: the repaint posted by a turn runs first
        self._turn_timer.timeout.connect(self._turn)

    # --- before the translators change ----------------------------------------------------
    def hold_windows(self) -> None:
        """Hold every top-level widget, shown windows first, then the hidden ones (menus,
        popups, on the first turn: a hundred-odd of them); they follow on the next turns.
        The shown windows are not repainted until they are done: each text changed inside a
        tab widget makes it repaint all its area (QTabWidget relayouts with an
        ``update()``), once per turn otherwise."""
        windows = QApplication.topLevelWidgets()
        shown = [window for window in windows if window.isVisible()]
        self._freeze(shown)
        self._queue.append(functools.partial(self._hold_hidden_windows, windows))
        self._queue.extend(window for window in shown if self._hold(window))
        self._queue.extend([settle_layouts, self._thaw])  # windows repaint once, thawed
        self._turn_timer.start()

    def _hold_hidden_windows(self, windows: list[QWidget]) -> None:
        """Queued last: they follow after the shown windows are repainted (one shown since
        the switch began too: it was not held)."""
        self._queue.extend(window for window in windows if isValid(window) and self._hold(window))

    def _freeze(self, windows: list[QWidget]) -> None:
        # what is inside each window, not the window: a top-level frozen while a repaint
        # was pending could be left unpainted by Qt after it thawed
        for window in windows:
            for part in window.findChildren(QWidget, options=_DIRECT):
                if part.isVisible() and not part.isWindow() and part.updatesEnabled():
                    part.setUpdatesEnabled(False)
                    self._frozen.append(part)

    def _thaw(self) -> None:
        """The shown windows repaint in their new language, a pane at a time: each pane of
        a splitter and each graphics view met on the way on a later turn of its own."""
        panes = _freeze_panes(self._panes)
        self._panes.clear()
        for part in self._frozen:
            if isValid(part):
                part.setUpdatesEnabled(True)  # the rest: menus, tab bars, frames
        self._frozen.clear()
        steps = [functools.partial(_thaw_pane, pane) for pane in panes]
        steps.append(_after_the_last_repaint)  # in progress until the window is repainted
        self._queue.extendleft(reversed(steps))

    def _hold(self, widget: QWidget) -> bool:
        if widget in self._held:
            return False
        self._held.add(widget)
        widget.installEventFilter(self)
        return True

    def _hold_children(self, widget: QWidget) -> list[QWidget]:
        """Hold the shown children and the child windows; hidden children follow when shown."""
        held = []
        for child in widget.findChildren(QWidget, options=_DIRECT):
            if child.isVisible() or child.isWindow():
                if self._hold(child):
                    held.append(child)
            elif child not in self._held:
                self._defer_until_shown(child)
        return held

    # --- the turns ----------------------------------------------------------------------
    def _turn(self) -> None:
        start = time.perf_counter()
        while self._queue and (time.perf_counter() - start) * 1000 < BUDGET_MS:
            widget = self._queue.popleft()
            if callable(widget) and not isinstance(widget, QWidget):
                widget()
                break  # the repaint comes on its own turn
            if isValid(widget) and widget in self._held:
                self._advance(widget)
        if self._queue:
            self._turn_timer.start()
        else:
            self._held.clear()  # only widgets destroyed while held remain
            self.settled.emit()

    def _advance(self, widget: QWidget) -> None:
        if not widget.isVisible():
            if widget.isWindow():  # not shown at all: follows at once, all of it
                self._deliver(widget)
            else:  # hidden since it was held
                self._release(widget)
                self._defer_until_shown(widget)
        elif _is_small(widget):
            self._note_panes(widget, small=True)
            self._deliver(widget)
        else:
            self._note_panes(widget, small=False)
            children = self._hold_children(widget)
            self._release(widget)
            self._follow_alone(widget)
            self._queue.extendleft(reversed(children))

    def _note_panes(self, widget: QWidget, small: bool) -> None:
        """A splitter's pane or a graphics view (plots, pictures: the costliest to paint)
        repaints on a turn of its own when the window thaws."""
        parent = widget.parentWidget()
        if isinstance(widget, QGraphicsView) or (
                isinstance(parent, QSplitter)
                and not isinstance(widget, (QSplitter, QSplitterHandle))):
            self._panes.append(widget)
        if small:  # the views inside, found at little cost
            self._panes += widget.findChildren(QGraphicsView)

    def _follow_alone(self, widget: QWidget) -> None:
        """The widget follows, not its held children, without repainting its whole area."""
        kind = type(widget)
        if kind in _INERT_CONTAINERS:
            return
        if isinstance(widget, self._retranslatable) and not _handles_events(kind,
                                                                            self._retranslatable):
            widget._retranslate()  # what its changeEvent does, without Qt's update()
        else:
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))

    def _release(self, widget: QWidget) -> None:
        self._held.discard(widget)
        widget.removeEventFilter(self)

    def _deliver(self, widget: QWidget) -> None:
        self._release(widget)
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched in self._held:
            kind = event.type()
            if kind == QEvent.Type.LanguageChange:
                return True  # it stops here; delivered on a later turn
            if kind == QEvent.Type.Show:
                self._deliver(watched)  # before it is painted
        return False

    # --- queries and flushing -----------------------------------------------------------
    def flush(self) -> None:
        """Deliver to every held widget now."""
        self._turn_timer.stop()
        while self._queue:
            widget = self._queue.popleft()
            if callable(widget) and not isinstance(widget, QWidget):
                widget()
            elif isValid(widget) and widget in self._held:
                self._deliver(widget)
        self._thaw()
        while self._queue:  # the views it left frozen
            self._queue.popleft()()
        self._held.clear()
        self.settled.emit()

    def in_progress(self) -> bool:
        return bool(self._queue)


def _freeze_panes(panes: list[QWidget]) -> list[QWidget]:
    """Freeze the shown ``panes``, so that they stay frozen when their window thaws (not
    those their owner froze); returns them, outer ones first."""
    frozen_by_owner = Qt.WidgetAttribute.WA_ForceUpdatesDisabled
    shown = [pane for pane in dict.fromkeys(panes)
             if isValid(pane) and pane.isVisible() and not pane.testAttribute(frozen_by_owner)]
    for pane in shown:
        pane.setUpdatesEnabled(False)
    return shown


def _after_the_last_repaint() -> None:
    """A last turn: the repaint the turn before it posted has run by then."""


def _thaw_pane(pane: QWidget) -> None:
    if isValid(pane):
        pane.setUpdatesEnabled(True)


@functools.cache
def _handles_events(kind: type, mixin: type) -> bool:
    """Whether a Python class of ``kind`` (the mixin aside) defines changeEvent or event."""
    ours = [cls for cls in kind.__mro__
            if cls is not mixin and not cls.__module__.startswith(("PySide6", "shiboken6"))]
    return any("changeEvent" in vars(cls) or "event" in vars(cls) for cls in ours)


def _is_small(widget: QWidget) -> bool:
    """At most SMALL_SUBTREE widgets inside; stops counting there (a window has thousands)."""
    count, todo = 0, [widget]
    while todo:
        children = todo.pop().findChildren(QWidget, options=_DIRECT)
        count += len(children)
        if count > SMALL_SUBTREE:
            return False
        todo.extend(children)
    return True
