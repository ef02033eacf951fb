"""One client's whole file: what ``client show`` and the client screen show.

Gathered on demand for a single client, so the board's one-pass signals stay
lean while the file can list every interaction.  Its "what to do" names acts
(chase invoice AR-77, call about issue #3, thank Maren) before any talk of the
state: an act is what a user can do in the next five minutes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pendulum

from model.client import Client, State
from model.followup import FollowUp
from model.gratitude import Kudos, Thanks
from model.health import Health, Signals, Suggestion, health, needs_call, suggest
from model.interaction import Interaction
from model.invoice import Invoice
from model.issue import Issue
from model.timestamps import local_day

__all__ = ["Act", "ClientFile", "client_file", "next_acts"]

_FOR = re.compile(r"\A(?:for|für)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Act:
    """One concrete thing to do for a client, most pressing first."""

    key: str
    params: dict[str, Any]

    def text(self, locale: str = "en") -> str:
        from model.i18n import t

        return t(self.key, locale, **self.params)


@dataclass(frozen=True)
class ClientFile:
    client: Client
    health: Health
    suggestion: Suggestion | None
    needs_call: bool
    interactions: tuple[Interaction, ...]
    issues: tuple[Issue, ...]
    invoices: tuple[Invoice, ...]
    thanks: tuple[Thanks, ...]
    kudos: tuple[Kudos, ...]
    followups: tuple[FollowUp, ...] = ()
    """Every follow-up, open ones first by due day, then the done ones."""
    cadence: int = 30
    """Days between contacts in effect: the client's own, else its state's default."""
    snoozed_until: str | None = None
    """While a snooze is on, the day contact nudges resume."""
    now: pendulum.DateTime | None = None
    """When the file was gathered; its zone is the reader's for :meth:`day`."""
    acts: tuple[Act, ...] = ()
    shows_health: bool = True
    """False for an ended relationship: it has no health left to watch."""

    def day(self, stored: str, zone: str | None = None) -> str:
        """``2026-12-01``: the user's day of a stored moment (the writer's ``zone`` if
        known, else the reader's), or a stored day as it is."""
        if len(stored) == 10:
            return stored
        return local_day(stored, zone, self.now).isoformat()


def client_file(
    tables: Mapping[str, Mapping[str, dict[str, Any]]], s: Signals, now: pendulum.DateTime
) -> ClientFile:
    cid = s.client.id

    def mine(table: str) -> Iterable[tuple[str, dict[str, Any]]]:
        return ((k, d) for k, d in tables.get(table, {}).items() if d["client"] == cid)

    interactions = sorted(
        (Interaction.from_doc(d) for _, d in mine("interactions")),
        key=lambda i: i.when,
        reverse=True,
    )
    issues = sorted((Issue.from_doc(int(k), d) for k, d in mine("issues")), key=lambda i: i.opened)
    thanks = sorted(
        (Thanks.from_doc(int(k), d) for k, d in mine("thanks")), key=lambda t: t.owed_at
    )
    followups = sorted(
        (FollowUp.from_doc(int(k), d) for k, d in mine("followups")),
        key=lambda f: (not f.is_open, f.due, f.number),
    )
    ended = s.client.state is State.ENDED
    return ClientFile(
        client=s.client,
        health=health(s, now),
        suggestion=None if ended else suggest(s, now),
        needs_call=needs_call(s),
        interactions=tuple(interactions),
        issues=tuple(issues),
        invoices=tuple(s.invoices),
        thanks=tuple(thanks),
        kudos=tuple(reversed(s.kudos)),
        followups=tuple(followups),
        cadence=s.cadence,
        snoozed_until=s.client.snoozed_until if s.snoozed(now) else None,
        now=now,
        acts=() if ended else next_acts(s, now),
        shows_health=not ended,
    )


def next_acts(s: Signals, now: pendulum.DateTime) -> tuple[Act, ...]:
    """Money first (it only gets harder), then open issues, severe and old first, then
    thanks by their day, then the contact the cadence asks for."""
    today = now.date()
    acts: list[Act] = []
    overdue = sorted(
        ((i.days_overdue(today), i.number) for i in s.invoices if i.days_overdue(today) > 0),
        reverse=True,
    )
    acts += [Act("act.chase", {"number": n, "days": d}) for d, n in overdue]
    issues = sorted(s.open_issues, key=lambda i: (-i.severity.rank, i.opened, i.number))
    acts += [Act("act.call_issue", {"number": i.number, "text": i.text}) for i in issues]
    people = s.client.current_contacts
    person = people[0].name if people else s.client.name
    for thanks in sorted(s.thanks_owed, key=lambda x: (x.by or "9999", x.number)):
        # "acme thanks for the intro" is how it is typed; the act says "for" itself.
        what = _FOR.sub("", thanks.text, count=1) or thanks.text
        params = {"person": person, "text": what, "date": thanks.by}
        acts.append(Act("act.thank" if thanks.by else "act.thank_undated", params))
    for followup in s.followups:
        if followup.due <= today.isoformat():
            acts.append(Act("act.follow_up", {"text": followup.text, "date": followup.due}))
    days = s.days_since_contact(now)
    if s.snoozed(now):
        return tuple(acts)
    if days is None:
        acts.append(Act("act.first_contact", {}))
    elif days > s.cadence:
        acts.append(Act("act.get_in_touch", {"days": days, "cadence": s.cadence}))
    return tuple(acts)
