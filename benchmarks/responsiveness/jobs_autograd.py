"""The Autograd tab's jobs: presets drawn (every group opened), pan/zoom, the tiny model."""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.responsiveness.harness import (
    START,
    TAIL_MS,
    Bench,
    Idle,
    JobScript,
    Skip,
    Sleep,
    Until,
)


def preset(key: str) -> Callable[[Bench], JobScript]:
    def script(bench: Bench) -> JobScript:
        tab = bench.tab("autograd")
        tab.modes.setCurrentWidget(_page_holding(tab.modes, tab.presets))
        tab.presets.set_current_key(key)
        if tab.presets.current_key() != key:
            raise Skip(f"no {key} preset")
        bench.shown_preset = ""
        yield Idle()
        yield START
        tab.presets.run_button.click()
        yield Idle(timeout_s=180, what=f"the {key} preset")
        if bench.record.failures or not _node_count(tab):
            raise Skip(f"the {key} preset drew no graph")
        first = _node_count(tab)
        open_all = getattr(tab.graph_view, "open_all_button", None)
        if open_all is not None and open_all.isVisible() and open_all.isEnabled():
            open_all.click()  # a model shown by its modules: open every group
            yield Sleep(100)
            yield Idle(timeout_s=120, what="every group to open")
        bench.shown_preset = key
        shown = _node_count(tab)
        opened = f"{first}→{shown} points, Open all" if shown != first else f"{shown} points"
        bench.rename(f"{bench.record.label} ({opened})")
        yield Sleep(TAIL_MS)

    return script


def _page_holding(tabs, widget):
    """The page of a QTabWidget that holds ``widget`` (pages may be scroll areas)."""
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is widget or page.isAncestorOf(widget):
            return page
    raise Skip(f"no page holds {type(widget).__name__}")


def _node_count(tab) -> int:
    """Points drawn in the graph view (nodes, and module boxes of a collapsed model)."""
    import pyqtgraph as pg

    items = tab.graph_view.plot.getPlotItem().items
    return sum(len(i.data) for i in items if isinstance(i, pg.ScatterPlotItem))


def pan_zoom(bench: Bench) -> JobScript:
    """Wheel and drag steps as pyqtgraph's ViewBox applies mouse input (so the graph view
    reacts as it does to a user: labels paused while moving)."""
    from benchmarks.bench_autograd import drag_step, wheel_step

    tab = bench.tab("autograd")
    if bench.shown_preset != "resnet50":
        raise Skip("the ResNet-50 graph is not shown (its preset job was skipped)")
    box = tab.graph_view.plot.getViewBox()
    (x0, x1), (y0, y1) = box.viewRange()
    yield Idle()
    yield START
    for i in range(30):  # wheel steps: in, then out
        wheel_step(box, 0.9 if i < 15 else 1 / 0.9)
        yield Sleep(16)
    for i in range(30):  # drag steps
        sign = 1 if i % 20 < 10 else -1
        drag_step(box, sign * (x1 - x0) / 60, (y1 - y0) / 120)
        yield Sleep(16)
    yield Sleep(TAIL_MS)



def tiny_build(bench: Bench) -> JobScript:
    tab = bench.tab("autograd")
    tab.modes.setCurrentWidget(_page_holding(tab.modes, tab.model_panel))
    yield Idle()
    yield START
    tab.model_panel.build_button.click()
    yield Until(lambda: tab.model_panel.train_button.isEnabled(), "the tiny model")
    yield Idle()
    yield Sleep(TAIL_MS)


def tiny_train(bench: Bench) -> JobScript:
    tab = bench.tab("autograd")
    panel = tab.model_panel
    if not panel.train_button.isEnabled():
        raise Skip("the tiny model was not built")
    tab.modes.setCurrentWidget(_page_holding(tab.modes, panel))
    panel.steps.setValue(200)
    yield Idle()
    yield START
    panel.train_button.click()
    yield Until(lambda: len(panel.losses()) >= 200, "200 training steps", timeout_s=120)
    yield Idle()
    yield Sleep(TAIL_MS)
