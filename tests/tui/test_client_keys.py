"""The board's keys on the client screen: each opens the quick-log for that client and the
line is written to the book (a real TinyDB file in a temp folder), read back from the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from model import Book, ClientFile, State
from tests.tui.conftest import NOW, run, until
from tui.app import RapportApp
from tui.screens.client import ClientScreen
from tui.screens.help import HelpScreen
from tui.widgets.quicklog import QuickLogBar


def _acme(path: Path) -> ClientFile:
    """ACME as the file on disk says, read by a Book of its own."""
    return Book(path).client_file("acme", NOW)


def _notes(path: Path) -> list[str]:
    return [i.text for i in _acme(path).interactions]


def _client_screen(app: RapportApp) -> ClientScreen:
    screen = app.screen
    assert isinstance(screen, ClientScreen)
    return screen


async def _open_acme(pilot: Pilot[None], app: RapportApp) -> ClientScreen:
    await pilot.press("enter")  # ACME is the first row
    await until(pilot, lambda: isinstance(app.screen, ClientScreen))
    screen = _client_screen(app)
    await until(pilot, lambda: screen.file is not None)
    return screen


def test_each_act_key_opens_the_quicklog_for_the_client(
    book_path: Path, open_app: Callable[..., RapportApp]
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        screen = await _open_acme(pilot, app)
        bar = screen.query_one(QuickLogBar)
        for key, line in [
            ("l", "acme "),
            ("c", "acme call "),
            ("i", "acme issue "),
            ("v", "acme invoice "),
            ("p", "acme paid "),
            ("t", "acme thanks "),
            ("g", "acme kudos "),
            ("x", "acme x"),  # an unbound letter is typed, not lost
        ]:
            await pilot.press(key)
            assert bar.display and bar.input.value == line, key
            await pilot.press("escape")
            assert not bar.display
        await pilot.press("question_mark")  # the help, not a quick-log line "acme ?"
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ClientScreen))
        await pilot.press("escape")
        assert not isinstance(app.screen, ClientScreen)

    run(app, body)


def test_a_call_typed_on_the_client_screen_is_written(
    book_path: Path, open_app: Callable[..., RapportApp]
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        screen = await _open_acme(pilot, app)
        await pilot.press("c", *"talked it through", "enter")
        await until(pilot, lambda: "talked it through" in _notes(book_path))
        # the bar closes, the client file is read again and shows the call
        await until(pilot, lambda: not screen.query_one(QuickLogBar).display)
        await until(
            pilot,
            lambda: (
                screen.file is not None
                and any("talked it through" in i.text for i in screen.file.interactions)
            ),
        )
        assert isinstance(app.screen, ClientScreen)

    run(app, body)


def test_a_refused_line_stays_open_and_writes_nothing(
    book_path: Path, open_app: Callable[..., RapportApp]
) -> None:
    app = open_app(book_path)
    before = book_path.read_bytes()

    async def body(pilot: Pilot[None]) -> None:
        screen = await _open_acme(pilot, app)
        await pilot.press("p", *"lots", "enter")
        bar = screen.query_one(QuickLogBar)
        await until(pilot, lambda: "lots" in bar.said.plain or "^" in bar.said.plain)
        assert bar.display and bar.input.value == "acme paid lots"
        assert book_path.read_bytes() == before

    run(app, body)


def test_the_state_key_changes_the_clients_state(
    book_path: Path, open_app: Callable[..., RapportApp]
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await _open_acme(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("down", "enter")  # the picker starts on strained; repair is next
        await until(pilot, lambda: _acme(book_path).client.state is State.REPAIR)

    run(app, body)
