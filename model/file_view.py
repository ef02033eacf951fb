"""One client's file with every record's ref: as JSON, and as one timeline.

A user repairs a record by naming its ref, so whatever shows a client's file
shows the refs: ``client show --json`` hands over the whole file as one object,
and the timeline puts everything that happened in one list, newest first.
Both are pure functions of the book's tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from model.durations import duration_text
from model.identity import BOOKKEEPING
from model.records import ref

__all__ = ["Event", "client_json", "timeline"]

Tables = Mapping[str, Mapping[str, dict[str, Any]]]


def _bare(doc: Mapping[str, Any], *drop: str) -> dict[str, Any]:
    """The domain fields of a record and its ref; embedded lists are given apart."""
    shown = {k: v for k, v in doc.items() if k not in BOOKKEEPING and k not in drop}
    shown["ref"] = ref(doc)
    return shown


def _items(doc: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    return [_bare(item) for item in doc.get(key) or () if isinstance(item, dict) and "uid" in item]


def _mine(tables: Tables, table: str, cid: str) -> list[tuple[int, dict[str, Any]]]:
    found = [(int(k), d) for k, d in (tables.get(table) or {}).items() if d.get("client") == cid]
    return sorted(found, key=lambda pair: pair[0])


def _client_doc(tables: Tables, cid: str) -> dict[str, Any]:
    for doc in (tables.get("clients") or {}).values():
        if doc["id"] == cid:
            return doc
    raise KeyError(cid)


def client_json(tables: Tables, cid: str) -> dict[str, Any]:
    """``client`` and the lists of the issue's contract, every record with its ``ref``."""
    doc = _client_doc(tables, cid)
    client = _bare(doc, "contacts", "history")
    if isinstance(client.get("reflection"), dict):
        client["reflection"] = _bare(client["reflection"])
    invoices = []
    for _, invoice in _mine(tables, "invoices", cid):
        shown = _bare(invoice, "payments", "credits")
        if isinstance(shown.get("void"), dict):
            shown["void"] = {k: v for k, v in shown["void"].items() if k not in BOOKKEEPING}
        shown["payments"] = _items(invoice, "payments")
        shown["credits"] = _items(invoice, "credits")
        invoices.append(shown)
    return {
        "client": client,
        "interactions": [_bare(d) for _, d in _mine(tables, "interactions", cid)],
        "issues": [{"number": n, **_bare(d)} for n, d in _mine(tables, "issues", cid)],
        "invoices": invoices,
        "thanks": [{"number": n, **_bare(d)} for n, d in _mine(tables, "thanks", cid)],
        "kudos": [_bare(d) for _, d in _mine(tables, "kudos", cid)],
        "contacts": _items(doc, "contacts"),
        "states": _items(doc, "history"),
    }


@dataclass(frozen=True)
class Event:
    """One thing that happened: when (ISO; empty for a contact person added without a
    day), what (``call``, ``issue_resolved``, ``payment``, ``contact``...), the ref to
    repair it by, and its words."""

    when: str
    what: str
    ref: str
    text: str


def timeline(tables: Tables, cid: str) -> list[Event]:
    """Everything that happened with the client, newest first."""
    doc = _client_doc(tables, cid)
    events = [Event(h["at"], "state", ref(h), h["state"]) for h in doc.get("history") or ()]
    for c in doc.get("contacts") or ():
        # A contact person is a record too (a mistaken one is deleted by her ref); one
        # added without a day sorts last.
        who = f"{c['name']} <{c['email']}>" if c.get("email") else c["name"]
        events.append(Event(c.get("since") or "", "contact", ref(c), who))
    for _, d in _mine(tables, "interactions", cid):
        text = d.get("text", "")
        if d.get("minutes"):  # the time spent, where it was logged
            text = f"{text} ({duration_text(d['minutes'])})".lstrip()
        events.append(Event(d["when"], d["kind"], ref(d), text))
    for number, d in _mine(tables, "issues", cid):
        events.append(Event(d["opened"], "issue_opened", ref(d), f"#{number} {d['text']}"))
        if d.get("resolved"):
            note = d.get("resolution") or ""
            events.append(Event(d["resolved"], "issue_resolved", ref(d), f"#{number} {note}"))
    for _, d in _mine(tables, "invoices", cid):
        money = f"{d['amount']} {d['currency']}"
        events.append(Event(d["issued"], "invoice", ref(d), f"{d['number']} {money}"))
        for p in d.get("payments") or ():
            events.append(Event(p["on"], "payment", ref(p), f"{d['number']} {p['amount']}"))
        for c in d.get("credits") or ():
            what = "writeoff" if c.get("writeoff") else "credit"
            events.append(Event(c["on"], what, ref(c), f"{d['number']} {c['amount']}"))
        if isinstance(d.get("void"), dict):
            void = d["void"]
            events.append(Event(void["on"], "void", ref(d), f"{d['number']} {void['reason']}"))
    for number, d in _mine(tables, "thanks", cid):
        events.append(Event(d["owed_at"], "thanks", ref(d), f"#{number} {d['text']}"))
        if d.get("done_at"):
            events.append(Event(d["done_at"], "thanked", ref(d), f"#{number} {d['text']}"))
    for _, d in _mine(tables, "kudos", cid):
        events.append(Event(d["when"], "kudos", ref(d), d["text"]))
    # Days sort before moments of the same day (a bare day is a prefix of its moments).
    events.sort(key=lambda e: e.when, reverse=True)
    return events
