"""Real processes writing and undoing the same book at once lose nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from model.store import Store

WORKER = Path(__file__).with_name("store_worker.py")
WORKERS = 8
STEPS = 24


def start(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def result(process: subprocess.Popen[str]) -> Any:
    out, _ = process.communicate(timeout=120)
    assert process.returncode == 0
    return json.loads(out)


def test_eight_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    with Store(path).transaction() as txn:
        txn.insert("counter", {"n": 0})
    workers = [start("mixed", path, worker, STEPS) for worker in range(WORKERS)]
    for process in workers:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
    for process in workers:  # all loaded and waiting: let them go together
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    results = [result(process) for process in workers]

    inserted = [doc_id for r in results for doc_id in r["inserted"]]
    assert len(inserted) == len(set(inserted)) == WORKERS * STEPS
    expected = {doc_id: doc for r in results for doc_id, doc in r["expected"].items()}
    store = Store(path)
    tables = store.tables()
    assert dict(tables["items"]) == expected
    # Every worker raised the one shared counter in each of its transactions.
    assert tables["counter"]["1"] == {"n": WORKERS * STEPS}
    assert store.generation == 1 + WORKERS * STEPS
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_one_process_writes_25_steps_another_takes_them_back(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    snapshots = result(start("write", path, 25))
    store = Store(path)
    assert dict(store.tables()["items"]) == snapshots[-1]
    for step in reversed(range(25)):
        assert store.undo() == {"key": "step", "params": {"n": step}}
        assert dict(store.tables().get("items", {})) == (snapshots[step - 1] if step else {})
    assert store.undo() is None


def test_undo_in_another_process_is_seen_here(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = Store(path)
    for name in ("Acme", "Beta", "Gamma"):
        with store.transaction({"key": "add", "params": {"name": name}}) as txn:
            txn.insert("items", {"name": name})
    [[label, items]] = result(start("undo", path, 1))
    assert label == {"key": "add", "params": {"name": "Gamma"}}
    assert items == {"1": {"name": "Acme"}, "2": {"name": "Beta"}}
    assert store.changed()
    assert dict(store.tables()["items"]) == items
    assert store.undo() == {"key": "add", "params": {"name": "Beta"}}
    with store.transaction() as txn:
        assert txn.insert("items", {"name": "Delta"}) == 2
    [[label, items]] = result(start("undo", path, 1))
    assert label == {}
    assert items == {"1": {"name": "Acme"}}
