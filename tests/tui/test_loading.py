"""Until the first rows are read the board says it is loading, not an empty table.

The read is held back by the clock it is given (time is injected): the worker's
first look at the clock waits until the test lets it go, as a big book's first
read would keep the board waiting.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Static

from model import Book
from tests.tui.conftest import NOW, until
from tui.app import make_app


class HeldClock:
    """``now`` for the board; calls from a worker thread wait until :meth:`let_go`."""

    def __init__(self) -> None:
        self.gate = threading.Event()

    def __call__(self) -> pendulum.DateTime:
        if threading.current_thread() is not threading.main_thread():
            self.gate.wait(10)
        return NOW

    def let_go(self) -> None:
        self.gate.set()


@pytest.mark.parametrize(
    ("locale", "said"), [("en", "Loading the book…"), ("de", "Lade das Buch…")]
)
def test_the_board_says_it_is_loading_until_the_first_rows(
    book_path: Path, tmp_path: Path, locale: str, said: str
) -> None:
    clock = HeldClock()
    app = make_app(Book(book_path), clock, locale=locale, history_path=tmp_path / "history")

    async def go() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.2)
            empty = app.board.query_one("#empty", Static)
            assert empty.display and str(empty.render()) == said
            assert not app.board.board.display  # no empty table in the meantime
            clock.let_go()
            await until(pilot, lambda: app.board.snapshot is not None)
            await pilot.pause()
            assert app.board.board.display and not empty.display

    try:
        asyncio.run(go())
    finally:
        clock.let_go()
