"""This device's undo and redo logs for one book, kept in the state folder.

Both are :class:`~model.undo_log.UndoLog` files of the same entries
(``{"label", "raw", "changes": [[table, id, before, after], ...]}``); an undo
moves the newest undo entry to the redo log as the change it made, a redo moves
it back, and any other write ends the redo chain.  The store holds the lock and
writes the book; this module only keeps the two logs and checks what it reads.
Errors stay the operating system's (``OSError``) or :class:`LayoutError` naming
the log and entry, for the store to report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from model.migrations import GONE
from model.storage import LayoutError
from model.transaction import RESERVED
from model.undo_log import UndoLog

__all__ = ["Entry", "History"]

#: ``(label, raw, changes)`` of one logged change.
Entry = tuple[dict[str, Any], bool, list[Any]]


class History:
    def __init__(self, folder: Path, depth: int) -> None:
        self.undo = UndoLog(folder / "undo.json", depth)
        self.redo = UndoLog(folder / "redo.json", depth)

    def pop(self, log: UndoLog) -> Entry | None:
        """The newest entry of ``log``, checked, saved away from it; ``None`` if empty."""
        try:
            entries = log.entries()
        except (ValueError, OSError) as error:
            raise LayoutError(f"{log.path}") from error
        if not entries:
            return None
        entry = _checked(log.path, len(entries), entries[-1])
        log.save(entries[:-1])
        return entry

    def undone(self, label: dict[str, Any], changes: list[list[Any]], raw: bool) -> None:
        """What an undo changed, for a redo to take back."""
        self.redo.push({"label": label, "raw": raw, "changes": changes})

    def wrote(
        self, label: dict[str, Any], changes: list[list[Any]] | None, raw: bool, *, redo: bool
    ) -> None:
        """Log a write (``None``: not undoable, so the log is emptied); a write that is
        no redo ends the redo chain, as in every editor."""
        if changes is None:
            self.undo.clear()
        else:
            self.undo.push({"label": label, "raw": raw, "changes": changes})
        if not redo:
            self.redo.clear()


def _checked(path: Path, number: int, entry: dict[str, Any]) -> Entry:
    label, changes = entry.get("label"), entry.get("changes")
    if not (isinstance(label, dict) and isinstance(changes, list)) or not all(
        isinstance(change, list)
        and len(change) == 4
        and isinstance(change[0], str)
        and change[0] not in RESERVED - {GONE}
        and isinstance(change[1], str)
        and change[1].isdigit()
        and isinstance(change[2], dict | None)
        and isinstance(change[3], dict | None)
        for change in changes
    ):
        raise LayoutError(f"{path}#{number}")
    return label, bool(entry.get("raw")), changes
