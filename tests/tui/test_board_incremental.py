"""After a write only the touched clients' rows are computed and re-rendered again.

Everything else on screen stays the very same objects (views, cells), and the board
after a run of writes, own and another process's, is exactly what a board opened
afresh on the same book shows: the same rows in the same order, the same panes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from model import BoardFilter, Book, InteractionKind, Severity, State
from tests.tui.conftest import NOW, Clock, cell, row_keys, run, until
from tui.app import RapportApp
from tui.screens import acts
from tui.session import Session, Snapshot


def _cells(snapshot: Snapshot) -> list[tuple[str, object]]:
    return [(v.key, v.signature) for v in snapshot.board]


def _panes(snapshot: Snapshot) -> dict[str, list[tuple[str, object]]]:
    return {name: [(v.key, v.signature) for v in views] for name, views in snapshot.panes.items()}


def test_a_write_rebuilds_the_touched_clients_rows_alone(book_path: Path, clock: Clock) -> None:
    session = Session(Book(book_path), clock, "en")
    before = session.read(BoardFilter(), force=True)
    assert before is not None
    session.write(acts.quick("globex issue!! printer on fire", "en"))
    after = session.read(BoardFilter(), force=True)
    assert after is not None
    old = {v.key: v for v in before.board}
    new = {v.key: v for v in after.board}
    assert new["globex"].data is not old["globex"].data
    assert new["globex"].data.open_issues == 1
    for untouched in ("acme", "initech"):
        assert new[untouched].data is old[untouched].data  # not computed again
        assert new[untouched] is old[untouched]


def test_rows_kept_across_writes_are_what_a_fresh_board_shows(
    book_path: Path, clock: Clock
) -> None:
    other = Book(book_path)  # another process's writes, through its own Book
    # Routine like Globex: the writes below move the two past each other.
    other.add_client("Hooli", NOW, id="hooli", state=State.ROUTINE)
    other.log("hooli", InteractionKind.CALL, "hello", NOW)
    session = Session(Book(book_path), clock, "en")
    first = session.read(BoardFilter(), force=True)
    assert first is not None
    assert [v.key for v in first.board] == ["acme", "initech", "globex", "hooli"]
    session.write(acts.quick("initech issue! server down", "en"))
    other.open_issue("globex", "late delivery", NOW, Severity.HIGH)
    session.write(acts.quick("acme paid 2026-001", "en"))
    other.add_client("Umbrella", NOW, id="umbrella")
    session.write(acts.quick("globex call sorted it out", "en"))
    other.open_issue("hooli", "everything", NOW, Severity.HIGH)
    kept = session.read(BoardFilter(), force=True)
    fresh = Session(Book(book_path), clock, "en").read(BoardFilter(), force=True)
    assert kept is not None and fresh is not None
    assert _cells(kept) == _cells(fresh)
    assert [v.key for v in kept.board] != [v.key for v in first.board]
    assert _panes(kept) == _panes(fresh)
    assert kept.summary == fresh.summary
    assert kept.client_ids == fresh.client_ids
    filtered = BoardFilter(open_issues=True)
    narrowed = session.read(filtered, force=True)
    afresh = Session(Book(book_path), clock, "en").read(filtered, force=True)
    assert narrowed is not None and afresh is not None
    assert _cells(narrowed) == _cells(afresh)


def test_the_board_re_renders_the_written_row_and_leaves_the_others(
    open_app: Callable[..., RapportApp], book_path: Path
) -> None:
    app = open_app(book_path, poll_interval=0.05)

    async def body(pilot: Pilot[None]) -> None:
        table = app.board.board
        views = {v.key: v for v in table.views}
        cells = {key: table.get_cell(key, "client") for key in row_keys(app)}
        app.board.open_quicklog("globex issue!! printer on fire")
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: cell(app, "globex", "issues") == "1")
        # Another process writes to Initech: its row alone changes too.
        Book(book_path).open_issue("initech", "wrong colour", NOW, Severity.LOW)
        await until(pilot, lambda: cell(app, "initech", "issues") == "1")
        now = {v.key: v for v in table.views}
        assert now["acme"] is views["acme"]
        assert table.get_cell("acme", "client") is cells["acme"]  # the cell was not touched
        assert now["globex"] is not views["globex"]
        assert now["initech"] is not views["initech"]

    run(app, body, size=(120, 40))
