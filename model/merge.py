"""Merging two copies of one book, record by record, without losing a write.

The design is TaskChampion's (records keyed by a uid; a change is a field, a value
and a stamp), copied, not depended on.  :func:`merge` is a pure function of two
books that is commutative, associative and idempotent, so copies that sync in any
order and any number of times end up equal:

* records are the union by uid; for a field changed on both sides the later stamp
  wins (the stamp ends in the device id, which breaks ties), and the value that
  lost is kept in the record's ``lost`` list, so the client file can show it;
* embedded records (payments, contacts, state changes) are the union by uid,
  minus those a side took back (``gone``): a payment present on both sides is one
  payment, never counted twice;
* a tombstone hides a record unless the record changed after it; the record's data
  stays in the tombstone, so a later merge with a newer edit still has it whole;
* numbers are a function of all records ever made: in order of creation each
  record keeps the number it was created with unless an earlier-made record holds
  it, and then gets the next free one (and keeps its first claim in ``n0``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import orjson

from model.identity import BOOKKEEPING, last_change
from model.migrations import GONE, META, META_ID, SCHEMA_VERSION, Tables, is_record_table
from model.migrations import settle_refs as _settle_refs

__all__ = ["merge", "merge_doc"]

_MISSING: Any = object()


def _canon(value: Any) -> bytes:
    return b"" if value is _MISSING else orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def _is_records(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(i, dict) for i in value)


def _pick(
    x: Any, y: Any, sx: str, sy: str, name: str, lost: dict[tuple[str, str], dict[str, Any]]
) -> Any:
    """The later of two versions of one value; the other joins ``lost`` if it was an edit."""
    if x == y and (x is _MISSING) == (y is _MISSING):
        return x
    if (sx, _canon(x)) > (sy, _canon(y)):
        win, lose, stamp = x, y, sy
    else:
        win, lose, stamp = y, x, sx
    if stamp and lose is not _MISSING:
        lost[(name, stamp)] = {"field": name, "at": stamp, "value": lose}
    return win


def _merge_items(
    x: Any, y: Any, gone: set[str], lost: dict[tuple[str, str], dict[str, Any]], name: str
) -> list[dict[str, Any]]:
    items: dict[str, dict[str, Any]] = {}
    for side in (x, y):
        for item in side if isinstance(side, list) else ():
            key = item.get("uid") or _canon(item).decode()
            held = items.get(key)
            if held is None:
                items[key] = item
            else:
                items[key] = _pick(
                    held, item, held.get("st", ""), item.get("st", ""), f"{name}/{key}", lost
                )
    return [items[key] for key in sorted(items) if key not in gone]


def merge_doc(x: Mapping[str, Any], y: Mapping[str, Any]) -> dict[str, Any]:
    """Two versions of one record as one (without ``n0``, which the numbering sets)."""
    if x == y:
        return {k: v for k, v in x.items() if k != "n0"}
    fx: dict[str, str] = x.get("fs") or {}
    fy: dict[str, str] = y.get("fs") or {}
    lost = {(e["field"], e["at"]): e for e in [*x.get("lost", ()), *y.get("lost", ())]}
    gone = set(x.get("gone", ())) | set(y.get("gone", ()))
    merged: dict[str, Any] = {}
    stamps: dict[str, str] = {}
    for name in sorted((x.keys() | y.keys()) - BOOKKEEPING):
        vx, vy = x.get(name, _MISSING), y.get(name, _MISSING)
        sx, sy = fx.get(name, ""), fy.get(name, "")
        if _is_records(vx) or _is_records(vy):
            value: Any = _merge_items(vx, vy, gone, lost, name)
        else:
            value = _pick(vx, vy, sx, sy, name, lost)
        if value is not _MISSING:
            merged[name] = value
        if max(sx, sy):
            stamps[name] = max(sx, sy)
    if "uid" in x:
        merged["uid"] = x["uid"]
    if stamps:
        merged["fs"] = stamps
    if lost:
        merged["lost"] = [lost[key] for key in sorted(lost, key=lambda k: (k[1], k[0]))]
    if gone:
        merged["gone"] = sorted(gone)
    refs = [doc["ref"] for doc in (x, y) if "ref" in doc]
    if refs:
        merged["ref"] = max(refs)
    return merged


class _Record:
    """Everything known of one uid: its merged data, its first number, its tombstone."""

    __slots__ = ("claim", "doc", "tomb")

    def __init__(self, doc: dict[str, Any], claim: int) -> None:
        self.doc = doc
        self.claim = claim
        self.tomb = ""

    def add(self, doc: dict[str, Any], claim: int) -> None:
        if doc is not self.doc:
            self.doc = merge_doc(self.doc, doc)
        self.claim = min(self.claim, claim)


def _key(doc_id: str, doc: Mapping[str, Any]) -> str:
    uid = doc.get("uid")
    # A document without identity (a book only ever written by a bare Store) is one
    # record per content and place.
    return uid if isinstance(uid, str) else f"#{doc_id}:{_canon(doc).decode()}"


def _gather(books: Iterable[Tables]) -> dict[str, dict[str, _Record]]:
    found: dict[str, dict[str, _Record]] = {}
    for book in books:
        for name, table in book.items():
            if not is_record_table(name):
                continue
            records = found.setdefault(name, {})
            for doc_id, doc in table.items():
                key = _key(doc_id, doc)
                claim = int(doc.get("n0", doc_id))
                held = records.get(key)
                if held is None:
                    records[key] = _Record(doc, claim)
                else:
                    held.add(doc, claim)
        for grave in (book.get(GONE) or {}).values():
            records = found.setdefault(grave["table"], {})
            doc, claim = grave["doc"], int(grave["doc"].get("n0", grave["id"]))
            held = records.get(grave["uid"])
            if held is None:
                held = records[grave["uid"]] = _Record(doc, claim)
            else:
                held.add(doc, claim)
            held.tomb = max(held.tomb, grave["at"])
    return found


def _numbers(records: dict[str, _Record]) -> dict[str, int]:
    """In order of creation, each record's first number, or the next free one if taken."""
    taken: set[int] = set()
    top = 0
    numbers: dict[str, int] = {}
    for key in sorted(records):
        number = records[key].claim
        if number in taken:
            number = top + 1
        taken.add(number)
        top = max(top, number)
        numbers[key] = number
    return numbers


def _placed(doc: dict[str, Any], claim: int, number: int) -> dict[str, Any]:
    if number == claim and "n0" not in doc:
        return doc
    placed = {k: v for k, v in doc.items() if k != "n0"}
    if number != claim:
        placed["n0"] = claim
    return placed


def _meta(books: Iterable[Tables]) -> dict[str, Any]:
    heads = [book[META][META_ID] for book in books if META in book]
    return {
        "schema": SCHEMA_VERSION,
        "generation": max((h["generation"] for h in heads), default=0),
        "clock": max((h.get("clock", "") for h in heads), default=""),
    }


def merge(a: Tables, b: Tables) -> Tables:
    """One book holding every record of ``a`` and of ``b`` (both at the current schema)."""
    merged: Tables = {META: {META_ID: _meta((a, b))}}
    graves: list[dict[str, Any]] = []
    for name, records in sorted(_gather((a, b)).items()):
        numbers = _numbers(records)
        table: dict[str, dict[str, Any]] = {}
        for key in sorted(records, key=numbers.__getitem__):
            record, number = records[key], numbers[key]
            doc = _placed(record.doc, record.claim, number)
            if record.tomb:
                graves.append(
                    {"uid": key, "table": name, "at": record.tomb, "id": number, "doc": doc}
                )
            if not record.tomb or last_change(doc) > record.tomb:
                table[str(number)] = doc
        if table or name in a or name in b:
            merged[name] = table
    if graves:
        graves.sort(key=lambda grave: (grave["uid"], grave["table"]))
        merged[GONE] = {str(number): grave for number, grave in enumerate(graves, 1)}
    return _settle_refs(merged)
