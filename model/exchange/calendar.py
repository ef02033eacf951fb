"""The dates a user keeps as an iCalendar file a calendar can subscribe to, via icalendar
(BSD, the reference Python library for RFC 5545: escaping, folding and date values
are its, not ours).

Due invoices, open follow-ups and thanks with a by-date are to-dos (``VTODO``) with a
due day; the next contact a client's cadence asks for is an all-day event.  Every
entry's ``UID`` comes from the record's uid, so a calendar that reloads the file
updates its entries instead of adding them again.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

import pendulum
from icalendar import Calendar, Event, Todo

from model.client import State
from model.followup import FollowUp
from model.gratitude import Thanks
from model.health import Signals
from model.i18n import t
from model.invoice import Invoice
from model.money import format_money
from model.today import next_contact_day

__all__ = ["build_calendar"]

Tables = Mapping[str, Mapping[str, dict[str, Any]]]
_DOMAIN = "rapport"


def _day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text[:10])


def _todo(uid: str, summary: str, due: datetime.date, stamp: datetime.datetime) -> Todo:
    todo = Todo()
    todo.add("uid", f"{uid}@{_DOMAIN}")
    todo.add("dtstamp", stamp)
    todo.add("summary", summary)
    todo.add("due", due)
    todo.add("status", "NEEDS-ACTION")
    return todo


def _event(uid: str, summary: str, day: datetime.date, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    return event


def _docs(tables: Tables, name: str, clients: set[str]) -> Iterable[tuple[int, dict[str, Any]]]:
    for key, doc in (tables.get(name) or {}).items():
        if doc.get("client") in clients and "uid" in doc:
            yield int(key), doc


def build_calendar(
    tables: Tables,
    signals: Mapping[str, Signals],
    now: pendulum.DateTime,
    locale: str = "en",
    client: str | None = None,
) -> bytes:
    """The calendar of every client (or of ``client``), as ``.ics`` bytes."""
    stamp = now.in_timezone("UTC").replace(microsecond=0)
    stamp_utc = datetime.datetime(*stamp.timetuple()[:6], tzinfo=datetime.UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//Rapport//rapport//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", t("exchange.ics.name", locale))
    chosen = {cid for cid in signals if client in (None, cid)}
    names = {cid: signals[cid].client.name for cid in chosen}
    entries: list[Todo | Event] = []
    for _, doc in _docs(tables, "invoices", chosen):
        invoice = Invoice.from_doc(doc)
        if invoice.is_void or invoice.is_settled:
            continue
        amount = format_money(invoice.outstanding, invoice.currency, locale)
        summary = t(
            "exchange.ics.invoice",
            locale,
            number=invoice.number,
            name=names[invoice.client],
            amount=amount,
        )
        entries.append(_todo(f"{doc['uid']}-due", summary, _day(invoice.due), stamp_utc))
    for number, doc in _docs(tables, "followups", chosen):
        followup = FollowUp.from_doc(number, doc)
        if followup.is_open:
            summary = t(
                "exchange.ics.followup", locale, text=followup.text, name=names[followup.client]
            )
            entries.append(_todo(doc["uid"], summary, _day(followup.due), stamp_utc))
    for number, doc in _docs(tables, "thanks", chosen):
        thanks = Thanks.from_doc(number, doc)
        if thanks.is_owed and thanks.by is not None:
            summary = t("exchange.ics.thanks", locale, text=thanks.text, name=names[thanks.client])
            entries.append(_todo(doc["uid"], summary, _day(thanks.by), stamp_utc))
    for cid in sorted(chosen):
        s = signals[cid]
        uid = (tables.get("clients") or {}).get(_key_of(tables, cid), {}).get("uid")
        if s.client.state is State.ENDED or uid is None:
            continue
        summary = t("exchange.ics.contact", locale, name=s.client.name, cadence=s.cadence)
        day = next_contact_day(s, now)
        entries.append(_event(f"{uid}-contact", summary, day, stamp_utc))
    for entry in sorted(entries, key=lambda e: str(e["uid"])):
        calendar.add_component(entry)
    return bytes(calendar.to_ical())


def _key_of(tables: Tables, client_id: str) -> str:
    for key, doc in (tables.get("clients") or {}).items():
        if doc.get("id") == client_id:
            return key
    return ""
