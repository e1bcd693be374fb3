"""Colours of the Broadcasting tab, taken from the widget's palette so they read in light and dark.

Backgrounds are the palette's ``Base`` tinted towards a hue (``blend``), and text keeps the
palette's ``Text``, so their contrast follows the palette. The few fixed hues (the operands'
fills, the failure red, the success green) come in a light and a dark variant, picked by the
lightness of the palette's ``Base``. ``contrast`` is the WCAG contrast ratio the tests check.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

# (light palette, dark palette) pairs
_FILLS = {"a": ("#d6e6ff", "#1f3d66"), "b": ("#d7f2d7", "#1d4a2a"),
          "result": ("#fff0c2", "#574414")}
_FAIL = ("#b00020", "#ff8a80")
_OK = ("#1e7b34", "#7dd99a")
_NOTE = ("#8a5a00", "#f0c060")
_HIGHLIGHT = ("#e67e00", "#ffa940")
_MEMORY = ("#ffc46b", "#8a5200")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def blend(base: QColor, tint: QColor, amount: float) -> QColor:
    """``base`` moved ``amount`` (0..1) of the way towards ``tint``, opaque."""
    return QColor.fromRgbF(*(b + (t - b) * amount for b, t in (
        (base.redF(), tint.redF()), (base.greenF(), tint.greenF()),
        (base.blueF(), tint.blueF()))))


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white); text wants 4.5 or more."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class TabColors:
    """Every colour the tab draws with, for one palette."""

    text: QColor            # text on the background and on every fill
    background: QColor      # the picture's and the table's background (palette Base)
    fills: dict[str, QColor]          # "a", "b", "result": cells in memory
    faded_fills: dict[str, QColor]    # stretched copies
    faded_text: QColor
    pen: QColor
    faded_pen: QColor
    highlight: QColor       # outline of the cells a result cell comes from
    memory: QColor          # fill of the cell really in memory
    fail: QColor            # failure text and the failing dimension's outline
    ok: QColor
    note: QColor
    fail_row: QColor        # table row of a failing dimension
    stretch_row: QColor     # table row of a stretched dimension
    padded: QColor          # the "(1)" of a missing dimension


def tab_colors(palette: QPalette) -> TabColors:
    dark = int(is_dark(palette))
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    fills = {key: QColor(pair[dark]) for key, pair in _FILLS.items()}
    fail = QColor(_FAIL[dark])
    return TabColors(
        text=text, background=base, fills=fills,
        faded_fills={key: blend(base, fill, 0.35) for key, fill in fills.items()},
        faded_text=blend(text, base, 0.4), pen=blend(text, base, 0.55),
        faded_pen=blend(text, base, 0.6), highlight=QColor(_HIGHLIGHT[dark]),
        memory=QColor(_MEMORY[dark]), fail=fail, ok=QColor(_OK[dark]),
        note=QColor(_NOTE[dark]), fail_row=blend(base, fail, 0.22),
        stretch_row=blend(base, palette.color(QPalette.ColorRole.Highlight), 0.15),
        padded=blend(text, base, 0.35))


def style(color: QColor, bold: bool = False) -> str:
    """A label style sheet in ``color``."""
    return f"color: {color.name()};" + (" font-weight: bold;" if bold else "")
