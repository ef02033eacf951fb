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

A fold need not parse such a table either, when it only gained documents (what a
quick-log line does to the interactions): :meth:`Lazy.splice` gives the table's
bytes from the file, checked against the crc32 the fold before wrote, with the new
documents after them (:class:`model.layout.Raw`).
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import Any

import orjson

from model import bookfile, damage, layout
from model.bookfile import Signature
from model.layout import Raw
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
        self._last: dict[str, int] = {}
        self._sums: dict[str, int] = {}
        self._staged: dict[str, dict[str, Doc]] = {}

    def open(
        self,
        fd: int,
        spans: dict[str, tuple[int, int]],
        last: dict[str, int],
        sums: dict[str, int] | None = None,
    ) -> None:
        """Take over ``fd`` (closed by :meth:`close`) and the tables at ``spans`` in it;
        ``last``: their highest ids, ``sums``: their crc32s (``model.layout``)."""
        self.close()
        self._fd, self._spans = fd, dict(spans)
        self._last = {name: last.get(name, 0) for name in spans}
        self._next = {name: self._last[name] + 1 for name in spans}
        self._sums = {name: crc for name, crc in (sums or {}).items() if name in spans}

    def close(self) -> None:
        if self._fd is not None:
            with suppress(OSError):
                os.close(self._fd)
        self._fd = None
        self._spans.clear()
        self._changes.clear()
        self._next.clear()
        self._last.clear()
        self._sums.clear()
        self._staged.clear()

    def tables(self) -> list[str]:
        """The tables not parsed yet."""
        return list(self._spans)

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

    def splice(self, table: str) -> Raw | None:
        """``table`` as a fold writes it, unparsed: its bytes in the file, checked against
        their crc32, and the documents it gained since; ``None`` when a change touched a
        document the file holds (or the bytes are not the fold's): parse it instead."""
        span, crc = self._spans.get(table), self._sums.get(table)
        if span is None or crc is None or self._fd is None:
            return None
        last = self._last[table]
        gained: dict[str, Doc | None] = dict(self._changes.get(table, ()))
        gained.update(self._staged.get(table, {}))
        if any(int(doc_id) <= last for doc_id in gained):
            return None
        raw = self.read(*span)
        if raw is None or zlib.crc32(raw) != crc or raw[:1] != b"{" or raw[-1:] != b"}":
            return None
        new = sorted((int(doc_id), doc) for doc_id, doc in gained.items() if doc is not None)
        if not new:
            return Raw((raw,), last)
        if self._check is not None:  # what is written is checked, as a parse would
            self._check({table: {str(n): doc for n, doc in new}})
        docs = b",".join(orjson.dumps(str(n)) + b":" + orjson.dumps(doc) for n, doc in new)
        comma = b"," if len(raw) > 2 else b""
        return Raw((memoryview(raw)[:-1], comma, docs, b"}"), max(last, new[-1][0]))

    def splice_all(self) -> dict[str, Raw]:
        """Every table :meth:`splice` can give."""
        found = {}
        for table in list(self._spans):
            raw = self.splice(table)
            if raw is not None:
                found[table] = raw
        return found

    def reopen(self, path: Path, signature: Signature | None, fields: dict[str, Any]) -> bool:
        """After a fold that spliced the tables not parsed: read them from the new file at
        ``path`` (``signature``, laid out as ``fields`` say) from now on, for what was kept
        aside for them is in it; ``False`` if it cannot be opened as that file (the old
        one and what was kept aside still make the same book)."""
        opened = bookfile.open_head(path)
        found = layout.spans(fields)
        if opened is None or opened[2] != signature or found is None:
            if opened is not None:
                os.close(opened[0])
            return False
        spans = {name: span for name, span in found[0].items() if name in self._spans}
        self.open(opened[0], spans, found[1], layout.sums(fields))
        return True

    def load_all(
        self, progress: Callable[[int, int], None] | None = None, keep: Iterable[str] = ()
    ) -> None:
        """Parse what is left but the tables in ``keep``; ``progress(done, total)`` in
        bytes, after each table (a kept one counts as read)."""
        total = sum(end - start for start, end in self._spans.values())
        done = 0
        kept = set(keep)
        for table, (start, end) in list(self._spans.items()):
            if table not in kept:
                self.load(table)
            done += end - start
            if progress is not None:
                progress(done, total)
