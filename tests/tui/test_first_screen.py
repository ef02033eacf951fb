"""The first screen kept from the last run: painted before the book is read, then replaced.

Between the two runs the book gains a client, so the kept rows and the live ones
differ.  The second run's clock holds every reading thread until the test lets
go (time is injected; the board reads ``now`` in the worker that reads the book),
so the test sees the kept screen for as long as it needs, and then the live one.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import stat
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

import pendulum
import pytest
from textual.pilot import Pilot
from textual.widgets import Static, Tab

from model import Book
from tests.tui.conftest import NOW, build_book, cell, row_keys, run, until
from tui import first_screen
from tui.app import RapportApp, make_app
from tui.widgets.summary import SummaryLine

KEPT = ["acme", "globex", "initech"]


class HeldClock:
    """``now`` that holds every thread but the event loop's until :meth:`release`."""

    def __init__(self) -> None:
        self.released = threading.Event()

    def __call__(self) -> pendulum.DateTime:
        if threading.current_thread() is not threading.main_thread():
            self.released.wait(timeout=20)
        return NOW

    def release(self) -> None:
        self.released.set()


def _open(path: Path, tmp_path: Path, clock: Callable[[], pendulum.DateTime]) -> RapportApp:
    return make_app(Book(path), clock, history_path=tmp_path / "history", poll_interval=0.05)


def _keep(path: Path, tmp_path: Path) -> Path:
    """Open the board on ``path`` once and quit: it keeps its first screen."""
    app = _open(path, tmp_path, lambda: NOW)

    async def body(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: app.board.snapshot is not None)
        app.exit()

    run(app, body, size=(120, 40))
    kept = first_screen.path_of(path)
    assert kept.exists()
    return kept


def _held_run(
    app: RapportApp, clock: HeldClock, body: Callable[[Pilot[None]], Awaitable[None]]
) -> None:
    async def go() -> None:
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                await body(pilot)
        finally:
            clock.release()

    asyncio.run(go())


def test_the_kept_first_screen_shows_at_once_and_the_live_rows_replace_it(
    book_path: Path, tmp_path: Path
) -> None:
    kept = _keep(book_path, tmp_path)
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600
    Book(book_path).add_client("Umbrella", NOW, id="umbrella")
    clock = HeldClock()
    app = _open(book_path, tmp_path, clock)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert app.board.snapshot is None  # nothing read yet
        assert sorted(row_keys(app)) == KEPT  # the kept rows, before the book is read
        assert "strained" in str(app.board.query_one(SummaryLine).render())
        tab = str(app.board.query_one("#tab-issues", Tab).label)
        assert "1" in tab  # the pane's count, kept too
        assert app.board.selected_row is None  # acts wait for the live rows
        await pilot.press("enter")
        assert len(app.screen_stack) == 1  # no client opened on a kept row
        clock.release()
        await until(pilot, lambda: "umbrella" in row_keys(app))
        assert app.board.selected_row is not None

    _held_run(app, clock, body)


def test_a_first_screen_of_another_book_is_not_shown(book_path: Path, tmp_path: Path) -> None:
    kept = _keep(book_path, tmp_path)
    other = tmp_path / "other" / "book.json"
    other.parent.mkdir()
    shutil.copyfile(book_path, other)
    first_screen.path_of(other).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(kept, first_screen.path_of(other))  # the first book's, under the second's
    clock = HeldClock()
    app = _open(other, tmp_path, clock)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert row_keys(app) == []
        assert app.board.query_one("#empty", Static).display  # "reading the book…"
        clock.release()
        await until(pilot, lambda: sorted(row_keys(app)) == KEPT)

    _held_run(app, clock, body)


@pytest.mark.parametrize(
    "broken",
    [
        b"{not json",
        b'{"version": 1, "book": 3}',
        b"",
        # A cell whose style is no style at all.
        b"STYLE",
    ],
)
def test_a_broken_first_screen_is_ignored(book_path: Path, tmp_path: Path, broken: bytes) -> None:
    kept = _keep(book_path, tmp_path)
    if broken == b"STYLE":
        raw = json.loads(kept.read_bytes())
        raw["board"][0][1][0][1] = "bold nonsense-colour ["
        broken = json.dumps(raw).encode()
    kept.write_bytes(broken)
    clock = HeldClock()
    app = _open(book_path, tmp_path, clock)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert row_keys(app) == []
        clock.release()
        await until(pilot, lambda: sorted(row_keys(app)) == KEPT)

    _held_run(app, clock, body)


def test_user_text_in_the_first_screen_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    book = build_book(path)
    name = "[bold red]Evil[/] Co \x1b[2J"
    book.add_client(name, NOW, id="evil")
    kept = _keep(path, tmp_path)
    # A first screen written by anything else may hold control characters: never shown.
    raw = json.loads(kept.read_bytes())
    row = next(r for r in raw["board"] if r[0] == "evil")
    client = row[1][1]
    assert client[0].startswith("[bold red]Evil[/] Co ")  # kept as text, not as markup
    client[0] = "[bold red]Evil[/] Co \x1b[2J"
    kept.write_text(json.dumps(raw))
    clock = HeldClock()
    app = _open(path, tmp_path, clock)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert app.board.snapshot is None
        shown = cell(app, "evil", "client")
        assert shown.startswith("[bold red]Evil[/] Co ")
        assert "\x1b" not in shown
        clock.release()
        await until(pilot, lambda: app.board.snapshot is not None)
        assert cell(app, "evil", "client").startswith("[bold red]Evil[/] Co ")

    _held_run(app, clock, body)
