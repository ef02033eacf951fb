"""The report screen (``R``): what each client brings and costs, and twelve months in bars.

The per-client table is :func:`model.report.report` for this year, sorted by
revenue, the costly clients marked ⚑; below it, revenue and hours per month as
horizontal bars.  Bars drawn with block characters in a rich table rather than a
chart widget: at 80x24 a plot (``textual-plotext``) spends most of its cells on
axes and leaves each month a column or two, while a bar per row keeps every month
labelled with its exact figure, needs no dependency, and stays readable on any
terminal and in a screenshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

import pendulum
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from model import Book, t
from model.durations import duration_text
from model.report import Report
from model.trends import Month
from tui.formats import money, themed
from tui.safe_text import safe
from tui.screens.client import error_text
from tui.screens.keys import localize_bindings
from tui.session import Session

__all__ = ["ReportScreen", "bar", "charts", "client_table"]

BAR_WIDTH = 16
_EIGHTHS = " ▏▎▍▌▋▊▉"


@dataclass(frozen=True)
class ReportData:
    report: Report
    months: Sequence[Month]
    now: pendulum.DateTime


def read_report(book: Book, now: pendulum.DateTime) -> ReportData:
    return ReportData(book.report(now), book.monthly(now), now)


def bar(value: float, top: float, width: int = BAR_WIDTH) -> str:
    """``value`` of ``top`` as a bar of ``width`` cells, in eighths of a cell."""
    if top <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / top * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def client_table(report: Report, locale: str) -> RenderableType:
    """One row per client and currency: revenue, open, time, per hour, DSO, scope creep."""
    if not report.clients:
        return Text(
            t("report.nothing", locale, start=report.period.start, end=report.period.end),
            style=f"italic {themed('muted')}",
        )
    table = Table(box=None, padding=(0, 1), pad_edge=False, header_style=themed("muted"))
    for key, justify in (
        ("report.col.client", "left"),
        ("report.col.revenue", "right"),
        ("report.col.open", "right"),
        ("report.col.time", "right"),
        ("report.col.per_hour", "right"),
        ("report.col.dso", "right"),
    ):
        table.add_column(t(key, locale), justify=justify, no_wrap=key != "report.col.client")  # type: ignore[arg-type]
    table.add_column("⚑", justify="right", no_wrap=True)
    for row in report.clients:
        name = safe(row.client.name)
        mark = Text("")
        if row.scope_creep:
            mark.append(f"{row.scope_creep}", style=themed("warning"))
        if row.high_effort:
            name.stylize(themed("warning", bold=True))
            mark.append(" ⚑", style=themed("warning", bold=True))
        time = duration_text(row.minutes) if row.minutes else "–"
        moneys = row.money or ()
        if not moneys:
            table.add_row(name, "–", "–", time, "–", "–", mark)
        for i, m in enumerate(moneys):
            table.add_row(
                name if i == 0 else Text(""),
                money(m.revenue, m.currency, locale),
                money(m.open, m.currency, locale) if m.open else "–",
                time if i == 0 else "",
                "–" if m.per_hour is None else money(m.per_hour, m.currency, locale),
                "–" if m.dso is None else str(m.dso),
                mark if i == 0 else Text(""),
            )
    return table


def charts(months: Sequence[Month], currency: str, locale: str) -> RenderableType:
    """Revenue (in ``currency``) and hours per month, a bar each, side by side."""
    revenue = [m.revenue.get(currency, Decimal(0)) for m in months]
    hours = [m.minutes / 60 for m in months]
    top_revenue, top_hours = float(max(revenue, default=0)), max(hours, default=0)
    table = Table(box=None, padding=(0, 1), pad_edge=False, header_style=themed("muted"))
    table.add_column("", no_wrap=True, style=themed("muted"))
    table.add_column(t("report.revenue_month", locale, currency=currency), no_wrap=True)
    table.add_column(t("report.hours_month", locale), no_wrap=True)
    for month, amount, spent in zip(months, revenue, hours, strict=True):
        label = month.period.start.format("MMM YY", locale=locale)
        left = Text(bar(float(amount), top_revenue), style=themed("primary"))
        if amount:
            left.append(" " + money(amount, currency, locale), style=themed("muted"))
        right = Text(bar(spent, top_hours), style=themed("secondary"))
        if month.minutes:
            right.append(" " + duration_text(month.minutes), style=themed("muted"))
        table.add_row(label, left, right)
    return table


class ReportScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "screens.keys.back"),
    ]

    class Read(Message):
        def __init__(self, data: ReportData | None, error: Exception | None) -> None:
            super().__init__()
            self.data, self.error = data, error

    def __init__(self, session: Session) -> None:
        super().__init__(classes="rapport-screen")
        self._session = session
        self._locale = session.locale
        self.data: ReportData | None = None
        localize_bindings(self, self._locale)

    def compose(self) -> ComposeResult:
        yield Static(safe(t("report.title", self._locale)), id="report-title")
        yield VerticalScroll(
            Static(id="report-table"), Static(id="report-charts"), id="report-body"
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#report-body").focus()
        self._read()

    @work(thread=True, exit_on_error=False)
    def _read(self) -> None:
        try:
            self.post_message(self.Read(self._session.ask(read_report), None))
        except Exception as error:  # said in place; the screen stays open
            self.post_message(self.Read(None, error))

    def on_report_screen_read(self, message: Read) -> None:
        locale = self._locale
        if message.data is None:
            said = error_text(message.error or RuntimeError(), locale)
            self.query_one("#report-table", Static).update(safe(said))
            return
        data = self.data = message.data
        r = data.report
        head = t(
            "report.screen_head",
            locale,
            start=r.period.start.isoformat(),
            end=r.period.end.isoformat(),
            today=data.now.date().isoformat(),
        )
        self.query_one("#report-title", Static).update(safe(head))
        parts: list[RenderableType] = [client_table(r, locale)]
        if any(row.high_effort for row in r.clients):
            parts.append(Text("⚑ " + t("report.rule", locale), style=themed("muted")))
        self.query_one("#report-table", Static).update(Group(*parts))
        currency = r.currencies[0] if r.currencies else "EUR"
        self.query_one("#report-charts", Static).update(charts(data.months, currency, locale))

    def action_back(self) -> None:
        self.dismiss(None)
