"""The tables of the main file that nobody has needed yet: a lean read.

A quick-log line needs the clients (and the invoices, for ``paid``), never the
interactions; parsing a million of them to append one costs seconds.  So when the
file is as a fold wrote it (``model.layout``), the store parses only its head, and
each table the moment something reads it, from the byte range ``_meta`` names, out
of the very file it opened (kept open, so a fold that replaces the path meanwhile
changes nothing of what is read).  Until then journal lines for a table are kept
aside and applied when it is parsed, and an insert into it only needs the next id
(``_meta`` holds each table's last one), so a new interaction never parses the
others.  Every read of the whole book (``Store.tables()``) parses what is left.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

import orjson

from model import damage
from model.migrations import Tables
from model.storage import BookDB, LayoutError, parse

__all__ = ["Lazy"]

Doc = dict[str, Any]


class Lazy:
    """Unparsed tables of one opened file, and what happened to them since."""

    def __init__(self, path: Path, db: BookDB, check: Callable[[Tables], None] | None) -> None:
        self._path = path
        self._db = db
        self._check = check
        self._fd: int | None = None
        self._spans: dict[str, tuple[int, int]] = {}
        self._changes: dict[str, list[tuple[str, Doc | None]]] = {}
        self._next: dict[str, int] = {}
        self._staged: dict[str, dict[str, Doc]] = {}

    def open(self, fd: int, spans: dict[str, tuple[int, int]], last: dict[str, int]) -> None:
        """Take over ``fd`` (closed by :meth:`close`) and the tables at ``spans`` in it."""
        self.close()
        self._fd, self._spans = fd, dict(spans)
        self._next = {name: last.get(name, 0) + 1 for name in spans}

    def close(self) -> None:
        if self._fd is not None:
            with suppress(OSError):
                os.close(self._fd)
        self._fd = None
        self._spans.clear()
        self._changes.clear()
        self._next.clear()
        self._staged.clear()

    def is_lazy(self, table: str) -> bool:
        return table in self._spans

    def note(self, table: str, doc_id: str, after: Doc | None) -> bool:
        """Keep a replayed change of an unparsed table; ``False`` if it is parsed."""
        if table not in self._spans:
            return False
        self._changes.setdefault(table, []).append((doc_id, after))
        self._next[table] = max(self._next[table], int(doc_id) + 1)
        return True

    def next_id(self, table: str) -> int:
        return self._next[table]

    def stage(self, table: str, doc_id: int, doc: Doc) -> None:
        """An insert of the open transaction into an unparsed table."""
        self._staged.setdefault(table, {})[str(doc_id)] = doc
        self._next[table] = max(self._next[table], doc_id + 1)

    def staged(self, table: str, doc_id: str) -> Doc | None:
        return self._staged.get(table, {}).get(doc_id)

    def committed(self) -> None:
        """The open transaction's inserts are written: they are changes like replayed ones."""
        for table, docs in self._staged.items():
            self._changes.setdefault(table, []).extend(docs.items())
        self._staged.clear()

    def load(self, table: str) -> None:
        """Parse ``table`` now, with every change since, into the book's data."""
        span = self._spans.get(table)
        if span is None:
            return
        assert self._fd is not None
        start, end = span
        raw = os.pread(self._fd, end - start, start)
        try:
            docs = parse(b"{" + orjson.dumps(table) + b":" + raw + b"}")[table]
        except (orjson.JSONDecodeError, LayoutError) as error:
            raise damage.unreadable(self._path, error) from error
        if self._check is not None:
            self._check({table: docs})
        for doc_id, after in self._changes.pop(table, ()):
            if after is None:
                docs.pop(doc_id, None)
            else:
                docs[doc_id] = after
        docs.update(self._staged.pop(table, {}))
        del self._spans[table]
        self._db.book.data[table] = docs
        self._db.reset_caches()

    def read(self, start: int, end: int) -> bytes | None:
        """Bytes ``start:end`` of the opened file (``None``: none is open, or it is shorter)."""
        if self._fd is None or not 0 <= start <= end:
            return None
        try:
            raw = os.pread(self._fd, end - start, start)
        except OSError:
            return None
        return raw if len(raw) == end - start else None

    def load_all(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Parse what is left; ``progress(done, total)`` in bytes, after each table."""
        total = sum(end - start for start, end in self._spans.values())
        done = 0
        for table, (start, end) in list(self._spans.items()):
            self.load(table)
            done += end - start
            if progress is not None:
                progress(done, total)
