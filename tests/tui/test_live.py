"""The board stays true while it is open: other writers, a broken file, midnight."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import orjson
from textual.pilot import Pilot

from model import Book, InteractionKind, State
from model.storage import dump
from tests.tui.conftest import Clock, cell, row_keys, run, until
from tests.tui.screen_book import visible
from tui.app import RapportApp
from tui.widgets.panes import PaneTable
from tui.widgets.quicklog import QuickLogBar
from tui.widgets.summary import StatusLine

OpenApp = Callable[..., RapportApp]
RAPPORT = str(Path(sys.executable).parent / "rapport")


def screen_text(app: RapportApp) -> str:
    return "\n".join(visible(app))


def status(app: RapportApp) -> str | None:
    return app.board.status.trouble


def live(open_app: OpenApp, path: Path) -> RapportApp:
    return open_app(path, poll_interval=0.05)


def test_another_writer_shows_up_without_a_key_and_keeps_the_selection(
    book_path: Path, open_app: OpenApp, clock: Clock
) -> None:
    app = live(open_app, book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("j", "j")
        assert app.board.selected_row is not None
        assert app.board.selected_row.client.id == "globex"
        before = {key: app.board.board.get_cell(key, "client") for key in ("acme", "globex")}
        # Initech moves from "new" to below Globex in "routine": rows reorder.
        Book(book_path).change_state("initech", State.ROUTINE, clock())
        await until(pilot, lambda: cell(app, "initech", "state") == "routine")
        assert row_keys(app) == ["acme", "globex", "initech"]
        assert app.board.selected_row.client.id == "globex"
        assert app.board.board.cursor_row == 1
        # rows that did not change were not touched
        after = {key: app.board.board.get_cell(key, "client") for key in ("acme", "globex")}
        assert all(before[key] is after[key] for key in before)

    run(app, body)


def test_two_writes_within_one_poll_interval_are_both_seen(
    book_path: Path, open_app: OpenApp, clock: Clock
) -> None:
    app = open_app(book_path, poll_interval=0.3)

    async def body(pilot: Pilot[None]) -> None:
        other = Book(book_path)
        other.edit_client("globex", clock(), name="Globex A")
        await until(pilot, lambda: cell(app, "globex", "client") == "Globex A")
        other.edit_client("globex", clock(), name="Globex B")
        other.edit_client("globex", clock(), name="Globex C")
        await until(pilot, lambda: cell(app, "globex", "client") == "Globex C")

    run(app, body)


def _rewrite_in_place(path: Path, name: str) -> None:
    """Another writer's change that keeps the file's size, inode and mtime: only the
    generation in its head tells it apart."""
    before = path.stat()
    tables = orjson.loads(path.read_bytes())
    tables["_meta"]["1"]["generation"] += 1
    for doc in tables["clients"].values():
        if doc["id"] == "globex":
            doc["name"] = name
    raw = dump(tables)
    assert len(raw) == before.st_size
    with path.open("r+b") as handle:
        handle.write(raw)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )


def test_equal_size_writes_with_the_same_mtime_are_told_apart_by_the_generation(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path, poll_interval=0.3)

    async def body(pilot: Pilot[None]) -> None:
        _rewrite_in_place(book_path, "Globez")
        await until(pilot, lambda: cell(app, "globex", "client") == "Globez")
        # two within one poll interval: the second is the one to see
        _rewrite_in_place(book_path, "Globey")
        _rewrite_in_place(book_path, "Globew")
        await until(pilot, lambda: cell(app, "globex", "client") == "Globew")

    run(app, body)


def test_a_rapport_quick_from_another_terminal(book_path: Path, open_app: OpenApp) -> None:
    app = live(open_app, book_path)
    env = {**os.environ, "RAPPORT_DB": str(book_path), "RAPPORT_LOCALE": "en"}

    async def body(pilot: Pilot[None]) -> None:
        process = await asyncio.create_subprocess_exec(
            RAPPORT, "quick", "globex call from the other terminal", env=env
        )
        assert await process.wait() == 0
        await until(pilot, lambda: cell(app, "globex", "suggest") == "")
        assert cell(app, "globex", "contact") != "1 month ago"

    run(app, body)


def test_a_corrupted_file_is_reported_kept_and_recovered(
    book_path: Path, open_app: OpenApp
) -> None:
    app = live(open_app, book_path)
    good = book_path.read_bytes()

    async def body(pilot: Pilot[None]) -> None:
        book_path.write_bytes(b'{"_meta": {"1": {"generation": 9999')
        await until(pilot, lambda: status(app) is not None)
        await until(pilot, lambda: "cannot be read" in screen_text(app))
        assert row_keys(app) == ["acme", "initech", "globex"]
        await pilot.press("c")
        assert not app.board.query_one(QuickLogBar).display
        await pilot.press("u", "j", "a")
        await app.workers.wait_for_complete()
        await until(pilot, lambda: "Nothing is written" in screen_text(app))
        assert book_path.read_bytes() == b'{"_meta": {"1": {"generation": 9999'
        book_path.write_bytes(good)
        await until(pilot, lambda: status(app) is None)
        assert not app.board.query_one(StatusLine).display
        await pilot.press("u")
        await until(pilot, lambda: "Took back" in screen_text(app))

    run(app, body, size=(120, 30))


def test_a_deleted_file_is_not_an_empty_book(book_path: Path, open_app: OpenApp) -> None:
    app = live(open_app, book_path)
    good = book_path.read_bytes()

    async def body(pilot: Pilot[None]) -> None:
        book_path.unlink()
        await until(pilot, lambda: status(app) is not None)
        await until(pilot, lambda: "is gone" in screen_text(app))
        assert row_keys(app) == ["acme", "initech", "globex"]
        await pilot.press("j", "j", "a")
        await app.workers.wait_for_complete()
        assert not book_path.exists()
        book_path.write_bytes(good)
        await until(pilot, lambda: status(app) is None)

    run(app, body, size=(120, 30))


def test_a_newer_schema_makes_the_board_read_only(book_path: Path, open_app: OpenApp) -> None:
    app = live(open_app, book_path)

    async def body(pilot: Pilot[None]) -> None:
        data = orjson.loads(book_path.read_bytes())
        data["_meta"]["1"]["schema"] = 99
        newer = orjson.dumps(data)
        book_path.write_bytes(newer)
        await until(pilot, lambda: app.board.status.read_only)
        await until(pilot, lambda: "Read-only" in screen_text(app))
        assert row_keys(app) == ["acme", "initech", "globex"]
        await pilot.press("l")
        assert not app.board.query_one(QuickLogBar).display
        await until(pilot, lambda: "written by a newer Rapport" in screen_text(app))
        await pilot.press("u")
        await app.workers.wait_for_complete()
        assert book_path.read_bytes() == newer

    run(app, body, size=(160, 30))


def test_a_folder_at_the_book_path_says_so_in_place_and_the_board_goes_on(
    book_path: Path, open_app: OpenApp
) -> None:
    app = live(open_app, book_path)
    good = book_path.read_bytes()

    async def body(pilot: Pilot[None]) -> None:
        book_path.unlink()
        book_path.mkdir()
        await until(pilot, lambda: status(app) is not None)
        await until(pilot, lambda: "it is a folder" in screen_text(app))
        assert app.is_running
        await pilot.press("j")
        assert app.board.selected_row is not None
        assert app.board.selected_row.client.id == "initech"
        shutil.rmtree(book_path)
        book_path.write_bytes(good)
        await until(pilot, lambda: status(app) is None)

    run(app, body, size=(120, 30))


def test_passing_midnight_moves_the_days(book_path: Path, open_app: OpenApp, clock: Clock) -> None:
    app = live(open_app, book_path)

    async def body(pilot: Pilot[None]) -> None:
        overdue = app.board.query_one("#overdue", PaneTable)
        assert overdue.get_cell("invoice-2026-001", "days").plain == "30 d"
        clock.move(hours=9)
        await until(pilot, lambda: overdue.get_cell("invoice-2026-001", "days").plain == "31 d")
        assert "Wednesday, March 11, 2026" in screen_text(app)

    run(app, body, size=(120, 30))


def test_an_own_write_and_an_external_one_in_a_row(
    book_path: Path, open_app: OpenApp, clock: Clock
) -> None:
    app = live(open_app, book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l", *"mail own words", "enter")
        await until(pilot, lambda: not app.board.query_one(QuickLogBar).display)
        Book(book_path).log("globex", InteractionKind.CALL, "theirs", clock())
        await until(pilot, lambda: cell(app, "globex", "suggest") == "")
        newest = Book(book_path).client_file("acme", clock()).interactions[0]
        assert newest.text == "own words"

    run(app, body)
