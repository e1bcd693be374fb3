"""User-facing engine texts: a template plus parameters, rendered in the current language.

Engine code writes ``msg("Shape {shape} is too big.", shape=s)``; the English template is
the key. Catalogues live in ``engine/i18n/catalogues/es_*.py`` as
``MESSAGES = {english: spanish}``, one file per area so that areas never edit the same file.

``msg`` returns a ``Text``: a ``str`` (rendered in the language current at creation, so it
works everywhere a string does) that remembers its template and parameters, so the GUI can
render it again after a language switch with ``render(text)``. Parameters that are
``Text`` themselves are re-rendered too, which is how composite texts stay translatable.
``compose`` builds a Text whose template is not translated (code with translated
comments, layouts of several texts). This module imports no torch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

SUPPORTED_LANGUAGES = ("en", "es")
_language = "en"
_catalogues: dict[str, dict[str, str]] = {}


def set_language(language: str) -> None:
    """Choose the language of engine messages ("en" or "es"); unknown codes fall back to en."""
    global _language
    _language = language if language in SUPPORTED_LANGUAGES else "en"


def current_language() -> str:
    return _language


_THOUSANDS = {"en": ",", "es": "."}  # as the texts write them: "1,000" and "1.000"


def grouped(number: int, language: str | None = None) -> str:
    """``number`` with thousands grouped the way ``language`` (default: the current one)
    writes them."""
    return f"{number:,}".replace(",", _THOUSANDS.get(language or _language, ","))


def _catalogue(language: str) -> dict[str, str]:
    if language not in _catalogues:
        import importlib
        import pkgutil

        from engine.i18n import catalogues

        merged: dict[str, str] = {}
        for module in pkgutil.iter_modules(catalogues.__path__):
            if module.name.startswith(f"{language}_"):
                name = f"engine.i18n.catalogues.{module.name}"
                merged.update(importlib.import_module(name).MESSAGES)
        _catalogues[language] = merged
    return _catalogues[language]


def load_catalogues() -> None:
    """Read every language's catalogue now (start-up runs this on the worker), so the
    first switch of language does not import them on the GUI thread."""
    for language in SUPPORTED_LANGUAGES:
        _catalogue(language)


def _render(template: str, params: Mapping[str, object], language: str,
            translate: bool) -> str:
    text = template
    if translate and language != "en":
        text = _catalogue(language).get(template, template)
    if not params:
        return text
    # Texts render in ``language``; other values keep their type for format specs ({n:.1f}).
    values = {key: value.in_language(language) if isinstance(value, Text) else value
              for key, value in params.items()}
    return text.format(**values)


class Text(str):
    """A rendered engine text that can be rendered again in another language."""

    # no instance dict: every kept step holds several Texts (a broadcasting step 4.2 → 2.5 KB)
    __slots__ = ("params", "template", "translated")
    template: str
    params: Mapping[str, object]
    translated: bool

    def __new__(cls, template: str, params: Mapping[str, object] | None = None,
                translate: bool = True) -> Text:
        params = dict(params or {})
        self = super().__new__(cls, _render(template, params, _language, translate))
        self.template = template
        self.params = params
        self.translated = translate
        return self

    def in_language(self, language: str) -> str:
        return _render(self.template, self.params, language, self.translated)

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return (str, (str(self),))  # pickles and copies as the plain rendered string


class GroupedCount(Text):
    """A count as a text parameter: "1,000" in English, "1.000" in Spanish, whichever
    language the text it fills is rendered in."""

    __slots__ = ("number",)
    number: int

    def __new__(cls, number: int) -> GroupedCount:
        self = str.__new__(cls, grouped(number))
        self.template, self.params, self.translated = "{number}", {"number": number}, False
        self.number = number
        return self

    def in_language(self, language: str) -> str:
        return grouped(self.number, language)


def msg(template: str, **params: object) -> Text:
    """Translate ``template`` into the current language and fill in ``params``."""
    return Text(template, params)


def compose(template: str, **params: object) -> Text:
    """A text whose template stays as written and whose Text parameters are translated."""
    return Text(template, params, translate=False)


def join_texts(separator: str, texts: Sequence[str]) -> Text:
    """``separator.join(texts)`` that stays re-renderable."""
    fields = {f"t{index}": text for index, text in enumerate(texts)}
    template = separator.replace("{", "{{").replace("}", "}}").join(
        "{" + key + "}" for key in fields)
    return compose(template, **fields)


def render(value: object, language: str | None = None) -> str:
    """``value`` in ``language`` (default: the current one): Texts re-render, others stay."""
    language = language or _language
    if isinstance(value, Text):
        return value.in_language(language)
    return value if isinstance(value, str) else str(value)
