"""What a merge brought, in words: ``3 calls, 1 invoice; issue #25 is now #26``.

Counted by comparing the book before and after the merge, so the receipt says what
really changed here, whatever the other copy holds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from model.migrations import GONE, Tables, is_record_table
from model.receipt import Receipt

__all__ = ["MergeReceipt", "what_came_in"]

_INTERACTION_KINDS = ("call", "meeting", "mail", "message", "note")
_NAMED = ("clients", "issues", "invoices", "payments", "thanks", "kudos")
_NUMBERED = ("issues", "thanks")
#: Tables whose document numbers the user never sees or types.
_UNNUMBERED = frozenset({"clients", "interactions", "invoices", "kudos"})


def _by_uid(table: Mapping[str, Mapping[str, Any]]) -> dict[str, tuple[str, Mapping[str, Any]]]:
    return {doc["uid"]: (doc_id, doc) for doc_id, doc in table.items() if "uid" in doc}


def _without_n0(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A renumbered record is reported as renumbered, not as changed."""
    return {k: v for k, v in doc.items() if k != "n0"}


def what_came_in(before: Tables, after: Tables, other: Tables) -> dict[str, Any]:
    """``{"counts": {what: n}, "renumbered": [[table, old, new]]}`` of one merge."""
    counts: Counter[str] = Counter()
    renumbered: list[list[Any]] = []
    gone_before = {g["uid"] for g in (before.get(GONE) or {}).values()}
    for name, table in after.items():
        if not is_record_table(name):
            continue
        # A merge keeps the very documents it did not change: only the others are looked at.
        mine, copy = before.get(name) or {}, other.get(name) or {}
        old = _by_uid({k: d for k, d in mine.items() if table.get(k) is not d})
        theirs = _by_uid({k: d for k, d in copy.items() if table.get(k) is not d})
        new = _by_uid({k: d for k, d in table.items() if mine.get(k) is not d})
        for uid, (doc_id, doc) in new.items():
            if uid not in old:
                if uid in gone_before:
                    counts["changed"] += 1
                elif name == "interactions" and doc.get("kind") in _INTERACTION_KINDS:
                    counts[doc["kind"]] += 1
                else:
                    counts[name if name in _NAMED else f"other:{name}"] += 1
            elif _without_n0(old[uid][1]) != _without_n0(doc):
                counts["changed"] += 1
                paid = {p.get("uid") for p in old[uid][1].get("payments") or ()}
                counts["payments"] += sum(
                    p.get("uid") not in paid for p in doc.get("payments") or ()
                )
            known = old if uid in old else theirs
            if name not in _UNNUMBERED and uid in known and known[uid][0] != doc_id:
                renumbered.append([name, int(known[uid][0]), int(doc_id)])
        counts["removed"] += len(old.keys() - new.keys())
    return {"counts": {k: n for k, n in counts.items() if n}, "renumbered": renumbered}


@dataclass(frozen=True)
class MergeReceipt(Receipt):
    """A receipt whose ``what`` is made of phrases in the reader's language."""

    def render(self, locale: str = "en") -> str:
        from model.i18n import t

        phrases = []
        counts: dict[str, int] = self.params.get("counts", {})
        order = [*_INTERACTION_KINDS, *_NAMED]
        for what in sorted(counts, key=lambda w: (order.index(w) if w in order else 99, w)):
            n = counts[what]
            table = what.removeprefix("other:")
            kind = "other" if what.startswith("other:") else what
            phrases.append(
                t(f"merge.{'one' if n == 1 else 'many'}.{kind}", locale, n=n, table=table)
            )
        for table, old, new in self.params.get("renumbered", []):
            kind = table if table in _NUMBERED else "other"
            phrases.append(t(f"merge.renumbered.{kind}", locale, table=table, old=old, new=new))
        source = self.params.get("source", "")
        if not phrases:
            nothing = "sync.nothing_came" if self.key.startswith("sync.") else "merge.nothing"
            return t(nothing, locale, source=source)
        return t(self.key, locale, source=source, what=", ".join(phrases))
