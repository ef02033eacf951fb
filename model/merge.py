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
* a tombstone hides a record unless the record changed after it; a hidden record's
  data stays in its tombstone, so a later merge with a newer edit still has it whole;
* numbers are a function of all records ever made: in order of creation each
  record keeps the number it was created with unless an earlier-made record holds
  it, and then gets the next free one (and keeps its first claim in ``n0``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import orjson

from model.identity import BOOKKEEPING, items_of, last_change, ref_of
from model.migrations import GONE, META, META_ID, SCHEMA_VERSION, Tables, is_record_table
from model.migrations import settle_refs as _settle_refs

__all__ = ["merge", "merge_doc"]

_MISSING: Any = object()


def _canon(value: Any) -> bytes:
    return b"" if value is _MISSING else orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def _is_records(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(i, dict) for i in value)


#: A lost value by field, stamp and value: a set, so that merging in any grouping keeps the
#: same ones (an embedded record changed in place can carry one stamp with two values).
Lost = dict[tuple[str, str, bytes], dict[str, Any]]


def _pick(x: Any, y: Any, sx: str, sy: str, name: str, lost: Lost) -> Any:
    """The later of two versions of one value; the other joins ``lost`` if it was an edit.

    An older write of the same value is lost too: every write but the latest is listed,
    whichever copies met first (else ``merge(merge(v, w), v')`` would list the first ``v``
    and ``merge(v, merge(w, v'))`` would not).
    """
    if x == y and (x is _MISSING) == (y is _MISSING) and sx == sy:
        return x
    if (sx, _canon(x)) > (sy, _canon(y)):
        win, lose, stamp = x, y, sy
    else:
        win, lose, stamp = y, x, sx
    if stamp and lose is not _MISSING:
        lost[(name, stamp, _canon(lose))] = {"field": name, "at": stamp, "value": lose}
    return win


def _merge_items(x: Any, y: Any, gone: set[str], lost: Lost, name: str) -> list[dict[str, Any]]:
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
    lost: Lost = {
        (e["field"], e["at"], _canon(e["value"])): e
        for e in [*x.get("lost", ()), *y.get("lost", ())]
    }
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
    # The versions of an embedded record taken back go with it: a copy that saw only the
    # removal never had them to list.
    kept = sorted(
        (at, field, value) for field, at, value in lost if field.partition("/")[2] not in gone
    )
    if kept:
        merged["lost"] = [lost[(field, at, value)] for at, field, value in kept]
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


def _add(records: dict[str, _Record], doc_id: str, doc: dict[str, Any]) -> _Record:
    key, claim = _key(doc_id, doc), int(doc.get("n0", doc_id))
    held = records.get(key)
    if held is None:
        held = records[key] = _Record(doc, claim)
    else:
        held.add(doc, claim)
    return held


class _Table:
    """One table of both books: the records alike on both sides (the fast path, no merging
    needed) and the others, merged; graves included."""

    def __init__(
        self,
        ta: Mapping[str, dict[str, Any]],
        tb: Mapping[str, dict[str, Any]],
        graves: list[dict[str, Any]],
    ) -> None:
        buried = {grave["uid"] for grave in graves}
        self.same: dict[str, dict[str, Any]] = {}
        self.records: dict[str, _Record] = {}
        for doc_id, doc in ta.items():
            other = tb.get(doc_id)
            if (other is doc or other == doc) and doc.get("uid") not in buried:
                self.same[doc_id] = doc
            else:
                _add(self.records, doc_id, doc)
        for doc_id, doc in tb.items():
            if doc_id not in self.same:
                _add(self.records, doc_id, doc)
        for grave in graves:
            if "doc" in grave:
                held = _add(self.records, str(grave["id"]), grave["doc"])
            elif grave["uid"] in self.records:
                held = self.records[grave["uid"]]
            else:
                continue  # a tombstone without its record: nothing left to hide
            held.tomb = max(held.tomb, grave["at"])

    def numbers(self) -> tuple[dict[str, int], dict[str, int]]:
        """In order of creation, each record's first number, or the next free one if taken:
        ``(the records alike whose number moves, by id; the others' numbers, by key)``.

        Records made before the first one whose number was ever claimed twice all keep
        their own, so only the rest is sorted: a 100k book is not, for a few new records.
        """
        claims = {key: record.claim for key, record in self.records.items()}
        same = {doc_id: int(doc.get("n0", doc_id)) for doc_id, doc in self.same.items()}
        counted = Counter(same.values())
        counted.update(claims.values())
        twice = {claim for claim, n in counted.items() if n > 1}
        if not twice:
            return {}, claims
        keys = {doc_id: doc.get("uid") or _key(doc_id, doc) for doc_id, doc in self.same.items()}
        everyone = {keys[doc_id]: claim for doc_id, claim in same.items()}
        everyone.update(claims)
        first = min(key for key, claim in everyone.items() if claim in twice)
        taken = {claim for key, claim in everyone.items() if key < first}
        top = max(taken, default=0)
        numbers: dict[str, int] = {}
        for key in sorted(key for key in everyone if key >= first):
            number = everyone[key]
            if number in taken:
                number = top + 1
            taken.add(number)
            top = max(top, number)
            numbers[key] = number
        moved = {
            doc_id: numbers[key]
            for doc_id, key in keys.items()
            if key in numbers and numbers[key] != int(doc_id)
        }
        return moved, {key: numbers.get(key, claim) for key, claim in claims.items()}


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


def _clashes(docs: Iterable[Mapping[str, Any]]) -> bool:
    """Whether two of ``docs`` (or their embedded records) share a ref.

    Only records that differ between the two books can clash: each book's own refs are
    unique already, so a clash needs one record from each side.
    """
    refs = [
        item.get("ref") or ref_of(item["uid"])
        for doc in docs
        if "uid" in doc
        for item in (doc, *items_of(doc))
    ]
    return len(refs) != len(set(refs))


def merge(a: Tables, b: Tables) -> Tables:
    """One book holding every record of ``a`` and of ``b`` (both at the current schema)."""
    merged: Tables = {META: {META_ID: _meta((a, b))}}
    graves_of: dict[str, list[dict[str, Any]]] = {}
    for book in (a, b):
        for grave in (book.get(GONE) or {}).values():
            graves_of.setdefault(grave["table"], []).append(grave)
    names = {n for n in (*a, *b) if is_record_table(n)} | graves_of.keys()
    graves: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for name in sorted(names):
        both = _Table(a.get(name) or {}, b.get(name) or {}, graves_of.get(name, []))
        moved, numbers = both.numbers()
        placed: list[tuple[int, dict[str, Any]]] = []
        for doc_id, doc in both.same.items():
            number = moved.get(doc_id) or int(doc_id)
            if number != int(doc_id):
                doc = _placed(doc, int(doc.get("n0", doc_id)), number)
            placed.append((number, doc))
        for key, record in both.records.items():
            number = numbers[key]
            doc = _placed(record.doc, record.claim, number)
            changed.append(doc)
            shown = not record.tomb or last_change(doc) > record.tomb
            if record.tomb:
                # The data lives in the table while the record is shown, in its grave when not.
                grave = {"uid": key, "table": name, "at": record.tomb, "id": number}
                graves.append(grave if shown else {**grave, "doc": doc})
            if shown:
                placed.append((number, doc))
        placed.sort(key=lambda pair: pair[0])
        if placed or name in a or name in b:
            merged[name] = {str(number): doc for number, doc in placed}
    if graves:
        graves.sort(key=lambda grave: (grave["uid"], grave["table"]))
        merged[GONE] = {str(number): grave for number, grave in enumerate(graves, 1)}
    return _settle_refs(merged) if _clashes(changed) else merged
