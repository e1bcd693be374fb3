"""Loading translations. Each area has its own ``resources/i18n/<area>_<lang>.qm``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QObject, QTranslator
from shiboken6 import isValid

from gui.core.retranslate import defer_hidden_pages, stage_shown_windows

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = {"en": "&English", "es": "&Español"}  # menu entries, with mnemonics

_installed: list[QTranslator] = []
# translators loaded once per language and kept (a few kB each): switching back reads no file
_loaded: dict[str, list[tuple[QTranslator, Path]]] = {}


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
    # staged: the held windows get the change from the staged delivery, not all at once
    with _one_language_change(app, tell_windows=not staged):
        for translator in _installed:
            app.removeTranslator(translator)
        _installed.clear()
        return _install_translators(app, language)


def _install_translators(app: QCoreApplication, language: str) -> list[Path]:
    loaded = []
    for translator, qm in _translators(app, language):
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(qm)
    return loaded


def _translators(app: QCoreApplication, language: str) -> list[tuple[QTranslator, Path]]:
    """The translators of ``language``, loaded on first use."""
    kept = _loaded.get(language)
    if kept is None or not all(isValid(translator) for translator, _qm in kept):
        # Qt's own strings (Save/Discard/Cancel, file dialogs) come from Qt's qtbase
        # catalogue; English has our plural forms only ("1 node" / "2 nodes").
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        qt_base = [] if language == "en" else [qt_dir / f"qtbase_{language}.qm"]
        kept = []
        for qm in [*qt_base, *sorted(I18N_DIR.glob(f"*_{language}.qm"))]:
            translator = QTranslator(app)
            if qm.exists() and translator.load(str(qm)):
                kept.append((translator, qm))
            else:
                translator.deleteLater()
        _loaded[language] = kept
    return kept


class _SwallowLanguageChange(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        return event.type() == QEvent.Type.LanguageChange and watched is self.parent()


@contextmanager
def _one_language_change(app: QCoreApplication, tell_windows: bool = True) -> Iterator[None]:
    """Each translator removed or installed tells every window of the change (posting an
    event to each of a hundred-odd menus and popups); once is enough, at the end, and
    none when ``tell_windows`` is False (a staged switch delivers it window by window)."""
    swallow = _SwallowLanguageChange(app)
    app.installEventFilter(swallow)
    try:
        yield
    finally:
        app.removeEventFilter(swallow)
        swallow.deleteLater()
        if tell_windows:
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
