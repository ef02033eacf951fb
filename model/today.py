"""Today: what is due today or overdue, most urgent first, for the morning read.

Everything here is already in the book (cadences, by-dates, due dates, open
issues); this module only says which of it needs a hand today, why, and since
when, so the CLI's cron mail and the board's Today pane show the same list.
With ``days`` it looks ahead: what falls due within that many days.

Invoices are listed on the day they fall due and on the day an overdue one
crosses into a new aging bucket (1, 31, 61, 91 days late), the rhythm of a
dunning run; the overdue pane keeps the whole list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

import pendulum

from model.client import Client, State
from model.health import WEIGHTS, Signals, needs_call
from model.invoice import aging_bucket
from model.money import format_money
from model.refs import ref_of
from model.timestamps import days_since, local_day, parse_day

__all__ = [
    "BUCKET_DAYS",
    "TodayItem",
    "TodayKind",
    "next_contact_day",
    "today_items",
    "today_order",
]

Tables = Mapping[str, Mapping[str, dict[str, Any]]]

BUCKET_DAYS = (1, 31, 61, 91)
"""Days overdue on which an invoice enters the buckets 1-30, 31-60, 61-90 and 90+."""

_URGENT_STATES = frozenset({State.STRAINED, State.REPAIR})


class TodayKind(StrEnum):
    CONTACT = "contact"
    FOLLOWUP = "followup"
    THANKS = "thanks"
    INVOICE = "invoice"
    ISSUE = "issue"

    @property
    def rank(self) -> int:
        return list(TodayKind).index(self)


# The ranks looked up once: each ``rank`` walks its enum, and a sort asks it per item.
_KIND_RANK = {kind: kind.rank for kind in TodayKind}
_STATE_RANK = {state: state.rank for state in State}


@dataclass(frozen=True)
class TodayItem:
    """One thing to do: for whom, why (a message key and its values), due and waiting since when.

    ``verb`` is the quick-log verb that acts on it (``call``, ``done``, ``thanked``,
    ``paid``, ``resolve``) and ``number`` what follows that verb, so a front end
    can prefill the line.
    """

    kind: TodayKind
    client: Client
    due: pendulum.Date | None
    since: pendulum.Date | None
    key: str
    params: dict[str, Any] = field(compare=False)
    ref: str
    verb: str
    number: str = ""

    def text(self, locale: str = "en") -> str:
        from model.i18n import t

        params = dict(self.params)
        if "amount" in params:
            params["money"] = format_money(Decimal(params["amount"]), params["currency"], locale)
        return t(self.key, locale, **params)

    @property
    def line(self) -> str:
        """The quick-log line that acts on the item, ready to finish: ``acme paid 2026-017``."""
        return " ".join(part for part in (self.client.id, self.verb, self.number) if part) + " "

    def days_late(self, today: pendulum.Date) -> int:
        """Days since it fell due; negative while it lies ahead, 0 when undated."""
        # Day numbers, not pendulum's interval: the brief asks this of every item.
        return 0 if self.due is None else today.toordinal() - self.due.toordinal()


def today_items(
    tables: Tables, signals: Mapping[str, Signals], now: pendulum.DateTime, days: int = 0
) -> list[TodayItem]:
    """Every item due by ``days`` from today, strained and repair clients first, then
    the longest overdue, then by kind and name."""
    if days < 0:
        raise ValueError("days must not be negative")
    today = now.date()
    doc_ids = {doc["id"]: key for key, doc in tables.get("clients", {}).items()}
    invoice_ids = {
        (doc["client"], doc["number"]): key for key, doc in tables.get("invoices", {}).items()
    }
    horizon = now.add(days=days)
    last_day = horizon.date()
    items: list[TodayItem] = []
    for s in signals.values():
        contact = _contact(s, now, horizon, ref_of("clients", doc_ids.get(s.client.id, "")))
        if contact is not None:
            items.append(contact)
        items += _followups(s, now, last_day)
        items += _thanks(s, now, last_day)
        items += _invoices(s, today, last_day, invoice_ids)
        items += _issues(s, now, last_day)
    items.sort(key=lambda i: today_order(i, today))
    return items


def today_order(item: TodayItem, today: pendulum.Date) -> tuple[bool, int, int, int, str, str]:
    """The order of :func:`today_items` (the board merges the items of the clients a
    write touched into the ones it kept with it)."""
    return (
        item.client.state not in _URGENT_STATES,
        (item.due or today).toordinal(),
        _KIND_RANK[item.kind],
        _STATE_RANK[item.client.state],
        item.client.name.casefold(),
        item.ref,
    )


def _contact(
    s: Signals, now: pendulum.DateTime, horizon: pendulum.DateTime, ref: str
) -> TodayItem | None:
    """Past the cadence by ``horizon`` (the same test as the board's), unless snoozed then."""
    c = s.client
    if c.state is State.ENDED:
        return None
    if c.snoozed_until is not None and horizon.date().isoformat() < c.snoozed_until:
        return None
    base = {"name": c.name, "cadence": s.cadence}
    if s.last_contact is None:
        return TodayItem(TodayKind.CONTACT, c, None, None, "today.contact_never", base, ref, "call")
    if days_since(s.last_contact, horizon) <= s.cadence:
        return None
    last = _stored(s.last_contact)
    due = next_contact_day(s, now)
    gap = max(days_since(s.last_contact, now), 0)
    key = "today.contact" if due <= now.date() else "today.contact_soon"
    params = {**base, "days": gap, "due": due.isoformat()}
    return TodayItem(TodayKind.CONTACT, c, due, _local_day(last, now), key, params, ref, "call")


def next_contact_day(s: Signals, now: pendulum.DateTime) -> pendulum.Date:
    """The first day past the cadence since the last contact (today if there was none),
    not before a snooze ends: when the contact nudge comes (a calendar's entry too)."""
    if s.last_contact is None:
        due = now.date()
    else:
        due = _local_day(_stored(s.last_contact) + timedelta(days=s.cadence + 1), now)
    if s.client.snoozed_until is not None:
        due = max(due, parse_day(s.client.snoozed_until))
    return due


def _stored(text: str) -> datetime:
    """A stored moment in UTC, as :func:`model.timestamps.parse_moment` reads it but
    without a pendulum object: the brief computes with it for every client."""
    return datetime.fromisoformat(text).astimezone(UTC).replace(microsecond=0)


def _local_day(moment: datetime, now: pendulum.DateTime) -> pendulum.Date:
    """The day ``moment`` falls on where ``now`` is (stored moments are UTC)."""
    local = moment.astimezone(now.tzinfo)
    return pendulum.Date(local.year, local.month, local.day)


def _followups(s: Signals, now: pendulum.DateTime, last_day: pendulum.Date) -> list[TodayItem]:
    end = last_day.isoformat()
    return [
        TodayItem(
            TodayKind.FOLLOWUP,
            s.client,
            parse_day(f.due),
            local_day(f.created, f.tz, now),
            "today.followup",
            {"name": s.client.name, "number": f.number, "text": f.text, "due": f.due},
            ref_of("followups", f.number),
            "done",
            ref_of("followups", f.number),
        )
        for f in s.followups
        if f.due <= end
    ]


def _thanks(s: Signals, now: pendulum.DateTime, last_day: pendulum.Date) -> list[TodayItem]:
    end = last_day.isoformat()
    return [
        TodayItem(
            TodayKind.THANKS,
            s.client,
            parse_day(t.by),
            local_day(t.owed_at, t.tz, now),
            "today.thanks",
            {"name": s.client.name, "number": t.number, "text": t.text, "by": t.by},
            ref_of("thanks", t.number),
            "thanked",
            str(t.number),
        )
        for t in s.thanks_owed
        if t.by is not None and t.by <= end
    ]


def _invoices(
    s: Signals,
    today: pendulum.Date,
    last_day: pendulum.Date,
    doc_ids: Mapping[tuple[str, str], str],
) -> list[TodayItem]:
    items = []
    for invoice in s.invoices:
        if invoice.is_paid:
            continue
        due = parse_day(invoice.due)
        ref = ref_of("invoices", doc_ids.get((invoice.client, invoice.number), invoice.number))
        params = {
            "name": s.client.name,
            "number": invoice.number,
            "amount": str(invoice.outstanding),
            "currency": invoice.currency,
            "due": invoice.due,
        }
        if today <= due <= last_day:
            items.append(
                TodayItem(
                    TodayKind.INVOICE,
                    s.client,
                    due,
                    due,
                    "today.invoice_due",
                    params,
                    ref,
                    "paid",
                    invoice.number,
                )
            )
        # Days late today and on the last day: whole-number tests, since the board runs this
        # on every read and pendulum's date arithmetic per invoice and bucket costs 30 ms at 100k.
        late_now = today.toordinal() - due.toordinal()
        late_last = last_day.toordinal() - due.toordinal()
        for late in BUCKET_DAYS:
            if late_now <= late <= late_last:
                crossing = due.add(days=late)
                bucket = {**params, "days": late, "bucket": aging_bucket(late)}
                items.append(
                    TodayItem(
                        TodayKind.INVOICE,
                        s.client,
                        crossing,
                        due,
                        "today.invoice_bucket",
                        bucket,
                        ref,
                        "paid",
                        invoice.number,
                    )
                )
    return items


def _issues(s: Signals, now: pendulum.DateTime, last_day: pendulum.Date) -> list[TodayItem]:
    """Issues open longer than the health rules allow, and the ☎ "call rather than mail"."""
    if s.client.state is State.ENDED:
        return []
    items = []
    wait = WEIGHTS.issue_old_days
    for issue in s.open_issues:
        opened = local_day(issue.opened, issue.tz, now)
        if opened.toordinal() + wait + 1 <= last_day.toordinal():  # see _invoices: no pendulum
            too_long = opened.add(days=wait + 1)
            params = {
                "name": s.client.name,
                "number": issue.number,
                "text": issue.text,
                "days": max(days_since(issue.opened, now), 0),
                "severity": issue.severity.value,
            }
            ref = ref_of("issues", issue.number)
            items.append(
                TodayItem(
                    TodayKind.ISSUE,
                    s.client,
                    too_long,
                    opened,
                    "today.issue_waiting",
                    params,
                    ref,
                    "resolve",
                    str(issue.number),
                )
            )
    if needs_call(s):
        oldest = min(s.open_issues, key=lambda i: i.opened)
        since = local_day(oldest.opened, oldest.tz, now)
        params = {"name": s.client.name, "number": oldest.number, "written": s.written_since_issue}
        items.append(
            TodayItem(
                TodayKind.ISSUE,
                s.client,
                now.date(),
                since,
                "today.call",
                params,
                ref_of("issues", oldest.number),
                "call",
            )
        )
    return items
