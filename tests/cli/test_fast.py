"""The start before click (``tui.fast``) against click itself: same argv, same result.

Each case runs two real processes on two copies of one book: the ``rapport`` script
(the fast path where its table takes the command line) and ``tui.cli:main`` (click,
always).  Output, exit status and the book afterwards must be the same.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import Book, InteractionKind
from tui.fast import parse

RAPPORT = str(Path(sys.executable).parent / "rapport")
CLICK = [
    sys.executable,
    "-c",
    "import sys; from tui.cli import main; sys.argv[0] = 'rapport'; main()",
]
NOW = "2026-11-25T10:00:00+01:00"
ENV = {"RAPPORT_LOCALE": "en", "RAPPORT_NOW": NOW, "RAPPORT_DB": "book.json"}


def _book(folder: Path) -> None:
    now = pendulum.parse(NOW)
    assert isinstance(now, pendulum.DateTime)
    book = Book(folder / "book.json")
    book.add_client("ACME GmbH", now, id="acme")
    book.add_client("Globex Corporation", now, id="globex")
    book.add_invoice("acme", "2026-017", Decimal("1250.50"), now.date(), now=now)
    book.log("globex", InteractionKind.CALL, "kick-off", now, now=now)


def _run(command: list[str], folder: Path, env: dict[str, str]) -> tuple[int, str, str]:
    done = subprocess.run(
        command,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    return done.returncode, done.stdout, done.stderr


def _both(args: list[str], env: dict[str, str] | None = None, stdin: str | None = None) -> None:
    """``rapport ARGS`` by the script and by click, each on its copy: the same in all."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        base.mkdir()
        _book(base)
        results, books = [], []
        for name, command in (("fast", [RAPPORT, *args]), ("click", [*CLICK, *args])):
            folder = Path(tmp) / name
            shutil.copytree(base, folder)
            full = {**os.environ, **ENV, **(env or {}), "XDG_STATE_HOME": str(folder / "state")}
            if stdin is None:
                results.append(_run(command, folder, full))
            else:
                done = subprocess.run(
                    command,
                    cwd=folder,
                    input=stdin,
                    capture_output=True,
                    text=True,
                    env=full,
                    timeout=60,
                )
                results.append((done.returncode, done.stdout, done.stderr))
            now = pendulum.parse(NOW)
            assert isinstance(now, pendulum.DateTime)
            book = Book(folder / "book.json")
            books.append([book.client_file(c.id, now) for c in book.clients()])
        assert results[0] == results[1], args
        assert books[0] == books[1], args


LINES = [
    "acme call talked about the Q1 budget",
    "acme meeting yesterday 45m workshop",
    "acme issue!! landing page outside the scope #scope_creep",
    "acme invoice 2026-018 1.250,50 EUR due 2026-12-24",
    "acme paid 2026-017",
    "acme thanks handwritten card by friday",
    "globex followup send the offer by friday",
    "globex state strained contact person changed",
    "acme note on 20.11.26 met at the fair",
    "acme frobnicate",
    "nobody call",
    "acme call on 2026-13-45",
    "acme",
    "ACME GmbH anruf über das Budget gesprochen",
    "globex state ended the project is over",
]


@pytest.mark.parametrize(
    "args",
    [
        ["quick", LINES[0]],
        ["quick", *LINES[1].split()],
        ["--locale", "de", "quick", LINES[9]],
        ["quick", "--locale=de", LINES[10]],
        ["--json", "quick", LINES[11]],
        ["-q", "quick", LINES[3]],
        ["quick", "acme", "--json", "call", "budget"],
        ["quick", "--", "acme", "note", "--json is text here"],
        ["--db", "other.json", "quick", "acme call"],  # a book without acme
        ["quick", "--dry-run", LINES[2]],  # click's
        ["quick", "--help"],  # click's
        ["--state", "strained", "quick", LINES[0]],  # click refuses the filter
        ["--locale", "fr", "quick", LINES[0]],  # click refuses the locale
        ["--db", "", "quick", LINES[0]],  # click refuses the empty book
        ["--now", "yesterday", "quick", LINES[0]],  # click refuses the moment
        ["quick"],  # no words, stdin empty: nothing to do
    ],
)
def test_the_script_answers_as_click_does(args: list[str]) -> None:
    _both(args)


def test_lines_from_stdin_as_click_reads_them() -> None:
    _both(["quick", "-"], stdin="acme call budget\nacme frob\n# a comment\nglobex mail offer\n")


def test_the_environment_as_click_reads_it() -> None:
    _both(["quick", LINES[9]], env={"RAPPORT_LOCALE": "de"})
    _both(["quick", LINES[0]], env={"RAPPORT_DB": ""})  # empty: refused by click
    _both(["quick", LINES[0]], env={"RAPPORT_NOW": "2026-11-25 23:30", "TZ": "America/New_York"})


_OPTIONS = st.lists(
    st.sampled_from(
        [
            ["-q"],
            ["--quiet"],
            ["--json"],
            ["--locale", "de"],
            ["--locale=en"],
            ["--db", "book.json"],
        ]
    ),
    max_size=3,
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    group=_OPTIONS,
    own=_OPTIONS,
    line=st.sampled_from(LINES),
    split=st.booleans(),
    at=st.integers(0, 4),
)
def test_any_mix_of_options_and_lines_answers_as_click_does(
    group: list[list[str]], own: list[list[str]], line: str, split: bool, at: int
) -> None:
    words = line.split() if split else [line]
    flat_own = [arg for option in own for arg in option]
    cut = min(at, len(words))
    args = [arg for option in group for arg in option]
    _both([*args, "quick", *words[:cut], *flat_own, *words[cut:]])


@pytest.mark.parametrize(
    ("argv", "taken"),
    [
        (["quick", "acme call"], True),
        (["--db", "b.json", "--locale", "de", "-q", "--json", "quick", "a", "b"], True),
        (["--db=b.json", "quick", "--locale=de", "a", "--quiet", "b"], True),
        (
            [
                "quick",
                "-",
            ],
            True,
        ),
        (["quick", "--dry-run", "a"], False),
        (["quick", "-h"], False),
        (["--help"], False),
        (["--version"], False),
        (["list"], False),
        ([], False),
        (["--tag", "x", "quick", "a"], False),
        (["--locale", "it", "quick", "a"], False),
        (["--db"], False),
        (["quick", "a", "--db"], False),
        (["quick", "-qx", "a"], False),
        (["quick", "-5", "a"], False),
        (["--now", "next monday", "quick", "a"], False),
        (["--now", "1969-12-31T00:00:00+00:00", "quick", "a"], False),
        (["--db", "", "quick", "a"], False),
        (["--db", ".", "quick", "a"], False),  # a folder: click.Path refuses it
    ],
)
def test_the_table_takes_only_what_it_can_read_as_click_does(argv: list[str], taken: bool) -> None:
    assert (parse(argv, {}) is not None) is taken


def test_the_words_keep_their_order_around_the_options() -> None:
    parsed = parse(["-q", "quick", "acme", "--json", "call", "--", "--db"], {})
    assert parsed is not None
    assert parsed.words == ("acme", "call", "--db")
    assert parsed.group == {"quiet": True} and parsed.own == {"as_json": True}


def test_the_environment_decides_as_click_does() -> None:
    assert parse(["quick", "a"], {"RAPPORT_DB": ""}) is None
    assert parse(["--db", "b.json", "quick", "a"], {"RAPPORT_DB": ""}) is not None
    assert parse(["quick", "a"], {"RAPPORT_NOW": "tomorrow"}) is None
    assert parse(["quick", "a"], {"RAPPORT_NOW": "2026-11-25"}) is not None
    assert parse(["quick", "a"], {"_RAPPORT_COMPLETE": "bash_complete"}) is None
