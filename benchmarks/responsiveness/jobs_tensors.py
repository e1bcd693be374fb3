"""The Tensors tab's jobs: a 4096² tensor created and shown, Operate expressions on it, and
the viewer's slicing and scrolling."""

from __future__ import annotations

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


def create(bench: Bench, kind: str, shape: str, name: str) -> JobScript:
    """Fill the Create section's fields and press Create; waits until the viewer shows it."""
    tab = bench.tab("tensors")
    tab.sections.setCurrentIndex(tab.section_keys.index("create"))
    panel = tab.create_panel
    panel.set_kind(kind)
    if panel.kind() != kind:
        raise Skip(f"the Create section has no {kind}")
    panel.fields["shape"].setText(shape)
    panel.fields["name"].setText(name)
    yield Idle()
    yield START
    panel.create_button.click()
    wanted = tuple(int(s) for s in shape.split(","))
    yield Until(lambda: _shown_shape(tab) == wanted, f"torch.{kind}({shape}) to be shown")
    yield Idle()


def _shown_shape(tab) -> tuple[int, ...] | None:
    snap = tab.viewer.snapshot()
    return None if snap is None else tuple(snap.facts.shape)


def heatmap(bench: Bench) -> JobScript:
    yield from create(bench, "rand", "4096, 4096", "big")
    yield Sleep(TAIL_MS)


def expression(text: str, result: str, shape: tuple[int, ...]):
    def script(bench: Bench) -> JobScript:
        tab = bench.tab("tensors")
        if "big" not in bench.window.workspace.names():
            raise Skip("the 4096×4096 tensor was not created")
        tab.sections.setCurrentIndex(tab.section_keys.index("operate"))
        panel = tab.plugins["operate"]
        panel.set_group("expression")
        if panel.group() != "expression":
            raise Skip("the Operate section has no expression group")
        panel.fields["expression"].setText(text)
        panel.fields["result"].setText(result)
        yield Idle()
        yield START
        panel.run_button.click()
        yield Until(lambda: _shown_shape(tab) == shape, f"{result} = {text} to be shown")
        yield Idle()
        yield Sleep(TAIL_MS)

    return script


def swap_and_scroll(bench: Bench) -> JobScript:
    from gui.widgets.tensor_slicing import SliceSpec

    tab = bench.tab("tensors")
    viewer = tab.viewer
    if _shown_shape(tab) is None or len(_shown_shape(tab)) != 2 or \
            viewer.snapshot().values.size < 4_000_000:
        raise Skip("no large 2-D tensor is shown")
    yield Idle()
    yield START
    viewer.set_slice_spec(SliceSpec(1, 0, (0, 0)))  # rows ↔ columns: the transposed view
    yield Sleep(300)
    viewer.set_slice_spec(SliceSpec(0, 1, (0, 0)))
    yield Sleep(300)
    viewer.show_view("values")
    yield Sleep(100)
    bar = viewer.table.verticalScrollBar()
    for i in range(40):
        bar.setValue(int(bar.maximum() * i / 39))
        yield Sleep(16)
    viewer.show_view("heatmap")
    yield Sleep(TAIL_MS)
