"""Pictures: PNG and SVG of pyqtgraph views and plain widgets, and the context-menu export."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as exporters
import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel

from gui.session.picture_export import export_widget_picture, install_svg_exporter


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget()
    widget.plot(np.array([1.0, 3.0, 2.0]))
    widget.resize(320, 240)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def image_view(qtbot):
    view = pg.ImageView()
    view.setImage(np.arange(200, dtype=float).reshape(10, 20))
    view.resize(320, 240)
    qtbot.addWidget(view)
    return view


def check_png(path, size=None) -> None:
    image = QImage(str(path))
    assert not image.isNull()
    if size is not None:
        assert (image.width(), image.height()) == size


def check_svg(path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert QSvgRenderer(str(path)).isValid()


@pytest.mark.parametrize("which", ["plot", "image_view"])
def test_widgets_export_to_png_and_svg(request, tmp_path, which):
    widget = request.getfixturevalue(which)
    export_widget_picture(widget, tmp_path / "w.png")
    check_png(tmp_path / "w.png", (320, 240))
    export_widget_picture(widget, tmp_path / "w.svg")
    check_svg(tmp_path / "w.svg")


def test_plot_items_and_scenes_export_too(plot, image_view, tmp_path):
    for index, target in enumerate([plot.getPlotItem(), image_view.getView(), plot.scene()]):
        export_widget_picture(target, tmp_path / f"{index}.png")
        check_png(tmp_path / f"{index}.png")
        export_widget_picture(target, tmp_path / f"{index}.svg")
        check_svg(tmp_path / f"{index}.svg")


def test_plain_widgets_and_wrong_suffixes(qtbot, tmp_path):
    label = QLabel("tensor")
    label.resize(120, 40)
    qtbot.addWidget(label)
    export_widget_picture(label, tmp_path / "l.svg")
    check_svg(tmp_path / "l.svg")
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        export_widget_picture(label, tmp_path / "l.gif")


def test_context_menu_offers_export_and_its_svg_exporter_works(plot, tmp_path):
    assert "Export..." in [a.text() for a in plot.scene().contextMenu]
    install_svg_exporter()
    install_svg_exporter()  # idempotent
    svg = [e for e in exporters.listExporters() if "SVG" in e.Name]
    assert len(svg) == 1 and getattr(svg[0], "_torchscope", False)
    svg[0](plot.getPlotItem()).export(str(tmp_path / "menu.svg"))
    check_svg(tmp_path / "menu.svg")
    png = next(e for e in exporters.listExporters() if e.Name.startswith("Image File"))
    png(plot.getPlotItem()).export(str(tmp_path / "menu.png"))
    check_png(tmp_path / "menu.png")


def test_picture_menu_saves_any_widget(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from gui.session.picture_export import add_picture_menu

    label = QLabel("grid of images")
    label.resize(160, 60)
    qtbot.addWidget(label)
    menu = add_picture_menu(label, "grid")
    assert label.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    built = menu.build_menu()
    assert [a.text() for a in built.actions()] == ["Save picture as PNG…",
                                                   "Save picture as SVG…"]
    built.deleteLater()
    offered = []

    def save_name(_parent, _caption, default, _filters):
        offered.append(default)
        return str(tmp_path / "mine"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    assert menu.save_picture("png") == tmp_path / "mine.png"
    check_png(tmp_path / "mine.png", (160, 60))
    assert menu.save_picture("svg") == tmp_path / "mine.svg"
    check_svg(tmp_path / "mine.svg")
    assert offered[0].endswith("grid.png") and offered[1].endswith("grid.svg")
