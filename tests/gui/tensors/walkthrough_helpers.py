"""What the note walkthrough tests share: a Tensors tab, and a ``Learner`` who clicks through
it like a user and checks each step against the code panel's code."""

from __future__ import annotations

import numpy as np
import torch

from engine.core.codegen import PREAMBLE
from tests.conftest import wait_idle


def make_tab(qtbot, ctx):
    from gui.tensors.tab import TensorsTab

    widget = TensorsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    wait_idle(qtbot, ctx.runner)
    return widget


class Learner:
    """Clicks through the tab like a user and checks each step against the code panel."""

    def __init__(self, qtbot, tab) -> None:
        self.qtbot, self.tab = qtbot, tab
        self.ops = tab.plugins["operate"]
        self.memory = tab.plugins["memory"]

    def wait(self) -> None:
        wait_idle(self.qtbot, self.tab.ctx.runner)

    def namespace(self) -> dict:
        namespace: dict = {}
        code = PREAMBLE + "\n".join(step.code for step in self.tab.code_panel.steps())
        exec(code, namespace)  # noqa: S102 - the code the app shows, run as a learner would
        return namespace

    def shown(self, name: str | None = None, *, values=None, dtype=None, reproduce=True):
        """The viewer shows ``name``; the code reproduces it; optional expected values."""
        snap = self.tab.viewer.snapshot()
        if name is not None:
            assert snap.name == name
        if values is not None:
            assert np.allclose(snap.values, np.asarray(values), equal_nan=True), snap.values
        if dtype is not None:
            assert snap.facts.dtype == dtype
        if reproduce:
            tensor = self.namespace()[snap.name].detach()
            assert tuple(tensor.shape) == snap.facts.shape
            assert str(tensor.dtype) == f"torch.{snap.facts.dtype}"
            if tensor.dtype in (torch.float16, torch.bfloat16):
                tensor = tensor.float()
            assert np.array_equal(tensor.numpy(), snap.values, equal_nan=True)
        return snap

    def note(self) -> str:
        return self.tab.note_label.text()

    # --- Create -------------------------------------------------------------------------
    def create(self, kind: str, name: str, *, seed: int | None = 1729, out: str = "",
               **fields) -> None:
        panel = self.tab.create_panel
        self.tab.sections.setCurrentIndex(self.tab.section_keys.index("create"))
        panel.set_kind(kind)
        panel.fields["name"].setText(name)
        panel.fields["dtype"].setCurrentIndex(panel.fields["dtype"].findData(None))
        for key, value in fields.items():
            widget = panel.fields[key]
            if key == "dtype":
                widget.setCurrentIndex(widget.findData(value))
            elif key == "source":
                widget.setCurrentText(value)
            else:
                widget.setText(value)
        panel.seed_check.setChecked(seed is not None)
        if seed is not None:
            panel.seed_spin.setValue(seed)
        panel.out_check.setChecked(bool(out))
        if out:
            panel.out_combo.setCurrentText(out)
        panel.create_button.click()
        self.wait()
        assert panel.error_text() == "" and all(
            not box.error.isVisible() for box in panel.boxes.values())

    # --- Operate ------------------------------------------------------------------------
    def expression(self, text: str, result: str) -> None:
        self.ops.set_group("expression")
        self.ops.fields["expression"].setText(text)
        self.ops.fields["result"].setText(result)
        self.ops.run_button.click()
        self.wait()

    def op(self, key: str, source: str, result: str = "r", *, other: str = "",
           mode: str = "new", out: str = "", item: bool = False, **fields) -> None:
        ops = self.ops
        ops.set_op(key)
        ops.fields["source"].setCurrentText(source)
        assert ops.fields["source"].currentText() == source
        if other:
            ops.fields["other"].setEditText(other)
        ops.set_mode(mode)
        if out:
            ops.out_combo.setCurrentText(out)
        ops.fields["result"].setText(result)
        ops.item_check.setChecked(item)
        for key_, value in fields.items():
            ops.fields[key_].setText(value)
        ops.run_button.click()
        self.wait()
        assert ops.error_text() == "", ops.error_text()

    # --- Memory & shape -----------------------------------------------------------------
    def shape(self, op: str, source: str, args: str, result: str) -> None:
        section = self.memory.shape_section
        self.memory.show_demo("shape")
        section.fields["source"].setCurrentText(source)
        section.set_op(op, args)
        section.fields["result"].setText(result)
        section.apply_button.click()
        self.wait()
        assert section.error_text() == "", section.error_text()


def _values(learner: Learner, name: str) -> np.ndarray:
    return learner.namespace()[name].detach().numpy()

