"""The board fits the terminal it is given: at 80x24 every column, the money ones too, is
on screen without scrolling sideways; at 200x50 the client's names get the room."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from tests.tui.conftest import run
from tui.app import RapportApp
from tui.widgets.board_table import BoardTable


def _right_edges(table: BoardTable) -> dict[str, int]:
    """Where each column ends on screen, from the table's left edge."""
    edges, x = {}, table.region.x
    for column in table.ordered_columns:
        x += column.get_render_width(table)
        edges[str(column.key.value)] = x
    return edges


def test_80x24_shows_the_money_columns(
    book_path: Path, open_app: Callable[..., RapportApp]
) -> None:
    app = open_app(book_path, locale="de")

    async def body(pilot: Pilot[None]) -> None:
        table = app.board.board
        await pilot.pause()
        edges = _right_edges(table)
        assert table.max_scroll_x == 0  # nothing to scroll to sideways
        for column in ("overdue", "issues", "thanks"):
            assert edges[column] <= app.size.width, (column, edges)
        # the screen shows the cells themselves: ACME's overdue money and its counts
        text = app.export_screenshot()
        assert "1.250,00" in text
        header = {str(c.key.value): c.label.plain for c in table.ordered_columns}
        assert header["issues"] == "Prob" and header["overdue"] == "Überfällig"

    run(app, body, size=(80, 24))


def test_200x50_gives_the_names_the_room(
    book_path: Path, open_app: Callable[..., RapportApp]
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        table = app.board.board
        edges = _right_edges(table)
        assert table.width_of("client") == 80  # the longest a name gets
        assert edges["thanks"] > 160  # the board spreads over the screen
        assert table.columns["issues"].label.plain == "Issues"  # full headers again

    run(app, body, size=(200, 50))


def test_a_resize_refits_the_columns(book_path: Path, open_app: Callable[..., RapportApp]) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        table = app.board.board
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert _right_edges(table)["thanks"] <= 80
        assert table.columns["issues"].label.plain == "Iss."

    run(app, body, size=(200, 50))
