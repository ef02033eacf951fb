"""The book as flat tables, one per record kind, for a spreadsheet.

Embedded records (contacts, payments, credits, state changes) get tables of their
own with the client or invoice they belong to, so that every row is one record; the
ref a user types to name a record leads each row.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from model.exchange.csvfile import write_csv
from model.records import ref

__all__ = ["KINDS", "csv_tables"]

Tables = Mapping[str, Mapping[str, Mapping[str, Any]]]

#: Each kind: (table, embedded list or None, columns)
KINDS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "clients": (
        "clients",
        None,
        ("ref", "id", "name", "state", "tags", "terms", "cadence", "currency", "dream", "scope"),
    ),
    "contacts": (
        "clients",
        "contacts",
        (
            "ref",
            "client",
            "name",
            "email",
            "phone",
            "role",
            "since",
            "until",
            "more_emails",
            "more_phones",
        ),
    ),
    "states": ("clients", "history", ("ref", "client", "state", "at", "note")),
    "interactions": ("interactions", None, ("ref", "client", "kind", "when", "text")),
    "issues": (
        "issues",
        None,
        ("ref", "number", "client", "kind", "severity", "opened", "resolved", "text", "resolution"),
    ),
    "invoices": (
        "invoices",
        None,
        ("ref", "number", "client", "amount", "currency", "issued", "due", "void", "void_reason"),
    ),
    "payments": ("invoices", "payments", ("ref", "invoice", "client", "amount", "on")),
    "credits": (
        "invoices",
        "credits",
        ("ref", "invoice", "client", "amount", "on", "reason", "writeoff"),
    ),
    "thanks": ("thanks", None, ("ref", "number", "client", "text", "owed_at", "by", "done_at")),
    "kudos": ("kudos", None, ("ref", "client", "when", "giver", "text")),
    "followups": (
        "followups",
        None,
        ("ref", "number", "client", "text", "due", "created", "done_at"),
    ),
}


def _rows(tables: Tables, kind: str, client: str | None) -> Iterator[dict[str, Any]]:
    table, embedded, _ = KINDS[kind]
    docs = tables.get(table) or {}
    for key in sorted(docs, key=int):
        doc = docs[key]
        owner = doc["id"] if table == "clients" else doc["client"]
        if client not in (None, owner):
            continue
        if embedded is None:
            # issues, thanks and follow-ups are numbered by their place; invoices carry theirs
            yield {"number": int(key), **doc, "ref": ref(doc) if "uid" in doc else ""}
            continue
        for item in doc.get(embedded) or ():
            row = {**item, "client": owner, "ref": ref(item) if "uid" in item else ""}
            if table == "invoices":
                row["invoice"] = doc["number"]
            yield row


def csv_tables(tables: Tables, client: str | None = None) -> dict[str, str]:
    """``{kind: csv text}`` for every kind in :data:`KINDS`, header first."""
    return {kind: write_csv(KINDS[kind][2], _rows(tables, kind, client)) for kind in KINDS}
