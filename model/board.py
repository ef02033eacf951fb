"""The board and its three panes, computed from the raw tables in one pass.

A 100,000-interaction book must give its board in well under 0.1 s, so this
module reads the raw documents once, keeps interactions as strings (stored
moments compare as strings, see ``timestamps``) and builds dataclasses only
for what the board shows.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pendulum

from model.cadence import CADENCE_DEFAULTS
from model.client import Client, State
from model.followup import FollowUp
from model.gratitude import Kudos, Thanks
from model.health import Health, Signals, Suggestion, health, needs_call, suggest
from model.interaction import InteractionKind
from model.invoice import Invoice, aging_bucket
from model.issue import Issue
from model.report import revenue_in
from model.timestamps import days_since, parse_moment
from model.words import folds

__all__ = [
    "BoardFilter",
    "BoardRow",
    "Gratitude",
    "IssueRow",
    "OverdueRow",
    "Summary",
    "ThanksRow",
    "Unthanked",
    "board_order",
    "board_rows",
    "gather",
    "gratitude",
    "is_reminder",
    "matches_search",
    "open_issue_rows",
    "overdue_rows",
    "summary",
]

Tables = Mapping[str, Mapping[str, dict[str, Any]]]

_WRITTEN = {k.value for k in InteractionKind if k.is_written}
_SPOKEN = {InteractionKind.CALL.value, InteractionKind.MEETING.value}
UNTHANKED_DAYS = 90


@dataclass(frozen=True)
class BoardFilter:
    """What ``rapport list`` and the board's launch options narrow the board to."""

    states: tuple[State, ...] = ()
    tags: tuple[str, ...] = ()
    overdue: bool = False
    open_issues: bool = False
    owed_thanks: bool = False
    search: str = ""
    include_ended: bool = False

    @property
    def is_empty(self) -> bool:
        return self == BoardFilter(include_ended=self.include_ended)


@dataclass(frozen=True)
class BoardRow:
    client: Client
    health: Health
    suggestion: Suggestion | None
    last_contact: pendulum.DateTime | None
    contact_overdue: bool
    open_issues: int
    overdue: tuple[OverdueRow, ...]
    thanks_owed: int
    needs_call: bool
    regularly_late: bool
    snoozed_until: str | None = None
    """The day contact nudges resume, while a snooze is on; else ``None``."""
    followups_due: int = 0
    """Open follow-ups due today or earlier."""
    revenue_year: tuple[tuple[str, Decimal], ...] = ()
    """Revenue this calendar year per currency (:func:`model.report.revenue_in`)."""

    def overdue_totals(self) -> dict[str, Decimal]:
        totals: dict[str, Decimal] = {}
        for row in self.overdue:
            cur = row.invoice.currency
            totals[cur] = totals.get(cur, Decimal(0)) + row.invoice.outstanding
        return totals


@dataclass(frozen=True)
class IssueRow:
    issue: Issue
    client: Client
    age_days: int


@dataclass(frozen=True)
class OverdueRow:
    invoice: Invoice
    client: Client
    days_overdue: int
    bucket: str
    regularly_late: bool


@dataclass(frozen=True)
class ThanksRow:
    thanks: Thanks
    client: Client
    late: bool


@dataclass(frozen=True)
class Unthanked:
    client: Client
    last_thanked: str | None


@dataclass(frozen=True)
class Gratitude:
    owed: tuple[ThanksRow, ...]
    unthanked: tuple[Unthanked, ...]


@dataclass(frozen=True)
class Summary:
    per_state: dict[State, int]
    overdue: dict[str, Decimal]
    thanks_owed: int
    today: pendulum.Date


def gather(
    tables: Tables,
    only: Collection[str] | None = None,
    cadence: Mapping[State, int] = CADENCE_DEFAULTS,
) -> dict[str, Signals]:
    """One Signals per client (or per client in ``only``), from one pass over each table;
    ``cadence`` is the contact rhythm per state for clients without their own."""
    signals = {
        doc["id"]: Signals(Client.from_doc(doc), cadence_table=cadence)
        for doc in tables.get("clients", {}).values()
        if only is None or doc["id"] in only
    }
    first_open: dict[str, str] = {}
    for number, doc in tables.get("issues", {}).items():
        resolved = doc.get("resolved")
        if resolved is not None and doc["client"] in signals:
            s = signals[doc["client"]]
            if s.last_resolved is None or resolved > s.last_resolved:
                s.last_resolved = resolved
        if resolved is None and doc["client"] in signals:
            issue = Issue.from_doc(int(number), doc)
            signals[issue.client].open_issues.append(issue)
            if issue.client not in first_open or issue.opened < first_open[issue.client]:
                first_open[issue.client] = issue.opened
    interactions: Iterable[dict[str, Any]] = tables.get("interactions", {}).values()
    if only is not None:
        # A few clients (``client show``, another process's write): their lines only.
        interactions = [doc for doc in interactions if doc["client"] in signals]
    _scan_interactions(interactions, signals, first_open)
    for doc in tables.get("invoices", {}).values():
        if doc["client"] in signals:
            signals[doc["client"]].invoices.append(Invoice.from_doc(doc))
    for number, doc in tables.get("thanks", {}).items():
        if doc["client"] in signals and doc.get("done_at") is None:
            signals[doc["client"]].thanks_owed.append(Thanks.from_doc(int(number), doc))
    for doc in tables.get("kudos", {}).values():
        if doc["client"] in signals:
            signals[doc["client"]].kudos.append(Kudos.from_doc(doc))
    for number, doc in tables.get("followups", {}).items():
        if doc["client"] in signals and doc.get("done_at") is None:
            signals[doc["client"]].followups.append(FollowUp.from_doc(int(number), doc))
    for s in signals.values():
        s.invoices.sort(key=lambda i: (i.issued, i.number))
        s.kudos.sort(key=lambda k: k.when)
        s.followups.sort(key=lambda f: (f.due, f.number))
    return signals


def _scan_interactions(
    interactions: Iterable[dict[str, Any]],
    signals: dict[str, Signals],
    first_open: dict[str, str],
) -> None:
    """Last contact per client, and what was said since its oldest open issue.

    The hot loop of a 100,000-interaction book: plain dicts and locals only.  The last
    "warm" contact (no payment reminder) is the last contact, except for the few
    clients whose newest interaction is a reminder ("cold"): only for those is an
    older interaction looked at again.
    """
    last: dict[str, str] = {}
    cold: dict[str, str] = {}
    written: dict[str, int] = {}
    spoken: dict[str, int] = {}
    for doc in interactions:
        client, when = doc["client"], doc["when"]
        before = last.get(client, "")
        kind = doc["kind"]
        if when > before:
            last[client] = when
            if kind in _WRITTEN and is_reminder(doc.get("text", "")):
                cold.setdefault(client, before)
            elif cold:
                cold.pop(client, None)
        elif (
            cold
            and client in cold
            and when > cold[client]
            and not (kind in _WRITTEN and is_reminder(doc.get("text", "")))
        ):
            cold[client] = when
        since = first_open.get(client)
        if since is not None and when >= since:
            if kind in _WRITTEN:
                written[client] = written.get(client, 0) + 1
            elif kind in _SPOKEN:
                spoken[client] = spoken.get(client, 0) + 1
    for client, s in signals.items():
        s.last_contact = last.get(client)
        s.last_warm = cold[client] or None if client in cold else s.last_contact
        s.written_since_issue = written.get(client, 0)
        s.spoken_since_issue = spoken.get(client, 0)


_REMINDER = re.compile(
    r"invoice|rechnung|mahnung|reminder|zahlung|payment|overdue|dunning|"
    r"überfällig|ueberfaellig|offene[nr]? posten|inkasso",
    re.IGNORECASE,
)


def is_reminder(text: str) -> bool:
    """A mail or message about money owed (``sent a reminder for AR-77``, ``Mahnung``).

    It counts as contact (the cadence is kept) but not as being in touch again:
    a client who hears from us only about an overdue invoice has not come back.
    Recognised by the words people use for it, in English and German.
    """
    return _REMINDER.search(text) is not None


def _overdue(s: Signals, today: pendulum.Date, late: bool) -> tuple[OverdueRow, ...]:
    rows = []
    for invoice in s.invoices:
        days = invoice.days_overdue(today)
        if days > 0:
            rows.append(OverdueRow(invoice, s.client, days, aging_bucket(days), late))
    return tuple(rows)


def _row(s: Signals, now: pendulum.DateTime) -> BoardRow:
    late = s.late(now.date())
    return BoardRow(
        client=s.client,
        health=health(s, now),
        suggestion=suggest(s, now),
        last_contact=None if s.last_contact is None else _users(s.last_contact, now),
        contact_overdue=s.contact_overdue(now),
        open_issues=len(s.open_issues),
        overdue=_overdue(s, now.date(), late),
        thanks_owed=len(s.thanks_owed),
        needs_call=needs_call(s),
        regularly_late=late,
        snoozed_until=s.client.snoozed_until if s.snoozed(now) else None,
        followups_due=sum(1 for f in s.followups if f.due <= now.date().isoformat()),
        revenue_year=revenue_in(s.invoices, now.year, now.date()),
    )


def _users(stored: str, now: pendulum.DateTime) -> pendulum.DateTime:
    """A stored moment in the user's zone, so that its day is the user's day."""
    moment = parse_moment(stored)
    return moment if now.timezone is None else moment.in_timezone(now.timezone)


def _matches(row: BoardRow, f: BoardFilter) -> bool:
    c = row.client
    checks = (
        f.include_ended or c.state is not State.ENDED or State.ENDED in f.states,
        not f.states or c.state in f.states,
        not f.tags or any(t.casefold() in {x.casefold() for x in c.tags} for t in f.tags),
        not f.overdue or bool(row.overdue),
        not f.open_issues or row.open_issues > 0,
        not f.owed_thanks or row.thanks_owed > 0,
        not f.search or matches_search(c, f.search),
    )
    return all(checks)


def matches_search(c: Client, text: str) -> bool:
    """Does ``text`` occur in the client's id, name, tags or current contacts?

    Case- and accent-blind, as client names are resolved (:func:`model.words.folds`);
    the board's typed filter and ``--search`` both ask here.
    """
    needles = folds(text.strip())
    if not needles[0]:
        return True
    haystack = [c.id, c.name, *c.tags, *(p.name for p in c.current_contacts)]
    return any(n in h for item in haystack for h in folds(item) for n in needles)


def board_rows(
    signals: Mapping[str, Signals], now: pendulum.DateTime, f: BoardFilter | None = None
) -> list[BoardRow]:
    """Rows in DOMAIN.md's order: state (strained first), health worst first, name."""
    f = f or BoardFilter()
    rows = [_row(s, now) for s in signals.values()]
    rows = [r for r in rows if _matches(r, f)]
    rows.sort(key=board_order)
    return rows


def board_order(row: BoardRow) -> tuple[int, int, str]:
    """The board's sort key (state, health worst first, name): the board merges the rows
    a write changed into the ones it kept with it."""
    return (_STATE_RANK[row.client.state], row.health.score, row.client.name.casefold())


_STATE_RANK = {state: state.rank for state in State}  # looked up once: ``rank`` walks the enum


def open_issue_rows(
    signals: Mapping[str, Signals], now: pendulum.DateTime, client: str | None = None
) -> list[IssueRow]:
    """Every unresolved issue, oldest severe first; an ended relationship has none left."""
    rows = [
        IssueRow(i, s.client, max(days_since(i.opened, now), 0))
        for s in signals.values()
        if client in (None, s.client.id) and s.client.state is not State.ENDED
        for i in s.open_issues
    ]
    rows.sort(key=lambda r: (-r.issue.severity.rank, r.issue.opened, r.issue.number))
    return rows


def overdue_rows(
    signals: Mapping[str, Signals], now: pendulum.DateTime, client: str | None = None
) -> list[OverdueRow]:
    """Every unpaid invoice past its due date, most overdue first."""
    today = now.date()
    rows = [
        row
        for s in signals.values()
        if client in (None, s.client.id)
        for row in _overdue(s, today, s.late(today))
    ]
    rows.sort(key=lambda r: (-r.days_overdue, r.invoice.number))
    return rows


def gratitude(
    tables: Tables,
    signals: Mapping[str, Signals],
    now: pendulum.DateTime,
    client: str | None = None,
) -> Gratitude:
    """Thanks owed, oldest first, and the clients nobody has thanked for long: those who
    have been clients for more than :data:`UNTHANKED_DAYS` and had no thanks done in
    them (a client added today has not been left unthanked)."""
    today = now.date().isoformat()
    owed = [
        ThanksRow(t, s.client, t.by is not None and t.by < today)
        for s in signals.values()
        if client in (None, s.client.id)
        for t in s.thanks_owed
    ]
    owed.sort(key=lambda r: (r.thanks.owed_at, r.thanks.number))
    last = _gather_last_thanked(tables)
    horizon = now.subtract(days=UNTHANKED_DAYS).date().isoformat()
    unthanked = [
        Unthanked(s.client, last.get(s.client.id))
        for s in signals.values()
        if client in (None, s.client.id)
        and s.client.state is not State.ENDED
        and _client_since(s.client) < horizon
        and last.get(s.client.id, "") < horizon
    ]
    unthanked.sort(key=lambda u: (u.last_thanked or "", u.client.name.casefold()))
    return Gratitude(tuple(owed), tuple(unthanked))


def _client_since(c: Client) -> str:
    """When the relationship began: its first state; a client without one counts as old."""
    return c.history[0].at if c.history else ""


def _gather_last_thanked(tables: Tables) -> dict[str, str]:
    last: dict[str, str] = {}
    for doc in tables.get("thanks", {}).values():
        done = doc.get("done_at")
        if done is not None and done > last.get(doc["client"], ""):
            last[doc["client"]] = done
    return last


def summary(rows: list[BoardRow], now: pendulum.DateTime) -> Summary:
    """Clients per state, overdue per currency, thanks owed, today."""
    per_state: dict[State, int] = {}
    overdue: dict[str, Decimal] = {}
    for row in rows:
        per_state[row.client.state] = per_state.get(row.client.state, 0) + 1
        for cur, amount in row.overdue_totals().items():
            overdue[cur] = overdue.get(cur, Decimal(0)) + amount
    thanks = sum(r.thanks_owed for r in rows)
    return Summary(per_state, overdue, thanks, now.date())
