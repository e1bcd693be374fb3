"""Pictures of what the tabs draw: PNG and SVG, from code or from a plot's context menu.

``export_widget_picture(target, path)`` writes ``target`` as PNG or SVG (by the suffix);
``add_picture_menu(widget, name)`` gives any other widget (image grids, plain views) a
right-click "Save picture as PNG… / SVG…" menu.
``target`` may be any QWidget (a pyqtgraph PlotWidget, ImageView, GraphicsLayoutWidget, or
a plain widget) or a pyqtgraph item (PlotItem, ViewBox, ImageItem...) or scene.

pyqtgraph's plots already offer "Export..." in their right-click menu (PNG through its
ImageExporter). Its own SVG exporter fails on the SVG that Qt 6.11 writes (pyqtgraph 0.14.0
cannot parse the path data), so ``install_svg_exporter()`` puts a Qt-based SVG exporter in
its place in that menu; the main window calls it once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QMenu,
    QMessageBox,
    QWidget,
)

PICTURE_SUFFIXES = (".png", ".svg")



def _could_not_write(path: Path) -> str:
    text = QCoreApplication.translate("SessionPictureExport", "Could not write {path}.")
    return text.format(path=path)


def _scene_and_rect(target) -> tuple[QGraphicsScene, QRectF]:
    if isinstance(target, QGraphicsScene):
        view = target.views()[0] if target.views() else None
        if view is None:
            return target, target.itemsBoundingRect()
        return target, view.mapToScene(view.viewport().rect()).boundingRect()
    return target.scene(), target.sceneBoundingRect()


def _write_svg(path: Path, size: QSize, paint) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle("TorchScope")
    painter = QPainter(generator)
    try:
        paint(painter)
    finally:
        painter.end()


def _render_widget(widget: QWidget, painter: QPainter) -> None:
    if isinstance(widget, QGraphicsView):
        widget.render(painter)  # the visible part of the scene, as drawn
    else:
        QWidget.render(widget, painter, QPoint())  # the widget and its children


def _export_item(target, path: Path) -> None:
    if path.suffix.lower() == ".png":
        from pyqtgraph.exporters import ImageExporter

        ImageExporter(target).export(str(path))
        return
    scene, source = _scene_and_rect(target)
    size = source.size().toSize()
    _write_svg(path, size, lambda p: scene.render(p, QRectF(0, 0, size.width(),
                                                            size.height()), source))


def export_widget_picture(target, path) -> Path:
    """Write ``target`` (a QWidget or a pyqtgraph item/scene) to ``path`` (.png or .svg).

    Raises ValueError for another suffix and OSError if the file could not be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in PICTURE_SUFFIXES:
        raise ValueError(QCoreApplication.translate(
            "SessionPictureExport", "Pictures can be saved as .png or .svg, not '{suffix}'.")
            .format(suffix=path.suffix))
    if isinstance(target, QWidget):
        if suffix == ".png":
            if not target.grab().save(str(path), "PNG"):
                raise OSError(_could_not_write(path))
        else:
            _write_svg(path, target.size(), lambda painter: _render_widget(target, painter))
    elif isinstance(target, (QGraphicsItem, QGraphicsScene)):
        _export_item(target, path)
    else:
        raise TypeError(f"cannot export a picture of {type(target).__name__}")
    if not path.exists():
        raise OSError(_could_not_write(path))
    return path


def _make_svg_exporter():
    from pyqtgraph.exporters.Exporter import Exporter
    from pyqtgraph.parametertree import Parameter

    class QtSvgExporter(Exporter):
        """pyqtgraph's context-menu SVG export, drawn by Qt's own SVG generator."""

        Name = "Scalable Vector Graphics (SVG)"
        allowCopy = False

        def __init__(self, item) -> None:
            super().__init__(item)
            self.params = Parameter.create(name="params", type="group", children=[])

        def parameters(self):
            return self.params

        def export(self, fileName=None, toBytes=False, copy=False):
            if fileName is None:
                self.fileSaveDialog(filter=["*.svg"])
                return None
            _export_item(self.item, Path(fileName))
            return None

    return QtSvgExporter


def install_svg_exporter() -> None:
    """Replace pyqtgraph's SVG exporter in the plots' Export dialog (idempotent)."""
    from pyqtgraph.exporters import Exporter, SVGExporter

    exporters = Exporter.Exporters
    if any(getattr(e, "_torchscope", False) for e in exporters):
        return
    replacement = _make_svg_exporter()
    replacement._torchscope = True
    if SVGExporter in exporters:
        exporters[exporters.index(SVGExporter)] = replacement
    else:
        exporters.append(replacement)


class PictureMenu(QObject):
    """A right-click menu "Save picture as PNG… / SVG…" for any widget (image grids, plain
    QGraphicsViews...). pyqtgraph plots have their own Export… menu and do not need it.

    Use ``add_picture_menu(widget, "name")``; the name is the file name offered.
    """

    def __init__(self, widget: QWidget, name: str = "picture") -> None:
        super().__init__(widget)
        self._widget, self._name = widget, name
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(self._on_menu_requested)

    def build_menu(self) -> QMenu:
        menu = QMenu(self._widget)
        menu.addAction(self.tr("Save picture as PNG…")).setData("png")
        menu.addAction(self.tr("Save picture as SVG…")).setData("svg")
        return menu

    def _on_menu_requested(self, position) -> None:
        menu = self.build_menu()
        chosen = menu.exec(self._widget.mapToGlobal(position))
        menu.deleteLater()
        if chosen is not None:
            self.save_picture(chosen.data())

    def save_picture(self, kind: str) -> Path | None:
        """Ask for a file name and write the picture; returns the path written."""
        from gui.session.dialogs import ask_save_path

        label = self.tr("PNG image") if kind == "png" else self.tr("SVG drawing")
        path = ask_save_path(self._widget, self.tr("Save picture"), f"{self._name}.{kind}",
                             [(label, f".{kind}")])
        if path is None:
            return None
        try:
            return export_widget_picture(self._widget, path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self._widget, self.tr("Picture not saved"), str(exc))
            return None


def add_picture_menu(widget: QWidget, name: str = "picture") -> PictureMenu:
    """Give ``widget`` a right-click menu that saves it as PNG or SVG."""
    return PictureMenu(widget, name)
