"""Loading translations. Each area has its own ``resources/i18n/<area>_<lang>.qm``."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QObject, QTimer, QTranslator
from shiboken6 import isValid

from gui.core.retranslate import defer_hidden_pages, stage_shown_windows

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = {"en": "&English", "es": "&Español"}  # menu entries, with mnemonics

# the other languages' files are loaded this long after the first one, a file per turn:
# loading them on the user's first switch made its first turn ~3 ms longer
PRELOAD_AFTER_MS = 5000

_installed: list[QTranslator] = []
# translators loaded once and kept (a few kB each; None: the file did not load)
_loaded: dict[Path, QTranslator | None] = {}
_preloading = False


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
        loaded = _install_translators(app, language)
    _preload_other_languages(app, language)
    return loaded


def _install_translators(app: QCoreApplication, language: str) -> list[Path]:
    loaded = []
    for translator, qm in _translators(app, language):
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(qm)
    return loaded


def _translators(app: QCoreApplication, language: str) -> list[tuple[QTranslator, Path]]:
    """The translators of ``language``, each file loaded on first use."""
    found = [(_translator(app, qm), qm) for qm in _translation_files(language)]
    return [(translator, qm) for translator, qm in found if translator is not None]


def _translator(app: QCoreApplication, qm: Path) -> QTranslator | None:
    if qm in _loaded and (_loaded[qm] is None or isValid(_loaded[qm])):
        return _loaded[qm]
    translator: QTranslator | None = QTranslator(app)
    if not (qm.exists() and translator.load(str(qm))):
        translator.deleteLater()
        translator = None
    _loaded[qm] = translator
    return translator


@functools.cache
def _translation_files(language: str) -> tuple[Path, ...]:
    # Qt's own strings (Save/Discard/Cancel, file dialogs) come from Qt's qtbase catalogue;
    # English has our plural forms only ("1 node" / "2 nodes").
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qt_base = [] if language == "en" else [qt_dir / f"qtbase_{language}.qm"]
    return (*qt_base, *sorted(I18N_DIR.glob(f"*_{language}.qm")))


def _preload_other_languages(app: QCoreApplication, language: str) -> None:
    """Once: load the other languages' files later, when the start-up is over."""
    global _preloading
    if _preloading:
        return
    _preloading = True
    files = [qm for other in LANGUAGES if other != language
             for qm in _translation_files(other)]
    QTimer.singleShot(PRELOAD_AFTER_MS, app, functools.partial(_preload, app, files))


def _preload(app: QCoreApplication, files: list[Path]) -> None:
    """Load ``files``, one per event-loop turn."""
    if files:
        _translator(app, files[0])
        QTimer.singleShot(0, app, functools.partial(_preload, app, files[1:]))


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
