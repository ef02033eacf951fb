"""The client screen's money and sparkline section, and the report screen on ``R``."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Sparkline

from model import Book, InteractionKind
from tests.tui.screen_book import NOW, Host, build_book, days_ago, flat, on, shown, visible
from tui.app import make_app
from tui.screens.client import ClientScreen
from tui.screens.report import ReportScreen, bar
from tui.widgets.money import MoneySection


async def settled(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def book(tmp_path: Path) -> Book:
    book = build_book(tmp_path / "book.json")
    book.log("acme", InteractionKind.MEETING, "workshop", days_ago(3), minutes=120)
    book.log("acme", InteractionKind.CALL, "follow-up", days_ago(2), minutes=30)
    return book


Trends = dict[str, list[float]]


def open_client(book: Book, locale: str) -> tuple[str, MoneySection, Trends]:
    async def go() -> tuple[str, MoneySection, Trends]:
        screen = ClientScreen(on(book, locale), "acme")
        app = Host(screen)
        async with app.run_test(size=(150, 80)) as pilot:
            await settled(pilot)
            section = screen.query_one(MoneySection)
            assert section.data is not None
            trends = {
                name: list(section.query_one(f"#{name}-trend", Sparkline).data or ())
                for name in ("health", "interactions")
            }
            return flat(shown(screen)), section, trends

    return asyncio.run(go())


def test_the_client_screen_shows_money_this_year_and_last(book: Book) -> None:
    text, _, _ = open_client(book, "en")
    assert "Money and time" in text
    assert "This year (2026) invoiced €2,149.50 · paid €399.50 · open €1,750.00" in text
    assert "Last year (2025) nothing invoiced" in text
    # 2149.50 over 2h30m
    assert "2h30m logged in 4 interactions · €859.80 per hour" in text
    german, _, _ = open_client(book, "de")
    assert "Dieses Jahr (2026) berechnet 2.149,50 € · bezahlt 399,50 € · offen 1.750,00 €" in german
    assert "2h30m erfasst in 4 Kontakten · 859,80 € pro Stunde" in german
    assert "Gesundheit, letzte 12 Monate" in german


def test_the_sparklines_are_computed_from_the_history(book: Book) -> None:
    _, section, trends = open_client(book, "en")
    data = section.data
    assert data is not None
    health, interactions = trends["health"], trends["interactions"]
    # twelve months, each two cells wide; the last is today's health
    assert len(health) == 24
    assert health[-1] == book.client_file("acme", NOW).health.score == data.health[-1]
    assert len(set(health)) > 1, "the health moved over the year"
    # October: the call 30 days ago; November: the mail and the two logged ones
    assert interactions[-4:] == [1.0, 1.0, 3.0, 3.0]
    assert sum(interactions) == 2 * 4


def test_the_report_screen_on_r(book: Book, tmp_path: Path) -> None:
    async def go() -> None:
        app = make_app(book, lambda: NOW, locale="en", history_path=tmp_path / "history")
        async with app.run_test(size=(80, 24)) as pilot:
            await settled(pilot)
            await pilot.press("R")
            await settled(pilot)
            screen = app.screen
            assert isinstance(screen, ReportScreen) and screen.data is not None
            text = flat(shown(screen))
            assert "ACME GmbH €2,149.50 €1,750.00 2h30m €859.80" in text
            assert "Revenue per month (EUR) Hours per month" in text
            assert "Nov 26" in text and "Dec 25" in text
            rows = visible(app)
            assert len(rows) == 24 and all(len(row) <= 80 for row in rows)
            assert any("ACME GmbH" in row for row in rows)
            await pilot.press("escape")
            await settled(pilot)
            assert not isinstance(app.screen, ReportScreen)

    asyncio.run(go())


def test_the_report_screen_in_german(book: Book, tmp_path: Path) -> None:
    async def go() -> None:
        app = make_app(book, lambda: NOW, locale="de", history_path=tmp_path / "history")
        async with app.run_test(size=(80, 24)) as pilot:
            await settled(pilot)
            await pilot.press("R")
            await settled(pilot)
            text = flat(shown(app.screen))
            assert "Was jeder Kunde bringt und kostet" in text
            assert "Umsatz pro Monat (EUR) Stunden pro Monat" in text
            assert "Nov. 26" in text

    asyncio.run(go())


@pytest.mark.parametrize(
    ("value", "top", "drawn"),
    [
        (0, 10, ""),
        (10, 10, "█" * 16),
        (5, 10, "█" * 8),
        (1, 16, "█"),
        (7, 128, "▉"),
        (3, 32, "█▌"),
        (0.01, 100, "▏"),
    ],
)
def test_bars_in_eighths(value: float, top: float, drawn: str) -> None:
    assert bar(value, top) == drawn
