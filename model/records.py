"""Any record by its ref, and which of its fields an edit may change.

A user corrects a mistake by naming the record (``rapport edit k3mx7qa``), so
every record, top-level or embedded (a payment, a credit, a contact, a state
change), is found the same way.  The rules of an edit are pure functions here;
``model.corrections`` applies them in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from model.durations import duration_text
from model.errors import InputError
from model.identity import ref_of

__all__ = [
    "DATE_FIELD",
    "EDITABLE",
    "TEXT_FIELD",
    "Found",
    "current_values",
    "find_ref",
    "kind_of",
    "ref",
    "refuse_fields",
]

Tables = Mapping[str, Mapping[str, dict[str, Any]]]

#: Top-level tables, each with the record kind it holds.
_TABLES = {
    "clients": "client",
    "interactions": "interaction",
    "issues": "issue",
    "invoices": "invoice",
    "thanks": "thanks",
    "kudos": "kudos",
}
#: Embedded lists: (table, key) -> the record kind of each item.
_EMBEDDED = {
    ("clients", "contacts"): "contact",
    ("clients", "history"): "state",
    ("invoices", "payments"): "payment",
    ("invoices", "credits"): "credit",
}

#: The fields ``edit`` accepts for each kind of record, in the order help lists them.
EDITABLE: dict[str, tuple[str, ...]] = {
    "interaction": ("text", "date", "kind", "duration"),
    "issue": ("text", "date", "kind", "severity"),
    "invoice": ("amount", "date", "due"),
    "payment": ("amount", "date"),
    "credit": ("amount", "date", "text"),
    "thanks": ("text", "date", "by"),
    "kudos": ("text", "date"),
    "state": ("text", "date"),
    "contact": ("text",),
    "client": (),
}


def ref(doc: Mapping[str, Any]) -> str:
    """The ref a user types for ``doc`` (stored only where the derived one clashed)."""
    return str(doc.get("ref") or ref_of(doc["uid"]))


@dataclass(frozen=True)
class Found:
    """Where a ref points: a document, or item ``index`` of its list ``key``."""

    table: str
    doc_id: int
    doc: dict[str, Any]
    kind: str
    key: str | None = None
    index: int = -1

    @property
    def record(self) -> dict[str, Any]:
        return self.doc if self.key is None else self.doc[self.key][self.index]

    @property
    def client(self) -> str:
        return str(self.doc["id"] if self.table == "clients" else self.doc["client"])


def find_ref(tables: Tables, wanted: str) -> Found:
    """The record whose ref is ``wanted`` (case and spaces ignored); InputError if none.

    One pass over the book that builds nothing until it matches: 100k records in
    about a fifth of a second.
    """
    key = wanted.strip().lower()
    embedded = {
        table: [(f, k) for (t, f), k in _EMBEDDED.items() if t == table] for table in _TABLES
    }
    if key:
        for table, kind in _TABLES.items():
            fields = embedded[table]
            for number, doc in (tables.get(table) or {}).items():
                uid = doc.get("uid")
                if uid is None:
                    continue
                if (doc.get("ref") or ref_of(uid)) == key:
                    return Found(table, int(number), doc, kind)
                for field, item_kind in fields:
                    for index, item in enumerate(doc.get(field) or ()):
                        if isinstance(item, dict) and "uid" in item and ref(item) == key:
                            return Found(table, int(number), doc, item_kind, field, index)
    raise InputError("ref.unknown", ref=wanted.strip())


def kind_of(found: Found, wanted: tuple[str, ...]) -> Found:
    """``found`` if it is one of the ``wanted`` kinds, else an InputError naming both."""
    if found.kind not in wanted:
        raise InputError(
            "ref.wrong_kind", ref=ref(found.record), kind=found.kind, wanted=", ".join(wanted)
        )
    return found


def refuse_fields(found: Found, given: Mapping[str, object]) -> None:
    """An edit may set only the fields its record has; name the ones it does."""
    allowed = EDITABLE[found.kind]
    wrong = sorted(
        name for name, value in given.items() if value is not None and name not in allowed
    )
    if wrong:
        fields = ", ".join(f"--{name}" for name in allowed) or "-"
        raise InputError(
            "edit.bad_field", ref=ref(found.record), kind=found.kind, field=wrong[0], fields=fields
        )
    if all(value is None for value in given.values()):
        fields = ", ".join(f"--{name}" for name in allowed) or "-"
        raise InputError("edit.nothing", ref=ref(found.record), fields=fields)


#: Where each kind keeps the day it happened, and the words it is about.
DATE_FIELD = {
    "interaction": "when",
    "issue": "opened",
    "invoice": "issued",
    "payment": "on",
    "credit": "on",
    "thanks": "owed_at",
    "kudos": "when",
    "state": "at",
}
TEXT_FIELD = {"state": "note", "contact": "name", "credit": "reason"}
_FIELD_OF = {"text": TEXT_FIELD, "date": DATE_FIELD, "duration": {"interaction": "minutes"}}


def current_values(found: Found) -> dict[str, str]:
    """What each field ``edit`` accepts holds now, as a user would type it (a form's prefill)."""
    record = found.record
    values = {}
    for name in EDITABLE[found.kind]:
        key = _FIELD_OF.get(name, {}).get(found.kind, name)
        value = record.get(key)
        text = "" if value is None else str(value)
        if name == "duration":
            text = "" if value is None else duration_text(int(value))
        values[name] = text[:10] if name in ("date", "due", "by") else text
    return values
