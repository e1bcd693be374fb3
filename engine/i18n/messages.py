"""User-facing engine texts, English by default with a Spanish catalogue.

Engine code writes ``msg("Shape {shape} is too big.", shape=s)``; the English template is
the key. Catalogues live in ``engine/locale/es_*.py`` as ``MESSAGES = {english: spanish}``,
one file per area so that areas never edit the same file. This module imports no torch.
"""

from __future__ import annotations

SUPPORTED_LANGUAGES = ("en", "es")
_language = "en"
_catalogues: dict[str, dict[str, str]] = {}


def set_language(language: str) -> None:
    """Choose the language of engine messages ("en" or "es"); unknown codes fall back to en."""
    global _language
    _language = language if language in SUPPORTED_LANGUAGES else "en"


def current_language() -> str:
    return _language


def _catalogue(language: str) -> dict[str, str]:
    if language not in _catalogues:
        import importlib
        import pkgutil

        from engine.i18n import catalogues as locale

        merged: dict[str, str] = {}
        for module in pkgutil.iter_modules(locale.__path__):
            if module.name.startswith(f"{language}_"):
                merged.update(importlib.import_module(f"engine.i18n.catalogues.{module.name}").MESSAGES)
        _catalogues[language] = merged
    return _catalogues[language]


def msg(template: str, **params: object) -> str:
    """Translate ``template`` into the current language and fill in ``params``."""
    text = template
    if _language != "en":
        text = _catalogue(_language).get(template, template)
    return text.format(**params) if params else text
