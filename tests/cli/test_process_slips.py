"""Slips that must not lose a book, tried as a user would in a real terminal process.

Paths that cannot be a book, an empty ``--db``, the demo over a real book, a
stopped process holding the lock, a stdout that fails after the write.
"""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from tests.cli.test_process import RAPPORT, rapport

NOW = "2026-11-25T10:00:00+01:00"

HOLDER = """
import sys
from model.store import Store
store = Store(sys.argv[1])
with store.transaction() as tx:
    print("held", flush=True)
    doc = sys.stdin.readline()
    if doc.strip():
        import orjson
        tx.insert("clients", orjson.loads(doc))
"""


def one_clean_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def acme(tmp_path: Path) -> Path:
    book = tmp_path / "book.json"
    assert rapport(book, "client", "add", "ACME GmbH", "--id", "acme").returncode == 0
    return book


def test_an_empty_db_is_refused_never_the_default_book(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    for given in ("", "  "):
        result = rapport(tmp_path / "unused.json", "--db", given, "client", "add", "X", env=env)
        assert result.returncode == 2
        assert "--db (or RAPPORT_DB) is empty" in one_clean_line(result)
    result = rapport(Path(), "client", "add", "X", env={**env, "RAPPORT_DB": ""})
    assert result.returncode == 2 and "is empty" in one_clean_line(result)
    assert not home.exists(), "nothing was written to the default book"


def test_tilde_and_home_are_expanded_in_db_and_rapport_db(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    made = rapport(tmp_path, "--db", "~/a.json", "client", "add", "ACME", "--id", "acme", env=env)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "a.json").is_file()
    listed = rapport(tmp_path, "client", "list", env={**env, "RAPPORT_DB": "$HOME/a.json"})
    assert listed.returncode == 0 and listed.stdout.startswith("acme\t")
    listed = rapport(tmp_path, "client", "list", env={**env, "RAPPORT_DB": "~/a.json"})
    assert listed.stdout.startswith("acme\t")
    assert not (tmp_path / "~").exists() and not (tmp_path / "$HOME").exists()


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _socket(path: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path / "." / ".." / path.name  # click's own "is a directory" check is not enough


def _loop(path: Path) -> Path:
    other = path.with_name("other")
    path.symlink_to(other)
    other.symlink_to(path)
    return path


def _parent_is_a_file(path: Path) -> Path:
    path.write_text("not a folder")
    return path / "book.json"


def _long_name(path: Path) -> Path:
    return path.with_name("b" * 300)


def _long_enough_for_the_book_not_its_lock(path: Path) -> Path:
    return path.with_name("b" * 250)


@pytest.mark.parametrize(
    "make",
    [
        _fifo,
        _socket,
        _folder,
        _loop,
        _parent_is_a_file,
        _long_name,
        _long_enough_for_the_book_not_its_lock,
        lambda _path: Path("/dev/null"),
    ],
    ids=["fifo", "socket", "folder", "loop", "parent-file", "long", "long-lock", "device"],
)
@pytest.mark.parametrize(
    "args",
    [("list",), ("client", "show", "acme"), ("quick", "acme call x"), ("undo",), ("demo",)],
    ids=lambda args: args[0],
)
def test_what_cannot_be_a_book_gets_one_line_never_a_hang(
    tmp_path: Path, make: object, args: tuple[str, ...]
) -> None:
    assert callable(make)
    book = make(tmp_path / "book.json")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = rapport(book, *args)  # a FIFO opened for reading would hang: timeout=60
    if make is _long_enough_for_the_book_not_its_lock and args[0] in ("list", "client"):
        # Reading a book that is not there needs no lock: an empty book, nothing made.
        assert result.returncode in (0, 2) and "Traceback" not in result.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == before
        return
    assert result.returncode in (1, 2)
    line = one_clean_line(result)
    assert line.startswith("Error:") and ("cannot be used as a book" in line or "--db" in line)
    if make is _socket:
        assert "it is a socket" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "nothing made or changed"


def test_a_symlink_planted_as_the_lock_is_never_followed(acme: Path, tmp_path: Path) -> None:
    target = tmp_path / "bashrc"
    target.write_text("export PATH=/usr/bin\n")
    lock = acme.with_name(acme.name + ".lock")
    lock.unlink()
    lock.symlink_to(target)
    dangling = tmp_path / "nothing-here"
    for pointed in (target, dangling):
        lock.unlink()
        lock.symlink_to(pointed)
        result = rapport(acme, "quick", "acme call x")
        assert result.returncode == 1
        assert "is a symbolic link, which Rapport never follows" in one_clean_line(result)
    assert target.read_text() == "export PATH=/usr/bin\n"
    assert not dangling.exists()
    assert "call" not in acme.read_text()


class Holder:
    """A real process inside a transaction: it holds the lock until told to go on."""

    def __init__(self, book: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(book)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "held"

    def finish(self, doc: str = "") -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(doc + "\n")
        self.process.stdin.close()
        assert self.process.wait(timeout=30) == 0


@pytest.fixture
def holder(acme: Path) -> Iterator[Holder]:
    held = Holder(acme)
    yield held
    if held.process.poll() is None:
        held.process.send_signal(signal.SIGCONT)
        held.process.kill()
        held.process.wait()


def test_a_stopped_lock_holder_makes_writers_wait_then_give_up(acme: Path, holder: Holder) -> None:
    before = acme.read_bytes()
    holder.process.send_signal(signal.SIGSTOP)
    result = rapport(acme, "quick", "acme call x", env={"RAPPORT_LOCK_TIMEOUT": "0.5"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    waiting, gave_up = result.stderr.strip().splitlines()
    assert waiting.startswith("Waiting for another Rapport process")
    assert "has held the book" in gave_up and "0.5 seconds" in gave_up
    assert "Nothing was written" in gave_up
    assert acme.read_bytes() == before
    listed = rapport(acme, "client", "list", env={"RAPPORT_LOCK_TIMEOUT": "0.5"})
    assert listed.returncode == 0, "reading needs no lock"
    holder.process.send_signal(signal.SIGCONT)
    holder.finish()
    assert rapport(acme, "quick", "acme call x").returncode == 0


def test_the_demo_checks_for_an_empty_book_under_the_same_lock_as_its_write(
    tmp_path: Path,
) -> None:
    scratch = tmp_path / "scratch.json"
    rapport(scratch, "client", "add", "Real Client", "--id", "real")
    doc = orjson.loads(scratch.read_bytes())["clients"]["1"]
    book = tmp_path / "book.json"
    holder = Holder(book)  # another terminal, writing its first client into an empty book
    demo = subprocess.Popen(
        [RAPPORT, "demo"],
        env={**os.environ, "RAPPORT_DB": str(book), "RAPPORT_LOCALE": "en", "RAPPORT_NOW": NOW},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert demo.stderr is not None
    assert demo.stderr.readline().startswith("Waiting for another Rapport process")
    holder.finish(orjson.dumps(doc).decode())
    _out, err = demo.communicate(timeout=60)
    assert demo.returncode == 2 and "already holds a book" in err
    clients = orjson.loads(book.read_bytes())["clients"]
    assert [c["id"] for c in clients.values()] == ["real"], "the demo was not merged in"


def test_demo_on_a_real_book_is_refused_and_forced_it_keeps_the_book_and_undo_restores_it(
    acme: Path,
) -> None:
    rapport(acme, "quick", "acme call talked budget")
    before = acme.read_bytes()
    refused = rapport(acme, "demo")
    assert refused.returncode == 2 and "--force" in one_clean_line(refused)
    assert acme.read_bytes() == before
    forced = rapport(acme, "demo", "--force", "--yes", "--clients", "6", "--interactions", "20")
    assert forced.returncode == 0, forced.stderr
    kept = acme.with_name("book.json.before-demo")
    assert kept.read_bytes() == before
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert "acme\t" not in rapport(acme, "client", "list").stdout
    undone = rapport(acme, "undo")
    assert undone.returncode == 0 and "Took back" in undone.stdout
    listed = rapport(acme, "client", "list").stdout
    assert listed.startswith("acme\t") and len(listed.splitlines()) == 1
    shown = rapport(acme, "client", "show", "acme").stdout
    assert "talked budget" in shown


def test_demo_force_asks_on_a_terminal(acme: Path) -> None:
    import pty

    before = acme.read_bytes()
    primary, secondary = pty.openpty()
    env = {**os.environ, "RAPPORT_DB": str(acme), "RAPPORT_LOCALE": "en"}
    process = subprocess.Popen(
        [RAPPORT, "demo", "--force"], stdin=secondary, stdout=secondary, stderr=secondary, env=env
    )
    os.close(secondary)
    seen = b""
    while b"[y/N]" not in seen:
        seen += os.read(primary, 1024)
    assert b"Replace the book" in seen and b"before-demo" in seen
    os.write(primary, b"n\n")
    assert process.wait(timeout=30) == 2  # declined: nothing written, as for refused input
    os.close(primary)
    assert acme.read_bytes() == before


def test_a_stdout_that_fails_after_the_write_says_the_change_was_saved(acme: Path) -> None:
    env = {**os.environ, "RAPPORT_DB": str(acme), "RAPPORT_LOCALE": "en"}
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [RAPPORT, "quick", "acme call first"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
        )
    assert result.returncode == 0, "the write is done: a script must not repeat it"
    line = one_clean_line(result)
    assert "The change was saved" in line and "Do not repeat it" in line
    # A closed stdout: the receipt goes nowhere, the write is kept, no traceback.
    closed = subprocess.run(
        f'{RAPPORT} quick "acme call second" >&-',
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert closed.returncode == 0 and "Traceback" not in closed.stderr
    shown = rapport(acme, "client", "show", "acme").stdout
    assert shown.count("Call") == 2
    with open("/dev/full", "w") as full:
        demo = subprocess.run(
            [RAPPORT, "--db", str(acme.with_name("demo.json")), "demo", "--clients", "4"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
        )
    assert demo.returncode == 0 and "The change was saved" in one_clean_line(demo)
    # Output of a read that fails: one line, exit 1.
    with open("/dev/full", "w") as full:
        listed = subprocess.run(
            [RAPPORT, "client", "show", "acme"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
        )
    assert listed.returncode == 1 and "could not be written" in one_clean_line(listed)


def test_a_closed_pipe_after_a_long_read_ends_quietly(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    rapport(book, "demo", "--clients", "300", "--interactions", "50", env={"RAPPORT_NOW": NOW})
    env = {**os.environ, "RAPPORT_DB": str(book), "RAPPORT_LOCALE": "en", "RAPPORT_NOW": NOW}
    result = subprocess.run(
        f"{RAPPORT} list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.stdout.count("\n") == 1 and result.stderr == ""


@pytest.mark.parametrize(
    "label",
    [
        {"key": "book.undone", "params": {}},
        {"key": "no.such.key", "params": {"what": {"key": 7}}},
        {"key": "client.added", "params": "not a dict"},
        {"key": 12},
        {},
        {"key": "book.loaded", "params": {"what": {"key": "book.undone", "params": []}}},
    ],
)
def test_undo_never_crashes_after_it_has_written(acme: Path, label: dict[str, object]) -> None:
    rapport(acme, "quick", "acme call to be taken back")
    from model.identity import book_state_dir

    log = book_state_dir(acme) / "undo.json"  # this device's undo log, beside no synced book
    entries = [orjson.loads(line) for line in log.read_bytes().splitlines() if line]
    entries[-1]["label"] = label
    log.write_bytes(b"".join(orjson.dumps(entry) + b"\n" for entry in entries))
    result = rapport(acme, "undo")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert "Took back" in result.stdout
    assert "to be taken back" not in rapport(acme, "client", "show", "acme").stdout
