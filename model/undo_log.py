"""The undo log of one device for one book, kept in the user's state folder.

Undo takes back this device's changes only, so its log must not travel with a
synced book: it lives beside the device id, in a folder named after the book's
real path.  One JSON line per change is appended (under the book's lock) before
the book itself is written, so a write costs one small append, not a rewrite of
the log.  A kill between the two leaves an entry whose change never landed,
which undo then finds already undone; a kill inside the append leaves a torn
line, which the next append ends and every read skips.  Never a change that cannot be taken back.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson

from model import bookfile

__all__ = ["UndoLog"]


class UndoLog:
    """Lines of ``{"label": ..., "raw": bool, "changes": [[table, id, before, after], ...]}``."""

    def __init__(self, path: Path, depth: int) -> None:
        self.path = path
        self._depth = depth

    def entries(self) -> list[dict[str, Any]]:
        """The entries, oldest first (at most ``depth``); ``ValueError`` if one is not an entry."""
        loaded = bookfile.read(self.path)
        if loaded is None:
            return []
        lines = loaded[0].split(b"\n")
        entries = []
        for number, line in enumerate(lines):
            try:
                entry = orjson.loads(line) if line else None
            except orjson.JSONDecodeError:
                continue  # torn by a kill while appending: that change never landed
            if entry is None:
                continue
            if not isinstance(entry, dict):
                raise ValueError(f"{self.path}:{number + 1}")
            entries.append(entry)
        return entries[-self._depth :]

    def save(self, entries: list[dict[str, Any]]) -> None:
        """Replace the log with ``entries`` (atomically)."""
        bookfile.private_folder(self.path.parent)
        payload = b"".join(orjson.dumps(entry) + b"\n" for entry in entries[-self._depth :])
        bookfile.replace(self.path, payload, keep=False)

    def push(self, entry: dict[str, Any]) -> None:
        """Append one entry; now and then the log is cut back to its depth."""
        bookfile.private_folder(self.path.parent)
        line = orjson.dumps(entry) + b"\n"
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            os.fchmod(fd, 0o600)  # open's mode is narrowed by the umask, even to 0000
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                line = b"\n" + line  # end the line a killed writer tore
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        # Cut back when the log crosses a power of two past 1 MiB: a log that stays large
        # after the cut (one huge entry, a demo's) is not re-read on every append.
        grown = size + len(line)
        if grown > max(1 << 20, 4 * len(line) * self._depth) and (
            size.bit_length() != grown.bit_length()
        ):
            self.save(self.entries())

    def clear(self) -> None:
        if self.path.exists():
            self.save([])
