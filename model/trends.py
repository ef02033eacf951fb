"""Month by month: revenue, hours and interactions, and the health as it stood.

A number alone says little; a year of them shows where a relationship is going
(text 004: relationships grow slowly, and a test comes before a break).  The
health of a past month is computed from the book as it stood at that month's end
(:func:`tables_as_of`), with today's rules: the history, not a stored score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pendulum

from model.board import gather
from model.cadence import CADENCE_DEFAULTS
from model.client import State
from model.health import health
from model.invoice import Invoice
from model.report import Period, money_rows, writer_day
from model.timestamps import moment_text

__all__ = ["Month", "health_trend", "monthly", "months_back", "tables_as_of"]

Tables = Mapping[str, Mapping[str, dict[str, Any]]]


@dataclass(frozen=True)
class Month:
    period: Period
    revenue: Mapping[str, Decimal]
    """Net invoiced (see :class:`model.report.Money`) per currency, by the day issued."""
    minutes: int
    interactions: int


def months_back(now: pendulum.DateTime, count: int = 12) -> list[Period]:
    """The last ``count`` calendar months, oldest first; the last one ends today."""
    today = now.date()
    first = today.start_of("month").subtract(months=count - 1)
    periods = []
    for i in range(count):
        start = first.add(months=i)
        periods.append(Period(start, min(start.end_of("month"), today)))
    return periods


def monthly(
    tables: Tables, now: pendulum.DateTime, count: int = 12, client: str | None = None
) -> list[Month]:
    """Per month of :func:`months_back`: revenue, logged minutes and interactions, of
    one client or the whole book."""
    invoices = [
        Invoice.from_doc(doc)
        for doc in (tables.get("invoices") or {}).values()
        if client in (None, doc["client"])
    ]
    interactions = [
        (writer_day(doc), int(doc.get("minutes") or 0))
        for doc in (tables.get("interactions") or {}).values()
        if client in (None, doc["client"])
    ]
    by_month: dict[str, list[Invoice]] = {}
    for invoice in invoices:
        by_month.setdefault(invoice.issued[:7], []).append(invoice)
    spent: dict[str, list[int]] = {}
    for day, minutes in interactions:
        spent.setdefault(day[:7], []).append(minutes)
    months = []
    for period in months_back(now, count):
        month = period.start.isoformat()[:7]
        rows = money_rows(by_month.get(month, ()), period, now.date())
        done = spent.get(month, [])
        months.append(
            Month(
                period,
                {c: m.revenue for c, m in sorted(rows.items())},
                sum(done),
                len(done),
            )
        )
    return months


def tables_as_of(tables: Tables, moment: pendulum.DateTime) -> dict[str, dict[str, dict[str, Any]]]:
    """The book as it stood at ``moment``: records made later left out, issues resolved,
    thanks and follow-ups done, states changed, payments and credits made later undone."""
    at = moment_text(moment)
    day = at[:10]
    result: dict[str, dict[str, dict[str, Any]]] = {}
    for name, field in (("interactions", "when"), ("kudos", "when")):
        result[name] = {k: d for k, d in (tables.get(name) or {}).items() if d[field] <= at}
    for name, field, done in (
        ("issues", "opened", "resolved"),
        ("thanks", "owed_at", "done_at"),
        ("followups", "created", "done_at"),
    ):
        result[name] = {
            k: {**d, done: None} if (d.get(done) or "") > at else d
            for k, d in (tables.get(name) or {}).items()
            if d[field] <= at
        }
    result["invoices"] = {
        k: {
            **d,
            "payments": [p for p in d.get("payments") or () if p["on"] <= day],
            "credits": [c for c in d.get("credits") or () if c["on"] <= day],
            **({} if (d.get("void") or {}).get("on", "") <= day else {"void": None}),
        }
        for k, d in (tables.get("invoices") or {}).items()
        if d["issued"] <= day
    }
    result["clients"] = {k: _client_as_of(d, at) for k, d in (tables.get("clients") or {}).items()}
    return result


def _client_as_of(doc: dict[str, Any], at: str) -> dict[str, Any]:
    history = [h for h in doc.get("history") or () if h["at"] <= at]
    if not history or len(history) == len(doc.get("history") or ()):
        return doc
    return {**doc, "state": history[-1]["state"], "history": history}


def health_trend(
    tables: Tables,
    client: str,
    now: pendulum.DateTime,
    count: int = 12,
    cadence: Mapping[State, int] = CADENCE_DEFAULTS,
) -> list[int | None]:
    """The client's health at the end of each month of :func:`months_back` (the last
    one: now); None for a month before the client was in the book."""
    mine = _of_client(tables, client)
    doc = next(iter(mine["clients"].values()), None)
    first = min((h["at"] for h in (doc or {}).get("history") or ()), default=None)
    scores: list[int | None] = []
    for period in months_back(now, count):
        end = now if period.end == now.date() else now.on(*period.end.timetuple()[:3]).end_of("day")
        if first is not None and first > moment_text(end):
            scores.append(None)
            continue
        signals = gather(tables_as_of(mine, end), only={client}, cadence=cadence)
        scores.append(health(signals[client], end).score if client in signals else None)
    return scores


def _of_client(tables: Tables, client: str) -> dict[str, dict[str, dict[str, Any]]]:
    """The client's document and records only: twelve looks back at one client must
    not copy the whole book twelve times."""
    mine = {
        name: {k: d for k, d in docs.items() if d.get("client") == client}
        for name, docs in tables.items()
        if name != "clients"
    }
    mine["clients"] = {k: d for k, d in (tables.get("clients") or {}).items() if d["id"] == client}
    return mine
