"""The boundaries are checked, not hoped for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

import model
from model import Book

# A real ``rapport`` process (the script's entry, tui.fast) that writes down, as it leaves,
# the modules it loaded and how it left: os._exit (the quick path skips the interpreter's
# teardown) or a normal end.
_REPORTING = """
import os, sys
out = sys.argv.pop(1)
real_exit = os._exit
def report(how):
    with open(out, "w") as f:
        f.write("\\n".join([how, *sys.modules]))
def leave(status):
    report(f"os._exit {status}")
    real_exit(status)
os._exit = leave
from tui.fast import main
try:
    main()
finally:
    report("normal end")
"""


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def _rapport(tmp_path: Path, *args: str) -> tuple[str, set[str], subprocess.CompletedProcess[str]]:
    """``rapport ARGS``, a process of its own on the test's book: how it left, what it loaded."""
    out = tmp_path / "modules.txt"
    env = {
        **os.environ,
        "RAPPORT_DB": str(tmp_path / "book.json"),
        "RAPPORT_LOCALE": "en",
        "RAPPORT_NOW": "2026-11-25T10:00:00+01:00",
    }
    done = subprocess.run(
        [sys.executable, "-c", _REPORTING, str(out), *args],
        capture_output=True,
        text=True,
        env=env,
    )
    how, *loaded = out.read_text().splitlines()
    return how, set(loaded), done


@pytest.fixture
def acme(tmp_path: Path, now: pendulum.DateTime) -> Book:
    book = Book(tmp_path / "book.json")
    book.add_client("ACME GmbH", now, id="acme")
    return book


def test_model_never_imports_textual() -> None:
    loaded = _modules_after("import model, model.demo, model.quicklog, model.store")
    assert "textual" not in loaded


def test_cli_sub_commands_never_import_textual_or_babel() -> None:
    loaded = _modules_after("import tui.cli")
    assert "textual" not in loaded
    assert "babel" not in loaded, "babel is imported lazily, where money is formatted"


def test_model_loads_a_name_when_it_is_first_used() -> None:
    """``import model`` is cheap (PEP 562): the board's rules load with the first board name."""
    loaded = _modules_after("import model")
    assert "model.board" not in loaded and "model.book" not in loaded
    assert "pendulum" not in loaded
    used = _modules_after("from model import BoardRow")
    assert "model.board" in used and "model.book" not in used


def test_every_public_name_has_its_home() -> None:
    assert sorted(model._HOME) == sorted(model.__all__)
    for name in model.__all__:
        assert getattr(model, name) is getattr(sys.modules[model._HOME[name]], name)
    assert set(model.__all__) <= set(dir(model))
    with pytest.raises(AttributeError, match="no_such_name"):
        model.no_such_name  # noqa: B018


def test_quick_writes_without_textual_or_babel_and_skips_teardown(
    tmp_path: Path, acme: Book, now: pendulum.DateTime
) -> None:
    how, loaded, done = _rapport(tmp_path, "quick", "acme call budget talk")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Call logged for ACME GmbH")
    assert how == "os._exit 0"
    assert [i.text for i in Book(acme.path).client_file("acme", now).interactions] == [
        "budget talk"
    ]
    assert "textual" not in loaded
    assert "babel" not in loaded
    # What a one-line write does not need: the board's rules, sync, the listings.
    assert not {"model.board", "model.today", "model.search", "tui.cli.sync"} & loaded


def test_quick_writes_without_pendulum_or_click(tmp_path: Path, acme: Book) -> None:
    """stdlib datetime/zoneinfo for the line's days; the script's table before click."""
    _, loaded, done = _rapport(tmp_path, "quick", "acme call yesterday budget talk")
    assert done.returncode == 0, done.stderr
    assert "pendulum" not in loaded and "dateutil" not in loaded
    assert "click" not in loaded
    # what a quick-log line never needs: the formats, a merge's receipt, the client file
    assert not {"model.exchange.people", "model.merge_receipt", "model.client_file"} & loaded
    assert not {"model.health", "anyascii", "tomllib"} & loaded


def test_a_refused_quick_line_loads_no_click_either(tmp_path: Path, acme: Book) -> None:
    _, loaded, done = _rapport(tmp_path, "--locale", "de", "quick", "acme call on 2026-13-45")
    assert done.returncode == 2 and done.stderr.startswith("Fehler: ")
    assert "click" not in loaded and "pendulum" not in loaded


def test_what_the_table_does_not_take_goes_to_click(tmp_path: Path, acme: Book) -> None:
    _, loaded, done = _rapport(tmp_path, "quick", "--dry-run", "acme call budget talk")
    assert done.returncode == 0, done.stderr
    assert "click" in loaded and "tui.cli.quick" in loaded


def test_a_refused_quick_line_ends_normally_with_its_status(tmp_path: Path, acme: Book) -> None:
    how, _, done = _rapport(tmp_path, "quick", "acme frobnicate")
    assert (how, done.returncode) == ("normal end", 2)
    assert done.stderr.count("\n") == 1 and "frobnicate" in done.stderr


@pytest.mark.parametrize(
    "args",
    [("list", "--json"), ("today",), ("client", "show", "acme"), ("client", "list")],
)
def test_read_commands_never_import_textual(tmp_path: Path, acme: Book, args: tuple[str]) -> None:
    _, loaded, done = _rapport(tmp_path, *args)
    assert done.returncode == 0, done.stderr
    assert "textual" not in loaded
