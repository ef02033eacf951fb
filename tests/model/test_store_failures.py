"""A disk that refuses a write leaves the book, its backups and memory as they were."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from model.errors import WriteFailed
from model.store import Store

STOCK_BOOK = b'{"_default": {"1": {"name": "Acme"}}}'


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "book.json.lock"}


def failing(name: str, code: int, *, after: int = 0) -> Callable[..., Any]:
    """``os.<name>`` that works ``after`` times, then raises ``OSError(code)``."""
    real = getattr(os, name)
    calls = {"n": 0}

    def fake(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > after:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    return fake


def half_then_enospc() -> Callable[..., Any]:
    """A disk that takes half of the first write, then is full."""
    real = os.write
    calls = {"n": 0}

    def fake(fd: int, data: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 1:
            return real(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return fake


FAULTS: dict[str, tuple[str, Callable[[], Callable[..., Any]]]] = {
    "write ENOSPC": ("write", lambda: failing("write", errno.ENOSPC)),
    "write half, then ENOSPC": ("write", half_then_enospc),
    "write EIO": ("write", lambda: failing("write", errno.EIO)),
    "fsync EIO": ("fsync", lambda: failing("fsync", errno.EIO)),
    "fsync ENOSPC": ("fsync", lambda: failing("fsync", errno.ENOSPC)),
    "rename EIO": ("replace", lambda: failing("replace", errno.EIO)),
    "rename ENOSPC": ("replace", lambda: failing("replace", errno.ENOSPC)),
}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "book.json")
    for n in range(2):
        with store.transaction({"key": "add", "params": {"n": n}}) as txn:
            txn.insert("clients", {"name": f"client {n}"})
    return store


@pytest.mark.parametrize("fault", FAULTS, ids=list(FAULTS))
def test_a_failed_write_changes_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    name, make = FAULTS[fault]
    before = folder_state(tmp_path)
    tables_before = {name: dict(table) for name, table in store.tables().items()}
    with monkeypatch.context() as patch:
        patch.setattr(os, name, make())
        with pytest.raises(WriteFailed) as caught, store.transaction() as txn:
            txn.update("clients", 1, {"name": "renamed"})
            txn.insert("clients", {"name": "new"})
    cause = caught.value.__cause__
    assert isinstance(cause, OSError)
    assert cause.errno is not None
    assert str(store.path) in str(caught.value)
    assert os.strerror(cause.errno) in str(caught.value)
    assert folder_state(tmp_path) == before  # book and backups; no temp file
    assert store.tables() == tables_before
    assert store.generation == 2
    with store.transaction() as txn:
        assert txn.insert("clients", {"name": "later"}) == 3
    assert store.generation == 3


def test_a_failed_undo_changes_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = folder_state(tmp_path)
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", failing("fsync", errno.EIO))
        with pytest.raises(WriteFailed):
            store.undo()
    assert folder_state(tmp_path) == before
    assert len(store.tables()["clients"]) == 2
    assert store.undo() == {"key": "add", "params": {"n": 1}}


def test_a_failed_first_write_creates_no_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "book.json")
    with monkeypatch.context() as patch:
        patch.setattr(os, "write", failing("write", errno.ENOSPC))
        with pytest.raises(WriteFailed), store.transaction() as txn:
            txn.insert("clients", {"name": "Acme"})
    assert not store.path.exists()
    assert folder_state(tmp_path) == {}
    assert dict(store.tables()) == {}


@pytest.mark.parametrize("after", [0, 1], ids=["backup copy fails", "migrated book fails"])
def test_a_failed_migration_leaves_the_old_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: int
) -> None:
    path = tmp_path / "book.json"
    path.write_bytes(STOCK_BOOK)
    store = Store(path)
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", failing("fsync", errno.EIO, after=after))
        with pytest.raises(WriteFailed):
            store.tables()
    assert path.read_bytes() == STOCK_BOOK
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    # The copy of the old book is only there when it was written whole.
    backup = tmp_path / "book.json.v0.bak"
    assert backup.exists() == bool(after)
    assert not backup.exists() or backup.read_bytes() == STOCK_BOOK
    assert store.tables()["_default"]["1"]["name"] == "Acme"
    assert store.generation == 1


def test_temp_files_left_by_a_killed_writer_are_cleaned_up(store: Store, tmp_path: Path) -> None:
    for stale in (".book.json.tmp", ".book.json.keep"):
        (tmp_path / stale).write_bytes(b'{"half": ')
    with store.transaction() as txn:
        txn.insert("clients", {"name": "after the crash"})
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert len(Store(store.path).tables()["clients"]) == 3
