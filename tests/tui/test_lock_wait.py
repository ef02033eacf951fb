"""The board while another process holds the book's lock: responsive, and free to quit."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerState

from tests.cli.test_process_slips import Holder
from tests.tui.conftest import run, until
from tui.app import RapportApp


def test_a_write_waiting_for_the_lock_keeps_the_board_responsive_and_lets_it_quit(
    book_path: Path, open_app: Callable[..., RapportApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAPPORT_LOCK_TIMEOUT", "120")
    holder = Holder(book_path)  # another terminal, in the middle of a write
    app = open_app(book_path)

    def waiting() -> bool:
        return any(w.group == "write" and w.state is WorkerState.RUNNING for w in app.workers)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l", *"call while locked", "enter")
        await until(pilot, waiting)
        await pilot.pause(0.3)
        assert waiting(), "the write waits for the lock"
        before = app.board.selected_row
        await pilot.press("escape", "j")
        assert app.board.selected_row != before, "keys still work"

    started = time.monotonic()
    run(app, body, size=(120, 30))
    quit_after = time.monotonic() - started
    assert quit_after < 20, f"quitting waited {quit_after:.1f} s for the lock"
    holder.finish()
    assert b"while locked" not in book_path.read_bytes(), "the abandoned write wrote nothing"


@pytest.mark.parametrize(
    ("locale", "waits", "gave_up"),
    [
        ("en", "Waiting for another Rapport process", "Nothing was written"),
        ("de", "Warte, bis ein anderer Rapport-Prozess", "Es wurde nichts geschrieben"),
    ],
)
def test_the_board_says_it_waits_for_a_stopped_process_then_gives_up(
    book_path: Path,
    open_app: Callable[..., RapportApp],
    monkeypatch: pytest.MonkeyPatch,
    locale: str,
    waits: str,
    gave_up: str,
) -> None:
    """Another terminal took the lock and was stopped (``kill -STOP``): the status line says
    the board waits, the board moves on keys meanwhile, and after the bounded time the
    quick-log says that nothing was written, in the reader's language."""
    monkeypatch.setenv("RAPPORT_LOCK_TIMEOUT", "1.5")
    holder = Holder(book_path)
    holder.process.send_signal(signal.SIGSTOP)
    before = book_path.read_bytes()
    app = open_app(book_path, locale=locale)

    def status() -> str:
        line = app.board.status
        return " ".join(part.plain for part in line.parts) if line.display else ""

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l", *"call while stopped", "enter")  # l: the selected client
        await until(pilot, lambda: waits in status())
        before_row = app.board.board.cursor_row
        app.board.board.focus()
        await pilot.press("j")
        assert app.board.board.cursor_row != before_row, "keys still work while it waits"
        quicklog = app.board.quicklog
        await until(pilot, lambda: gave_up in quicklog.said, timeout=10)
        assert waits not in status(), "the waiting line goes once the write is over"

    try:
        run(app, body, size=(120, 30))
    finally:
        holder.process.send_signal(signal.SIGCONT)
        holder.finish()
    assert book_path.read_bytes() == before
