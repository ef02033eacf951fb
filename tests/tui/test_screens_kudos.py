"""The kudos jar: every compliment, newest first, with client, giver and date."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from model import Book, Kudos
from model.batch import Batch
from model.timestamps import moment_text
from tests.tui.screen_book import Host, build_book, days_ago, flat, on, shown, visible
from tui.screens.kudos import KudosScreen


def jar(book: Book, locale: str, size: tuple[int, int] = (100, 40)) -> tuple[str, list[str]]:
    """What the jar holds, and what the terminal shows of it."""

    async def go() -> tuple[str, list[str]]:
        screen = KudosScreen(on(book, locale))
        app = Host(screen)
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            return flat(shown(screen)), visible(app)

    return asyncio.run(go())


@pytest.mark.parametrize(
    ("locale", "phrases"),
    [
        (
            "en",
            [
                "The kudos jar",
                "3 compliments, newest first",
                "“Best agency we ever had” — Jane Roe, ACME GmbH · 13 Nov 2026",
                "“You saved our launch” — Hank, Globex · 17 Aug 2026",
                "“Thank you!” — Globex · 25 Aug 2025",
            ],
        ),
        (
            "de",
            [
                "Das Lobglas",
                "3× Lob, das Neueste zuerst",
                "“Best agency we ever had” — Jane Roe, ACME GmbH · 13. Nov. 2026",
                "— Hank, Globex · 17. Aug. 2026",
            ],
        ),
    ],
)
def test_jar_shows_every_compliment_newest_first(
    tmp_path: Path, locale: str, phrases: list[str]
) -> None:
    book = build_book(tmp_path / "book.json")
    book.add_kudos("globex", "Thank you!", days_ago(457))
    text, _ = jar(book, locale)
    for phrase in phrases:
        assert phrase in text, phrase
    positions = [text.index(said) for said in ("Best agency", "You saved", "Thank you!")]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("locale", "phrase"),
    [
        ("en", "The jar is still empty."),
        ("de", "Das Glas ist noch leer."),
    ],
)
def test_an_empty_jar_says_how_it_fills(tmp_path: Path, locale: str, phrase: str) -> None:
    book = Book(tmp_path / "book.json")
    book.add_client("Hooli", days_ago(1), id="hooli")
    _, screen = jar(book, locale)
    assert phrase in "\n".join(screen)


def test_a_jar_of_a_thousand_compliments_opens_and_scrolls(tmp_path: Path) -> None:
    book = Book(tmp_path / "book.json")
    book.add_client("Hooli", days_ago(2000), id="hooli")
    start = days_ago(1500)
    said = [Kudos("hooli", f"kudos {n:04d}", moment_text(start.add(days=n))) for n in range(1000)]
    book.load(Batch(kudos=said))

    async def go() -> None:
        screen = KudosScreen(on(book, "en"))
        app = Host(screen)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "kudos 0999" in "\n".join(visible(app))
            await pilot.press("end")
            await pilot.pause()
            assert "kudos 0000" in "\n".join(visible(app))
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, KudosScreen)

    asyncio.run(go())
