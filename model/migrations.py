"""Schema versions of the book file and the pure steps between them.

A book outlives the program that wrote it: files made by an older Rapport (or by
stock TinyDB, which knows nothing of ``_meta``) are lifted step by step to the
current schema when they are opened.  Each step is a pure function from one
version's tables to the next one's, so a step can be tested without a disk and
the store alone decides when, and how safely, the result is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = [
    "META",
    "META_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "UNDO",
    "Tables",
    "generation_of",
    "migrate",
    "schema_of",
]

SCHEMA_VERSION = 1

#: Table holding one document (id ``META_ID``) with the schema and the generation.
META = "_meta"
META_ID = "1"
#: Table holding the undo log, oldest entry first.
UNDO = "_undo"

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


#: ``{from_version: step}``; each step returns the tables at ``from_version + 1``.
MIGRATIONS: Mapping[int, Callable[[Tables], Tables]] = {0: _add_meta}


def migrate(tables: Tables, from_version: int) -> Tables:
    """Lift ``tables`` from ``from_version`` to :data:`SCHEMA_VERSION`, one step at a time."""
    for version in range(from_version, SCHEMA_VERSION):
        tables = MIGRATIONS[version](tables)
        if schema_of(tables) != version + 1:
            raise RuntimeError(f"migration from schema {version} did not reach {version + 1}")
    return tables
