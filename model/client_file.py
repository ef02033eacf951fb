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
from model.gratitude import Kudos, Thanks
from model.health import Health, Signals, Suggestion, health, needs_call, suggest
from model.interaction import Interaction
from model.invoice import Invoice
from model.issue import Issue
from model.timestamps import local_day

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
    now: pendulum.DateTime | None = None
    """When the file was gathered; its zone is the reader's for :meth:`day`."""

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
        now=now,
    )
