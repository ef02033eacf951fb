"""The board's rooms as wired: the reflection for any way of ending, type-ahead, the pane specs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from model import Book, State
from tests.tui.conftest import row_keys, run, until
from tui.app import RapportApp
from tui.keys import KEYS
from tui.screens.board import BoardScreen
from tui.screens.reflection import ReflectionScreen
from tui.widgets.panes import PANES, Panes, PaneTable
from tui.widgets.quicklog import QuickLogBar, QuickLogInput

OpenApp = Callable[..., RapportApp]


def burst(app: RapportApp, text: str) -> None:
    """Keys as a fast typist sends them: all queued at once, no pause for the app in between."""
    for char in text:
        key = {" ": "space", ":": "colon", "/": "slash", "\r": "enter"}.get(char, char)
        app.post_message(events.Key(key, char))


def test_a_quick_log_line_that_ends_a_client_asks_for_the_reflection(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l")
        app.board.query_one(QuickLogInput).value = "acme state ended budget cut"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        assert Book(book_path).resolve("acme").state is State.STRAINED  # nothing yet
        await pilot.press(*"scope", "enter", *"people", "enter", *"calls", "enter")
        await until(pilot, lambda: "acme" not in row_keys(app))
        client = Book(book_path).resolve("acme")
        assert client.state is State.ENDED
        assert client.reflection is not None
        assert (client.reflection.stop, client.reflection.pause) == ("scope", "people")
        assert client.history[-1].note == "budget cut"
        assert not app.board.query_one(QuickLogBar).display

    run(app, body, size=(120, 40))


def test_escape_in_the_reflection_of_a_quick_log_line_ends_nothing(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)
    before = book_path.read_bytes()

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l")
        app.board.query_one(QuickLogInput).value = "acme state ended"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await app.workers.wait_for_complete()
        await pilot.pause()
        bar = app.board.query_one(QuickLogBar)
        assert bar.display and not bar.busy  # the line stays, to edit or to drop
        assert bar.input.value == "acme state ended"
        assert row_keys(app)[0] == "acme"

    run(app, body, size=(120, 40))
    assert book_path.read_bytes() == before


def test_keys_typed_right_after_l_land_in_the_input_in_order(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        # "c", "i", "s", "t" and "l" are board keys too: none may fire, none may vanish.
        burst(app, "lcall with the client list")
        field = app.board.query_one(QuickLogInput)
        await until(pilot, lambda: field.value.endswith("list"))
        assert field.value == "acme call with the client list"
        assert app.board.focused is field

    run(app, body, size=(120, 40))


def test_keys_typed_right_after_slash_land_in_the_filter(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        burst(app, "/glob")
        await until(pilot, lambda: app.board.typed == "glob")
        assert row_keys(app) == ["globex"]

    run(app, body, size=(120, 40))


def test_every_pane_comes_from_the_pane_specs(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        tables = list(app.board.query_one(Panes).query(PaneTable))
        assert [table.id for table in tables] == [spec.name for spec in PANES]
        for table, spec in zip(tables, PANES, strict=True):
            assert type(table) is spec.table and table.spec is spec
        snapshot = app.board.snapshot
        assert snapshot is not None
        assert list(snapshot.panes) == [spec.name for spec in PANES]
        acts = {key.command for key in KEYS}
        assert all(f"pane_act('{spec.name}')" in acts for spec in PANES)
        for table, spec in zip(tables, PANES, strict=True):
            rows = snapshot.panes[spec.name]
            assert rows and [v.key for v in table.views] == [v.key for v in rows]

    run(app, body, size=(160, 40))


def test_keys_typed_right_after_enter_on_a_pane_land_in_the_quick_log(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        issues = app.board.query_one("#issues", PaneTable)
        app.board.set_focus(issues)
        await pilot.pause()
        burst(app, "\rcall done")
        field = app.board.query_one(QuickLogInput)
        await until(pilot, lambda: field.value.endswith("done"))
        assert field.value.startswith("acme resolve ") and field.value.endswith(" call done")

    run(app, body, size=(160, 40))
