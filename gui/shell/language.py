"""Loading translations. Each area has its own ``resources/i18n/<area>_<lang>.qm``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from gui.core.retranslate import defer_hidden_pages

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = {"en": "&English", "es": "&Español"}  # menu entries, with mnemonics

_installed: list[QTranslator] = []


def install_language(language: str) -> list[Path]:
    """Replace the installed translators with those of ``language``; returns the files loaded."""
    app = QCoreApplication.instance()
    defer_hidden_pages()  # what is not shown follows when it is shown
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()  # parented to the app: would live until exit otherwise
    _installed.clear()
    from engine.i18n.messages import set_language  # engine.i18n.messages imports no torch

    set_language(language)
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
