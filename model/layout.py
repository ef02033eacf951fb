"""The main file as a fold writes it: stock TinyDB's layout, with a map in ``_meta``.

The file stays ``{"_meta": {"1": {...}}, table: {doc_id: doc}, ...}``, which stock
``TinyDB(path)`` opens as it always did (``_meta`` is one more table to it).  The
fold adds to the ``_meta`` document what lets a writer avoid parsing the whole book:

* ``token``: names this fold; every journal line names the fold it was based on.
* ``from``: the token of the fold before, whose journal lines are in this file now
  (a kill between the rename and emptying the journal must replay nothing twice).
* ``size``: the file's length; a file of another length was rewritten by another
  program (stock TinyDB, an editor), and its ``index`` means nothing any more.
* ``index``: ``[table, start, end, ...]``, where each table's object lies in the file.
* ``last``: ``[table, id, ...]``, the highest document id of each table at the fold.
* ``sums``: ``[table, crc32, ...]`` of each table's bytes: the next fold copies a table
  that only gained documents without parsing it (:class:`Raw`), and checks it first.
* ``refs``: ``[start, end]`` of a second ``_meta`` document, ``{"of": token, "keys":
  ...}``, every seven-letter ref of the book (``model.ref_index``), so that a new
  record's ref is checked without parsing the book.  It names the token of the fold
  that wrote it: a file another program rewrote does not carry it on by mistake.

Lists, not objects, so the head stays one brace deep for ``bookfile.peek``.
In memory ``_meta`` keeps only what the book means (schema, generation, clock).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from model.migrations import META, META_ID, Tables

__all__ = ["FILE_FIELDS", "REFS_ID", "Raw", "dump", "refs_of", "spans", "split_meta", "sums"]

#: The ``_meta`` fields that describe the file, not the book.
FILE_FIELDS = ("token", "from", "size", "index", "last", "sums", "refs")
#: The ``_meta`` document that holds the refs: never part of the book in memory.
REFS_ID = "2"


@dataclass(frozen=True)
class Raw:
    """A table a fold writes as bytes, unparsed: ``parts`` joined are its JSON object."""

    parts: tuple[bytes | memoryview, ...]
    last: int


def _last_id(table: dict[str, Any]) -> int:
    # Ids are digits without leading zeros: the longest, then the greatest string, is the
    # highest number, found without turning a million keys into ints.
    if not table:
        return 0
    longest = max(map(len, table))
    return int(max(key for key in table if len(key) == longest))


def dump(
    tables: Mapping[str, dict[str, Any] | Raw],
    previous: str,
    refs: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[bytes, dict[str, Any]]:
    """The file bytes of ``tables`` with the fold's map in ``_meta``, and that map;
    ``refs``: the book's refs as ``ref_index.encode`` wrote them, kept in the file;
    ``progress(done, total)`` before each table (the file itself is the last step).

    The token is drawn from what the file holds, so two devices that fold the same
    book (a migration, a merge of the same copies) write the same bytes."""
    parts: list[bytes | memoryview] = []
    spans: list[tuple[str, int, int]] = []
    last: list[Any] = []
    sums: list[Any] = []
    offset = 0
    for number, (name, table) in enumerate(tables.items(), 1):
        if progress is not None:
            progress(number - 1, len(tables))
        if name == META:
            continue
        key = b"," + orjson.dumps(name) + b":"
        if isinstance(table, Raw):
            values, highest = table.parts, table.last
        else:
            values, highest = (orjson.dumps(table),), _last_id(table)
        length = crc = 0
        for value in values:
            length, crc = length + len(value), zlib.crc32(value, crc)
        spans.append((name, offset + len(key), offset + len(key) + length))
        last += [name, highest]
        sums += [name, crc]
        parts += [key, *values]
        offset += len(key) + length
    parts.append(b"}")
    body_crc = 0
    for part in parts:
        body_crc = zlib.crc32(part, body_crc)
    first, final = _ends(parts, 4096)
    docs = tables.get(META)
    head_meta = docs.get(META_ID) if isinstance(docs, dict) else None
    meta = dict(head_meta) if isinstance(head_meta, dict) else {}
    seed = orjson.dumps([previous, meta]) + first + final
    token = f"{body_crc:08x}{zlib.crc32(seed):08x}"
    meta["sums"] = sums
    meta.update(token=token, last=last)
    meta["from"] = previous
    meta.pop("refs", None)
    kept = b"" if refs is None else orjson.dumps({"of": token, "keys": refs})
    prefix, between = b'{"_meta":{"1":', b',"' + REFS_ID.encode() + b'":'
    head_size = start = 0
    while True:  # the offsets are in the head itself: until its length stays put
        meta["size"] = head_size + offset + 1
        meta["index"] = [x for name, a, b in spans for x in (name, a + head_size, b + head_size)]
        if kept:
            meta["refs"] = [start, start + len(kept)]
        first = orjson.dumps(meta)
        head = prefix + first + (between + kept if kept else b"") + b"}"
        found = len(prefix) + len(first) + len(between)
        if len(head) == head_size and (not kept or found == start):
            payload = b"".join([head, *parts])  # one copy of the book, however it came
            return payload, {name: meta[name] for name in FILE_FIELDS if name in meta}
        head_size, start = len(head), found


def _ends(parts: list[bytes | memoryview], size: int) -> tuple[bytes, bytes]:
    """The first and the last ``size`` bytes of ``parts`` joined, without joining them."""
    first, final = b"", b""
    for part in parts:
        if len(first) >= size:
            break
        first += bytes(part[: size - len(first)])
    for part in reversed(parts):
        if len(final) >= size:
            break
        final = bytes(part[max(0, len(part) - (size - len(final))) :]) + final
    return first, final


def split_meta(tables: Tables) -> dict[str, Any]:
    """Take the file's fields out of ``tables``' ``_meta`` (in place) and return them."""
    docs = tables.get(META) or {}
    docs.pop(REFS_ID, None)  # read from the file when needed (:func:`refs_of`)
    meta = docs.get(META_ID)
    if meta is None:
        return {}
    return {name: meta.pop(name) for name in FILE_FIELDS if name in meta}


def refs_of(
    fields: dict[str, Any], read: Callable[[int, int], bytes | None]
) -> tuple[int, int] | None:
    """Where the fold of ``fields`` kept the text of its refs (``read(start, end)`` gives
    the file's bytes), as ``(start, end)``; ``None`` when it kept none, or they are not
    that fold's."""
    span, token = fields.get("refs"), fields.get("token")
    if not (isinstance(span, list) and len(span) == 2 and all(type(x) is int for x in span)):
        return None
    if not isinstance(token, str):
        return None
    head, tail = b'{"of":' + orjson.dumps(token) + b',"keys":"', b'"}'
    start, end = span[0] + len(head), span[1] - len(tail)
    if start > end or read(span[0], start) != head or read(end, span[1]) != tail:
        return None
    return start, end


def spans(fields: dict[str, Any]) -> tuple[dict[str, tuple[int, int]], dict[str, int]] | None:
    """Where each table lies and its last id, from a fold's map; ``None`` if there is none."""
    index, last = fields.get("index"), fields.get("last")
    if not (isinstance(index, list) and isinstance(last, list) and len(index) % 3 == 0):
        return None
    found = {}
    for at in range(0, len(index), 3):
        name, start, end = index[at : at + 3]
        if not (isinstance(name, str) and type(start) is int and type(end) is int):
            return None
        found[name] = (start, end)
    ids = dict(zip(last[::2], last[1::2], strict=False))
    if not all(type(value) is int for value in ids.values()):
        return None
    return found, ids


def sums(fields: dict[str, Any]) -> dict[str, int]:
    """The crc32 of each table's bytes, as the fold of ``fields`` wrote them."""
    found = fields.get("sums")
    if not isinstance(found, list):
        return {}
    pairs = dict(zip(found[::2], found[1::2], strict=False))
    return {name: crc for name, crc in pairs.items() if type(crc) is int}
