"""A reader that polls follows the journal line by line: the board open on a large book
re-reads the file only when it was folded, not at every line another process appends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from model import journal
from model.store import Store

WRITER = (
    "import sys; from model.store import Store; s = Store(sys.argv[1])\n"
    "with s.transaction() as t: t.insert('clients', {'id': sys.argv[2], 'name': sys.argv[2]})"
)


@pytest.fixture(autouse=True)
def journaled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORT_FOLD_BELOW", "0")


def test_line_after_line_from_other_processes_is_tailed_not_read_anew(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    with Store(path).transaction() as txn:
        txn.insert("clients", {"id": "acme", "name": "Acme"})
    board = Store(path)
    assert len(board.tables()["clients"]) == 1
    epoch = board.epoch
    for n in range(2, 6):
        subprocess.run([sys.executable, "-c", WRITER, str(path), f"client-{n}"], check=True)
        assert board.changed()
        assert len(board.tables()["clients"]) == n
        assert board.generation == n
        # Memory was brought up by the new line alone: the same reading of the file.
        assert board.epoch == epoch, f"the whole book was read again at line {n - 1}"
        assert board.touched_since(n - 1, epoch) == {f"client-{n}"}
    assert len(journal.read(journal.journals(path)[0]).entries) == 4
    assert board.tables() == Store(path).tables()
