"""The quick-log line: a round trip into the file, refusals, completion and history."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from model import Book, InteractionKind
from tests.tui.conftest import NOW, cell, run, until
from tests.tui.screen_book import visible
from tui.app import RapportApp
from tui.widgets.quicklog import History, QuickLogBar

OpenApp = Callable[..., RapportApp]


def bar(app: RapportApp) -> QuickLogBar:
    return app.board.query_one(QuickLogBar)


def note(app: RapportApp) -> str:
    return bar(app).said.plain


def test_enter_writes_the_line_closes_and_shows_it_at_once(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l", *"call talked about the budget", "enter")
        await until(pilot, lambda: not bar(app).display)
        assert cell(app, "acme", "contact") == "today"
        assert app.focused is app.board.board
        await until(pilot, lambda: "Call logged for ACME GmbH" in "".join(visible(app)))

    run(app, body, size=(120, 30))
    newest = Book(book_path).client_file("acme", NOW).interactions[0]
    assert (newest.kind, newest.text) == (InteractionKind.CALL, "talked about the budget")


def test_bad_input_keeps_the_line_open_names_the_word_and_writes_nothing(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)
    before = book_path.read_bytes()

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l", *"cal the budget", "enter")
        await until(pilot, lambda: "cal" in note(app) and not bar(app).busy)
        assert bar(app).display
        assert bar(app).input.value == "acme cal the budget"
        carets, said = note(app).split("\n", 1)
        assert carets == "     ^^^"  # under "cal" in "acme cal the budget"
        assert "'cal'" in said and "call" in said
        assert bar(app).input.cursor_position == len("acme ")
        await pilot.press("ctrl+a")
        await pilot.press(*"nobody call x", "enter")
        await until(pilot, lambda: "nobody" in note(app) and not bar(app).busy)
        assert "No client matches 'nobody'" in note(app)

    run(app, body, size=(120, 30))
    assert book_path.read_bytes() == before


def test_tab_completes_ids_and_verbs_and_cycles(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        # The words come from the book in a worker: wait for each answer.
        field = bar(app).input
        await pilot.press("l", "ctrl+u", *"gl", "tab")
        await until(pilot, lambda: field.value == "globex ")
        await pilot.press(*"ca", "tab")
        await until(pilot, lambda: field.value == "globex call ")
        await pilot.press("ctrl+u", *"acme me", "tab")
        await until(pilot, lambda: field.value != "acme me")
        first = field.value
        await pilot.press("tab")
        second = field.value
        assert {first, second} == {"acme meeting", "acme message"}
        assert "meeting" in note(app) and "message" in note(app)
        await pilot.press("ctrl+u", *"acme zz", "tab")
        await until(pilot, lambda: "Nothing to complete" in note(app))
        assert field.value == "acme zz"

    run(app, body)


def test_up_and_down_recall_lines_across_restarts(
    book_path: Path, open_app: OpenApp, tmp_path: Path
) -> None:
    first = open_app(book_path)

    async def write_two(pilot: Pilot[None]) -> None:
        for line in ("call one", "mail two"):
            await pilot.press("l", *line, "enter")
            await until(pilot, lambda: not bar(first).display)
        await pilot.press("l")
        field = bar(first).input
        await pilot.press("up")
        assert field.value == "acme mail two"
        await pilot.press("up")
        assert field.value == "acme call one"
        await pilot.press("up")
        assert field.value == "acme call one"
        await pilot.press("down", "down")
        assert field.value == "acme "

    run(first, write_two)
    assert (tmp_path / "history").read_text().splitlines() == ["acme call one", "acme mail two"]
    second = open_app(book_path)

    async def recall(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: bool(bar(second).input.history))
        await pilot.press("l", "up")
        assert bar(second).input.value == "acme mail two"

    run(second, recall)


def test_the_history_file_stays_small(tmp_path: Path) -> None:
    history = History(tmp_path / "state" / "history")
    assert history.load() == []
    for n in range(2 * History.LIMIT + 1):
        history.append(f"acme call {n}")
    lines = history.load()
    assert len(lines) == History.LIMIT and lines[-1] == f"acme call {2 * History.LIMIT}"
    assert len((tmp_path / "state" / "history").read_text().splitlines()) == History.LIMIT


def test_a_line_is_kept_on_one_line(tmp_path: Path) -> None:
    history = History(tmp_path / "history")
    history.append("acme note one\ntwo")
    assert history.load() == ["acme note one two"]


def test_a_history_that_cannot_be_kept_does_not_stop_logging(
    book_path: Path, open_app: OpenApp, tmp_path: Path
) -> None:
    unusable = tmp_path / "a-folder"
    unusable.mkdir()
    app = open_app(book_path, history_path=unusable)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l", *"call still fine", "enter")
        await until(pilot, lambda: not bar(app).display)
        assert app.board.status.trouble is None and app.board.refusal() is None

    run(app, body)
    newest = Book(book_path).client_file("acme", NOW).interactions[0]
    assert newest.text == "still fine"


def test_the_history_file_is_private_under_any_umask(tmp_path: Path) -> None:
    import stat

    for umask in (0o000, 0o077, 0o777):
        old = os.umask(umask)
        try:
            folder = tmp_path / f"umask-{umask:o}" / "state"
            History(folder / "history").append("acme call private")
        finally:
            os.umask(old)
        assert stat.S_IMODE((folder / "history").stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700


def test_a_recalled_line_is_shown_literally(
    book_path: Path, open_app: OpenApp, tmp_path: Path
) -> None:
    hostile = "acme note [bold]budget[/bold] \x1b]0;title\x07 \x1b[2J"
    (tmp_path / "history").write_text(hostile + "\n", "utf-8")
    app = open_app(book_path)

    async def recall(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: bool(bar(app).input.history))
        await pilot.press("l", "up")
        value = bar(app).input.value
        assert value == "acme note [bold]budget[/bold] ␛]0;title␇ ␛[2J"
        shown = "\n".join(visible(app))
        assert "[bold]budget[/bold]" in shown and "\x1b" not in shown

    run(app, recall)


def test_keys_read_at_once_act_in_their_order(book_path: Path, open_app: OpenApp) -> None:
    """Keys that arrive in one read (fast typing, tmux, the served board) are queued
    together: ctrl+u and Backspace must act before the characters behind them."""
    app = open_app(book_path)

    def burst(*keys: str) -> None:
        field = bar(app).input
        for key in keys:
            char = key if len(key) == 1 else {"backspace": "\x08", "ctrl+u": "\x15"}[key]
            field.post_message(events.Key(key, char))

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l")
        await until(pilot, lambda: bar(app).input.value == "acme ")
        burst("ctrl+u", *"acme call tesX", "backspace", "t")
        await until(pilot, lambda: bar(app).input.value == "acme call test")

    run(app, body, size=(120, 30))
