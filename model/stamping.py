"""How a write marks what it changed: ids for new records, stamps for changed fields.

The commands build documents from dataclasses that know nothing of identity, so the
store adds it generically here: a new document (of any table, also ones added later)
gets a ``uid``, and so does each embedded record in it (a dict, or each dict in a
list); an updated document keeps its bookkeeping, its embedded records keep their
uids by position, and every field that changed gets the write's stamp in ``fs``.
An embedded record that disappears is listed in ``gone``, so a merge with an older
copy does not bring it back; one that changed gets its own stamp ``st``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from model.identity import BOOKKEEPING

__all__ = ["Fresh", "stamp_new", "stamp_update", "tombstone"]

#: Gives a new uid whose ref is free in the book.
Fresh = Callable[[], str]

_MISSING = object()


def _bare(item: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in BOOKKEEPING}


def _is_records(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(i, dict) for i in value)


def _new_value(value: Any, fresh: Fresh) -> Any:
    if isinstance(value, dict):
        return value if "uid" in value else {**value, "uid": fresh()}
    if _is_records(value):
        return [item if "uid" in item else {**item, "uid": fresh()} for item in value]
    return value


def stamp_new(doc: Mapping[str, Any], fresh: Fresh) -> dict[str, Any]:
    """``doc`` with a uid for itself and each embedded record that has none."""
    stamped = {key: _new_value(value, fresh) for key, value in doc.items()}
    if "uid" not in stamped:
        stamped["uid"] = fresh()
    return stamped


def _attach(old: Any, new: Any, stamp: str, fresh: Fresh, gone: set[str]) -> Any:
    """``new`` with the uids of the embedded records of ``old`` at the same places."""
    if isinstance(new, dict) and "uid" not in new:
        if isinstance(old, dict) and "uid" in old:
            return {**new, "uid": old["uid"]}
        return {**new, "uid": fresh()}
    olds = old if _is_records(old) else []
    if isinstance(new, list) and all(isinstance(i, dict) for i in new) and (new or olds):
        kept: list[dict[str, Any]] = []
        for index, item in enumerate(new):
            former = olds[index] if index < len(olds) and "uid" in olds[index] else None
            if "uid" in item:
                kept.append(item)
            elif former is None:
                kept.append({**item, "uid": fresh()})
            elif _bare(former) == item:
                kept.append(former)
            else:
                kept.append({**item, "uid": former["uid"], "st": stamp})
        gone.update({i["uid"] for i in olds if "uid" in i} - {i["uid"] for i in kept})
        return kept
    if isinstance(old, dict) and "uid" in old:
        gone.add(old["uid"])
    elif olds:
        gone.update(i["uid"] for i in olds if "uid" in i)
    return new


def stamp_update(
    current: Mapping[str, Any], new: Mapping[str, Any], stamp: str, fresh: Fresh
) -> dict[str, Any]:
    """``new`` as the successor of ``current``: bookkeeping carried, changes stamped."""
    gone: set[str] = set(current.get("gone") or ())
    result = {
        key: _attach(current.get(key), value, stamp, fresh, gone)
        for key, value in new.items()
        if key not in BOOKKEEPING
    }
    stamps = dict(current.get("fs") or {})
    for key in set(result) | (set(current) - BOOKKEEPING):
        if result.get(key, _MISSING) != current.get(key, _MISSING):
            stamps[key] = stamp
    for key in ("uid", "lost", "n0", "ref"):
        if key in current:
            result[key] = current[key]
    if stamps:
        result["fs"] = stamps
    if gone:
        result["gone"] = sorted(gone)
    return result


def tombstone(table: str, doc_id: int, doc: Mapping[str, Any], stamp: str) -> dict[str, Any]:
    """What a deleted record leaves: enough to keep its number taken and to merge."""
    return {"uid": doc["uid"], "table": table, "at": stamp, "id": doc_id, "doc": dict(doc)}
