"""Taking back one undo entry of this device.

A merge (``raw``) is taken back by putting each document back exactly as it was:
what came in goes out again, and the next merge with that copy brings it back.
This device's own change is taken back as a new change of this device, so that
it travels to the other copies like any edit: an insert becomes a tombstone, an
update writes the old values with new stamps.  A field whose value is no longer
what this device wrote (another device changed it since) is left alone: undo
never takes back another device's write.
"""

from __future__ import annotations

from typing import Any

from model.identity import BOOKKEEPING, last_change
from model.migrations import GONE
from model.transaction import Transaction

__all__ = ["take_back"]


def _find(txn: Transaction, table: str, doc_id: str, uid: str) -> str | None:
    docs = txn.table(table)
    if docs.get(doc_id, {}).get("uid") == uid:
        return doc_id
    return next((key for key, doc in docs.items() if doc.get("uid") == uid), None)


def _own(txn: Transaction, table: str, doc_id: str, before: Any, after: Any) -> None:
    uid = (after or before)["uid"]
    where = _find(txn, table, doc_id, uid)
    current = None if where is None else txn.table(table)[where]
    if before is None:
        if current is not None and last_change(current) == last_change(after):
            txn.remove(table, int(str(where)))
        return
    if current is None:
        # Taking back a removal: the record comes back newer than its tombstone.
        stamp = txn.fresh()
        revived = {k: v for k, v in before.items() if k != "fs"}
        revived["fs"] = {field: stamp for field in set(before) - BOOKKEEPING}
        if doc_id in txn.table(table):
            txn.insert(table, revived)
        else:
            txn.restore(table, doc_id, revived)
        txn.revived(uid)
        return
    if after is None:
        return
    fields = (set(before) | set(after)) - BOOKKEEPING
    restored = dict(current)
    for field in fields:
        if before.get(field) != after.get(field) and current.get(field) == after.get(field):
            if field in before:
                restored[field] = before[field]
            else:
                restored.pop(field, None)
    if restored != current:
        txn.update(table, int(str(where)), restored)


def take_back(txn: Transaction, changes: list[list[Any]], *, raw: bool) -> None:
    """Undo ``changes`` (``[table, id, before, after]``, oldest first) in ``txn``."""
    for table, doc_id, before, after in reversed(changes):
        if raw:
            txn.restore(table, doc_id, before)
        elif "uid" in (after or before or {}):
            if table != GONE:
                _own(txn, table, doc_id, before, after)
        else:
            txn.restore(table, doc_id, before)
