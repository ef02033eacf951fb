"""SIGKILL a journaling writer at random instants, in appends and in folds.

After every kill: the book (file plus journals) is the last acknowledged state or the
one in flight, never less and never a line applied twice; stock TinyDB opens the
main file and sees exactly the state of its last fold.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

from model import journal
from model.migrations import META
from model.store import Store
from tests.model.store_worker import expected_state
from tests.model.test_crash import CrashServer

WORKER = Path(__file__).with_name("journal_worker.py")
KILLS = 36


@pytest.fixture(params=[3, 1000], ids=["folding", "appending"])
def server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[CrashServer]:
    monkeypatch.setenv("RAPPORT_FOLD_BELOW", "0")
    path = tmp_path / "book.json"
    with Store(path).transaction() as txn:
        txn.insert("state", expected_state(1)["1"])
    (tmp_path / "committed.log").write_text("1\n")
    log = tmp_path / "committed.log"
    server = CrashServer(log, str(request.param), str(path), str(log), worker=WORKER)
    yield server
    server.close()


def stock_state(path: Path) -> tuple[int, dict[str, object]]:
    with TinyDB(path) as db:
        meta = db.table(META).get(doc_id=1)
        assert isinstance(meta, dict)
        return meta["generation"], {str(d.doc_id): dict(d) for d in db.table("state").all()}


def test_a_kill_in_an_append_or_a_fold_loses_no_acknowledged_line(
    tmp_path: Path, server: CrashServer
) -> None:
    path = tmp_path / "book.json"
    rng = random.Random(20261202)
    known, folds_seen, lines_seen = 1, set(), 0
    for _ in range(KILLS):
        server.kill_after(rng.uniform(0.002, 0.05))
        last = max(server.last_logged(), known)
        store = Store(path)
        state = dict(store.tables()["state"])
        known = store.generation
        assert known in (last, last + 1)
        assert state == expected_state(known)
        folded, seen_by_stock = stock_state(path)
        assert seen_by_stock == expected_state(folded)
        folds_seen.add(folded)
        lines_seen = max(lines_seen, known - folded)
        found = journal.journals(path)
        assert [p.name for p in found] in ([], ["book.json.journal-local"])
    assert known > 10  # the writers got somewhere between the kills
    if server.process.args[2] == "3":  # type: ignore[index]
        assert len(folds_seen) >= 2  # and the kills met books folded between them
    else:
        assert lines_seen > 5  # lines waited in the journal
    # Whatever was left, the next writer goes on from it and a fold takes all in.
    store = Store(path)
    with store.transaction() as txn:
        txn.insert("after", {"ok": True})
    store.fold()
    assert orjson.loads(path.read_bytes())[META]["1"]["generation"] == known + 1
    assert not journal.journals(path)
