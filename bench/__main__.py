"""Print every figure the issues ask for, each beside its baseline, from one run.

``python -m bench --sizes 2k,10k,100k,1M`` (``make bench SIZES=2k,10k``): demo
books of 1,000 clients and that many interactions are built by ``rapport demo``
in a temp folder, and beside them Taskwarrior with as many pending tasks, jrnl
with as many entries and a copy of the book for stock TinyDB.  Whole processes
run alternately with their yardstick (see :mod:`bench.processes`); every figure
is a median.  The tables print as Markdown, ready for the README.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench import day, store
from bench.peers import Jrnl, Rapport, StockTinyDB, Taskwarrior
from bench.processes import alternate, run
from bench.timing import ms

DEFAULT_SIZES = "2k,10k,100k,1M"
CLIENTS = 1_000
#: The largest book the yardsticks are asked about: the issue's 1M row has no peers
#: (setting up 1M Taskwarrior tasks or a 1M stock-TinyDB insert would take most of
#: an hour), so there rapport is measured alone and the output says so.
PEERS_UP_TO = 100_000
#: The size a durable write at any other size is compared with (built if not asked for).
REFERENCE = 2_000
NOT_ASKED = "not asked at this size"
NOT_RUN = "not run at this size"  # rapport's own figures the issue asks up to 100k
_BOARD = (
    (
        "first_paint_s",
        "launch to first full paint",
        "< 0.6 s at 2k, < 0.8 s at 100k, < 1.5 s at 1M",
    ),
    ("first_paint_cold_s", "the same, a book never opened on the board", "–"),
    ("own_write_s", "Enter in quick-log to the updated row", "< 0.1 s at 100k"),
    ("external_write_s", "another process's write on screen", "< 0.5 s"),
    ("idle_cpu_percent", "CPU of the idle board", "< 1 %"),
)


def size(text: str) -> int:
    """``2k`` -> 2000, ``1M`` -> 1000000, ``500`` -> 500."""
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1:].lower(), 1)
    digits = text[:-1] if factor > 1 else text
    if not digits.isdigit():
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (say 2k, 100k or 1M)")
    return int(digits) * factor


def label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1_000}k" if n >= 1_000 else str(n)


def pairs_for(n: int) -> int:
    return 9 if n <= 10_000 else 5 if n <= 100_000 else 3


def _ratio(seconds: float, ratio: float) -> str:
    return f"{ms(seconds).strip()} ({ratio:.2f})"


def build(folder: Path, n: int) -> tuple[Path, float]:
    """A demo book of ``n`` interactions, written by ``rapport demo`` (timed: the 1M target)."""
    book = folder / f"book-{label(n)}.json"
    env = {**Rapport.environment(folder, book), "RAPPORT_NOW": store.NOW.isoformat()}
    command = Rapport.demo(CLIENTS, n)
    return book, run(command, env).seconds


def quick_table(folder: Path, books: dict[int, Path], jrnl: str | None) -> None:
    print("\n### One event, whole process (medians; in brackets peer ÷ `rapport quick`)\n")
    print("| book (1,000 clients) | `rapport quick` | peak | `task add` | jrnl | stock TinyDB |")
    print("|---|---:|---:|---:|---:|---:|")
    for n, book in books.items():
        here = folder / f"quick-{label(n)}"
        here.mkdir()
        rapport = Rapport(here, book)
        count = pairs_for(n)
        cells: list[str] = []
        quick_times: list[float] = []
        peak = 0
        peers = _peers(here, n, book, jrnl)
        for peer in peers:
            if isinstance(peer, str):
                cells.append(peer)
                continue
            command, env = peer
            pair = alternate(rapport.quick(), command, count, rapport.env, env)
            quick_times.append(pair.a)
            peak = max(peak, pair.a_peak)
            cells.append(_ratio(pair.b, pair.ratio))
        if not quick_times:
            alone = [run(rapport.quick(), rapport.env) for _ in range(count)]
            quick_times.append(sorted(r.seconds for r in alone)[len(alone) // 2])
            peak = max(r.peak_bytes for r in alone)
        quick = sorted(quick_times)[len(quick_times) // 2]
        print(
            f"| {label(n)} interactions | {ms(quick).strip()} | {peak / 2**20:.0f} MiB | "
            + " | ".join(cells)
            + " |"
        )
    _say_peers_left_out(books)


_Peer = tuple[list[str], dict[str, str]] | str


def _peers(folder: Path, n: int, book: Path, jrnl: str | None) -> list[_Peer]:
    """Taskwarrior, jrnl and stock TinyDB set up on ``n`` records, or why a cell stays empty."""
    if n > PEERS_UP_TO:
        return [NOT_ASKED] * 3
    found: list[_Peer] = []
    if Taskwarrior.installed():
        task = Taskwarrior(folder, n)
        found.append((task.add(), task.env))
    else:
        found.append("not installed")
    if jrnl:
        journal = Jrnl(folder, n, jrnl)
        found.append((journal.add(), journal.env))
    else:
        found.append("not installed")
    tinydb = StockTinyDB(folder, book)
    found.append((tinydb.insert(), tinydb.env))
    return found


def _say_peers_left_out(books: dict[int, Path]) -> None:
    alone = [label(n) for n in books if n > PEERS_UP_TO]
    if alone:
        print(
            f"\nAt {', '.join(alone)} no yardstick is asked (Taskwarrior, jrnl and stock TinyDB "
            f"run up to {label(PEERS_UP_TO)}): rapport alone, medians of its own runs."
        )


def read_table(folder: Path, books: dict[int, Path]) -> None:
    print("\n### Read commands, whole process (medians; in brackets Taskwarrior ÷ rapport)\n")
    print(
        "| book | `list --json` vs `task list` | `client show` vs `task project:X list` | "
        "`today` vs `task list` |"
    )
    print("|---|---:|---:|---:|")
    for n, book in books.items():
        here = folder / f"read-{label(n)}"
        here.mkdir()
        rapport = Rapport(here, book)
        task = Taskwarrior(here, n) if Taskwarrior.installed() and n <= PEERS_UP_TO else None
        cells = []
        for ours, theirs in (
            (rapport.list_json(), "list_all"),
            (rapport.client_show(), "project_list"),
            (rapport.today(), "list_all"),
        ):
            if task is None:
                cells.append(ms(_median_run(ours, rapport.env, pairs_for(n))).strip())
                continue
            pair = alternate(ours, getattr(task, theirs)(), pairs_for(n), rapport.env, task.env)
            cells.append(f"{ms(pair.a).strip()} vs {ms(pair.b).strip()} ({pair.ratio:.2f})")
        print(f"| {label(n)} | " + " | ".join(cells) + " |")
    _say_peers_left_out(books)


def _median_run(command: list[str], env: dict[str, str], count: int) -> float:
    times = sorted(run(command, env).seconds for _ in range(count))
    return times[len(times) // 2]


def write_table(folder: Path, books: dict[int, Path]) -> None:
    print("\n### The store, in one process (medians)\n")
    print("| interactions | durable Book write | stock TinyDB insert | floor | open | board rows |")
    print("|---|---:|---:|---:|---:|---:|")
    writes: dict[int, float] = {}
    for n, path in books.items():
        runs = 7 if n <= PEERS_UP_TO else 3
        writes[n] = store.book_write(path, runs)
        stock = store.stock_tinydb_insert(path, runs) if n <= PEERS_UP_TO else None
        figures = [
            writes[n],
            stock,
            store.floor_write(path, runs),
            store.book_open(path, runs),
            store.board_rows(path, runs),
        ]
        cells = [NOT_ASKED if f is None else ms(f).strip() for f in figures]
        print(f"| {label(n)} | " + " | ".join(cells) + " |")
    large = max(writes)
    if large > REFERENCE:
        reference = books.get(REFERENCE) or build(folder, REFERENCE)[0]
        a, b, ratio = store.paired_writes(reference, books[large], 60)
        print(
            f"\nDurable Book write at {label(large)} ÷ at {label(REFERENCE)}, written in turn "
            f"(60 pairs; {ms(b).strip()} and {ms(a).strip()}): {ratio:.2f}x "
            "(target at 1M ÷ 2k: within 1.5x)"
        )


def day_table(books: dict[int, Path]) -> None:
    print("\n### The day's queries, from a fresh Book (medians)\n")
    print("| interactions | `today` | `today --days 7` | first `search` | next `search` |")
    print("|---|---:|---:|---:|---:|")
    for n, path in books.items():
        if n > PEERS_UP_TO:
            print(f"| {label(n)} | {NOT_RUN} | | | |")
            continue
        figures = day.measure(path, 5 if n >= 100_000 else 7)
        print(f"| {label(n)} | " + " | ".join(ms(f).strip() for f in figures.values()) + " |")


def merge_line(books: dict[int, Path]) -> None:
    n = max((n for n in books if n <= 100_000), default=None)
    if n is None:
        return
    pure, whole = store.merge_copies(books[n], 5)
    print(
        f"\nMerge of two {label(n)} books differing by 100 records (target < 1 s at 100k): "
        f"merge() {ms(pure).strip()}, Book.merge from the file {ms(whole).strip()}"
    )


def board_table(books: dict[int, Path]) -> None:
    from bench import board

    print("\n### The board (headless, 200x50, medians of 3)\n")
    sizes = list(books)
    print("| | " + " | ".join(label(n) for n in sizes) + " | target |")
    print("|---" * (len(sizes) + 2) + "|")
    measured = {
        n: board.measure(path, None if n <= 100_000 else ("first_paint_s", "first_paint_cold_s"))
        for n, path in books.items()
    }
    for name, text, target in _BOARD:
        cells = []
        for n in sizes:
            value = measured[n].get(name)
            if value is None:
                cells.append("–")
            elif name.endswith("_percent"):
                cells.append(f"{value:.1f} %")
            else:
                cells.append(f"{value:.2f} s")
        print(f"| {text} | " + " | ".join(cells) + f" | {target} |")


def soak_line(books: dict[int, Path], writes: int) -> None:
    from bench.soak import soak

    n = min(books)
    figures = soak(books[n], writes)
    before, after = figures["rss_before"], figures["rss_after"]
    print(
        f"\nBoard open on the {label(n)} book while another process wrote {writes:,} times "
        f"({figures['writes_per_s']:.0f} writes/s): memory {before / 2**20:.0f} MiB -> "
        f"{after / 2**20:.0f} MiB ({100 * (after - before) / before:+.0f} %, target within +20 %), "
        f"idle CPU after {figures['idle_cpu_percent']:.1f} % (target < 1 %)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"default {DEFAULT_SIZES}")
    parser.add_argument("--jrnl", help="the jrnl executable (make bench installs one)")
    parser.add_argument("--soak-writes", type=int, default=10_000, help="0 leaves the soak out")
    parser.add_argument("--no-board", action="store_true", help="leave the board's figures out")
    args = parser.parse_args()
    sizes = sorted({size(s) for s in args.sizes.split(",") if s.strip()})
    jrnl = args.jrnl if args.jrnl and os.access(args.jrnl, os.X_OK) else None
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["XDG_STATE_HOME"] = str(folder / "state")  # undo logs stay out of $HOME
        print(
            f"## make bench, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
            f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}\n"
        )
        if not Taskwarrior.installed():
            print(
                "Taskwarrior is not installed (apt-get install taskwarrior): no columns of its own."
            )
        if jrnl is None:
            print("jrnl is not installed (make bench installs it): its column stays empty.")
        books: dict[int, Path] = {}
        parts = Parts()
        with parts.timed("demo books"):
            for n in sizes:
                books[n], seconds = build(folder, n)
                target = " (target < 60 s)" if n >= 1_000_000 else ""
                print(f"- `rapport demo` of {label(n)} interactions: {seconds:.1f} s{target}")
        with parts.timed("quick"):
            quick_table(folder, books, jrnl)
        with parts.timed("read commands"):
            read_table(folder, books)
        with parts.timed("store"):
            write_table(folder, books)
        with parts.timed("day's queries and merge"):
            day_table(books)
            merge_line(books)
        if not args.no_board:
            with parts.timed("board"):
                board_table(books)
            if args.soak_writes:
                with parts.timed("soak"):
                    soak_line(books, args.soak_writes)
        print(f"\nThe bench's parts took: {parts}")


class Parts:
    """How long each part of the bench took (the 1M book makes some of them minutes)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def timed(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = time.perf_counter() - start

    def __str__(self) -> str:
        return ", ".join(f"{name} {seconds:.0f} s" for name, seconds in self.seconds.items())


if __name__ == "__main__":
    main()
