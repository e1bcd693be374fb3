"""Every visible string of the GUI has a Spanish translation, compiled and current."""

from __future__ import annotations

import pytest

from tools import i18n


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory):
    """lupdate run now on the current sources, one .ts per area."""
    directory = tmp_path_factory.mktemp("ts")
    produced = {}
    for area, sources in i18n.sources_by_area().items():
        target = i18n.ts_path(area, directory)
        i18n.run_lupdate(area, sources, target)
        produced[area] = target
    return produced


def test_every_source_string_is_translated_in_the_committed_ts(fresh_ts):
    problems = []
    for area, fresh in fresh_ts.items():
        committed = i18n.ts_path(area)
        if not committed.exists():
            problems.append(f"{committed.name} is missing")
            continue
        translated = {(ctx, src) for ctx, src, tr in i18n.messages(committed)
                      if i18n.is_translated(tr)}
        for context, source, _ in i18n.messages(fresh):
            if (context, source) not in translated:
                problems.append(f"{area}: {context}: {source!r}")
    assert not problems, "untranslated strings:\n" + "\n".join(problems)


def test_every_ts_has_a_compiled_qm_no_older_than_it():
    for ts_file in i18n.I18N_DIR.glob("*_es.ts"):
        qm = ts_file.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} missing: run tools/i18n.py release"
        assert qm.stat().st_size > 0


def test_spanish_translator_translates_the_shell(qapp):
    from PySide6.QtCore import QCoreApplication

    from gui.shell.language import install_language

    install_language("es")
    try:
        assert QCoreApplication.translate("MainWindow", "Tensors") == "Tensores"
        # Qt's own dialog buttons (Save/Discard/Cancel) follow the language too.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    finally:
        install_language("en")
    assert QCoreApplication.translate("MainWindow", "Tensors") == "Tensors"


@pytest.mark.parametrize(("language", "one", "many"), [("en", "1 node", "62 nodes"),
                                                       ("es", "1 nodo", "62 nodos")])
def test_plurals_read_right_in_both_languages(qapp, language, one, many):
    from PySide6.QtCore import QCoreApplication

    from gui.shell.language import install_language

    install_language(language)
    try:
        assert QCoreApplication.translate("GraphView", "%n node(s)", "", 1) == one
        assert QCoreApplication.translate("GraphView", "%n node(s)", "", 62) == many
    finally:
        install_language("en")
