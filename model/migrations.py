"""Schema versions of the book file and the pure steps between them.

A book outlives the program that wrote it: files made by an older Rapport (or by
stock TinyDB, which knows nothing of ``_meta``) are lifted step by step to the
current schema when they are opened.  Each step is a pure function from one
version's tables to the next one's, so a step can be tested without a disk and
the store alone decides when, and how safely, the result is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

import orjson

from model.identity import encode, items_of, ref_of

__all__ = [
    "GONE",
    "META",
    "META_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "UNDO",
    "Tables",
    "generation_of",
    "is_record_table",
    "migrate",
    "schema_of",
    "settle_refs",
]

SCHEMA_VERSION = 2

#: Table holding one document (id ``META_ID``) with the schema and the generation.
META = "_meta"
META_ID = "1"
#: Table holding the undo log of schema 1, inside the book (schema 2 keeps it per device).
UNDO = "_undo"
#: Table of tombstones: ``{"uid", "table", "at", "id", "doc"}`` for each deleted record.
GONE = "_gone"

Tables = dict[str, dict[str, dict[str, Any]]]


def _meta_count(tables: Mapping[str, Mapping[str, Mapping[str, Any]]], name: str) -> int:
    meta = tables.get(META)
    if meta is None:
        return 0
    value = meta[META_ID][name]
    assert isinstance(value, int)
    return value


def schema_of(tables: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> int:
    """The schema a book declares; a book without ``_meta`` is schema 0."""
    return _meta_count(tables, "schema")


def generation_of(tables: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> int:
    """How many writes the book has seen since it got a ``_meta`` table."""
    return _meta_count(tables, "generation")


def _add_meta(tables: Tables) -> Tables:
    """Schema 0 → 1: give the book its ``_meta`` table, first so a peek at the head finds it."""
    lifted: Tables = {META: {META_ID: {"schema": 1, "generation": 0}}}
    lifted.update(tables)
    return lifted


def _digest(*parts: object, width: int) -> str:
    data = orjson.dumps(parts, option=orjson.OPT_SORT_KEYS)
    number = int.from_bytes(hashlib.blake2b(data, digest_size=10).digest(), "big")
    return encode(number, width)


def _with_uids(name: str, doc_id: str, doc: dict[str, Any]) -> dict[str, Any]:
    """A record of schema 1 with ids made from its place and content.

    Two devices that lift the same file get the same ids, so their copies still merge;
    ``00000`` in front sorts every migrated id before any stamp a clock can make.
    Embedded records keep their order: their index is part of the id.
    """
    lifted: dict[str, Any] = {"uid": "00000" + _digest(name, doc_id, doc, width=13)}
    for key, value in doc.items():
        if isinstance(value, dict):
            value = {**value, "uid": "000000" + _digest(name, doc_id, key, value, width=12)}
        elif isinstance(value, list) and value and all(isinstance(i, dict) for i in value):
            value = [
                {
                    **item,
                    "uid": "0000" + encode(index, 2) + _digest(name, doc_id, key, item, width=12),
                }
                for index, item in enumerate(value)
            ]
        lifted[key] = value
    return lifted


def is_record_table(name: str) -> bool:
    """Whether ``name`` holds the user's records, not the store's own bookkeeping."""
    return name not in (META, UNDO, GONE)


def settle_refs(tables: Tables) -> Tables:
    """Give the later of two records with one ref a longer ref of its own.

    Later means the greater uid, so every device settles a clash the same way.  The
    documents that change are copied first: the input is never changed.
    """
    owners: dict[str, str] = {}
    fixes: dict[str, str] = {}
    records = [
        item
        for name, table in tables.items()
        if is_record_table(name)
        for doc in table.values()
        if "uid" in doc
        for item in (doc, *items_of(doc))
    ]
    records.sort(key=lambda record: record["uid"])
    for record in records:
        ref = record.get("ref") or ref_of(record["uid"])
        width = len(ref)
        while owners.setdefault(ref, record["uid"]) != record["uid"]:
            width += 1
            ref = fixes[record["uid"]] = ref_of(record["uid"], width)
    if not fixes:
        return tables
    settled = dict(tables)
    for name, table in tables.items():
        if not is_record_table(name):
            continue
        for doc_id, doc in table.items():
            if "uid" in doc and ({doc["uid"]} | {i["uid"] for i in items_of(doc)}) & fixes.keys():
                copy: dict[str, Any] = orjson.loads(orjson.dumps(doc))
                for item in (copy, *items_of(copy)):
                    if item["uid"] in fixes:
                        item["ref"] = fixes[item["uid"]]
                settled[name] = settled[name] if settled[name] is not table else dict(table)
                settled[name][doc_id] = copy
    return settled


def _add_identity(tables: Tables) -> Tables:
    """Schema 1 → 2: every record and embedded record gets a uid; the undo log leaves the
    book (its entries name records by number only, and undo is per device from now on)."""
    meta = dict(tables[META][META_ID], schema=2, clock="")
    lifted: Tables = {META: {META_ID: meta}}
    for name, table in tables.items():
        if name in (META, UNDO):
            continue
        lifted[name] = {doc_id: _with_uids(name, doc_id, doc) for doc_id, doc in table.items()}
    return settle_refs(lifted)


#: ``{from_version: step}``; each step returns the tables at ``from_version + 1``.
MIGRATIONS: Mapping[int, Callable[[Tables], Tables]] = {0: _add_meta, 1: _add_identity}


def migrate(tables: Tables, from_version: int) -> Tables:
    """Lift ``tables`` from ``from_version`` to :data:`SCHEMA_VERSION`, one step at a time."""
    for version in range(from_version, SCHEMA_VERSION):
        tables = MIGRATIONS[version](tables)
        if schema_of(tables) != version + 1:
            raise RuntimeError(f"migration from schema {version} did not reach {version + 1}")
    return tables
