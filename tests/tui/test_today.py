"""The day's work on the board: the Today pane, Enter on its items, the tab it opens on,
snoozes and follow-ups shown, and Tab completion from the book."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Tabs

from model import Book, InteractionKind
from tests.tui.conftest import NOW, Clock, cell, run, until
from tui.app import RapportApp
from tui.widgets.panes import PaneTable
from tui.widgets.quicklog import QuickLogBar
from tui.widgets.tab_memory import FILE_NAME, Remembered, TabMemory

OpenApp = Callable[..., RapportApp]


def with_followup(path: Path) -> Book:
    book = Book(path)
    book.add_followup("initech", "send the offer", NOW.date(), NOW.subtract(days=2))
    return book


def today_pane(app: RapportApp) -> PaneTable:
    return app.board.query_one("#today", PaneTable)


def active_tab(app: RapportApp) -> str:
    return app.board.query_one(Tabs).active


def pane_cells(app: RapportApp) -> list[list[str]]:
    return [[c.plain for c in view.cells] for view in today_pane(app).views]


@pytest.mark.parametrize(
    ("locale", "title", "why"),
    [
        ("en", "Today (3)", "→ follow-up #1 send the offer (due 2026-03-10)"),
        ("de", "Heute (3)", "→ Nachfassen #1 send the offer (fällig 2026-03-10)"),
    ],
)
def test_the_today_pane_is_the_first_tab_with_the_items_of_rapport_today(
    book_path: Path, open_app: OpenApp, locale: str, title: str, why: str
) -> None:
    book = with_followup(book_path)
    expected = book.today(NOW)
    app = open_app(book_path, locale=locale)

    async def body(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: active_tab(app) == "tab-today")
        tabs = app.board.query_one(Tabs)
        assert tabs.query("Tab").first().id == "tab-today"
        assert str(tabs.query_one("#tab-today").label) == title
        pane = today_pane(app)
        assert pane.display
        # The same items as `rapport today`, in its order: strained ACME's call first.
        assert [view.data for view in pane.views] == expected
        rows = pane_cells(app)
        assert [r[0] for r in rows] == ["ACME GmbH", "Globex", "Initech"]
        assert rows[2] == ["Initech", why, rows[2][2], "followup:1"]
        assert rows[2][2] in {"8 Mar 2026", "8. März 2026"}  # since when, in the reader's days

    run(app, body)


def test_the_board_opens_on_today_once_a_day_then_where_the_user_left_it(
    book_path: Path, open_app: OpenApp, tmp_path: Path, clock: Clock
) -> None:
    memory = tmp_path / FILE_NAME

    async def first(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, RapportApp)
        await until(pilot, lambda: active_tab(app) == "tab-today")
        await until(pilot, lambda: memory.exists())
        await pilot.click("#tab-overdue")
        await until(pilot, lambda: TabMemory(memory).load().tab == "overdue")

    run(open_app(book_path), first)
    assert stat.S_IMODE(memory.stat().st_mode) == 0o600
    assert TabMemory(memory).load() == Remembered("overdue", "2026-03-10")

    async def same_day(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, RapportApp)
        await until(pilot, lambda: active_tab(app) == "tab-overdue")
        await pilot.pause(0.1)
        assert active_tab(app) == "tab-overdue"  # not pulled back to Today the same day

    run(open_app(book_path), same_day)
    clock.move(days=1)

    async def next_day(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, RapportApp)
        await until(pilot, lambda: active_tab(app) == "tab-today")

    run(open_app(book_path), next_day)
    assert TabMemory(memory).load().today_shown == "2026-03-11"


def test_a_day_with_nothing_due_keeps_the_tab_order(tmp_path: Path, open_app: OpenApp) -> None:
    path = tmp_path / "quiet.json"
    Book(path).add_client("Calm AG", NOW.subtract(days=1), id="calm")
    Book(path).log("calm", InteractionKind.CALL, "all fine", NOW.subtract(hours=2))
    app = open_app(path)

    async def body(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: active_tab(app) == "tab-issues")
        await pilot.pause(0.1)
        assert active_tab(app) == "tab-issues"
        assert not today_pane(app).views

    run(app, body)
    assert not (tmp_path / FILE_NAME).exists()  # nothing chosen, nothing remembered


@pytest.mark.parametrize(("locale", "line"), [("en", "globex call "), ("de", "globex anruf ")])
def test_enter_on_a_today_item_opens_the_quick_log_with_its_verb(
    book_path: Path, open_app: OpenApp, locale: str, line: str
) -> None:
    app = open_app(book_path, locale=locale)

    async def body(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: len(today_pane(app).views) == 2)
        pane = today_pane(app)
        pane.focus()
        pane.move_cursor(row=1)  # Globex, past its cadence
        await pilot.pause()
        assert pane.selected is not None and pane.selected.data.line == "globex call "
        await pilot.press("enter")
        bar = app.board.query_one(QuickLogBar)
        assert bar.display
        assert bar.input.value == line

    run(app, body)


def test_enter_on_a_follow_up_marks_it_done_in_the_book(book_path: Path, open_app: OpenApp) -> None:
    with_followup(book_path)
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: len(today_pane(app).views) == 3)
        pane = today_pane(app)
        pane.focus()
        pane.move_cursor(row=2)
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: len(today_pane(app).views) == 2)
        assert not app.board.query_one(QuickLogBar).display

    run(app, body)
    done = Book(book_path).client_file("initech", NOW).followups
    assert [f.done_at is not None for f in done] == [True]


@pytest.mark.parametrize(("locale", "mark"), [("en", "⏸ until"), ("de", "⏸ bis")])
def test_the_board_shows_a_snooze_with_its_end_date(
    book_path: Path, open_app: OpenApp, locale: str, mark: str
) -> None:
    Book(book_path).snooze("globex", NOW.add(days=14).date(), NOW, "on holiday")
    app = open_app(book_path, locale=locale)

    async def body(pilot: Pilot[None]) -> None:
        contact = cell(app, "globex", "contact")
        assert mark in contact
        assert "24 Mar 2026" in contact or "24. März 2026" in contact
        assert [v.data.client.id for v in today_pane(app).views] == ["acme"]  # no nudge

    run(app, body, size=(160, 40))


@pytest.mark.parametrize(
    ("typed", "completed"),
    [
        ("acme paid ", "acme paid 2026-001 "),
        ("acme cal", "acme call "),
        ("acme thanked ", "acme thanked 1 "),
        ("acme state tru", "acme state trusted "),
    ],
)
def test_tab_completes_from_the_book(
    book_path: Path, open_app: OpenApp, typed: str, completed: str
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l", "ctrl+u", *typed)
        field = app.board.query_one(QuickLogBar).input
        assert field.value == typed
        await pilot.press("tab")
        await until(pilot, lambda: field.value == completed)

    run(app, body)


def test_tab_after_done_offers_the_refs(book_path: Path, open_app: OpenApp) -> None:
    with_followup(book_path)
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l", "ctrl+u", *"initech done ", "tab")
        field = app.board.query_one(QuickLogBar).input
        await until(pilot, lambda: field.value == "initech done followup:1 ")

    run(app, body)


def test_the_today_pane_follows_writes_from_another_terminal(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path, poll_interval=0.05)

    async def body(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: len(today_pane(app).views) == 2)
        Book(book_path).quick("globex call caught up", NOW)  # as `rapport quick` would
        await until(pilot, lambda: [v.data.client.id for v in today_pane(app).views] == ["acme"])
        tab = app.board.query_one("#tab-today")
        assert str(tab.label) == "Today (1)"  # type: ignore[attr-defined]

    run(app, body)
