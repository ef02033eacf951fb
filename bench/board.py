"""How fast the board is on a given book: the figures issue 4 sets targets for.

* ``first_paint_s``: from launch (a fresh process: starting Python, the imports,
  opening the book) to the first frame that shows the board's rows, on a book the
  board was open on before (it paints the first screen it kept then,
  :mod:`tui.first_screen`);
* ``first_paint_cold_s``: the same on a book the board never showed (no first
  screen kept: the rows come from parsing the book);
* ``own_write_s``: from Enter in the quick-log to the first frame that shows
  the updated row;
* ``external_write_s``: from another writer's write landing on disk to the
  first frame that shows it (the board polls every 0.5 s: this includes the wait);
* ``idle_cpu_percent``: CPU time of the open board over wall time while
  nothing changes.

Every figure is the median of a few runs, each on a copy of the book, so the
book given is never written.  The board runs headless (Textual's test driver):
a frame counts when the app hands it to the driver, so painting costs what it
costs, without a terminal to write to.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Collection
from pathlib import Path
from typing import Any

__all__ = ["measure"]

RUNS = 3
IDLE_SECONDS = 3.0
_STEP = 0.002

Body = Callable[[Any, Any, "Frames"], Awaitable[float]]


class Frames:
    """When the app hands a frame to its driver, and what was on screen then."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._watch: Callable[[], bool] = lambda: False
        self.seen: float | None = None
        display = app._display  # the one place every frame passes

        def recorded(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None and self.seen is None and self._watch():
                self.seen = time.perf_counter()

        app._display = recorded

    def watch(self, shows: Callable[[], bool]) -> None:
        """From now on, note the first frame painted while ``shows()`` holds."""
        self.seen, self._watch = None, shows

    async def first(self, pilot: Any, timeout: float = 60.0) -> float:
        """The moment of the frame :meth:`watch` waits for."""
        deadline = time.perf_counter() + timeout
        while self.seen is None:
            if time.perf_counter() > deadline:
                raise TimeoutError("the board never showed it")
            await pilot.pause(_STEP)
        return self.seen


def _board_rows(app: Any) -> int:
    try:
        return int(app.board.board.row_count)
    except Exception:  # the screen is not there yet
        return 0


def _on_board(book_path: Path, body: Body, *, settle: bool = True) -> float:
    """Open the board on ``book_path``, wait for its first frame with rows, then time ``body``.

    ``settle`` waits first for the tables to finish filling, so that ``body``
    times one act on an idle board.
    """
    import pendulum

    from model import Book
    from tui.app import make_app
    from tui.widgets.table import KeyedTable

    async def go() -> float:
        app = make_app(Book(book_path), pendulum.now, history_path=book_path.with_name("history"))
        frames = Frames(app)
        # Watched from the start: the kept first screen is painted before the pilot runs.
        frames.watch(lambda: _board_rows(app) > 0)
        async with app.run_test(size=(200, 50)) as pilot:
            await frames.first(pilot)
            if settle:
                tables = app.board.query(KeyedTable)
                while any(t.filling for t in tables) or not _complete(app):
                    await pilot.pause(_STEP)
                await pilot.pause()
            return await body(app, pilot, frames)

    return asyncio.run(go())


def _complete(app: Any) -> bool:
    return app.board.snapshot is not None and bool(app.board.snapshot.complete)


def _cell(app: Any, client: str, column: str) -> str:
    return str(app.board.board.get_cell(client, column).plain)


def _pick(app: Any) -> str:
    """A client far down the board, whose row a write will change."""
    views = app.board.board.views
    return str(views[len(views) // 2].key)


async def _own_write(app: Any, pilot: Any, frames: Frames) -> float:
    """The second write: the first one on a device computes the refs in use once (the
    store keeps them in the book's state folder; 0.2 s at 100,000 interactions)."""
    client = _pick(app)
    warm = str(app.board.board.views[0].key)
    app.board.open_quicklog(f"{warm} note the bench warms up")
    await pilot.pause()
    await pilot.press("enter")
    while app.board.quicklog.display:
        await pilot.pause(_STEP)
    await pilot.pause(0.5)
    before = _cell(app, client, "issues")
    app.board.open_quicklog(f"{client} issue!! the bench broke something")
    await pilot.pause()
    frames.watch(lambda: _cell(app, client, "issues") != before)
    start = time.perf_counter()
    await pilot.press("enter")
    return await frames.first(pilot) - start


_WRITER = (
    "import sys, pendulum; from model import Book, Severity\n"
    "Book(sys.argv[1]).open_issue(sys.argv[2], 'bench', pendulum.now(), Severity.HIGH)"
)


async def _external_write(app: Any, pilot: Any, frames: Frames) -> float:
    """Another process writes (as ``rapport quick`` in another terminal does); timed from
    the moment it has ended, its write on disk."""
    client = _pick(app)
    before = _cell(app, client, "issues")
    frames.watch(lambda: _cell(app, client, "issues") != before)
    writer = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _WRITER, str(app.session.path), client
    )
    if await writer.wait() != 0:
        raise RuntimeError("the other writer failed")
    start = time.perf_counter()
    return await frames.first(pilot) - start


async def _idle_cpu(app: Any, pilot: Any, frames: Frames) -> float:
    await pilot.pause(1.0)  # let start-up settle
    cpu, wall = time.process_time(), time.perf_counter()
    await pilot.pause(IDLE_SECONDS)
    return 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)


def _first_paint_in_this_process(book_path: Path, launched: float) -> float:
    async def body(app: Any, pilot: Any, frames: Frames) -> float:
        assert frames.seen is not None
        return frames.seen - time.perf_counter() + time.time() - launched

    return _on_board(book_path, body, settle=False)


async def _kept(app: Any, pilot: Any, frames: Frames) -> float:
    """Quit once the board is idle: it keeps its first screen for the next start."""
    return 0.0


def _first_paint(book_path: Path) -> float:
    """Opened once before, as a user's board is, so that its first screen is kept."""
    _on_board(book_path, _kept)
    return _first_paint_cold(book_path)


def _first_paint_cold(book_path: Path) -> float:
    """A fresh interpreter each time: starting Python and the imports are part of launching."""
    launched = str(time.time())
    out = subprocess.run(
        [sys.executable, "-m", "bench.board", "--first-paint", str(book_path), launched],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    return float(json.loads(out.stdout.strip().splitlines()[-1]))


def _median(run: Callable[[Path], float], book_path: Path) -> float:
    samples = []
    state = os.environ.get("XDG_STATE_HOME")
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "book.json"
            shutil.copyfile(book_path, copy)
            # The copy's state (first screen, undo log) goes with it, not to the user's.
            os.environ["XDG_STATE_HOME"] = str(Path(folder) / "state")
            try:
                samples.append(run(copy))
            finally:
                if state is None:
                    del os.environ["XDG_STATE_HOME"]
                else:
                    os.environ["XDG_STATE_HOME"] = state
    return statistics.median(samples)


def measure(book_path: Path | str, only: Collection[str] | None = None) -> dict[str, float]:
    """The board's figures on ``book_path`` (medians of a few runs; the book is not written).

    ``only`` names the figures wanted (default all): on a 1M book one first paint
    takes seconds, and the rest is asked for at 100k."""
    path = Path(book_path)
    bodies: dict[str, Callable[[Path], float]] = {
        "first_paint_s": _first_paint,
        "first_paint_cold_s": _first_paint_cold,
        "own_write_s": lambda p: _on_board(p, _own_write),
        "external_write_s": lambda p: _on_board(p, _external_write),
        "idle_cpu_percent": lambda p: _on_board(p, _idle_cpu),
    }
    return {
        name: _median(body, path) for name, body in bodies.items() if only is None or name in only
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["--first-paint"]:
        print(json.dumps(_first_paint_in_this_process(Path(sys.argv[2]), float(sys.argv[3]))))
    else:
        print(json.dumps(measure(sys.argv[1]), indent=2))
