"""Loading translations. Each area has its own ``resources/i18n/<area>_<lang>.qm``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QObject, QTranslator

from gui.core.retranslate import defer_hidden_pages, stage_shown_windows

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = {"en": "&English", "es": "&Español"}  # menu entries, with mnemonics

_installed: list[QTranslator] = []


def install_language(language: str, staged: bool = False) -> list[Path]:
    """Replace the installed translators with those of ``language``; returns the files loaded.

    What is shown follows at once, or, ``staged`` (the user's switch), over the next
    event-loop turns so that the window does not freeze; what is hidden follows when shown.
    """
    app = QCoreApplication.instance()
    if staged:
        stage_shown_windows()
    else:
        defer_hidden_pages()
    from engine.i18n.messages import set_language  # engine.i18n.messages imports no torch

    set_language(language)
    with _one_language_change(app):
        for translator in _installed:
            app.removeTranslator(translator)
            translator.deleteLater()  # parented to the app: would live until exit otherwise
        _installed.clear()
        return _install_translators(app, language)


def _install_translators(app: QCoreApplication, language: str) -> list[Path]:
    loaded = []
    # Qt's own strings (Save/Discard/Cancel, file dialogs) come from Qt's qtbase catalogue;
    # English has our plural forms only ("1 node" / "2 nodes").
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qt_base = [] if language == "en" else [qt_dir / f"qtbase_{language}.qm"]
    for qm in [*qt_base, *sorted(I18N_DIR.glob(f"*_{language}.qm"))]:
        translator = QTranslator(app)
        if qm.exists() and translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(qm)
    return loaded


class _SwallowLanguageChange(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        return event.type() == QEvent.Type.LanguageChange and watched is self.parent()


@contextmanager
def _one_language_change(app: QCoreApplication) -> Iterator[None]:
    """Each translator removed or installed tells every window of the change (posting an
    event to each of a hundred-odd menus and popups); once is enough, at the end."""
    swallow = _SwallowLanguageChange(app)
    app.installEventFilter(swallow)
    try:
        yield
    finally:
        app.removeEventFilter(swallow)
        swallow.deleteLater()
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
