"""``rapport report``: what each client brings and costs, per currency.

Plain text is a block per client (money per currency, then effort), short enough
for 80 columns; ``--json`` has stable keys, amounts as decimal strings beside
their currency and never a float, and the money of different currencies never in
one figure.
"""

from __future__ import annotations

from typing import Any

import click
import pendulum

from model.dates import parse_date
from model.durations import duration_text
from model.errors import InputError
from model.money import format_money
from model.report import ClientReport, Money, Period, Report
from tui.cli.context import Context, echo, pass_context, refusing
from tui.cli.listing import clean

__all__ = ["period_of", "report", "report_json", "report_text"]


def period_of(year: int | None, start: str | None, end: str | None, today: pendulum.Date) -> Period:
    """``--year``, or ``--from``/``--to`` (either may be left out), or this year."""
    if year is not None and (start or end):
        raise InputError("report.period_both")
    if year is not None:
        return Period.year(year)
    if start is None and end is None:
        return Period.year(today.year)
    last = _day(end) if end else today
    first = _day(start) if start else pendulum.Date(last.year, 1, 1)
    if last < first:
        raise InputError("report.period_reversed", start=first.isoformat(), end=last.isoformat())
    return Period(first, last)


def _day(text: str) -> pendulum.Date:
    try:
        day = parse_date(text.strip())
    except InputError:
        raise InputError("report.bad_day", day=text) from None
    return pendulum.Date(day.year, day.month, day.day)


def money_json(m: Money) -> dict[str, Any]:
    return {
        "currency": m.currency,
        "invoiced": str(m.invoiced),
        "paid": str(m.paid),
        "open": str(m.open),
        "credited": str(m.credited),
        "written_off": str(m.written_off),
        "revenue": str(m.revenue),
        "dso_days": m.dso,
        "per_hour": None if m.per_hour is None else str(m.per_hour),
    }


def report_json(r: Report, now: pendulum.DateTime) -> dict[str, Any]:
    return {
        "period": {"from": r.period.start.isoformat(), "to": r.period.end.isoformat()},
        "as_of": now.isoformat(),
        "currencies": list(r.currencies),
        "median_per_hour": {c: str(v) for c, v in r.median_per_hour.items()},
        "clients": [
            {
                "client": row.client.id,
                "name": row.client.name,
                "state": row.client.state.value,
                "money": [money_json(m) for m in row.money],
                "interactions": row.interactions,
                "minutes": row.minutes,
                "scope_creep_open": row.scope_creep,
                "high_effort": row.high_effort,
            }
            for row in r.clients
        ],
        "total": {
            "money": [money_json(m) for m in r.total],
            "interactions": r.interactions,
            "minutes": r.minutes,
            "scope_creep_open": r.scope_creep,
        },
    }


def _money_lines(c: Context, money: tuple[Money, ...]) -> list[str]:
    lines = []
    for m in money:
        amounts = {
            name: format_money(getattr(m, name), m.currency, c.locale)
            for name in ("invoiced", "paid", "open", "credited", "written_off")
        }
        lines.append("  " + c.say("report.money", currency=m.currency, **amounts))
        if m.credited or m.written_off:
            lines.append("       " + c.say("report.repairs", **amounts))
        extra = []
        if m.dso is not None:
            extra.append(c.say("report.dso", days=m.dso))
        if m.per_hour is not None:
            extra.append(
                c.say("report.per_hour", amount=format_money(m.per_hour, m.currency, c.locale))
            )
        if extra:
            lines.append("       " + " · ".join(extra))
    return lines


def _effort(c: Context, interactions: int, minutes: int, scope: int) -> str:
    time = duration_text(minutes) if minutes else "0m"
    return "  " + c.say("report.effort", interactions=interactions, time=time, scope=scope)


def _client_block(c: Context, row: ClientReport) -> list[str]:
    head = clean(row.client.name)
    if row.high_effort:
        head += "  ⚑ " + c.say("report.high_effort")
    return [
        head,
        *_money_lines(c, row.money),
        _effort(c, row.interactions, row.minutes, row.scope_creep),
    ]


def report_text(c: Context, r: Report, now: pendulum.DateTime) -> str:
    span = {"start": r.period.start.isoformat(), "end": r.period.end.isoformat()}
    if not r.clients:
        return c.say("report.nothing", **span)
    lines = [c.say("report.head", today=now.date().isoformat(), **span), ""]
    for row in r.clients:
        lines += [*_client_block(c, row), ""]
    lines += [
        c.say("report.total"),
        *_money_lines(c, r.total),
        _effort(c, r.interactions, r.minutes, r.scope_creep),
    ]
    if any(row.high_effort for row in r.clients):
        lines += ["", "⚑ " + c.say("report.rule")]
    return "\n".join(lines)


@click.command()
@click.option("--year", type=click.IntRange(1900, 2999), help="One calendar year.")
@click.option("--from", "start", metavar="DATE", help="The first day (YYYY-MM-DD or DD.MM.YYYY).")
@click.option("--to", "end", metavar="DATE", help="The last day (default: today).")
@pass_context
@refusing
def report(c: Context, /, year: int | None, start: str | None, end: str | None) -> None:
    """What each client brings and costs: money per currency, time and scope creep.

    Sorted by revenue (invoiced less credits and write-offs); clients whose effort
    is high for their revenue are marked.  Without a period: this year.

    \b
    Examples:
      rapport report
      rapport report --year 2025
      rapport report --from 2026-07-01 --to 2026-09-30 --json
    """
    now = c.now()
    result = c.book.report(now, period_of(year, start, end, now.date()))
    if c.as_json:
        c.emit(report_json(result, now))
    else:
        echo(report_text(c, result, now))
