"""A real SIGKILL between the steps of one replacement: no version drops out of the backups.

The writer is killed by itself at the exact step (its own ``os.kill(SIGKILL)``
in place of the next step), so the instant is certain, not a matter of luck.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from model import bookfile
from model.store import Store

KILLED_AT = """
import os, signal, sys
from model import bookfile
from model.store import Store
step = sys.argv[2]
original = getattr(bookfile, step)
def die(*args, **kwargs):
    if step == "_keep":
        original(*args, **kwargs)  # the link is made; the rename never comes
    os.kill(os.getpid(), signal.SIGKILL)
setattr(bookfile, step, die)
with Store(sys.argv[1]).transaction() as tx:
    tx.insert("notes", {"text": "killed write"})
"""


def write(path: Path, text: str) -> bytes:
    with Store(path).transaction() as tx:
        tx.insert("notes", {"text": text})
    return path.read_bytes()


def killed_writer(path: Path, step: str) -> None:
    result = subprocess.run([sys.executable, "-c", KILLED_AT, str(path), step], timeout=60)
    assert result.returncode == -9


def backed_up(path: Path) -> list[bytes]:
    return [backup.read_bytes() for backup in bookfile.backups(path)]


def test_a_kill_between_the_rename_and_the_rotation_keeps_the_replaced_version(
    tmp_path: Path,
) -> None:
    path = tmp_path / "book.json"
    versions = [write(path, f"note {n}") for n in range(3)]
    killed_writer(path, "_rotate")
    assert b"killed write" in path.read_bytes(), "the rename happened"
    assert versions[-1] not in backed_up(path), "the replaced version is in no backup yet"
    after = write(path, "next")
    assert path.read_bytes() == after
    kept = backed_up(path)
    assert kept[1] == versions[-1], "the version the killed writer replaced is backup 2"
    assert b"killed write" in kept[0]
    assert kept[2:] == versions[-2::-1]
    assert not list(tmp_path.glob(".*.keep")), "nothing left behind"


def test_a_kill_before_the_rename_adds_no_duplicate_backup(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    versions = [write(path, f"note {n}") for n in range(3)]
    killed_writer(path, "_keep")
    assert path.read_bytes() == versions[-1], "the old book stands"
    write(path, "next")
    kept = backed_up(path)
    assert kept == versions[::-1], "each version once, newest first"
