"""Thousands of line segments (edges, group frames) drawn from a cached pixmap.

Drawing DenseNet-201's 3,000 edges and 700 frames is several milliseconds per paint, and
panning repaints on every frame. ``LineLayer`` is one graphics item that draws its lines
into a pixmap covering the viewport plus a margin, at the current zoom; while the view
only moves (the same scale), a paint copies that pixmap at the new offset, and the lines
are drawn again only when the zoom changes or the view leaves the cached area. Line sets
are named (``set_lines("edges", segments, pen)``) and drawn in the order first set.

While the user zooms (``set_moving(True)``, a wheel or drag step), a new scale within
``MAX_STRETCH`` of the cached one stretches the cached pixmap (under a millisecond)
instead of drawing every line again (DenseNet's: ~10 ms per wheel step); the lines are
drawn sharp again once the view rests (``set_moving(False)``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPixmap, QTransform

PAN_MARGIN = 0.5  # of the viewport's size on each side, cached when only panning
ZOOM_MARGIN = 0.1  # right after a zoom step (the next step will draw again anyway)
MAX_STRETCH = 2.0  # while moving, a cached pixmap is stretched up to this factor


@dataclass
class _Cache:
    pixmap: QPixmap | None  # None: no line crosses the cached area
    scale: tuple[float, float, float, float]  # the transform's linear part
    origin: QPointF  # item coordinates of the cached area's top-left corner
    size: tuple[float, float]  # the cached area, logical pixels
    offset: QPointF  # where the pixmap starts in the cached area (it covers only the lines)
    area_rect: QRectF  # the cached area, item coordinates
    pixmap_rect: QRectF  # what the pixmap covers, item coordinates


def segments_path(segments: np.ndarray) -> QPainterPath:
    """One path of ``segments`` ((N, 4): x0, y0, x1, y1)."""
    if not len(segments):
        return QPainterPath()
    points = segments.reshape(-1, 2)
    return pg.arrayToQPath(points[:, 0], points[:, 1], connect="pairs")


class LineLayer(pg.GraphicsObject):
    """See the module docstring."""

    def __init__(self) -> None:
        super().__init__()
        self._sets: dict[str, tuple[QPainterPath, object, tuple | None]] = {}
        self._bounds = QRectF()
        self._cache: _Cache | None = None
        self._moving = False
        self._stretched = False  # the last paint stretched the cache (drawn again at rest)
        self.renders = 0  # how many times the lines were drawn (tests, benchmarks)

    def set_moving(self, moving: bool) -> None:
        """While the user zooms or pans, zoom steps stretch the cached lines; at rest
        (False) they are drawn sharp again if they were stretched."""
        self._moving = moving
        if not moving and self._stretched:
            self.update()

    # --- content ------------------------------------------------------------------------
    def set_lines(self, name: str, segments: np.ndarray, pen=None) -> None:
        segments = np.asarray(segments, dtype=float).reshape(-1, 4)
        old_pen = self._sets[name][1] if name in self._sets else pg.mkPen(None)
        points = segments.reshape(-1, 2)
        extent = (*points.min(axis=0), *points.max(axis=0)) if len(points) else None
        self._sets[name] = (segments_path(segments),
                            pg.mkPen(pen) if pen is not None else old_pen, extent)
        self._changed()

    def set_pen(self, name: str, pen) -> None:
        path, _, extent = self._sets.get(name, (QPainterPath(), None, None))
        self._sets[name] = (path, pg.mkPen(pen), extent)
        self._changed()

    def segment_count(self, name: str) -> int:
        path = self._sets[name][0] if name in self._sets else QPainterPath()
        return path.elementCount() // 2

    def _changed(self) -> None:
        self.prepareGeometryChange()
        extents = np.array([e for _, _, e in self._sets.values() if e is not None])
        if len(extents):
            (x0, y0), (x1, y1) = extents[:, :2].min(axis=0), extents[:, 2:].max(axis=0)
            # padded: a horizontal or vertical line has an empty rectangle, never painted
            self._bounds = QRectF(x0 - 1e-3, y0 - 1e-3, x1 - x0 + 2e-3, y1 - y0 + 2e-3)
        else:
            self._bounds = QRectF()
        self._cache = None
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return QRectF(self._bounds)

    # --- painting -----------------------------------------------------------------------
    def paint(self, painter: QPainter, _option, widget=None) -> None:
        if widget is None:  # printed or exported: no viewport to cache for
            self._draw(painter)
            return
        transform = painter.worldTransform()
        viewport = QRectF(widget.rect())
        cache = self._cache
        self._stretched = False
        if cache is not None and self._moving and _stretchable(cache, transform, viewport):
            self._stretched = not _same_scale(cache.scale, _scale(transform))
            if self._stretched:
                _draw_stretched(painter, cache, transform)
                return
        if cache is None or not self._covers(cache, transform, viewport):
            zoomed = cache is not None and not _same_scale(cache.scale, _scale(transform))
            cache = self._cache = self._render(transform, viewport, widget.devicePixelRatioF(),
                                               ZOOM_MARGIN if zoomed else PAN_MARGIN)
        if cache.pixmap is None:
            return
        corner = transform.map(cache.origin) + cache.offset
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(QPointF(round(corner.x()), round(corner.y())), cache.pixmap)
        painter.restore()

    @staticmethod
    def _covers(cache: _Cache, transform: QTransform, viewport: QRectF) -> bool:
        if not _same_scale(cache.scale, _scale(transform)):
            return False
        corner = transform.map(cache.origin)
        return QRectF(corner.x(), corner.y(), *cache.size).contains(viewport)

    def _render(self, transform: QTransform, viewport: QRectF, ratio: float,
                margin: float) -> _Cache:
        """The lines in the viewport plus ``margin`` (a fraction of its size), drawn into a
        pixmap that covers only where lines are: a small graph's pixmap is small (a few
        milliseconds less to fill and copy on each frame)."""
        area = viewport.adjusted(-margin * viewport.width(), -margin * viewport.height(),
                                 margin * viewport.width(), margin * viewport.height())
        area = QRectF(area.toAlignedRect())
        origin, _ = transform.inverted()
        scale = _scale(transform)
        reach = self._pen_reach()
        drawn = area.intersected(transform.mapRect(self._bounds).adjusted(
            -reach, -reach, reach, reach))
        drawn = QRectF(drawn.toAlignedRect()).intersected(area)
        self.renders += 1
        area_rect = origin.mapRect(area)
        if drawn.isEmpty():
            return _Cache(None, scale, origin.map(area.topLeft()),
                          (area.width(), area.height()), QPointF(), area_rect, QRectF())
        pixmap = QPixmap(int(drawn.width() * ratio), int(drawn.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setTransform(transform * QTransform.fromTranslate(-drawn.left(), -drawn.top()))
        self._draw(painter)
        painter.end()
        return _Cache(pixmap, scale, origin.map(area.topLeft()), (area.width(), area.height()),
                      drawn.topLeft() - area.topLeft(), area_rect, origin.mapRect(drawn))

    def _pen_reach(self) -> float:
        """How far (device pixels) a line's stroke reaches beyond its ends, plus antialiasing."""
        widths = [pen.widthF() for _, pen, _ in self._sets.values()]
        return max(widths, default=0.0) + 2.0

    def _draw(self, painter: QPainter) -> None:
        for path, pen, _ in self._sets.values():
            if not path.isEmpty():
                painter.setPen(pen)
                painter.drawPath(path)


def _scale(transform: QTransform) -> tuple[float, float, float, float]:
    return (transform.m11(), transform.m12(), transform.m21(), transform.m22())


def _same_scale(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Equal up to rounding: a pan moves the range, so its width changes in the last bits."""
    return all(abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1e-300) for x, y in zip(a, b, strict=True))


def _stretchable(cache: _Cache, transform: QTransform, viewport: QRectF) -> bool:
    """The cached area covers the viewport at ``transform``, whose scale is that of the
    cache stretched by at most ``MAX_STRETCH`` (no rotation, no shear: a plot's view)."""
    old, new = cache.scale, _scale(transform)
    if old[1] or old[2] or new[1] or new[2] or not old[0] or not old[3]:
        return False
    ratios = (new[0] / old[0], new[3] / old[3])
    if not all(1 / MAX_STRETCH <= r <= MAX_STRETCH for r in ratios):
        return False
    return transform.mapRect(cache.area_rect).contains(viewport)


def _draw_stretched(painter: QPainter, cache: _Cache, transform: QTransform) -> None:
    if cache.pixmap is None:
        return
    target = transform.mapRect(cache.pixmap_rect)
    painter.save()
    painter.resetTransform()
    painter.drawPixmap(target, cache.pixmap, QRectF(cache.pixmap.rect()))
    painter.restore()
