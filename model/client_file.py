"""One client's whole file: what ``client show`` and the client screen show.

Gathered on demand for a single client, so the board's one-pass signals stay
lean while the file can list every interaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pendulum

from model.client import Client
from model.followup import FollowUp
from model.gratitude import Kudos, Thanks
from model.health import Health, Signals, Suggestion, health, needs_call, suggest
from model.interaction import Interaction
from model.invoice import Invoice
from model.issue import Issue

__all__ = ["ClientFile", "client_file"]


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
    return ClientFile(
        client=s.client,
        health=health(s, now),
        suggestion=suggest(s, now),
        needs_call=needs_call(s),
        interactions=tuple(interactions),
        issues=tuple(issues),
        invoices=tuple(s.invoices),
        thanks=tuple(thanks),
        kudos=tuple(reversed(s.kudos)),
        followups=tuple(followups),
        cadence=s.cadence,
        snoozed_until=s.client.snoozed_until if s.snoozed(now) else None,
    )
