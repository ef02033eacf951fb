"""``U`` and ctrl+y on the board: the last undo taken back."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from model import Book, State
from tests.tui.conftest import cell, run, until
from tests.tui.test_app import OpenApp, screen_text


def test_shift_u_and_ctrl_y_redo_what_u_undid(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("j", "j", "a")
        await until(pilot, lambda: cell(app, "globex", "state") == "drifting")
        await pilot.press("u")
        await until(pilot, lambda: cell(app, "globex", "state") == "routine")
        await pilot.press("U")
        await until(pilot, lambda: cell(app, "globex", "state") == "drifting")
        await until(pilot, lambda: "Redone: Globex is now drifting." in screen_text(app))
        await pilot.press("u")
        await until(pilot, lambda: cell(app, "globex", "state") == "routine")
        await pilot.press("ctrl+y")
        await until(pilot, lambda: cell(app, "globex", "state") == "drifting")
        assert Book(book_path).resolve("globex").state is State.DRIFTING
        await pilot.press("ctrl+y")
        await until(pilot, lambda: "Nothing to redo." in screen_text(app))

    run(app, body, size=(120, 40))
