"""ctrl+f on the board: a search over every text of the book, whose results open the
client file at the section of their record; follow-ups and snoozes on the client screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from model import Book
from tests.tui.conftest import NOW, Clock, run, until
from tests.tui.screen_book import shown
from tui.app import RapportApp
from tui.screens.client import ClientScreen
from tui.screens.search import SearchScreen

OpenApp = Callable[..., RapportApp]


def hits(app: RapportApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def count_line(app: RapportApp) -> str:
    return str(app.screen.query_one("#find-count", Static).content)


@pytest.mark.parametrize(
    ("locale", "kind", "found"), [("en", "thanks", "1 found"), ("de", "Dank", "1 gefunden")]
)
def test_ctrl_f_searches_all_text_and_enter_opens_the_client_at_the_record(
    book_path: Path, open_app: OpenApp, locale: str, kind: str, found: str
) -> None:
    app = open_app(book_path, locale=locale)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen))
        await pilot.press(*"REFERRAL")  # any case
        await until(pilot, lambda: len(hits(app)) == 1)
        assert count_line(app) == found
        row = hits(app)[0]
        assert row[1:] == [kind, "ACME GmbH", "card for the referral", "thanks:1"]
        await pilot.press("enter")  # the only hit: straight into it
        await until(pilot, lambda: isinstance(app.screen, ClientScreen))
        screen = app.screen
        await until(pilot, lambda: bool(screen.query(".-found")))
        assert {w.id for w in screen.query(".-found")} == {"thanks-title", "thanks"}
        assert "ACME GmbH" in shown(screen)
        await pilot.press("escape")  # back to the results, to pick another
        await until(pilot, lambda: isinstance(app.screen, SearchScreen))

    run(app, body, size=(120, 40))


def test_results_are_newest_first_and_down_enter_opens_the_one_chosen(
    book_path: Path, open_app: OpenApp
) -> None:
    Book(book_path).add_followup("globex", "ask about the plan", NOW.date(), NOW)
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+f", *"plan")
        await until(pilot, lambda: len(hits(app)) == 2)
        assert [r[2] for r in hits(app)] == ["Globex", "ACME GmbH"]  # today's, then older
        assert [r[1] for r in hits(app)] == ["follow-up", "Mail"]
        await pilot.press("enter")  # two hits: into the list
        assert isinstance(app.screen.focused, DataTable)
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, ClientScreen))
        screen = app.screen
        await until(pilot, lambda: bool(screen.query(".-found")))
        assert {w.id for w in screen.query(".-found")} == {"timeline-title", "timeline"}
        assert isinstance(screen, ClientScreen) and screen.timeline is not None
        assert "sent the plan" in [view.data.text for view in screen.timeline.views]

    run(app, body, size=(120, 40))


@pytest.mark.parametrize(("locale", "none"), [("en", "Nothing found"), ("de", "Nichts gefunden")])
def test_a_search_that_finds_nothing_says_so_and_writes_nothing(
    book_path: Path, open_app: OpenApp, locale: str, none: str
) -> None:
    before = book_path.read_bytes()
    app = open_app(book_path, locale=locale)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+f", *"[red]zebra")
        await until(pilot, lambda: none in count_line(app))
        assert "[red]zebra" in count_line(app)  # user text, never markup
        assert hits(app) == []
        app.screen.query_one(Input).value = ""
        await until(pilot, lambda: "Enter" in count_line(app))

    run(app, body)
    assert book_path.read_bytes() == before


def test_the_palette_offers_the_search(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p")
        await pilot.press(*"search all")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen))

    run(app, body, size=(120, 40))


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("en", ["Follow-ups", "followup:1", "send the offer", "due", "late", "snoozed until"]),
        (
            "de",
            [
                "Nachfassen",
                "followup:1",
                "send the offer",
                "fällig",
                "überfällig",
                "zurückgestellt bis",
            ],
        ),
    ],
)
def test_the_client_screen_shows_follow_ups_and_the_snooze(
    book_path: Path, open_app: OpenApp, clock: Clock, locale: str, words: list[str]
) -> None:
    book = Book(book_path)
    book.add_followup("acme", "send the offer", NOW.date(), NOW.subtract(days=3))
    book.snooze("acme", NOW.add(days=7).date(), NOW, "on holiday")
    app = open_app(book_path, locale=locale)

    async def body(pilot: Pilot[None]) -> None:
        clock.move(days=2)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ClientScreen))
        screen = app.screen
        await until(pilot, lambda: bool(screen.query("#followups")))
        text = shown(screen)
        for word in words:
            assert word in text, word

    run(app, body, size=(120, 40))
