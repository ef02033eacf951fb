"""The client screen: everything about one client, in both languages, read in a worker."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot

from model import Book, Interaction, InteractionKind, State
from model.batch import Batch
from model.timestamps import moment_text
from tests.tui.screen_book import NOW, Host, build_book, days_ago, flat, on, shown, visible
from tui.screens.client import ClientScreen
from tui.widgets.timeline import TIMELINE_LIMIT


async def settled(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def show(book: Book, client: str, locale: str, size: tuple[int, int] = (150, 80)) -> str:
    """Open the client screen and answer everything it shows."""
    return read(book, client, locale, size)[0]


def read(
    book: Book, client: str, locale: str, size: tuple[int, int] = (150, 80)
) -> tuple[str, list[tuple[str, ...]]]:
    """What the client screen's texts say, and the cells of its timeline's rows."""

    async def go() -> tuple[str, list[tuple[str, ...]]]:
        screen = ClientScreen(on(book, locale), client)
        app = Host(screen)
        async with app.run_test(size=size) as pilot:
            await settled(pilot)
            assert app.screen is screen
            table = screen.timeline
            rows = [] if table is None else [tuple(c.plain for c in v.cells) for v in table.views]
            return flat(shown(screen)), rows

    return asyncio.run(go())


EXPECTED = {
    "en": [
        "ACME GmbH",
        "strained",
        "since 5 Nov 2026",
        "dream client",
        "contact every 14 days",
        "last contact 20 Nov 2026 (5 days ago)",
        "tags: berlin, retail",
        "scope: shop relaunch",
        "Call, don't mail",
        "chase invoice 2026-101, 50 days overdue",
        "call about issue #1",
        "Health: 50 of 100",
        "100  starting value",
        "-25  issue #1 (high) open for 18 days",
        "+5  1 kudos lately, the newest 12 days ago",
        "Max Muster <max@acme.example>  since 27 Aug 2026  current",
        "Jane Roe <jane@acme.example>   since 21 Oct 2025  until 27 Aug 2026",
        "5 Nov 2026   strained  the relaunch slipped",
        "wants extras for free  scope creep",
        "resolved 16 Oct 2026: agreed on a weekly call",
        "€1,250.00",
        "50 days overdue",
        "20 days overdue · €500.00 outstanding",
        "payment of €300.00 on 11 Oct 2026",
        "paid 29 May 2026",
        "by 15 Nov 2026 · late",
        "done 21 Sep 2026",
        "“Best agency we ever had”  — Jane Roe, 13 Nov 2026",
    ],
    "de": [
        "Bewährungsprobe seit 5. Nov. 2026",
        "Wunschkund:in",
        "Kontakt alle 14 Tage",
        "letzter Kontakt 20. Nov. 2026 (vor 5 Tagen)",
        "Anrufen statt mailen",
        "Rechnung 2026-101 nachfassen, seit 50 Tagen überfällig",
        "Gesundheit: 50 von 100",
        "100  Ausgangswert",
        "-25  Problem #1 (hoch) seit 18 Tagen offen",
        "seit 27. Aug. 2026  aktuell",
        "Sonderlocken",
        "gelöst am 16. Okt. 2026: agreed on a weekly call",
        "1.250,00 €",
        "50 Tage überfällig",
        "Zahlung von 300,00 € am 11. Okt. 2026",
        "bis 15. Nov. 2026 · überfällig",
        "erledigt am 21. Sep. 2026",
    ],
}


@pytest.mark.parametrize("locale", ["en", "de"])
def test_client_screen_shows_the_whole_file(tmp_path: Path, locale: str) -> None:
    text = show(build_book(tmp_path / "book.json"), "acme", locale)
    for phrase in EXPECTED[locale]:
        assert flat(phrase) in text, phrase


@pytest.mark.parametrize(
    ("locale", "mail", "call"),
    [
        ("en", ("20 Nov 2026", "mail"), ("26 Oct 2026", "call", "asked for a quote")),
        ("de", ("20. Nov. 2026", "Mail"), ("26. Okt. 2026", "Anruf", "asked for a quote")),
    ],
)
def test_the_timeline_holds_everything_newest_first_with_refs(
    tmp_path: Path, locale: str, mail: tuple[str, ...], call: tuple[str, ...]
) -> None:
    book = build_book(tmp_path / "book.json")
    _, rows = read(book, "acme", locale)
    events = book.timeline("acme")
    assert [row[2] for row in rows] == [event.ref for event in events]
    assert rows[0][:2] == mail
    assert (call[0], call[1], call[2]) in [(r[0], r[1], r[3]) for r in rows]
    whats = {row[1] for row in rows}
    expected = {
        "en": {"issue opened", "issue resolved", "invoice", "payment", "state", "thanked", "kudos"},
        "de": {"Problem eröffnet", "Problem gelöst", "Rechnung", "Zahlung", "Status", "Lob"},
    }[locale]
    assert expected <= whats


@pytest.mark.parametrize(
    ("locale", "phrases"),
    [
        ("en", ["ended", "Stop / Pause / Play", "saying yes to everything", "budget cut"]),
        ("de", ["Trennung", "Stop", "Pause", "Play", "the team"]),
    ],
)
def test_an_ended_client_shows_its_reflection(
    tmp_path: Path, locale: str, phrases: list[str]
) -> None:
    text = show(build_book(tmp_path / "book.json"), "globex", locale)
    for phrase in phrases:
        assert phrase in text, phrase


def test_an_ended_client_without_reflection_says_so(tmp_path: Path) -> None:
    book = build_book(tmp_path / "book.json")
    book.change_state("acme", State.ENDED, NOW)
    assert "Ended without a reflection." in show(book, "acme", "en")


def test_a_suggestion_is_shown_with_its_reason_and_never_applied(tmp_path: Path) -> None:
    book = Book(tmp_path / "book.json")
    book.add_client("Initech", days_ago(100), id="initech", state=State.ROUTINE, cadence=30)
    book.log("initech", InteractionKind.CALL, "kick-off", days_ago(45))
    text = show(book, "initech", "de")
    assert "Die Signale deuten auf auseinandergelebt" in text
    assert "seit 45 Tagen kein Kontakt, Rhythmus 30" in text
    assert book.resolve("initech").state is State.ROUTINE


def test_an_empty_client_says_there_is_nothing_yet(tmp_path: Path) -> None:
    book = Book(tmp_path / "book.json")
    book.add_client("Hooli", NOW, id="hooli")
    text = show(book, "hooli", "en")
    for phrase in ("no contact logged yet", "No invoices recorded.", "No issues recorded."):
        assert phrase in text


def test_a_long_relationship_shows_the_latest_and_counts_the_rest(tmp_path: Path) -> None:
    book = Book(tmp_path / "book.json")
    book.add_client("Massive Dynamic", days_ago(400), id="massive")
    extra = 57
    start = days_ago(300)
    notes = [
        Interaction(
            "massive", InteractionKind.NOTE, moment_text(start.add(hours=n)), f"note {n:03d}"
        )
        for n in range(TIMELINE_LIMIT + extra)
    ]
    book.load(Batch(interactions=notes))
    text, rows = read(book, "massive", "en")
    notes = [row[3] for row in rows]
    newest = TIMELINE_LIMIT + extra - 1
    assert len(rows) == TIMELINE_LIMIT
    assert notes[0] == f"note {newest:03d}"
    assert notes[-1] == f"note {extra:03d}"
    older = extra + 1  # the older notes and the state the client began in
    assert f"… and {older} older records: rapport client show lists them all." in text


def test_an_unknown_client_is_reported_in_place_and_the_app_lives_on(tmp_path: Path) -> None:
    book = build_book(tmp_path / "book.json")

    async def go() -> None:
        screen = ClientScreen(on(book, "de"), "nobody")
        app = Host(screen)
        async with app.run_test(size=(120, 30)) as pilot:
            header = screen.query_one("#client-header")
            # The failed worker is what is being tested, so wait for its mark, not for it.
            for _ in range(200):
                if header.has_class("error"):
                    break
                await pilot.pause(0.01)
            assert app.is_running and app.screen is screen
            text = "\n".join(visible(app))
            assert "Diese Kund:in ließ sich nicht lesen" in text
            assert "nobody" in text

    asyncio.run(go())


def test_escape_goes_back(tmp_path: Path) -> None:
    book = build_book(tmp_path / "book.json")

    async def go() -> None:
        app = Host(ClientScreen(on(book, "en"), "acme"))
        async with app.run_test(size=(120, 30)) as pilot:
            await settled(pilot)
            assert isinstance(app.screen, ClientScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, ClientScreen)
            assert app.result is None

    asyncio.run(go())


def test_keys_scroll_the_file_and_the_footer_speaks_the_locale(tmp_path: Path) -> None:
    book = build_book(tmp_path / "book.json")

    async def go() -> None:
        screen = ClientScreen(on(book, "de"), "acme")
        app = Host(screen)
        async with app.run_test(size=(120, 24)) as pilot:
            await settled(pilot)
            assert "esc Zurück" in visible(app)[-1]
            body = screen.query_one("#client-body")
            await pilot.press("end")
            await pilot.pause()
            assert body.scroll_y > 0
            await pilot.press("home")
            await pilot.pause()
            assert body.scroll_y == 0

    asyncio.run(go())


def test_the_clock_may_be_a_callable(tmp_path: Path) -> None:
    book = build_book(tmp_path / "book.json")

    async def go() -> str:
        screen = ClientScreen(on(book, "en", lambda: NOW.add(days=10)), "acme")
        async with Host(screen).run_test(size=(150, 60)) as pilot:
            await settled(pilot)
            return shown(screen)

    assert "last contact 20 Nov 2026 (2 weeks ago)" in asyncio.run(go())
