"""The transcript keeps each entry's lines and style: input bold and muted, output plain,
errors red, notes italic; a new entry never inherits the previous one's style."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCursor

from gui.console.transcript import Transcript


def _style_at(transcript: Transcript, text: str):
    position = transcript.toPlainText().index(text)
    cursor = QTextCursor(transcript.document())
    cursor.setPosition(position + 1)
    return cursor.charFormat()


def test_entries_keep_their_lines_and_styles(qtbot):
    transcript = Transcript()
    qtbot.addWidget(transcript)
    transcript.add_input("a = 1\nb = [a,\n     2]")
    transcript.add_output("tensor([1., 2.])\n")
    transcript.add_error("Line 2: boom")
    transcript.add_note("Press ↑")
    assert transcript.plain_text() == (
        ">>> a = 1\n... b = [a,\n...      2]\ntensor([1., 2.])\nLine 2: boom\nPress ↑")
    assert _style_at(transcript, ">>> a").fontWeight() == QFont.Weight.DemiBold
    output = _style_at(transcript, "tensor")
    assert output.fontWeight() != QFont.Weight.DemiBold and not output.fontItalic()
    assert _style_at(transcript, "Line 2").foreground().color().name() == "#c62828"
    assert _style_at(transcript, "Press").fontItalic()


def test_markup_in_output_is_shown_as_typed(qtbot):
    transcript = Transcript()
    qtbot.addWidget(transcript)
    transcript.add_output("<b>x</b> &amp;  two  spaces")
    assert transcript.plain_text() == "<b>x</b> &amp;  two  spaces"
