"""The three panes under the board: open issues, overdue payments, gratitude backlog.

Each pane is a keyed table whose rows are actionable: Enter on a row answers
an :data:`Intent` (fill the quick-log, or mark thanks done), and the screen
carries it out, so a pane never writes the book itself.  At 80 columns the
panes fold into tabs; from 150 columns on they stand side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Tab, Tabs

from model import IssueRow, OverdueRow, Severity, ThanksRow, Unthanked, t
from tui import keys
from tui.formats import day, state_text
from tui.safe_text import safe
from tui.widgets.cells import money_text, user_text
from tui.widgets.table import KeyedTable, RowView

__all__ = [
    "GratitudeTable",
    "Intent",
    "IssuesTable",
    "MarkThanked",
    "OverdueTable",
    "PaneTable",
    "Panes",
    "Prefill",
    "issue_key",
    "issue_view",
    "overdue_key",
    "overdue_view",
    "thanks_key",
    "thanks_view",
    "unthanked_key",
    "unthanked_view",
    "verb",
]

_SEVERITY_STYLES = {Severity.LOW: "", Severity.MEDIUM: "yellow", Severity.HIGH: "bold red"}


@dataclass(frozen=True)
class Prefill:
    """Open the quick-log with this line, for the user to finish and confirm."""

    line: str


@dataclass(frozen=True)
class MarkThanked:
    """Mark thanks ``number`` of ``client`` done: nothing to add, so no quick-log."""

    client: str
    number: int


Intent = Prefill | MarkThanked


def verb(name: str, locale: str) -> str:
    """The quick-log verb in the reader's language (``paid`` / ``bezahlt``)."""
    return t(f"board.verb.{name}", locale)


def _days(days: int, locale: str) -> Text:
    return Text(t("board.days", locale, days=days), justify="right")


def issue_key(row: IssueRow) -> str:
    return f"issue-{row.issue.number}"


def overdue_key(row: OverdueRow) -> str:
    return f"invoice-{row.invoice.number}"


def thanks_key(row: ThanksRow) -> str:
    return f"thanks-{row.thanks.number}"


def unthanked_key(row: Unthanked) -> str:
    return f"unthanked-{row.client.id}"


def issue_view(row: IssueRow, locale: str) -> RowView[IssueRow]:
    issue = row.issue
    cells = (
        Text(f"#{issue.number}"),
        user_text(row.client.name),
        user_text(issue.text),
        Text(t(f"issue_kind.{issue.kind.value}", locale)),
        Text(t(f"severity.{issue.severity.value}", locale), _SEVERITY_STYLES[issue.severity]),
        _days(row.age_days, locale),
        state_text(row.client.state, locale),
    )
    return RowView(issue_key(row), cells, row)


def overdue_view(row: OverdueRow, locale: str) -> RowView[OverdueRow]:
    invoice = row.invoice
    late = Text(f"↻ {t('board.late', locale)}", "red") if row.regularly_late else Text("")
    cells = (
        user_text(invoice.number),
        user_text(row.client.name),
        _days(row.days_overdue, locale),
        Text(money_text(invoice.outstanding, invoice.currency, locale), "bold", justify="right"),
        Text(row.bucket),
        late,
    )
    return RowView(overdue_key(row), cells, row)


def thanks_view(row: ThanksRow, locale: str) -> RowView[ThanksRow]:
    thanks = row.thanks
    by = (
        Text("")
        if thanks.by is None
        else Text(day(thanks.by, locale), "bold red" if row.late else "")
    )
    cells = (Text(f"#{thanks.number}"), user_text(row.client.name), user_text(thanks.text), by)
    return RowView(thanks_key(row), cells, row)


def unthanked_view(row: Unthanked, locale: str) -> RowView[Unthanked]:
    last = t("board.never", locale) if row.last_thanked is None else day(row.last_thanked, locale)
    cells = (
        Text("♡", "magenta"),
        user_text(row.client.name),
        Text(t("board.unthanked", locale), "italic"),
        Text(last, "dim"),
    )
    return RowView(unthanked_key(row), cells, row)


class PaneTable(KeyedTable):
    """A pane: a keyed table with a title and an answer to Enter."""

    NAME: ClassVar[str] = ""
    # User text columns get a fixed width, so one long note cannot push the rest away.
    WIDTHS: ClassVar[dict[str, int]] = {"client": 18, "text": 26}

    def intent(self, view: RowView[Any]) -> Intent:
        raise NotImplementedError

    def title(self, count: int | str) -> str:
        return t(f"board.pane.{self.NAME}", self.locale, count=count)


class IssuesTable(PaneTable):
    NAME = keys.ISSUES
    COLUMNS = ("number", "client", "text", "kind", "severity", "age", "state")
    BINDINGS = keys.bindings(keys.ISSUES)

    def intent(self, view: RowView[Any]) -> Intent:
        row: IssueRow = view.data
        return Prefill(f"{row.client.id} {verb('resolve', self.locale)} {row.issue.number} ")


class OverdueTable(PaneTable):
    NAME = keys.OVERDUE
    COLUMNS = ("invoice", "client", "days", "amount", "bucket", "late")
    BINDINGS = keys.bindings(keys.OVERDUE)

    def intent(self, view: RowView[Any]) -> Intent:
        row: OverdueRow = view.data
        return Prefill(f"{row.client.id} {verb('paid', self.locale)} {row.invoice.number}")


class GratitudeTable(PaneTable):
    NAME = keys.GRATITUDE
    COLUMNS = ("number", "client", "text", "by")
    BINDINGS = keys.bindings(keys.GRATITUDE)

    def intent(self, view: RowView[Any]) -> Intent:
        row = view.data
        if isinstance(row, ThanksRow):
            return MarkThanked(row.client.id, row.thanks.number)
        return Prefill(f"{row.client.id} {verb('thanks', self.locale)} ")


class Panes(Vertical):
    """Tabs over the panes when narrow; all three side by side when wide."""

    def __init__(self, locale: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.locale = locale
        self.tables: list[PaneTable] = [
            IssuesTable(locale, id=keys.ISSUES),
            OverdueTable(locale, id=keys.OVERDUE),
            GratitudeTable(locale, id=keys.GRATITUDE),
        ]
        self.tables[0].add_class("-shown")

    def compose(self) -> ComposeResult:
        tabs = (Tab(Text(p.title(0)), id=f"tab-{p.NAME}") for p in self.tables)
        yield Tabs(*tabs, id="pane-tabs")
        with Horizontal(id="pane-row"):
            yield from self.tables

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        shown = (event.tab.id or "").removeprefix("tab-")
        for table in self.tables:
            table.set_class(shown == table.NAME, "-shown")

    def show(
        self,
        issues: Sequence[RowView[Any]],
        overdue: Sequence[RowView[Any]],
        gratitude: Sequence[RowView[Any]],
        scope: str | None,
        *,
        complete: bool = True,
    ) -> None:
        """Fill the panes; ``scope`` is the client's name when they show one client.

        While the rows are not ``complete`` (a first look at a large book) the
        titles say "…" rather than a count that is about to change.
        """
        tabs = self.query_one(Tabs)
        for table, views in zip(self.tables, (issues, overdue, gratitude), strict=True):
            table.show(views)
            title = table.title(len(views) if complete else "…")
            tabs.query_one(f"#tab-{table.NAME}", Tab).label = Text(title)
            table.border_title = safe(title if scope is None else f"{title} · {scope}")
