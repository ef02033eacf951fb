"""The README's screenshots, made by the board itself: ``python -m screenshots.make [FOLDER]``.

Each picture is Textual's own SVG export of the real app on a demo book built
in a temporary folder, on a fixed clock, a fixed demo seed and a fixed terminal
size, so that running this twice gives the same files and a change in the
pictures is a change in the product.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

import pendulum
from textual.pilot import Pilot
from textual.widgets import Input

from model import BoardFilter, Book
from model.demo import build_demo
from tui.app import make_app

__all__ = ["NOW", "SHOTS", "SIZE", "Shot", "main", "make"]

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")
SIZE = (120, 36)
HERE = Path(__file__).parent


@dataclass(frozen=True)
class Shot:
    """One picture: the app launched with ``locale`` and ``board_filter``, after ``keys``."""

    name: str
    locale: str = "en"
    keys: tuple[str, ...] = ()
    board_filter: BoardFilter | None = None
    theme: str | None = None
    size: tuple[int, int] = SIZE


SHOTS = (
    Shot("board"),
    Shot("board-filtered", board_filter=BoardFilter(overdue=True)),
    Shot("client", keys=("enter",)),
    Shot("quicklog-error", keys=("l", *"paid 2026-0002 12,5,0 EUR", "enter")),
    Shot("board-de", locale="de"),
    Shot("kudos", keys=("K",)),
    Shot("board-light", theme="textual-light"),
    Shot("board-80x24", size=(80, 24)),
    Shot("help", keys=("question_mark",)),
)


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _take(shot: Shot, book: Book, scratch: Path, out: Path) -> Path:
    app = make_app(
        book,
        lambda: NOW,
        locale=shot.locale,
        board_filter=shot.board_filter,
        history_path=scratch / f"{shot.name}.history",
    )
    app.animation_level = "none"
    if shot.theme is not None:
        app.theme = shot.theme
    async with app.run_test(size=shot.size) as pilot:
        await _settle(pilot)
        for key in shot.keys:
            await pilot.press(key)
            await _settle(pilot)
        # A blinking cursor would be caught on or off by chance.
        for field in app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()
        return Path(app.save_screenshot(f"{shot.name}.svg", str(out)))


def make(out: Path = HERE, shots: tuple[Shot, ...] = SHOTS) -> list[Path]:
    """Build the demo book in a temporary folder and save every shot into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    with TemporaryDirectory(prefix="rapport-screenshots-") as folder:
        scratch = Path(folder)
        book = Book(scratch / "book.json")
        build_demo(book, NOW, clients=24, interactions=400, seed=7)
        return [asyncio.run(_take(shot, book, scratch, out)) for shot in shots]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for path in make(Path(args[0]) if args else HERE):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
