"""The board and the journal: another process's line on screen, a fold when it quits."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from model import Book, journal
from tests.tui.conftest import NOW, until
from tui.app import make_app


@pytest.fixture(autouse=True)
def journaled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORT_FOLD_BELOW", "0")


def test_the_board_shows_another_processes_journal_line_and_folds_on_quitting(
    book_path: Path, tmp_path: Path
) -> None:
    before = {c.id for c in Book(book_path).clients()}
    app = make_app(Book(book_path), lambda: NOW, history_path=tmp_path / "history")
    writer = (
        "import sys, pendulum; from model import Book\n"
        "now = pendulum.datetime(2026, 11, 25, 10, 0, tz='Europe/Berlin')\n"
        "Book(sys.argv[1]).add_client('Beta AG', now, id='beta')"
    )

    async def go() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: app.board.snapshot is not None)
            subprocess.run([sys.executable, "-c", writer, str(book_path)], check=True)
            assert journal.journals(book_path)  # the write is a journal line
            wanted = len(before) + 1
            await until(pilot, lambda: len(getattr(app.board.snapshot, "board", ())) == wanted)
            await pilot.press("q")

    asyncio.run(go())
    assert not journal.journals(book_path)  # folded as the board quit
    assert {c.id for c in Book(book_path).clients()} == before | {"beta"}


def test_the_board_folds_the_journal_once_it_has_been_quiet(
    book_path: Path, tmp_path: Path
) -> None:
    """No change for ``fold_after`` seconds (counted in polls): the file catches up."""
    app = make_app(
        Book(book_path),
        lambda: NOW,
        history_path=tmp_path / "history",
        poll_interval=0.02,
        fold_after=0.3,
    )

    async def go() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: app.board.snapshot is not None)
            Book(book_path).add_client("Beta AG", NOW, id="beta")  # another process's line
            assert journal.journals(book_path)
            await until(pilot, lambda: "beta" in getattr(app.board.snapshot, "client_ids", ()))
            await until(pilot, lambda: not journal.journals(book_path))  # folded, still open
            assert app.is_running
            stock = Book(book_path)
            assert "beta" in {c.id for c in stock.clients()}

    asyncio.run(go())
