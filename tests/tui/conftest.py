"""Board tests: a small real book in a temp folder, a clock the test moves, and a pilot.

The book is written through Book methods only.  ``until`` lets Textual's pilot
run until something shows on screen (a poll, a worker), with a deadline so a
broken board fails the test instead of hanging it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path

import pendulum
import pytest
from textual.pilot import Pilot

from model import Book, InteractionKind, IssueKind, Severity, State
from tui import texts
from tui.app import RapportApp, make_app

NOW = pendulum.datetime(2026, 3, 10, 16, 0, tz="UTC")


@pytest.fixture(autouse=True, scope="session")
def _texts() -> None:
    """Screens under test outside ``make_app`` speak too: their catalogs, registered once."""
    texts.register()


class Clock:
    """``now`` for the board: fixed until a test moves it."""

    def __init__(self, start: pendulum.DateTime = NOW) -> None:
        self.value = start

    def __call__(self) -> pendulum.DateTime:
        return self.value

    def move(self, **delta: int) -> None:
        self.value = self.value.add(**delta)


def build_book(path: Path) -> Book:
    """ACME (strained, an issue, an overdue invoice, thanks owed), Globex (routine, quiet
    for long, so the book suggests *drifting*), Initech (new, fine)."""
    book = Book(path)
    old = NOW.subtract(days=200)
    book.add_client("ACME GmbH", old, id="acme", state=State.STRAINED, tags=["retail"], cadence=14)
    book.add_client("Globex", old, id="globex", state=State.ROUTINE, cadence=30)
    book.add_client("Initech", old, id="initech", state=State.NEW, cadence=30)
    book.log("acme", InteractionKind.MAIL, "sent the plan", NOW.subtract(days=3))
    book.log("globex", InteractionKind.CALL, "catch-up", NOW.subtract(days=45))
    book.log("initech", InteractionKind.MEETING, "kick-off", NOW.subtract(days=2))
    book.open_issue(
        "acme", "wants extras", NOW.subtract(days=10), Severity.HIGH, IssueKind.SCOPE_CREEP
    )
    book.add_invoice(
        "acme", "2026-001", Decimal("1250.00"), NOW.subtract(days=60).date(), due_in_days=30
    )
    book.owe_thanks("acme", "card for the referral", NOW.subtract(days=5))
    book.add_kudos("initech", "best kick-off ever", NOW.subtract(days=1), "Peter")
    return book


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    path = tmp_path / "book.json"
    build_book(path)
    return path


@pytest.fixture
def open_app(tmp_path: Path, clock: Clock) -> Callable[..., RapportApp]:
    """``open_app(path, **make_app options)``: the board on its own Book instance."""

    def factory(path: Path, **options: object) -> RapportApp:
        options.setdefault("history_path", tmp_path / "history")
        options.setdefault("poll_interval", 0.5)
        return make_app(Book(path), clock, **options)  # type: ignore[arg-type]

    return factory


def row_keys(app: RapportApp) -> list[str]:
    return [view.key for view in app.board.board.views]


def cell(app: RapportApp, client: str, column: str) -> str:
    return str(app.board.board.get_cell(client, column).plain)


async def until(pilot: Pilot[None], condition: Callable[[], object], timeout: float = 5.0) -> None:
    """Let the app run until ``condition()`` holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the board never got there")
        await pilot.pause(0.02)


async def started(pilot: Pilot[None]) -> None:
    """Wait for the first snapshot on screen."""
    app = pilot.app
    assert isinstance(app, RapportApp)
    await until(pilot, lambda: app.board.snapshot is not None)
    await pilot.pause()


def run(
    app: RapportApp,
    body: Callable[[Pilot[None]], Awaitable[None]],
    size: tuple[int, int] = (80, 24),
) -> None:
    """Run ``body`` against the board, from its first snapshot on."""

    async def go() -> None:
        async with app.run_test(size=size, notifications=True) as pilot:
            await started(pilot)
            await body(pilot)

    asyncio.run(go())
