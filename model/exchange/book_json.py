"""The whole book as one JSON document, and that document read back.

The layout is the book's own (``{table: {number: record}}``), each record as the
book keeps it, uid and stamps included, so that reading it back into an empty book
gives the same book and reading it into one that has some of it adds only what is
new: reading back is a merge (:mod:`model.merge`), which is idempotent.  The schema
is described in ``docs/exchange.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from model import shapes
from model.errors import InputError

__all__ = ["FORMAT", "VERSION", "book_json", "read_book_json"]

FORMAT = "rapport-book"
VERSION = 1

Tables = Mapping[str, Mapping[str, Mapping[str, Any]]]


def book_json(tables: Tables, client: str | None = None) -> bytes:
    """Every record table of the book (or the records of ``client``), indented, keys sorted."""
    out: dict[str, dict[str, Any]] = {}
    for name in shapes.TABLES:
        docs = tables.get(name) or {}
        owner = "id" if name == "clients" else "client"
        out[name] = {
            key: dict(doc) for key, doc in docs.items() if client in (None, doc.get(owner))
        }
    data = {"format": FORMAT, "version": VERSION, "tables": out}
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def read_book_json(raw: bytes, source: str) -> dict[str, dict[str, dict[str, Any]]]:
    """The tables of an export; InputError when the file is not one, or a record is misshapen."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise InputError("exchange.json_bad", path=source, reason=str(error)) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("exchange.json_not_export", path=source)
    if data.get("version") != VERSION:
        raise InputError(
            "exchange.json_version", path=source, found=data.get("version"), supported=VERSION
        )
    tables = data.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(docs, dict) and all(isinstance(d, dict) for d in docs.values())
        for docs in tables.values()
    ):
        raise InputError("exchange.json_bad", path=source, reason="tables: not {table: {n: {}}}")
    try:
        shapes.check(tables)
    except shapes.ShapeError as error:
        raise InputError("exchange.json_bad", path=source, reason=str(error)) from error
    for name, docs in tables.items():
        for key, doc in docs.items():
            if not key.isdigit() or "uid" not in doc:
                where = f"/{name}/{key}"
                raise InputError("exchange.json_bad", path=source, reason=f"{where}: no uid")
    return tables
