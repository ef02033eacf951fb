"""``rapport fold`` and the journal, as a real process and through CliRunner."""

from __future__ import annotations

import os
import pty
import subprocess
from contextlib import suppress
from pathlib import Path

from click.testing import CliRunner
from tinydb import TinyDB

from bench.peers import first_client
from model import Book, journal
from model.demo import build_demo
from tests.cli.test_process import RAPPORT, rapport
from tests.conftest import NOW
from tui.cli import main
from tui.cli.fold import BARS_FROM

LINES = {"RAPPORT_FOLD_BELOW": "0"}  # every write a journal line, as in a large book


def test_writes_wait_in_the_journal_until_rapport_fold(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    assert rapport(book, "client", "add", "ACME GmbH", "--id", "acme").returncode == 0
    for text in ("first call", "second call"):
        assert rapport(book, "quick", f"acme call {text}", env=LINES).returncode == 0
    assert len(journal.journals(book)) == 1
    listed = rapport(book, "list", "--json", env=LINES)
    assert '"acme"' in listed.stdout
    with TinyDB(book) as db:
        assert not db.table("interactions").all()  # the file is as of the last fold
    done = rapport(book, "fold")
    assert done.returncode == 0 and done.stdout == f"Folded 2 journal lines into {book}.\n"
    assert not journal.journals(book)
    with TinyDB(book) as db:
        texts = sorted(doc["text"] for doc in db.table("interactions").all())
    assert texts == ["first call", "second call"]
    again = rapport(book, "fold", env={"RAPPORT_LOCALE": "de"})
    assert again.stdout == f"Nichts einzufalten: {book} enthält jeden Eintrag.\n"
    assert "Took back" in rapport(book, "undo").stdout


def test_fold_help_speaks_both_languages(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "book.json")
    english = runner.invoke(main, ["--db", db, "--locale", "en", "fold", "--help"])
    german = runner.invoke(main, ["--db", db, "--locale", "de", "fold", "--help"])
    assert english.exit_code == german.exit_code == 0
    assert "Fold the journal into the book file now." in english.output
    assert "Das Journal jetzt in die Buchdatei einfalten." in german.output


def test_a_damaged_journal_is_one_line_on_stderr_and_exit_1(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    rapport(book, "client", "add", "ACME GmbH", "--id", "acme")
    rapport(book, "quick", "acme call one", env=LINES)
    rapport(book, "quick", "acme call two", env=LINES)
    [path] = journal.journals(book)
    damaged = b"garbage\n" + path.read_bytes()
    path.write_bytes(damaged)
    failed = rapport(book, "fold")
    assert failed.returncode == 1
    assert failed.stderr.count("\n") == 1 and "line 1" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert path.read_bytes() == damaged


def test_a_fold_of_a_large_book_shows_a_bar_on_a_terminal_only(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    build_demo(Book(book), NOW, clients=100, interactions=30_000, seed=1)
    assert book.stat().st_size >= BARS_FROM
    assert rapport(book, "quick", "--", f"{first_client(book)} call one", env=LINES).returncode == 0
    env = {**os.environ, "RAPPORT_DB": str(book), "RAPPORT_LOCALE": "de"}
    main_fd, terminal = pty.openpty()
    with subprocess.Popen(
        [RAPPORT, "fold"], env=env, stdout=subprocess.PIPE, stderr=terminal
    ) as run:
        os.close(terminal)
        shown = b""
        with suppress(OSError):  # the terminal is gone once the process is
            while chunk := os.read(main_fd, 4096):
                shown += chunk
        assert run.wait(timeout=120) == 0
    os.close(main_fd)
    assert "Buch wird gelesen" in shown.decode() and "Journal wird eingefaltet" in shown.decode()
    assert rapport(book, "quick", "--", f"{first_client(book)} call two", env=LINES).returncode == 0
    piped = rapport(book, "fold")
    assert piped.returncode == 0 and piped.stderr == ""  # a script sees no bar
