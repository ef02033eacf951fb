"""TinyDB extension points: the book stays a TinyDB file, but is held in memory.

Stock TinyDB re-reads and re-writes the whole file on every operation, and its
``Table._update_table`` rebuilds the whole table dict twice per insert.  Here the
parsed data lives in memory, :class:`FastTable` changes it in place, and
:class:`BookStorage` only keeps what was written: :class:`model.store.Store` decides when
the one atomic write happens.  The file keeps TinyDB's layout
``{table: {doc_id: doc}}``, so stock ``TinyDB(path)`` still opens it.

The codec lives here too, because it is what makes a byte string a TinyDB book:
:func:`parse` refuses anything that is not that layout, :func:`dump` puts
``_meta`` first so the generation can be peeked from the head of the file, and
:func:`check_document` refuses what the file could not hold before it is applied.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any, cast

import orjson
from tinydb import Storage, TinyDB
from tinydb.table import Table

from model.errors import InputError
from model.migrations import META, META_ID, Tables

__all__ = [
    "BookDB",
    "BookStorage",
    "FastTable",
    "IntKeyView",
    "LayoutError",
    "check_document",
    "dump",
    "parse",
]


class LayoutError(ValueError):
    """The bytes are JSON but not a TinyDB book; ``where`` points at the first offence."""

    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


def _is_doc_id(key: str) -> bool:
    return key.isascii() and key.isdigit()


def _is_table(table: dict[str, Any]) -> bool:
    """Every id a number and every document an object, checked in bulk (C speed)."""
    ids = "".join(table)
    return (
        (not ids or (ids.isascii() and ids.isdigit()))
        and "" not in table
        and set(map(type, table.values())) <= {dict}
    )


def _is_count(value: object) -> bool:
    return type(value) is int and value >= 0


def parse(raw: bytes) -> Tables:
    """The tables in ``raw``; raises ``orjson.JSONDecodeError`` or :class:`LayoutError`."""
    # A big book is a million fresh objects, none of them in a cycle: letting the
    # cyclic collector walk them again and again doubles the load time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise _locate_bad_utf8(raw) or error from None
    finally:
        if collecting:
            gc.enable()
    if type(data) is not dict:
        raise LayoutError("/")
    for name, table in data.items():
        if type(table) is not dict:
            raise LayoutError(f"/{name}")
        if not _is_table(table):
            for doc_id, doc in table.items():
                if type(doc) is not dict or not _is_doc_id(doc_id):
                    raise LayoutError(f"/{name}/{doc_id}")
    meta = data.get(META)
    if meta is not None:
        head = meta.get(META_ID)
        if head is None or not (
            _is_count(head.get("schema")) and _is_count(head.get("generation"))
        ):
            raise LayoutError(f"/{META}/{META_ID}")
    return data


def _locate_bad_utf8(raw: bytes) -> orjson.JSONDecodeError | None:
    """orjson places every UTF-8 error at position 0; find the real one for the message."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        text = raw[: bad.start].decode("utf-8")
        reason = f"not UTF-8 text: {bad.reason} (byte 0x{raw[bad.start]:02x})"
        return orjson.JSONDecodeError(reason, text + "?", len(text))
    return None


def dump(tables: Tables) -> bytes:
    """The file bytes of ``tables``, ``_meta`` first (see ``Store.disk_generation``)."""
    ordered: dict[str, Any] = {META: tables[META]} if META in tables else {}
    for name, table in tables.items():
        if name != META:
            ordered[name] = table
    return orjson.dumps(ordered)


def _printable(where: str) -> str:
    # The field name itself may hold the lone surrogate that was refused.
    return where.encode("utf-8", "backslashreplace").decode("utf-8")


def _refuse_unencodable(value: object, where: str) -> None:
    if isinstance(value, str):
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise InputError("store.unencodable_text", field=_printable(where)) from None
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InputError("store.unencodable_number", field=_printable(where))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            path = f"{where}.{key}" if where else str(key)
            _refuse_unencodable(key, path)
            _refuse_unencodable(item, path)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _refuse_unencodable(item, f"{where}[{index}]")


def check_document(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of ``doc`` exactly as the file will hold it, or :class:`InputError`.

    orjson writes NaN as ``null`` without complaint, so non-finite numbers (and
    lone surrogates, for a readable message) are looked for first.  The copy is
    what a reload would produce (tuples become lists, …), so memory equals disk.
    """
    _refuse_unencodable(doc, "")
    try:
        encoded = orjson.dumps(doc)
    except orjson.JSONEncodeError as error:
        raise InputError("store.unencodable", reason=str(error)) from error
    copy: dict[str, Any] = orjson.loads(encoded)
    return copy


class IntKeyView(MutableMapping[int, dict[str, Any]]):
    """The int-keyed table TinyDB's updaters expect, over the str-keyed raw dict.

    Stock TinyDB builds an int-keyed copy of the table and a str-keyed copy back
    for every write; this view lets the updater change the raw dict directly.
    TinyDB updates a document by changing the dict it reads here, so reading puts
    a copy in place first: a document someone got from ``Store.tables()`` earlier
    never changes under them.
    """

    __slots__ = ("_raw",)

    def __init__(self, raw: dict[str, dict[str, Any]]) -> None:
        self._raw = raw

    def __getitem__(self, doc_id: int) -> dict[str, Any]:
        key = str(doc_id)
        doc = self._raw[key] = dict(self._raw[key])
        return doc

    def __setitem__(self, doc_id: int, doc: dict[str, Any]) -> None:
        self._raw[str(doc_id)] = doc

    def __delitem__(self, doc_id: int) -> None:
        del self._raw[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._raw

    def __iter__(self) -> Iterator[int]:
        return (int(doc_id) for doc_id in self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def clear(self) -> None:
        self._raw.clear()


class BookStorage(Storage):
    """Holds the parsed book; ``write`` only keeps the tables, and only inside a transaction."""

    def __init__(self) -> None:
        self.data: Tables = {}
        self.writable = False

    def read(self) -> Tables:
        return self.data

    def write(self, data: Tables) -> None:
        self.check_writable()
        self.data = data

    def check_writable(self) -> None:
        if not self.writable:
            raise RuntimeError("the book is written only inside Store.transaction()")


class FastTable(Table):
    """A TinyDB table whose writes change the cached raw dict in place."""

    # Private TinyDB API: ``_update_table`` is the one method every write of a
    # Table goes through, so overriding it is how the dict changes in place
    # instead of being rebuilt twice per insert (TinyDB 4 has no public hook).
    def _update_table(self, updater: Callable[[dict[int, Mapping[Any, Any]]], None]) -> None:
        storage = self._storage
        if isinstance(storage, BookStorage):
            # Refuse before the in-place change, not after it as ``write`` would.
            storage.check_writable()
        tables: Tables = storage.read() or {}
        raw = tables.get(self.name)
        created = raw is None
        if raw is None:
            raw = {}
        # TinyDB's updaters use nothing but the mapping protocol.
        updater(cast(dict[int, Mapping[Any, Any]], IntKeyView(raw)))
        if created and raw:
            tables[self.name] = raw
        storage.write(tables)
        self.clear_cache()


class BookDB(TinyDB):
    """TinyDB over :class:`BookStorage` with :class:`FastTable` tables."""

    table_class = FastTable

    def __init__(self) -> None:
        super().__init__(storage=BookStorage)

    @property
    def book(self) -> BookStorage:
        storage = self.storage
        assert isinstance(storage, BookStorage)
        return storage

    def reset_caches(self) -> None:
        """Forget query results and next ids: the data under the tables was replaced."""
        # Private TinyDB API (``_tables``, ``_next_id``): TinyDB only forgets them
        # when it wrote itself, and here another process may have written the file.
        for table in self._tables.values():
            table._next_id = None
            table.clear_cache()
