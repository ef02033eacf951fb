"""A book in git: two clones and a bare remote, divergent writes, ``rapport sync``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_devices import Device, records

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def clones(tmp_path: Path) -> tuple[Device, Device]:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    laptop = Device(tmp_path / "laptop", tmp_path / "laptop" / "book" / "book.json")
    desktop = Device(tmp_path / "desktop", tmp_path / "desktop" / "book" / "book.json")
    laptop.book.parent.mkdir(parents=True)
    git(laptop.book.parent, "init", "-q")
    git(laptop.book.parent, "remote", "add", "origin", str(remote))
    laptop.run("client", "add", "Acme GmbH")
    assert "Set up" in laptop.run("sync", "--setup").stdout
    laptop.run("sync")
    desktop.book.parent.parent.mkdir(parents=True)
    subprocess.run(["git", "clone", "-q", str(remote), str(desktop.book.parent)], check=True)
    desktop.run("sync", "--setup")
    return laptop, desktop


def test_two_clones_sync_divergent_writes_without_conflict_markers(
    clones: tuple[Device, Device],
) -> None:
    laptop, desktop = clones
    for n in range(3):
        laptop.quick(f"acme call laptop {n}")
    laptop.quick("acme issue from the laptop")
    desktop.quick("acme mail from the desktop")
    desktop.quick("acme issue from the desktop")
    said = laptop.run("sync").stdout
    assert "nothing new came in" in said
    said = desktop.run("sync").stdout
    assert "3 calls" in said and "1 issue" in said
    said = laptop.run("sync").stdout
    assert "1 mail" in said and "1 issue" in said
    for device in clones:
        raw = device.book.read_text()
        assert "<<<<<<<" not in raw and ">>>>>>>" not in raw
    assert records(laptop.tables()) == records(desktop.tables())
    assert len(laptop.tables()["interactions"]) == 4
    assert len(laptop.tables()["issues"]) == 2
    assert "book.json.lock" in (laptop.book.parent / ".gitignore").read_text()
    assert git(laptop.book.parent, "status", "--porcelain") == ""


def test_the_merge_driver_writes_the_merged_book_into_ours(
    tmp_path: Path, clones: tuple[Device, Device]
) -> None:
    laptop, desktop = clones
    laptop.quick("acme call one")
    desktop.quick("acme mail two")
    ours, theirs = tmp_path / "ours.json", tmp_path / "theirs.json"
    shutil.copy(laptop.book, ours)
    shutil.copy(desktop.book, theirs)
    done = laptop.run("merge-driver", str(tmp_path / "base.json"), str(ours), str(theirs))
    assert done.returncode == 0
    texts = sorted(d["text"] for d in Device(laptop.home, ours).tables()["interactions"].values())
    assert texts == ["one", "two"]


def test_a_folder_without_a_remote_gets_one_clear_line(tmp_path: Path) -> None:
    device = Device(tmp_path / "home", tmp_path / "book" / "book.json")
    device.book.parent.mkdir(parents=True)
    git(device.book.parent, "init", "-q")
    device.run("client", "add", "Acme GmbH")
    done = device.run("sync", ok=False)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "no git remote" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_folder_outside_git_is_refused_in_one_line(tmp_path: Path) -> None:
    device = Device(tmp_path / "home", tmp_path / "book" / "book.json")
    device.book.parent.mkdir(parents=True)
    done = device.run("sync", ok=False)
    assert done.returncode == 1
    assert "not in a git repository" in done.stderr and done.stderr.count("\n") == 1
