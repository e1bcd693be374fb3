"""The transcript keeps each entry's lines and style: input bold and muted, output plain,
errors red, notes italic; a new entry never inherits the previous one's style."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCursor

from gui.console.transcript import LINES_PER_PIECE, MAX_LINES, Transcript


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


def test_a_long_entry_typed_in_pieces_reads_as_typed_at_once(qtbot):
    lines = [f"t{i} = torch.ones({i})" for i in range(3 * LINES_PER_PIECE + 5)]
    at_once, in_pieces = Transcript(), Transcript()
    for transcript in (at_once, in_pieces):
        qtbot.addWidget(transcript)
        transcript.add_note("before")
    at_once.add_input("\n".join(lines))
    at_once.add_output("\n".join(lines))
    pieces = in_pieces.input_pieces("\n".join(lines)) + in_pieces.output_pieces("\n".join(lines))
    assert len(pieces) == 8  # 4 pieces each, at most LINES_PER_PIECE lines in one
    for piece in pieces:
        piece()
    assert in_pieces.plain_text() == at_once.plain_text()
    assert _style_at(in_pieces, ">>> t0").fontWeight() == QFont.Weight.DemiBold
    assert _style_at(in_pieces, f"... t{LINES_PER_PIECE}").fontWeight() == QFont.Weight.DemiBold
    assert _style_at(in_pieces, "\nt1 =").fontWeight() != QFont.Weight.DemiBold


def test_a_long_session_keeps_a_bounded_scroll_back(qtbot):
    """Each line laid out costs ~2.5 KB: the oldest go first past a few thousand."""
    transcript = Transcript()
    qtbot.addWidget(transcript)
    for block in range(60):  # 6,000 lines, 100 per output
        transcript.add_output("\n".join(f"line {block * 100 + i}" for i in range(100)))
    assert transcript.document().blockCount() <= MAX_LINES <= 5_000
    assert transcript.plain_text().endswith("line 5999")
