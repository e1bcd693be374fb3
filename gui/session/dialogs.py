"""File choosers of the session area: where to export a session, a tensor or a workspace.

Each function asks with ``QFileDialog`` (tests patch ``getSaveFileName`` /
``getOpenFileName``), adds the suffix the chosen filter implies and remembers the folder.

The last folder and the recent workspaces are written by the settings writer's thread
(``gui.core.settings_writer``): a ``QSettings`` write on the GUI thread ends in an fsync,
seen to hold the loop 50 ms right after a 256 MiB workspace was opened on a busy disk.
Until a write has landed in the file, reads here return the value asked for.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from gui.core.settings_writer import write_setting

WORKSPACE_SUFFIX = ".torchscope"
_LAST_DIR_KEY = "session/last_directory"
_RECENT_KEY = "session/recent_files"
MAX_RECENT = 8
_unwritten: dict[str, object] = {}  # key -> value handed to the writer, not yet read back


def _read(key: str, default: object) -> object:
    """The setting as last asked for: the file's value once our write has landed there."""
    stored = QSettings().value(key, default)
    if key in _unwritten:
        if _same(stored, _unwritten[key]):
            del _unwritten[key]  # landed: later reads see other programs' writes too
        else:
            return _unwritten[key]
    return stored


def _as_list(stored: object) -> list:
    """A list setting as read: one element reads back as a string, none as None."""
    if isinstance(stored, str):
        return [stored]
    return list(stored) if isinstance(stored, (list, tuple)) else []


def _same(stored: object, wanted: object) -> bool:
    return (_as_list(stored) if isinstance(wanted, list) else stored) == wanted


def _write(key: str, value: object) -> None:
    _unwritten[key] = value
    write_setting(QSettings(), key, value)


def last_directory() -> Path:
    stored = _read(_LAST_DIR_KEY, "")
    folder = Path(stored) if isinstance(stored, str) and stored else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def _remember(path: Path) -> None:
    _write(_LAST_DIR_KEY, str(path.parent))


def recent_files() -> list[Path]:
    """Workspaces opened or saved lately, newest first (at most ``MAX_RECENT``)."""
    names = _as_list(_read(_RECENT_KEY, []))
    return [Path(name) for name in names if name][:MAX_RECENT]


def _store_recent(paths: list[Path]) -> None:
    _write(_RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])


def add_recent(path: Path) -> None:
    resolved = Path(path).resolve()
    _store_recent([resolved, *(p for p in recent_files() if p != resolved)])


def remove_recent(path: Path) -> None:
    _store_recent([p for p in recent_files() if p != Path(path)])


def clear_recent() -> None:
    _store_recent([])


def _with_suffix(name: str, allowed: tuple[str, ...]) -> Path:
    path = Path(name)
    return path if path.suffix.lower() in allowed else path.with_name(path.name + allowed[0])


def ask_save_path(parent: QWidget, caption: str, default_name: str,
                  filters: list[tuple[str, str]]) -> Path | None:
    """Ask where to save. ``filters`` are ``(label, ".suffix")``; returns None if cancelled.

    A name without one of the suffixes gets the suffix of the filter chosen.
    """
    filter_texts = [f"{label} (*{suffix})" for label, suffix in filters]
    name, chosen = QFileDialog.getSaveFileName(parent, caption,
                                               str(last_directory() / default_name),
                                               ";;".join(filter_texts))
    if not name:
        return None
    suffixes = tuple(suffix for _, suffix in filters)
    if chosen in filter_texts:  # the chosen filter's suffix first
        index = filter_texts.index(chosen)
        suffixes = (suffixes[index], *suffixes[:index], *suffixes[index + 1:])
    path = _with_suffix(name, suffixes)
    _remember(path)
    return path


def ask_session_export_path(parent: QWidget, kind: str) -> Path | None:
    if kind == "notebook":
        caption = QCoreApplication.translate("SessionExport", "Export session as notebook")
        label = QCoreApplication.translate("SessionExport", "Jupyter notebook")
        return ask_save_path(parent, caption, "torchscope_session.ipynb", [(label, ".ipynb")])
    caption = QCoreApplication.translate("SessionExport", "Export session as script")
    label = QCoreApplication.translate("SessionExport", "Python script")
    return ask_save_path(parent, caption, "torchscope_session.py", [(label, ".py")])


def ask_tensor_export_path(parent: QWidget, name: str) -> Path | None:
    caption = QCoreApplication.translate("SessionExport", "Export tensor “{name}”")
    filters = [(QCoreApplication.translate("SessionExport", "PyTorch tensor"), ".pt"),
               (QCoreApplication.translate("SessionExport", "NumPy array"), ".npy"),
               (QCoreApplication.translate("SessionExport", "CSV table"), ".csv")]
    return ask_save_path(parent, caption.format(name=name), f"{name}.pt", filters)


def ask_workspace_save_path(parent: QWidget, current: Path | None) -> Path | None:
    default = current.name if current else f"workspace{WORKSPACE_SUFFIX}"
    caption = QCoreApplication.translate("SessionExport", "Save workspace")
    label = QCoreApplication.translate("SessionExport", "TorchScope workspace")
    return ask_save_path(parent, caption, default, [(label, WORKSPACE_SUFFIX)])


def ask_workspace_open_path(parent: QWidget) -> Path | None:
    caption = QCoreApplication.translate("SessionExport", "Open workspace")
    workspaces = QCoreApplication.translate("SessionExport", "TorchScope workspace")
    everything = QCoreApplication.translate("SessionExport", "All files")
    filters = f"{workspaces} (*{WORKSPACE_SUFFIX});;{everything} (*)"
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(last_directory()), filters)
    if not name:
        return None
    path = Path(name)
    _remember(path)
    return path

