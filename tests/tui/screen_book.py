"""A small real book and a host app for the screen tests.

The book is written through Book methods only, on a fixed clock, so every
screen test reads the same client file; the host app does nothing but push the
screen under test and remember what it answered.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pendulum
from rich.console import Console
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from model import Book, InteractionKind, IssueKind, Reflection, Severity, State
from tui.session import Session

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")
CSS = Path(__file__).parents[2] / "tui" / "screens" / "screens.tcss"

UNSET = object()


def on(book: Book, locale: str, now: Callable[[], pendulum.DateTime] = lambda: NOW) -> Session:
    """The session a screen under test reads ``book`` through, at ``now``, in ``locale``."""
    return Session(book, now, locale)


def days_ago(days: int) -> pendulum.DateTime:
    return NOW.subtract(days=days)


def build_book(path: Path, name: str = "ACME GmbH", note: str = "asked for a quote") -> Book:
    """ACME (strained, everything recorded) and Globex (ended, with a reflection)."""
    book = Book(path)
    book.add_client(
        name,
        days_ago(400),
        id="acme",
        state=State.ROUTINE,
        tags=["retail", "berlin"],
        cadence=14,
        contacts=["Jane Roe <jane@acme.example>"],
        scope="shop relaunch",
        dream=True,
    )
    book.edit_client("acme", days_ago(90), contact="Max Muster <max@acme.example>")
    book.change_state("acme", State.STRAINED, days_ago(20), note="the relaunch slipped")
    book.log("acme", InteractionKind.CALL, note, days_ago(30))
    book.log("acme", InteractionKind.MAIL, "sent the plan", days_ago(5))
    book.open_issue(
        "acme", "wants extras for free", days_ago(18), Severity.HIGH, IssueKind.SCOPE_CREEP
    )
    number = int(book.open_issue("acme", "late feedback", days_ago(60)).params["number"])
    book.resolve_issue("acme", number, days_ago(40), note="agreed on a weekly call")
    book.add_invoice("acme", "2026-101", Decimal("1250.00"), days_ago(80).date())
    book.add_invoice("acme", "2026-117", Decimal("800.00"), days_ago(50).date())
    book.record_payment("acme", "2026-117", days_ago(45).date(), Decimal("300.00"))
    book.add_invoice("acme", "2026-090", Decimal("99.50"), days_ago(200).date())
    book.record_payment("acme", "2026-090", days_ago(180).date())
    book.owe_thanks("acme", "for the referral", days_ago(25), by=days_ago(10).date())
    done = int(book.owe_thanks("acme", "for the cake", days_ago(70)).params["number"])
    book.thanks_done("acme", done, days_ago(65))
    book.add_kudos("acme", "Best agency we ever had", days_ago(12), giver="Jane Roe")
    book.add_client("Globex", days_ago(300), id="globex", state=State.ROUTINE)
    book.add_kudos("globex", "You saved our launch", days_ago(100), giver="Hank")
    book.change_state(
        "globex",
        State.ENDED,
        days_ago(30),
        note="budget cut",
        reflection=Reflection(stop="saying yes to everything", pause="the team", play="scope"),
    )
    return book


class Host(App[None]):
    """Pushes one screen on mount and keeps its answer in ``result``."""

    CSS_PATH = str(CSS)

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        # Scrolling animates for a second; the tests want where it ends, not the ride.
        self.animation_level = "none"
        self._under_test = screen
        self.result: Any = UNSET

    def compose(self) -> ComposeResult:
        yield Static("host", id="host")

    def on_mount(self) -> None:
        self.push_screen(self._under_test, self._answered)

    def _answered(self, result: Any) -> None:
        self.result = result


def shown(screen: Screen[Any]) -> str:
    """Everything the screen's texts hold, scrolled into view or not, as plain text."""
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    for widget in screen.query(Static):
        console.print(widget.content)
    return console.export_text()


def flat(text: str) -> str:
    """Runs of spaces as one: table columns pad differently in each language."""
    return " ".join(text.split())


def visible(app: App[Any]) -> list[str]:
    """The rows of characters on the (headless) terminal right now."""
    update = app.screen._compositor.render_full_update()
    return ["".join(strip.text for strip in line) for line in update.strips]


def terminal_output(app: App[Any]) -> str:
    """What a full repaint would write to the terminal, escape sequences and all."""
    return app.screen._compositor.render_full_update().render_segments(app.console)
