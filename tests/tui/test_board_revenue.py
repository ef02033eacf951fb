"""The board's optional revenue column: ``M`` toggles it, ``board_revenue`` opens with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import cell, row_keys, run, until
from tui.app import RapportApp
from tui.board_config import configure
from tui.config import ConfigError, load_config

OpenApp = Callable[..., RapportApp]


def columns(app: RapportApp) -> list[str]:
    return [str(key.value) for key in app.board.board.columns]


def test_m_shows_and_hides_revenue_this_year(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        assert "revenue" not in columns(app)
        await pilot.press("M")
        await until(pilot, lambda: "revenue" in columns(app) and len(row_keys(app)) == 3)
        assert cell(app, "acme", "revenue") == "€1,250.00"
        assert cell(app, "globex", "revenue") == ""
        header = app.board.board.columns[app.board.board.ordered_columns[-1].key].label.plain
        assert header == "Revenue"  # the short header at 80 columns
        await pilot.press("M")
        await until(pilot, lambda: "revenue" not in columns(app) and len(row_keys(app)) == 3)
        assert cell(app, "acme", "overdue").startswith("€1,250.00")

    run(app, body)


def test_the_config_opens_the_board_with_it(
    tmp_path: Path, book_path: Path, open_app: OpenApp
) -> None:
    path = tmp_path / "config.toml"
    path.write_text("board_revenue = true\n")
    app = open_app(book_path)
    configure(app, load_config(path, env={}))

    async def body(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: len(row_keys(app)) == 3)
        assert columns(app)[-1] == "revenue"
        assert cell(app, "acme", "revenue") == "€1,250.00"

    run(app, body, size=(120, 30))


def test_a_flag_that_is_no_flag_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\nboard_revenue = "yes"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    assert "line 2" in caught.value.render("en")
    assert "'board_revenue' must be true or false" in caught.value.render("en")
