"""Which seven-letter refs a book uses, for ``Transaction.fresh`` to draw a new one.

Kept by the fold in the file (``model.ref_index``, ``model.layout``): a process
that opened such a file adds the refs of the journal lines it replayed and of its
own writes, and never parses a table for them.  Only a file without kept refs
(another program's, an older Rapport's) has every record's ref gathered, and the
write that gathered them folds (``gathered``), so that no later process must.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, MutableSet
from pathlib import Path
from typing import Any

from model import layout, ref_index
from model.errors import write_failed
from model.identity import short_refs_in
from model.lean import Lazy
from model.migrations import GONE, Tables
from model.transaction import RESERVED

__all__ = ["BookRefs"]


def _refs_of(changes: list[list[Any]]) -> set[int]:
    return short_refs_in(after for *_, after in changes if after is not None)


class BookRefs:
    """The refs of one loaded book and of the changes since its file was read."""

    def __init__(self, path: Path, lazy: Lazy, data: Callable[[], Tables]) -> None:
        self._path = path
        self._lazy = lazy
        self._data = data
        #: The changes replayed or written since the file was read.
        self._since_file: list[list[list[Any]]] = []
        self._refs: MutableSet[int] | None = None
        #: Gathered from every record since the file was read: a fold should keep them.
        self.gathered = False

    def reset(self) -> None:
        """Another file was read (or this one folded): nothing since it yet."""
        self._since_file = []
        self.gathered = False

    def forget(self) -> None:
        """Find them anew on the next insert (a merge brought refs no write saw)."""
        self._refs = None

    def note(self, changes: list[list[Any]]) -> None:
        self._since_file.append(changes)
        if self._refs is not None:
            self._refs |= _refs_of(changes)

    def in_use(self, fields: dict[str, Any]) -> MutableSet[int]:
        """Every ref of the book: those the fold of ``fields`` kept in the file and those
        of the changes since, or gathered from every record (a file without them)."""
        if self._refs is None:
            kept = layout.refs_of(fields, self._lazy.read)
            if kept is not None and (kept[1] - kept[0]) % ref_index.WIDTH == 0:
                count = (kept[1] - kept[0]) // ref_index.WIDTH
                self._refs = ref_index.KeptRefs(self._read, kept[0], count)
                for changes in self._since_file:
                    self._refs |= _refs_of(changes)
        if self._refs is None:
            self._lazy.load_all()
            docs = [
                doc.get("doc", {}) if name == GONE else doc
                for name, table in self._data().items()
                if name not in RESERVED or name == GONE
                for doc in table.values()
            ]
            self._refs = short_refs_in(docs)
            self.gathered = True
        return self._refs

    def _read(self, start: int, end: int) -> bytes:
        """Bytes of the file this process opened (the kept refs lie there)."""
        found = self._lazy.read(start, end)
        if found is None:
            error = OSError(errno.EIO, "the book file could not be read again")
            raise write_failed(self._path, error)
        return found
