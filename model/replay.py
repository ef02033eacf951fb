"""Reading the journals on top of the main file: which lines count, and how far we read.

A line counts when it was based on the fold the main file holds (``base`` is the
file's ``token``) and carries the next sequence number; a line based on the fold
before (``from``) with a number the file already holds was folded by a writer
killed before it emptied the journal, and is skipped.  Anything else is a journal
that does not belong to this file: reported, never guessed at or written over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from model import bookfile, journal
from model.errors import BookCorrupt
from model.journal import Entry, JournalDamaged

__all__ = ["Foreign", "JournalDamaged", "Replay", "journal_error"]


class Foreign(ValueError):
    """Journal lines that do not continue the main file: ``why`` is ``"rewritten"`` (the
    file was rewritten by another program under them) or ``"other"`` (they were based on
    another version of the file, or are out of sequence)."""

    def __init__(self, path: Path, line: int, why: str) -> None:
        super().__init__(f"{path}:{line}: {why}")
        self.path = path
        self.line = line
        self.why = why


@dataclass
class _Read:
    end: int = 0
    lines: int = 0
    size: int = 0
    pending: int = 0
    #: Another device's journal that does not continue this file: left alone.
    skipped: bool = False


@dataclass
class Replay:
    """The journals of one book as far as this process read them."""

    book: Path
    #: This device's journal: its lines must continue the file; another device's that
    #: do not (a journal a sync tool carried here) are skipped and kept, never folded.
    own: Path | None = None
    read: dict[Path, _Read] = field(default_factory=dict)
    #: Lines read that the main file does not hold yet.
    lines: int = 0

    def sizes(self) -> dict[Path, int]:
        """The size of every journal now (a stat each: cheap enough to poll)."""
        found = {}
        for path in journal.journals(self.book):
            try:
                found[path] = os.stat(path).st_size
            except FileNotFoundError:
                continue
        return found

    def changed(self) -> bool:
        return {path: r.size for path, r in self.read.items() if r.size} != {
            path: size for path, size in self.sizes().items() if size
        }

    def waiting(self) -> bool:
        """Whether a journal holds lines a fold would take in: one scandir and a stat a
        journal, nothing read (another device's journal left alone does not count; the
        lines this process read count only while their journal is there: another process
        may have folded them)."""
        sizes = self.sizes()
        return any(size for path, size in sizes.items() if not self._left_alone(path))

    def _left_alone(self, path: Path) -> bool:
        seen = self.read.get(path)
        return seen is not None and seen.skipped

    def start(self) -> None:
        """Forget what was read: the main file is another one now."""
        self.read.clear()
        self.lines = 0

    def bytes(self) -> int:
        """How much journal there is to fold."""
        return sum(seen.end for seen in self.read.values())

    def new_lines(
        self, fields: dict[str, Any], generation: int, *, rewritten: bool
    ) -> list[Entry] | None:
        """The lines after ``generation`` that were based on the file's fold, in order;
        ``None`` when a journal shrank or a line is out of place (read the file anew).
        ``rewritten``: the file is not as the fold wrote it (see ``model.layout``).

        Raises :class:`JournalDamaged` or, on a fresh start, :class:`Foreign`."""
        token, previous = fields.get("token"), fields.get("from")
        fresh = not self.read
        why = "rewritten" if rewritten else "other"
        found: list[tuple[Path, Entry]] = []
        for path, size in self.sizes().items():
            seen = self.read.setdefault(path, _Read())
            if seen.skipped:
                seen.size = size
                continue
            if size < seen.end:
                return None
            tail = journal.read(path, seen.end, seen.lines)
            seen.end, seen.lines, seen.size = tail.end, tail.lines, size
            mine: list[tuple[Path, Entry]] = []
            for entry in tail.entries:
                if entry.base == previous and entry.seq <= generation and not rewritten:
                    continue  # folded already
                if entry.base != token or token is None or rewritten:
                    if path != self.own and fresh:
                        seen.skipped, mine = True, []
                        break
                    if fresh:
                        raise Foreign(path, entry.line, why)
                    return None
                mine.append((path, entry))
            found += mine
        found.sort(key=lambda item: item[1].seq)
        for number, (path, entry) in enumerate(found, generation + 1):
            if entry.seq != number:
                if fresh and path != self.own:
                    # Two devices wrote on one fold (offline, synced): this one's lines
                    # stay in its journal for that device to fold and its file to merge.
                    self.read[path].skipped = True
                    found = [item for item in found if item[0] != path]
                    return self._settle(found, generation)
                if fresh:
                    raise Foreign(path, entry.line, why)
                return None
        return self._settle(found, generation)

    def _settle(self, found: list[tuple[Path, Entry]], generation: int) -> list[Entry]:
        for number, (path, entry) in enumerate(found, generation + 1):
            if entry.seq != number:
                raise Foreign(path, entry.line, "other")
            self.read[path].pending += 1
        self.lines += len(found)
        return [entry for _, entry in found]

    def appended(self, path: Path, size: int) -> None:
        """This process appended a line to ``path``, now ``size`` bytes long."""
        seen = self.read.setdefault(path, _Read())
        seen.end = seen.size = size
        seen.lines += 1
        seen.pending += 1
        self.lines += 1

    def tidy(self) -> None:
        """Under the lock: cut torn lines off, remove journals that hold no pending line."""
        for path, seen in list(self.read.items()):
            if seen.skipped:
                continue
            if not seen.pending:
                journal.remove([path])
                del self.read[path]
            elif seen.size > seen.end:
                journal.cut_torn(path)
                seen.size = seen.end

    def paths(self) -> list[Path]:
        """The journals whose every line a fold of memory holds."""
        return [path for path, seen in self.read.items() if not seen.skipped]

    def skipped(self) -> list[Path]:
        return [path for path, seen in self.read.items() if seen.skipped]


def journal_error(book: Path, error: JournalDamaged | Foreign) -> BookCorrupt:
    """The damaged-book error for a journal that cannot be replayed."""
    where = {"path": str(book), "journal": str(error.path), "line": error.line}
    if isinstance(error, JournalDamaged):
        return BookCorrupt("store.journal_damaged", **where)
    if error.why == "rewritten":
        backups = bookfile.backups(book)
        return BookCorrupt("store.rewritten", backup=str(backups[0]) if backups else "-", **where)
    return BookCorrupt("store.journal_foreign", **where)
