"""``rapport demo`` of a large book shows progress bars on a terminal, and none in a script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from model import Book
from tests.cli.terminal import Terminal

RAPPORT = str(Path(sys.executable).parent / "rapport")


def _demo(book: Path) -> list[str]:
    return [RAPPORT, "demo", "--clients", "5", "--interactions", "50000", "--db", str(book)]


def test_a_large_demo_shows_its_stages_on_a_terminal(tmp_path: Path) -> None:
    env = {**os.environ, "RAPPORT_LOCALE": "en", "RAPPORT_CONFIG": str(tmp_path / "none.toml")}
    terminal = Terminal(_demo(tmp_path / "b.json"), env, timeout=120)
    try:
        assert terminal.finish() == 0
    finally:
        terminal.close()
    for label in (b"Building the demo", b"Stamping records", b"Writing the book", b"100%"):
        assert label in terminal.seen
    assert len(Book(tmp_path / "b.json").clients()) == 5


def test_in_a_script_stderr_stays_for_errors(tmp_path: Path) -> None:
    env = {**os.environ, "RAPPORT_LOCALE": "de", "RAPPORT_CONFIG": str(tmp_path / "none.toml")}
    done = subprocess.run(_demo(tmp_path / "b.json"), env=env, capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == ""
    assert "50000" in done.stdout
