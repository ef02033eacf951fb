"""Snapshots of the main screens in both languages, on a fixed clock, size and demo seed.

A change in what the board looks like fails here until a person has looked at
the new picture (``pytest tests/tui/test_snapshots.py --snapshot-update``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pendulum
import pytest
from textual.pilot import Pilot

from model import Book
from model.demo import build_demo
from tui.app import make_app

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")
SIZE = (120, 36)

SnapCompare = Callable[..., bool]


def demo_app(tmp_path: Path, locale: str) -> Any:
    book = Book(tmp_path / "book.json")
    build_demo(book, NOW, clients=24, interactions=400, seed=7)
    return make_app(book, lambda: NOW, locale=locale, history_path=tmp_path / "history")


def after(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Wait for the board to load, press ``keys``, wait for what they read."""

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    return steps


@pytest.mark.parametrize("locale", ["en", "de"])
@pytest.mark.parametrize(
    "keys",
    [
        pytest.param((), id="board"),
        pytest.param(("enter",), id="client"),
        pytest.param(("K",), id="kudos"),
        pytest.param(("question_mark",), id="help"),
    ],
)
def test_main_screens(
    snap_compare: SnapCompare, tmp_path: Path, locale: str, keys: tuple[str, ...]
) -> None:
    app = demo_app(tmp_path, locale)
    assert snap_compare(app, terminal_size=SIZE, run_before=after(*keys))


@pytest.mark.parametrize("theme", ["textual-light"])
def test_board_on_a_light_theme(snap_compare: SnapCompare, tmp_path: Path, theme: str) -> None:
    """States, severities, health and money in the light theme's own colours, readable on it."""
    app = demo_app(tmp_path, "en")
    app.theme = theme
    assert snap_compare(app, terminal_size=SIZE, run_before=after())


def test_a_theme_picked_while_running_recolours_the_rows(tmp_path: Path) -> None:
    """The rows on screen are built again in the new theme's colours, not kept in the old."""
    import asyncio

    from tui.formats import themed

    app = demo_app(tmp_path, "en")

    async def go() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await after()(pilot)
            dark = themed("error")
            app.theme = "textual-light"
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            light = themed("error")
            assert light != dark
            strained = next(
                v for v in app.board.board.views if v.data.client.state.value == "strained"
            )
            cell = app.board.board.get_cell(strained.key, "state")
            assert light in str(cell.style)

    asyncio.run(go())
