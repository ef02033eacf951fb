"""The journal: one JSON line per transaction, appended beside the book and fdatasynced.

Rewriting a million-record book to add one call costs seconds; appending one line
costs a fraction of a millisecond at any size.  So a write appends its records
(before- and after-images), its undo label, its sequence number and the fold of
the book file it was based on (``base``) to the journal, under the book's lock, and
returns when ``fdatasync`` does.  The main file is rewritten now and then (a
*fold*, ``model.folding``); readers replay the journal on top of it.

* Each device appends to its own journal, ``BOOK.journal-DEVICE``: a sync tool
  never sees two devices change one file, so it never makes a conflict copy of it.
* A kill inside an append leaves a torn last line (no newline yet): readers ignore
  it, the next writer cuts it off under the lock.  Its ``fdatasync`` never
  returned, so nobody was told it was written.
* A bad line that is not the last is damage: :class:`JournalDamaged` names the
  journal and the line, and nothing writes over it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

__all__ = [
    "FOLD_BELOW",
    "FOLD_BYTES",
    "FOLD_LINES",
    "Entry",
    "JournalDamaged",
    "Tail",
    "append",
    "apply",
    "clients_of",
    "cut_torn",
    "fold_below",
    "journal_path",
    "journals",
    "read",
    "remove",
]

_NAME = ".journal-"

#: A main file smaller than this is rewritten on every write, so that it is always
#: current for stock TinyDB and other readers.  Chosen from measurements
#: (``python -m bench.journal --fold-below``, a fresh ``Book`` per write as
#: ``rapport quick`` is, on a loaded 2-core machine): the rewrite costs two more
#: fsyncs and a parse and dump of every table, over a journal line +5 ms at 22 KB,
#: +8 ms at 65 KB, +9 ms at 185 KB, +11 ms at 370 KB, +16 ms at 710 KB, +33 ms at
#: 1.7 MB (the 1,000-client bench book: 56 ms against 24 ms).  Up to 256 KB (some
#: 100 clients and a few hundred interactions) that is the few milliseconds a user
#: never notices; above, a line is 2-3x cheaper and the gap grows with the book, and
#: a reader that is not Rapport sees the file as of the last fold (``rapport
#: fold``, the board when idle or on quitting).  ``RAPPORT_FOLD_BELOW`` (bytes)
#: overrides it; tests set 0 to put every write through the journal.
FOLD_BELOW = 256 * 1024
#: A larger book is folded when its journals hold this many lines or bytes; one over
#: 64 times ``FOLD_BYTES`` (16 MiB) when they hold that many times more, in step with
#: its size: a fold costs in proportion to the book, so per write it stays flat.
FOLD_LINES = 1000
FOLD_BYTES = 256 * 1024


def fold_below() -> int:
    raw = os.environ.get("RAPPORT_FOLD_BELOW", "")
    return int(raw) if raw.isdigit() else FOLD_BELOW


class JournalDamaged(ValueError):
    """A line of ``path`` that is not a journal entry, and not the torn last one."""

    def __init__(self, path: Path, line: int) -> None:
        super().__init__(f"{path}:{line}")
        self.path = path
        self.line = line


@dataclass(frozen=True)
class Entry:
    """One transaction: ``changes`` are ``[table, id, before, after]``."""

    seq: int
    base: str
    changes: list[list[Any]]
    clock: str
    line: int

    def as_line(self, label: dict[str, Any], raw: bool, device: str) -> bytes:
        body = {
            "seq": self.seq,
            "base": self.base,
            "device": device,
            "label": label,
            "raw": raw,
            "clock": self.clock,
            "changes": self.changes,
        }
        return orjson.dumps(body) + b"\n"


@dataclass(frozen=True)
class Tail:
    """What one read of a journal found: its entries and where the next read starts."""

    entries: list[Entry]
    end: int
    lines: int


def journal_path(book: Path, device: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", device) or "local"
    return book.with_name(f"{book.name}{_NAME}{safe}")


def journals(book: Path) -> list[Path]:
    """Every device's journal beside ``book`` (one scandir), by name."""
    prefix = book.name + _NAME
    try:
        with os.scandir(book.parent) as found:
            names = [
                entry.name
                for entry in found
                if entry.name.startswith(prefix) and entry.is_file(follow_symlinks=False)
            ]
    except OSError:
        return []
    return [book.with_name(name) for name in sorted(names)]


def _entry(raw: bytes) -> Entry | None:
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(body, dict):
        return None
    seq, base, changes, clock = (body.get(k) for k in ("seq", "base", "changes", "clock"))
    if not (
        type(seq) is int
        and isinstance(base, str)
        and isinstance(clock, str)
        and isinstance(changes, list)
        and all(_is_change(change) for change in changes)
    ):
        return None
    return Entry(seq, base, changes, clock, 0)


def _is_change(change: object) -> bool:
    # Type checks by identity: a fresh process replays hundreds of lines per start.
    if type(change) is not list or len(change) != 4:
        return False
    table, doc_id, before, after = change
    return (
        type(table) is str
        and type(doc_id) is str
        and doc_id.isdigit()
        and (before is None or type(before) is dict)
        and (after is None or type(after) is dict)
    )


def read(path: Path, offset: int = 0, lines: int = 0) -> Tail:
    """The whole lines of ``path`` from byte ``offset`` (``lines`` lines come before it).

    A last line without its newline is being written or was torn: left for later.
    """
    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            data = handle.read()
    except FileNotFoundError:
        return Tail([], 0, 0)
    whole = data.rfind(b"\n") + 1
    entries = []
    number = lines
    for raw in data[:whole].split(b"\n")[:-1]:
        number += 1
        if not raw.strip():
            continue
        entry = _entry(raw)
        if entry is None:
            raise JournalDamaged(path, number)
        entries.append(Entry(entry.seq, entry.base, entry.changes, entry.clock, number))
    return Tail(entries, offset + whole, number)


def cut_torn(path: Path) -> None:
    """Cut a torn last line off ``path`` (under the lock: no writer is appending)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CLOEXEC | os.O_NOFOLLOW)
    except FileNotFoundError:
        return
    try:
        size = os.fstat(fd).st_size
        if size == 0 or os.pread(fd, 1, size - 1) == b"\n":
            return
        start = max(0, size - (1 << 16))
        while True:
            chunk = os.pread(fd, size - start, start)
            cut = chunk.rfind(b"\n")
            if cut >= 0 or start == 0:
                os.ftruncate(fd, start + cut + 1)
                os.fsync(fd)
                return
            start = max(0, start - (1 << 16))
    finally:
        os.close(fd)


def append(path: Path, line: bytes) -> int:
    """Append one whole line and wait for ``fdatasync``; the journal's size after it."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        view = memoryview(line)
        while view:
            view = view[os.write(fd, view) :]
        os.fdatasync(fd)
        return os.fstat(fd).st_size
    finally:
        os.close(fd)


def remove(paths: list[Path]) -> None:
    """Remove journals whose every line is in the main file now."""
    for path in paths:
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue


def apply(tables: dict[str, dict[str, dict[str, Any]]], entry: Entry) -> None:
    """Replay one entry's after-images on ``tables`` (in place)."""
    for table, doc_id, _before, after in entry.changes:
        if after is None:
            docs = tables.get(table)
            if docs is not None:
                docs.pop(doc_id, None)
        else:
            tables.setdefault(table, {})[doc_id] = after


def clients_of(changes: list[list[Any]]) -> frozenset[str] | None:
    """The client ids a write's changes touched; ``None`` if a record names none."""
    found = set()
    for table, _doc_id, before, after in changes:
        for doc in (before, after):
            if doc is None:
                continue
            if table == "_gone":  # a tombstone: the record it keeps
                doc = doc.get("doc") or {}
                if not doc:
                    continue
            client = doc.get("id") if table == "clients" else doc.get("client")
            if not isinstance(client, str):
                return None
            found.add(client)
    return frozenset(found)
