"""The workspace as a Qt list model: every tab can list, pick and watch named tensors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

from engine.core.errors import TorchScopeError
from engine.session.workspace import Workspace, WorkspaceEntry, entry_for

if TYPE_CHECKING:
    import torch


class WorkspaceModel(QAbstractListModel):
    """Wraps ``engine.session.workspace.Workspace``; emits ``changed`` after every edit.

    Keeping, renaming and deleting are cheap dictionary edits done on the GUI thread;
    jobs read tensors with ``workspace.get(name)`` on the worker.
    """

    changed = Signal()
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = Workspace()
        self._entries: list[WorkspaceEntry] = []

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.describe(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{name}: shape {shape}, dtype {dtype}, requires_grad={grad}").format(
                name=entry.name, shape=tuple(entry.shape), dtype=entry.dtype,
                grad=entry.requires_grad)
        if role in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.UserRole):
            return entry.name
        if role == self.EntryRole:
            return entry
        return None

    def describe(self, entry: WorkspaceEntry) -> str:
        """``x  2×3  float32`` (0-d tensors say "scalar" in the UI language)."""
        dims = "×".join(str(s) for s in entry.shape) or self.tr("scalar")
        return f"{entry.name}  {dims}  {entry.dtype}"

    def keep(self, name: str, tensor: torch.Tensor) -> WorkspaceEntry:
        entry = self.workspace.put(name, tensor)
        self.refresh()
        return entry

    def keep_many(self, items: Iterable[tuple[str, torch.Tensor]],
                  on_error: Callable[[str, TorchScopeError], None] | None = None,
                  ) -> list[WorkspaceEntry]:
        """Keep every ``(name, tensor)`` with one model reset and one ``changed`` at the
        end. A name the workspace refuses goes to ``on_error(name, exc)`` and the others
        are kept; without ``on_error`` the first refusal is raised (after the reset)."""
        entries = []
        try:
            for name, tensor in items:
                try:
                    entries.append(self.workspace.put(name, tensor))
                except TorchScopeError as exc:
                    if on_error is None:
                        raise
                    on_error(name, exc)
        finally:
            self.refresh(known=entries)
        return entries

    def rename(self, old: str, new: str) -> None:
        self.workspace.rename(old, new)
        self.refresh()

    def delete(self, name: str) -> None:
        self.workspace.delete(name)
        self.refresh()

    def clear(self) -> None:
        self.workspace.clear()
        self.refresh()

    def names(self) -> list[str]:
        return [entry.name for entry in self._entries]

    def entries(self) -> list[WorkspaceEntry]:
        return list(self._entries)

    def entry(self, name: str) -> WorkspaceEntry | None:
        return next((e for e in self._entries if e.name == name), None)

    def refresh(self, known: Iterable[WorkspaceEntry] = ()) -> None:
        """Re-read the workspace (after an engine-side model kept tensors in it). ``known``
        are entries just made for tensors put in it: not described twice (a workspace
        opened with 200 tensors is listed in the same event-loop turn)."""
        fresh = {entry.name: entry for entry in known}
        self.beginResetModel()
        self._entries = [fresh.get(name) or entry_for(name, tensor)
                         for name, tensor in self.workspace.items()]
        self.endResetModel()
        self.changed.emit()
