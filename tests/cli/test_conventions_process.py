"""The conventions as a real process: pipes, a real stdin, a real config folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from model import Book
from tests.cli.terminal import Terminal

RAPPORT = str(Path(sys.executable).parent / "rapport")


def rapport(
    tmp: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        "RAPPORT_LOCALE": "en",
        "XDG_CONFIG_HOME": str(tmp / "xdg"),
        **(env or {}),
    }
    full_env.pop("RAPPORT_CONFIG", None)
    full_env.pop("RAPPORT_DB", None)
    return subprocess.run(
        [RAPPORT, *args], input=stdin, capture_output=True, text=True, env=full_env, timeout=60
    )


def test_a_script_session(tmp_path: Path) -> None:
    book = str(tmp_path / "b.json")
    version = rapport(tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.startswith("rapport ")
    added = rapport(tmp_path, "client", "add", "ACME GmbH", "--id", "acme", "--db", book, "-q")
    assert added.returncode == 0 and added.stdout == ""
    piped = rapport(tmp_path, "quick", "--db", book, stdin="acme call a\nacme zap\nacme note b\n")
    assert piped.returncode == 2 and len(piped.stdout.splitlines()) == 2
    assert piped.stderr.startswith("Error: line 2: ") and "Traceback" not in piped.stderr
    dry = rapport(tmp_path, "quick", "--dry-run", "acme call c", "--db", book)
    assert dry.returncode == 0 and "nothing written" in dry.stdout
    listed = json.loads(rapport(tmp_path, "client", "show", "acme", "--json", "--db", book).stdout)
    assert sorted(i["text"] for i in listed["interactions"]) == ["a", "b"]
    error = rapport(tmp_path, "quick", "--json", "acme call on 31.02.2026", "--db", book)
    assert error.returncode == 2 and json.loads(error.stderr)["error"]["word"] == "31.02.2026"


def test_the_board_from_cron_refuses_at_once(tmp_path: Path) -> None:
    result = rapport(tmp_path, "--db", str(tmp_path / "b.json"), stdin="")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "\x1b" not in result.stderr
    assert "rapport list" in result.stderr


def test_the_config_file_in_the_xdg_folder(tmp_path: Path) -> None:
    folder = tmp_path / "xdg" / "rapport"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text('currency = "CHF"\ncadence = 9\n')
    book = str(tmp_path / "b.json")
    assert rapport(tmp_path, "client", "add", "X", "--id", "x", "--db", book).returncode == 0
    shown = json.loads(rapport(tmp_path, "client", "show", "x", "--json", "--db", book).stdout)
    assert (shown["client"]["currency"], shown["client"]["cadence"]) == ("CHF", 9)
    (folder / "config.toml").write_text('currency = "CHF"\ncadence = "weekly"\n')
    broken = rapport(tmp_path, "client", "list", "--db", book)
    assert broken.returncode == 2 and "line 2" in broken.stderr
    assert broken.stderr.count("\n") == 1


def test_a_damaged_book_is_exit_1(tmp_path: Path) -> None:
    book = tmp_path / "b.json"
    book.write_text("{not json")
    result = rapport(tmp_path, "list", "--db", str(book))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert book.read_text() == "{not json"


def test_the_board_opens_on_a_terminal_with_the_keys_of_the_config(tmp_path: Path) -> None:
    """The board starts, and quits on the key config.toml gave it."""
    book = str(tmp_path / "b.json")
    rapport(tmp_path, "client", "add", "ACME GmbH", "--id", "acme", "--db", book)
    config = tmp_path / "config.toml"
    config.write_text('theme = "nord"\n[keys]\nquit = "ctrl+x"\n')
    env = {**os.environ, "RAPPORT_CONFIG": str(config)}
    terminal = Terminal([RAPPORT, "--db", book, "--locale", "en"], env)
    try:
        terminal.wait_for(b"ACME")
        terminal.type(b"\x18")  # ctrl+x, the quit key of config.toml
        assert terminal.finish() == 0
    finally:
        terminal.close()


def test_a_destructive_act_asks_on_a_terminal(tmp_path: Path) -> None:
    book = tmp_path / "b.json"
    rapport(tmp_path, "client", "add", "ACME GmbH", "--id", "acme", "--db", str(book))
    before = book.read_bytes()
    demo = [RAPPORT, "demo", "--force", "--clients", "3", "--interactions", "5", "--db", str(book)]
    env = {**os.environ, "RAPPORT_LOCALE": "en", "RAPPORT_CONFIG": str(tmp_path / "none.toml")}
    for answer, status in ((b"n\r", 2), (b"y\r", 0)):
        terminal = Terminal(demo, env)
        try:
            terminal.wait_for(b"rapport undo brings it back [y/N]")
            terminal.type(answer)
            assert terminal.finish() == status
        finally:
            terminal.close()
        if status == 2:
            assert book.read_bytes() == before and b"nothing changed" in terminal.seen
    assert len(Book(book).clients()) == 3
