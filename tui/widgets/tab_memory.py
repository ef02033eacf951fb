"""Which pane tab the board opens on: Today on the first start of a day with
something due, else the tab the user left it on.

The choice is the user's and this machine's, not the book's, so it lives in a
small file next to the quick-log history (the user's state folder), readable by
the user only (0600), replaced whole so a crash never leaves half of it.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path

from model.bookfile import private_folder

__all__ = ["Remembered", "TabMemory"]

FILE_NAME = "board-state.json"


@dataclass(frozen=True)
class Remembered:
    tab: str | None = None
    """The pane tab the user last chose."""
    today_shown: str | None = None
    """The last day (ISO) the board opened on Today by itself."""


class TabMemory:
    """The remembered tab, in ``path`` (``None``: remember nothing)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    @classmethod
    def beside(cls, history: Path | None) -> TabMemory:
        """The memory in the folder of the quick-log history file."""
        return cls(None if history is None else history.with_name(FILE_NAME))

    def load(self) -> Remembered:
        """What was remembered; nothing, when the file is missing or not ours to read."""
        if self.path is None:
            return Remembered()
        try:
            doc = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return Remembered()  # a convenience, never a reason to fail
        if not isinstance(doc, dict):
            return Remembered()
        tab, shown = doc.get("tab"), doc.get("today_shown")
        return Remembered(
            tab if isinstance(tab, str) else None, shown if isinstance(shown, str) else None
        )

    def save(self, remembered: Remembered) -> None:
        """Write a fresh file (mode 0600) and move it over the old one."""
        if self.path is None:
            return
        temp = self.path.with_name(self.path.name + ".tmp")
        with suppress(OSError):
            private_folder(self.path.parent)
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(asdict(remembered), handle)
            os.replace(temp, self.path)
