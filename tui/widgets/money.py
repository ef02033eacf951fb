"""The client screen's money and time: what the client brings and costs, and two trends.

Invoiced / paid / open this year and last, the time spent and the revenue per
hour, then sparklines (Textual's own :class:`Sparkline`) of the health at each
month's end and of the interactions per month.  The figures are the report's
(:mod:`model.report`, :mod:`model.trends`), read in a thread worker through the
session, so that the section fills in after the rest of the file without holding
up the keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pendulum
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Sparkline, Static

from model import Book, t
from model.durations import duration_text
from model.report import ClientReport, Money, Period
from model.trends import Month
from tui.formats import money, themed
from tui.safe_text import safe
from tui.session import Session

__all__ = ["ClientMoney", "MoneySection", "add_section", "client_money", "trend"]

_BAR = 2
"""Cells per month in a sparkline: 12 months in 24 cells, every month one clear bar."""


@dataclass(frozen=True)
class ClientMoney:
    """Everything the section shows, read at one moment."""

    this_year: ClientReport
    last_year: ClientReport
    health: Sequence[int | None]
    months: Sequence[Month]
    year: int


def client_money(book: Book, now: pendulum.DateTime, client: str) -> ClientMoney:
    return ClientMoney(
        book.client_report(client, now, Period.year(now.year)),
        book.client_report(client, now, Period.year(now.year - 1)),
        book.health_trend(client, now),
        book.monthly(now, client),
        now.year,
    )


def trend(values: Sequence[int | None]) -> list[float]:
    """The sparkline's data: months before the client was in the book left out, each
    month drawn :data:`_BAR` cells wide."""
    known = [float(v) for v in values if v is not None]
    return [v for v in known for _ in range(_BAR)]


def _money_cells(row: ClientReport, locale: str) -> Text:
    if not row.money:
        return Text(t("report.none", locale), style=f"italic {themed('muted')}")
    lines = Text()
    for i, m in enumerate(row.money):
        if i:
            lines.append("\n")
        lines.append(t("report.money_line", locale, **_amounts(m, locale)))
    return lines


def _amounts(m: Money, locale: str) -> dict[str, str]:
    return {
        name: money(getattr(m, name), m.currency, locale) for name in ("invoiced", "paid", "open")
    }


def _time(row: ClientReport, locale: str) -> Text:
    text = Text(
        t(
            "report.time_line",
            locale,
            time=duration_text(row.minutes) if row.minutes else "0m",
            interactions=row.interactions,
        )
    )
    rates = [
        t("report.per_hour", locale, amount=money(m.per_hour, m.currency, locale))
        for m in row.money
        if m.per_hour is not None
    ]
    if rates:
        text.append(" · " + " · ".join(rates))
    if row.high_effort:
        text.append("  ⚑ " + t("report.high_effort", locale), style=themed("warning", bold=True))
    return text


def figures(data: ClientMoney, locale: str) -> Table:
    """This year and last: money per currency, then time and revenue per hour."""
    table = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False)
    table.add_column(no_wrap=True, style=themed("muted"))
    table.add_column()
    for key, year, row in (
        ("report.this_year", data.year, data.this_year),
        ("report.last_year", data.year - 1, data.last_year),
    ):
        table.add_row(Text(t(key, locale, year=year)), _money_cells(row, locale))
        table.add_row(Text(""), _time(row, locale))
    return table


class MoneySection(Vertical):
    """The section itself; it reads its figures on mount."""

    DEFAULT_CSS = """
    MoneySection { height: auto; padding: 0 1; }
    MoneySection .trend-label { height: 1; color: $text-muted; margin-top: 1; }
    MoneySection Sparkline { width: 24; height: 1; }
    """

    class Read(Message):
        def __init__(self, data: ClientMoney) -> None:
            super().__init__()
            self.data = data

    def __init__(self, session: Session, client: str, locale: str) -> None:
        super().__init__(id="money", classes="section-body")
        self._session, self._client, self._locale = session, client, locale
        self.data: ClientMoney | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="money-figures")
        yield Static(id="health-label", classes="trend-label")
        yield Sparkline([], id="health-trend")
        yield Static(id="interactions-label", classes="trend-label")
        yield Sparkline([], id="interactions-trend")

    def on_mount(self) -> None:
        self._read()

    @work(thread=True, exit_on_error=False)
    def _read(self) -> None:
        client = self._client
        self.post_message(self.Read(self._session.ask(lambda b, now: client_money(b, now, client))))

    def on_money_section_read(self, message: Read) -> None:
        message.stop()
        data, locale = message.data, self._locale
        self.data = data
        self.query_one("#money-figures", Static).update(figures(data, locale))
        scores = [s for s in data.health if s is not None]
        health = self.query_one("#health-label", Static)
        span = f"  {scores[0]} → {scores[-1]}" if scores else ""
        health.update(safe(t("report.health_trend", locale) + span))
        self.query_one("#health-trend", Sparkline).data = trend(data.health)
        counts = [m.interactions for m in data.months]
        said = t("report.interactions_trend", locale) + f"  {sum(counts)}"
        self.query_one("#interactions-label", Static).update(safe(said))
        self.query_one("#interactions-trend", Sparkline).data = trend(list(counts))


def add_section(widgets: list[Widget], session: Session, client: str, locale: str) -> None:
    """Put the section (its title, then itself) after the invoices, or at the end."""
    at = next((i + 1 for i, w in enumerate(widgets) if w.id == "invoices"), len(widgets))
    title = Static(safe(t("report.money_head", locale)), classes="section-title", id="money-title")
    widgets[at:at] = [title, MoneySection(session, client, locale)]
