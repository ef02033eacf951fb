"""What each client brings and costs: money and effort over a period, per currency.

Text 002's client brings a lot of revenue and takes a lot of effort, always
outside the agreed scope (*Sonderlocken*), until the team dreads the phone number;
text 004 says clarity about money is respect.  The report puts both sides in one
table: what was invoiced, paid, credited, written off and is still open, how long
money waits (days sales outstanding), and the interactions, minutes and open
scope-creep issues it took.

Pure functions of the book's tables and ``now``.  Amounts are ``Decimal`` and stay
per currency: nothing is ever added across currencies, so every money figure is a
:class:`Money` row of one currency.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property, lru_cache
from statistics import median
from typing import Any

import pendulum

from model.client import Client
from model.invoice import Invoice
from model.issue import IssueKind

__all__ = [
    "EFFORT_MIN_MINUTES",
    "ClientReport",
    "Money",
    "Period",
    "Report",
    "as_of",
    "money_rows",
    "report",
    "revenue_in",
    "writer_day",
]

Tables = Mapping[str, Mapping[str, dict[str, Any]]]

EFFORT_MIN_MINUTES = 60
"""Below an hour of logged time no client is called costly: one call says nothing."""

_CENT = Decimal("0.01")
_ZERO = Decimal("0.00")
"""Sums start here, so that a currency with nothing paid says ``0.00`` like its amounts."""


@dataclass(frozen=True)
class Period:
    """The days ``start`` to ``end``, both included."""

    start: pendulum.Date
    end: pendulum.Date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(pendulum.Date(year, 1, 1), pendulum.Date(year, 12, 31))

    @cached_property
    def _texts(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()

    def holds(self, day: str) -> bool:
        """``day`` is an ISO day or moment text (its first ten characters are the day)."""
        first, last = self._texts
        return first <= day[:10] <= last


@dataclass(frozen=True)
class Money:
    """One currency's figures for the invoices issued in the period, as of ``now``.

    ``invoiced`` leaves void invoices out; ``paid``, ``credited`` and ``written_off``
    are what was paid, credited or written off on those invoices up to ``now``;
    ``open`` is what is still asked.  ``revenue`` is what the client is billed net:
    invoiced less credit notes and write-offs (so paid + open, unless overpaid).
    """

    currency: str
    invoiced: Decimal = _ZERO
    paid: Decimal = _ZERO
    open: Decimal = _ZERO
    credited: Decimal = _ZERO
    written_off: Decimal = _ZERO
    dso: int | None = None
    """Days sales outstanding: the amount-weighted mean days from issue to payment, an
    open amount counted up to ``now``; credits and write-offs left out.  None without
    any paid or open amount."""
    per_hour: Decimal | None = None
    """Revenue per hour of logged time (to the cent); None without logged time."""

    @property
    def revenue(self) -> Decimal:
        return self.invoiced - self.credited - self.written_off


@dataclass(frozen=True)
class ClientReport:
    client: Client
    money: tuple[Money, ...]
    """One row per currency the client was invoiced in, in the report's currency order."""
    interactions: int
    minutes: int
    scope_creep: int
    """Scope-creep issues open at ``now`` that were opened by the period's end."""
    high_effort: bool = False
    """See :func:`report` for the rule."""

    def revenue(self, currency: str) -> Decimal:
        return next((m.revenue for m in self.money if m.currency == currency), _ZERO)


@dataclass(frozen=True)
class Report:
    period: Period
    clients: tuple[ClientReport, ...]
    total: tuple[Money, ...]
    """The whole book per currency; ``per_hour`` over all logged time."""
    interactions: int
    minutes: int
    scope_creep: int
    currencies: tuple[str, ...] = ()
    """Most clients with revenue first, then by code: the order of every money list."""
    median_per_hour: Mapping[str, Decimal] = field(default_factory=dict)


def writer_day(doc: Mapping[str, Any]) -> str:
    """The day an interaction happened where it was logged (its ``tz``), as ISO text.

    Moments are stored in UTC; a call at 00:30 in Berlin on 1 December is a
    December call.  Plain datetime arithmetic, no pendulum: a report reads every
    interaction of the book.
    """
    when, zone = doc["when"], doc.get("tz")
    try:
        shift = _shift(zone) if zone else 0
        # the UTC day, unless the offset crosses midnight: only then a parse
        if 0 <= int(when[11:13]) * 60 + int(when[14:16]) + shift < 1440:
            return str(when[:10])
        return (datetime.fromisoformat(when) + timedelta(minutes=shift)).date().isoformat()
    except (ValueError, IndexError):
        return str(when[:10])


@lru_cache(maxsize=64)
def _shift(zone: str) -> int:
    """``+01:00`` → 60, ``-05:30`` → -330."""
    minutes = int(zone[1:3]) * 60 + int(zone[4:6])
    return -minutes if zone[0] == "-" else minutes


def as_of(invoice: Invoice, day: pendulum.Date) -> Invoice:
    """The invoice as it stood at the end of ``day``: later payments, credits and a
    later void not yet made."""
    text = day.isoformat()
    later = any(p.on > text for p in invoice.payments) or any(c.on > text for c in invoice.credits)
    if not later and (invoice.void is None or invoice.void <= text):
        return invoice  # the common case: nothing to take back
    void = invoice.void if invoice.void is not None and invoice.void <= text else None
    return Invoice(
        invoice.number,
        invoice.client,
        invoice.amount,
        invoice.currency,
        invoice.issued,
        invoice.due,
        tuple(p for p in invoice.payments if p.on <= text),
        tuple(c for c in invoice.credits if c.on <= text),
        void,
        invoice.void_reason if void else "",
    )


def revenue_in(
    invoices: Iterable[Invoice], year: int, now: pendulum.Date
) -> tuple[tuple[str, Decimal], ...]:
    """Revenue (see :class:`Money`) per currency of the invoices issued in ``year``, by code:
    the board's optional column, worked out on every board read, so one plain pass."""
    today = now.isoformat()
    first, last = f"{year}-01-01", min(f"{year}-12-31", today)
    sums: dict[str, Decimal] = {}
    for invoice in invoices:
        if not first <= invoice.issued <= last:
            continue
        if invoice.void is not None and invoice.void <= today:
            continue
        amount = invoice.amount
        for credit in invoice.credits:
            if credit.on <= today:
                amount -= credit.amount
        sums[invoice.currency] = sums.get(invoice.currency, _ZERO) + amount
    return tuple((c, sums[c]) for c in sorted(sums) if sums[c])


def money_rows(
    invoices: Iterable[Invoice], period: Period, now: pendulum.Date, minutes: int = 0
) -> dict[str, Money]:
    """Per currency, the :class:`Money` of the invoices issued in ``period``."""
    sums: dict[str, list[Decimal]] = {}
    weights: dict[str, list[Decimal]] = {}
    today = now.isoformat()
    for original in invoices:
        if not period.holds(original.issued) or original.issued > today:
            continue
        invoice = as_of(original, now)
        row = sums.setdefault(invoice.currency, [_ZERO] * 5)
        if invoice.is_void:
            continue
        credited = sum((c.amount for c in invoice.credits if not c.writeoff), _ZERO)
        row[0] += invoice.amount
        row[1] += invoice.paid_amount
        row[2] += invoice.outstanding
        row[3] += credited
        row[4] += invoice.credited - credited
        _weigh(weights.setdefault(invoice.currency, [_ZERO, _ZERO]), invoice, now)
    result = {}
    for currency, (invoiced, paid, open_, credited, written_off) in sums.items():
        weight = weights.get(currency, [_ZERO, _ZERO])
        result[currency] = Money(
            currency,
            invoiced,
            paid,
            open_,
            credited,
            written_off,
            _whole(weight[0] / weight[1]) if weight[1] else None,
            _per_hour(invoiced - credited - written_off, minutes),
        )
    return result


def _weigh(weight: list[Decimal], invoice: Invoice, now: pendulum.Date) -> None:
    """Add each paid amount times its days to payment, and the open amount times its age."""
    issued = date.fromisoformat(invoice.issued)
    for payment in invoice.payments:
        days = max((date.fromisoformat(payment.on) - issued).days, 0)
        weight[0] += payment.amount * days
        weight[1] += payment.amount
    if invoice.outstanding:
        weight[0] += invoice.outstanding * max(
            (date(now.year, now.month, now.day) - issued).days, 0
        )
        weight[1] += invoice.outstanding


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), ROUND_HALF_UP))


def _per_hour(revenue: Decimal, minutes: int) -> Decimal | None:
    if minutes <= 0:
        return None
    return (revenue * 60 / minutes).quantize(_CENT, ROUND_HALF_UP)


def report(tables: Tables, now: pendulum.DateTime, period: Period) -> Report:
    """Every client with anything in ``period`` (invoices, interactions, open scope
    creep), sorted by revenue, and the book's total.

    Sorting: by revenue in the first currency of :attr:`Report.currencies`, then
    the next, and so on (descending), then by name; currencies are never compared.

    A client is marked ``high_effort`` when it took at least
    :data:`EFFORT_MIN_MINUTES` of logged time and either brought no revenue at
    all, or its revenue per hour in some currency is below half the median revenue
    per hour of the book's clients in that currency.  Half the median, because a
    client who earns half of what the typical one earns for the same hour is the
    one the team dreads; the median, because one large client must not make every
    other look costly.
    """
    today = now.date()
    first, last = period.start.isoformat(), min(period.end, today).isoformat()
    # a UTC day strictly inside is inside wherever it was logged; more than a day
    # outside is outside: only the days next to the edges need the writer's offset
    before = period.start.subtract(days=1).isoformat()
    after = min(period.end, today).add(days=1).isoformat()
    counts: dict[str, list[int]] = {}
    for doc in (tables.get("interactions") or {}).values():
        utc = doc["when"][:10]
        if not before <= utc <= after:
            continue
        day = utc if first < utc < last else writer_day(doc)
        if first <= day <= last:
            row = counts.setdefault(doc["client"], [0, 0, 0])
            row[0] += 1
            row[1] += int(doc.get("minutes") or 0)
    for doc in (tables.get("issues") or {}).values():
        if (
            doc.get("kind") == IssueKind.SCOPE_CREEP.value
            and doc.get("resolved") is None
            and doc["opened"][:10] <= period.end.isoformat()
        ):
            counts.setdefault(doc["client"], [0, 0, 0])[2] += 1
    invoices: dict[str, list[Invoice]] = {}
    for doc in (tables.get("invoices") or {}).values():
        invoices.setdefault(doc["client"], []).append(Invoice.from_doc(doc))
    rows = []
    for doc in (tables.get("clients") or {}).values():
        client = Client.from_doc(doc)
        interactions, minutes, scope = counts.get(client.id, (0, 0, 0))
        money = money_rows(invoices.get(client.id, ()), period, today, minutes)
        if money or interactions or scope:
            rows.append((client, money, interactions, minutes, scope))
    currencies = _order(row[1] for row in rows)
    medians = {c: median(rates) for c in currencies if (rates := _rates(c, (r[1] for r in rows)))}
    clients = [
        ClientReport(
            client,
            tuple(money[c] for c in currencies if c in money),
            interactions,
            minutes,
            scope,
            _costly(money, minutes, medians),
        )
        for client, money, interactions, minutes, scope in rows
    ]
    clients.sort(key=lambda r: (*(-r.revenue(c) for c in currencies), r.client.name.casefold()))
    total_minutes = sum(r.minutes for r in clients)
    every = [i for r in clients for i in invoices.get(r.client.id, ())]
    total = money_rows(every, period, today, total_minutes)
    return Report(
        period,
        tuple(clients),
        tuple(total[c] for c in currencies),
        sum(r.interactions for r in clients),
        total_minutes,
        sum(r.scope_creep for r in clients),
        tuple(currencies),
        medians,
    )


def _order(moneys: Iterable[dict[str, Money]]) -> list[str]:
    count: dict[str, int] = {}
    for money in moneys:
        for currency, row in money.items():
            count[currency] = count.get(currency, 0) + (1 if row.revenue else 0)
    return sorted(count, key=lambda c: (-count[c], c))


def _rates(currency: str, moneys: Iterable[dict[str, Money]]) -> list[Decimal]:
    return [
        row.per_hour
        for money in moneys
        if (row := money.get(currency)) is not None and row.per_hour is not None and row.revenue
    ]


def _costly(money: dict[str, Money], minutes: int, medians: Mapping[str, Decimal]) -> bool:
    if minutes < EFFORT_MIN_MINUTES:
        return False
    if not any(row.revenue > 0 for row in money.values()):
        return True
    return any(
        row.per_hour is not None and row.revenue > 0 and row.per_hour < medians[c] / 2
        for c, row in money.items()
        if c in medians
    )
