"""Two devices, real processes: offline edits merged both ways, conflict copies, undo.

Each device is its own HOME (so its own state folder and device id); the book
travels between them as a file copy, the way a sync tool moves it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

RAPPORT = str(Path(sys.executable).parent / "rapport")
NOW = "2026-11-25T10:00:00+01:00"


class Device:
    def __init__(self, home: Path, book: Path) -> None:
        self.home, self.book = home, book
        self.env = {
            **os.environ,
            "HOME": str(home),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "RAPPORT_NOW": NOW,
            "RAPPORT_LOCALE": "en",
        }
        self.env.pop("RAPPORT_DEVICE", None)
        self.env.pop("RAPPORT_DB", None)

    def run(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [RAPPORT, "--db", str(self.book), *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if ok:
            assert done.returncode == 0, done.stderr
        return done

    def quick(self, line: str) -> str:
        return self.run("quick", line).stdout

    def tables(self) -> dict[str, Any]:
        data: dict[str, Any] = orjson.loads(self.book.read_bytes())
        return data


def records(tables: dict[str, Any]) -> dict[str, Any]:
    """The book without its ``_meta`` (whose generation counts this device's writes)."""
    return {k: v for k, v in tables.items() if k != "_meta" and v}


@pytest.fixture
def two(tmp_path: Path) -> tuple[Device, Device]:
    laptop = Device(tmp_path / "laptop", tmp_path / "laptop" / "book.json")
    desktop = Device(tmp_path / "desktop", tmp_path / "desktop" / "book.json")
    laptop.book.parent.mkdir(parents=True)
    desktop.book.parent.mkdir(parents=True)
    laptop.run("client", "add", "Acme GmbH", "--tag", "a")
    laptop.quick("acme invoice R-1 1200 EUR")
    shutil.copy(laptop.book, desktop.book)
    return laptop, desktop


def diverge(laptop: Device, desktop: Device) -> None:
    for n in range(3):
        laptop.quick(f"acme call laptop {n}")
    laptop.quick("acme issue late delivery")
    laptop.quick("acme paid R-1 200")
    for n in range(2):
        desktop.quick(f"acme mail desktop {n}")
    desktop.quick("acme issue wrong invoice address")
    desktop.quick("acme paid R-1 300")
    desktop.quick("acme thanks for the referral")


def test_offline_edits_merged_in_both_orders_give_one_book_with_every_write(
    tmp_path: Path, two: tuple[Device, Device]
) -> None:
    laptop, desktop = two
    diverge(laptop, desktop)
    laptop_copy, desktop_copy = tmp_path / "from-laptop.json", tmp_path / "from-desktop.json"
    shutil.copy(laptop.book, laptop_copy)
    shutil.copy(desktop.book, desktop_copy)
    said = laptop.run("merge", str(desktop_copy)).stdout
    assert "2 mails" in said and "1 issue" in said and "1 payment" in said
    assert "issue #1 is now #2" in said
    desktop.run("merge", str(laptop_copy))
    assert records(laptop.tables()) == records(desktop.tables())
    book = laptop.tables()
    texts = sorted(d["text"] for d in book["interactions"].values())
    assert texts == sorted(
        [*(f"laptop {n}" for n in range(3)), *(f"desktop {n}" for n in range(2))]
    )
    assert sorted(d["text"] for d in book["issues"].values()) == [
        "late delivery",
        "wrong invoice address",
    ]
    [invoice] = book["invoices"].values()
    assert sorted(p["amount"] for p in invoice["payments"]) == ["200.00", "300.00"]
    # Merging the same copies again changes nothing at all.
    before = laptop.book.read_bytes()
    assert "Nothing new" in laptop.run("merge", str(desktop_copy)).stdout
    assert laptop.book.read_bytes() == before


def test_the_same_field_changed_on_both_keeps_the_later_and_lists_the_other(
    tmp_path: Path, two: tuple[Device, Device]
) -> None:
    laptop, desktop = two
    laptop.run("client", "edit", "acme", "--cadence", "10")
    desktop.run("client", "edit", "acme", "--cadence", "20")  # later
    laptop.run("client", "edit", "acme", "--tag", "b")  # another field, later still
    copy = tmp_path / "desktop.json"
    shutil.copy(desktop.book, copy)
    laptop.run("merge", str(copy))
    [client] = laptop.tables()["clients"].values()
    assert client["cadence"] == 20 and client["tags"] == ["b"]
    assert {"field": "cadence", "value": 10} in [
        {"field": e["field"], "value": e["value"]} for e in client["lost"]
    ]


def test_undo_takes_back_this_devices_change_only(two: tuple[Device, Device]) -> None:
    laptop, desktop = two
    laptop.quick("acme call from the laptop")
    shutil.copy(laptop.book, desktop.book)  # the sync tool carries it over
    desktop.quick("acme mail from the desktop")
    desktop.run("client", "edit", "acme", "--cadence", "21")
    shutil.copy(desktop.book, laptop.book)  # and back
    assert "Took back" in laptop.run("undo").stdout  # the laptop's call
    texts = [d["text"] for d in laptop.tables()["interactions"].values()]
    assert texts == ["from the desktop"]
    [client] = laptop.tables()["clients"].values()
    assert client["cadence"] == 21
    # The desktop's log still holds its own two changes, the laptop's none of them.
    shutil.copy(laptop.book, desktop.book)
    desktop.run("undo")
    desktop.run("undo")
    [client] = desktop.tables()["clients"].values()
    assert client["cadence"] == 30
    assert desktop.tables()["interactions"] == {}


def test_undo_of_a_merge_takes_it_back_as_one_step(
    tmp_path: Path, two: tuple[Device, Device]
) -> None:
    laptop, desktop = two
    diverge(laptop, desktop)
    before = records(laptop.tables())
    copy = tmp_path / "desktop.json"
    shutil.copy(desktop.book, copy)
    laptop.run("merge", str(copy))
    assert "Merged desktop.json" in laptop.run("undo").stdout
    assert records(laptop.tables()) == before
    # Next comes the laptop's own newest write, then the merge can be made again.
    assert "Part payment of 200.00" in laptop.run("undo").stdout
    laptop.run("merge", str(copy))
    assert len(laptop.tables()["interactions"]) == 5


CONFLICT_NAMES = [
    "book.sync-conflict-20261201-101010-ABCDEF7.json",
    "book (Anna's conflicted copy 2026-12-01).json",
    "book (conflicted copy 2026-12-01 101010).json",
    "book 2.json",
    "book-DESKTOP.json",
]


@pytest.mark.parametrize("name", CONFLICT_NAMES)
def test_a_conflict_copy_is_folded_in_on_the_next_command(
    two: tuple[Device, Device], name: str
) -> None:
    laptop, desktop = two
    diverge(laptop, desktop)
    copy = laptop.book.with_name(name)
    shutil.copy(desktop.book, copy)
    done = laptop.run("list")
    assert f"Folded the conflict copy {name}" in done.stderr
    assert not copy.exists()
    [moved] = (laptop.home / ".local" / "state" / "rapport" / "books").glob(f"*/merged/{name}")
    assert moved.read_bytes() == desktop.book.read_bytes()
    assert len(laptop.tables()["interactions"]) == 5
    assert "Folded" not in laptop.run("list").stderr


def test_a_conflict_copy_that_does_not_parse_is_left_alone_and_reported(
    two: tuple[Device, Device],
) -> None:
    laptop, _ = two
    copy = laptop.book.with_name("book 2.json")
    copy.write_bytes(b'{"_meta": {"1": ')
    before = laptop.book.read_bytes()
    done = laptop.run("list")
    assert "book 2.json cannot be read as a book" in done.stderr
    assert copy.read_bytes() == b'{"_meta": {"1": '
    assert laptop.book.read_bytes() == before


def test_the_device_files_stay_out_of_the_synced_folder(two: tuple[Device, Device]) -> None:
    laptop, _ = two
    laptop.run("undo")
    names = {p.name for p in laptop.book.parent.iterdir()}
    assert "book.json" in names
    assert not [n for n in names if "undo" in n or n == "device"]
    assert (laptop.home / ".local" / "state" / "rapport" / "device").exists()


def test_a_dry_run_says_what_would_come_and_writes_nothing(
    tmp_path: Path, two: tuple[Device, Device]
) -> None:
    laptop, desktop = two
    diverge(laptop, desktop)
    copy = tmp_path / "desktop.json"
    shutil.copy(desktop.book, copy)
    before = laptop.book.read_bytes()
    said = laptop.run("merge", str(copy), "--dry-run").stdout
    assert "2 mails" in said and "Nothing was written" in said
    assert laptop.book.read_bytes() == before
    assert "Nothing to undo" not in laptop.run("undo").stdout  # the laptop's own write, not a merge
    missing = laptop.run("merge", str(tmp_path / "nothere.json"), ok=False)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
