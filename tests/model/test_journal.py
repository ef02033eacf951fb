"""The journal: writes as appended lines, replayed by readers, folded into the main file."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

from model import journal
from model.errors import BookCorrupt
from model.store import Store
from tests.model import test_concurrency


@pytest.fixture(autouse=True)
def journaled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write of these tests goes through the journal (and so do their workers)."""
    monkeypatch.setenv("RAPPORT_FOLD_BELOW", "0")


def fresh_book(path: Path) -> Store:
    """A book whose main file has been folded once, so that later writes are lines."""
    store = Store(path)
    with store.transaction() as txn:
        txn.insert("clients", {"name": "Acme"})
    return store


def add(store: Store, name: str) -> int:
    with store.transaction({"key": "add", "params": {"name": name}}) as txn:
        return txn.insert("clients", {"name": name})


def lines(path: Path) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def stock(path: Path) -> dict[str, dict[str, object]]:
    with TinyDB(path) as db:
        return {str(doc.doc_id): dict(doc) for doc in db.table("clients").all()}


def test_a_write_is_one_appended_line_the_file_stays_as_folded(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    before = path.read_bytes()
    assert add(store, "Beta") == 2
    assert path.read_bytes() == before
    [line] = lines(store.journal)
    assert line["seq"] == 2
    assert line["label"] == {"key": "add", "params": {"name": "Beta"}}
    assert line["changes"] == [["clients", "2", None, {"name": "Beta"}]]
    meta = orjson.loads(before)["_meta"]["1"]
    assert line["base"] == meta["token"]
    assert store.unfolded == 1
    # Another process sees it, replayed on the file; stock TinyDB sees the last fold.
    other = Store(path)
    assert dict(other.tables()["clients"]) == {"1": {"name": "Acme"}, "2": {"name": "Beta"}}
    assert other.generation == 2
    assert stock(path) == {"1": {"name": "Acme"}}


def test_a_fold_puts_every_line_in_the_file_for_stock_tinydb(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    for name in ("Beta", "Gamma", "Delta"):
        add(store, name)
    assert Store(path).fold() == 3
    assert not store.journal.exists()
    assert stock(path) == {
        "1": {"name": "Acme"},
        "2": {"name": "Beta"},
        "3": {"name": "Gamma"},
        "4": {"name": "Delta"},
    }
    meta = orjson.loads(path.read_bytes())["_meta"]["1"]
    assert meta["generation"] == 4
    assert meta["last"] == ["clients", 4]
    assert meta["size"] == path.stat().st_size
    # The writer that did not fold sees that the file moved on and stays correct.
    assert store.changed()
    assert add(store, "Epsilon") == 5
    assert Store(path).disk_generation() == 5
    assert Store(path).fold() == 1
    assert Store(path).fold() == 0


def test_the_index_in_meta_points_at_each_table(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    with store.transaction() as txn:
        txn.insert("invoices", {"number": "R-1"})
    store.fold()
    raw = path.read_bytes()
    index = orjson.loads(raw)["_meta"]["1"]["index"]
    spans = {index[i]: (index[i + 1], index[i + 2]) for i in range(0, len(index), 3)}
    for name, (start, end) in spans.items():
        assert orjson.loads(raw[start:end]) == orjson.loads(raw)[name]


def test_a_book_folds_itself_after_so_many_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "FOLD_LINES", 4)
    path = tmp_path / "book.json"
    store = fresh_book(path)
    for number in range(3):
        add(store, f"C{number}")
    assert store.unfolded == 3
    add(store, "C3")
    assert store.unfolded == 0
    assert not store.journal.exists()
    assert len(stock(path)) == 5


def test_a_small_book_is_rewritten_on_every_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RAPPORT_FOLD_BELOW")
    path = tmp_path / "book.json"
    store = fresh_book(path)
    add(store, "Beta")
    assert not store.journal.exists()
    assert stock(path) == {"1": {"name": "Acme"}, "2": {"name": "Beta"}}


def test_a_torn_last_line_is_ignored_and_cut_by_the_next_writer(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    add(store, "Beta")
    whole = store.journal.read_bytes()
    with store.journal.open("ab") as handle:
        handle.write(b'{"seq":3,"base":"x","chan')  # killed inside the append
    reader = Store(path)
    assert set(reader.tables()["clients"]) == {"1", "2"}
    assert add(reader, "Gamma") == 3
    assert store.journal.read_bytes().startswith(whole)
    assert [line["seq"] for line in lines(store.journal)] == [2, 3]
    assert set(Store(path).tables()["clients"]) == {"1", "2", "3"}


def test_a_bad_line_in_the_middle_is_a_damaged_book_never_written_over(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    add(store, "Beta")
    add(store, "Gamma")
    first, second = store.journal.read_bytes().splitlines(keepends=True)
    store.journal.write_bytes(first[:10] + b"#" + first[11:] + second)
    damaged = store.journal.read_bytes()
    before = path.read_bytes()
    with pytest.raises(BookCorrupt) as error:
        Store(path).tables()
    assert error.value.key == "store.journal_damaged"
    assert error.value.params["line"] == 1
    assert str(store.journal) in error.value.render("en")
    with pytest.raises(BookCorrupt):
        add(Store(path), "Delta")
    with pytest.raises(BookCorrupt):
        Store(path).fold()
    assert store.journal.read_bytes() == damaged
    assert path.read_bytes() == before


def test_a_stock_tinydb_rewrite_under_a_journal_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    add(store, "Beta")
    with TinyDB(path) as db:
        db.table("clients").insert({"name": "Stock"})
    rewritten, kept = path.read_bytes(), store.journal.read_bytes()
    with pytest.raises(BookCorrupt) as error:
        Store(path).tables()
    assert error.value.key == "store.rewritten"
    assert "\n" not in error.value.render("en")
    with pytest.raises(BookCorrupt):
        add(Store(path), "Gamma")
    assert path.read_bytes() == rewritten
    assert store.journal.read_bytes() == kept


def test_a_stock_tinydb_rewrite_without_a_journal_is_read_as_ever(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    fresh_book(path)
    with TinyDB(path) as db:
        db.table("clients").insert({"name": "Stock"})
    assert add(Store(path), "Beta") == 3
    assert set(Store(path).tables()["clients"]) == {"1", "2", "3"}


def test_a_kill_between_the_folds_rename_and_emptying_the_journal_replays_nothing_twice(
    tmp_path: Path,
) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    add(store, "Beta")
    with store.transaction() as txn:
        txn.update("clients", 1, {"name": "Acme", "n": 1})
    left = tmp_path / "left"
    shutil.copy(store.journal, left)
    assert Store(path).fold() == 2
    shutil.copy(left, store.journal)  # as if the fold died before removing it
    reader = Store(path)
    assert reader.disk_generation() == 3
    clients = {"1": {"name": "Acme", "n": 1}, "2": {"name": "Beta"}}
    assert dict(reader.tables()["clients"]) == clients
    assert add(reader, "Gamma") == 3
    assert [line["seq"] for line in lines(store.journal)] == [4]
    assert Store(path).disk_generation() == 4


def test_undo_and_redo_of_unfolded_and_folded_lines(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    add(store, "Beta")
    store.fold()
    add(store, "Gamma")
    # Undoing an unfolded line appends the line that takes it back.
    assert Store(path).undo() == {"key": "add", "params": {"name": "Gamma"}}
    assert [line["seq"] for line in lines(store.journal)] == [3, 4]
    assert set(store.tables()["clients"]) == {"1", "2"}
    # Undoing a folded write works the same way, across processes of this device.
    assert Store(path).undo() == {"key": "add", "params": {"name": "Beta"}}
    assert set(Store(path).tables()["clients"]) == {"1"}
    assert Store(path).redo() is not None
    assert Store(path).redo() is not None
    assert set(Store(path).tables()["clients"]) == {"1", "2", "3"}
    Store(path).fold()
    assert set(stock(path)) == {"1", "2", "3"}


def test_a_second_device_on_the_same_host_keeps_its_own_journal(tmp_path: Path) -> None:
    from model.identity import Clock

    path = tmp_path / "book.json"
    fresh_book(path)
    # The first write with a clock gathers the refs and folds them into the file.
    add(Store(path, Clock("CCCCCC")), "Beta")
    laptop = Store(path, Clock("AAAAAA"))
    desktop = Store(path, Clock("BBBBBB"))
    add(laptop, "Gamma")
    add(desktop, "Delta")
    add(laptop, "Epsilon")
    assert laptop.journal != desktop.journal
    assert [line["seq"] for line in lines(laptop.journal)] == [3, 5]
    assert [line["seq"] for line in lines(desktop.journal)] == [4]
    assert len(Store(path).tables()["clients"]) == 5
    assert Store(path).fold() == 3
    assert not laptop.journal.exists() and not desktop.journal.exists()


def test_a_journal_that_does_not_continue_the_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    add(store, "Beta")
    stray = store.journal.read_bytes()
    Store(path).fold()
    add(store, "Gamma")
    Store(path).fold()
    store.journal.write_bytes(stray)  # this device's lines, on another version of the file
    with pytest.raises(BookCorrupt) as error:
        Store(path).tables()
    assert error.value.key == "store.journal_foreign"
    assert store.journal.read_bytes() == stray


def test_another_devices_journal_carried_by_a_sync_tool_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    add(store, "Beta")
    stray = store.journal.read_bytes()
    store.fold()
    add(store, "Gamma")
    store.fold()
    add(store, "Delta")
    other = journal.journal_path(path, "ZZZZZZ")
    other.write_bytes(stray)  # based on a fold two folds ago
    reader = Store(path)
    assert set(reader.tables()["clients"]) == {"1", "2", "3", "4"}
    assert add(reader, "Epsilon") == 5
    assert reader.fold() == 2
    # Never folded, never removed: that device folds it into its own file, which merges.
    assert other.read_bytes() == stray
    assert len(Store(path).tables()["clients"]) == 5


def test_eight_processes_journaling_at_once_have_unique_ids_and_contiguous_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(test_concurrency, "STEPS", 12)
    # Lines only, no fold: every number the writers took is in the journals.
    test_concurrency.test_eight_processes_writing_at_once_lose_nothing(tmp_path)
    found = journal.journals(tmp_path / "book.json")
    seqs = sorted(int(str(line["seq"])) for path in found for line in lines(path))
    assert seqs == list(range(2, 2 + 8 * 12))
    assert Store(tmp_path / "book.json").fold() == 8 * 12


def test_the_existing_concurrency_tests_pass_on_the_journal(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    test_concurrency.test_one_process_writes_25_steps_another_takes_them_back(tmp_path / "a")
    test_concurrency.test_undo_in_another_process_is_seen_here(tmp_path / "b")


def test_a_writer_parses_only_the_tables_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from model.lean import Lazy

    path = tmp_path / "book.json"
    store = fresh_book(path)
    with store.transaction() as txn:
        for number in range(50):
            txn.insert("interactions", {"n": number})
    store.fold()
    parsed: list[str] = []
    real_load = Lazy.load

    def spy(self: Lazy, table: str) -> None:
        if self.is_lazy(table):
            parsed.append(table)
        real_load(self, table)

    monkeypatch.setattr(Lazy, "load", spy)
    writer = Store(path)
    with writer.transaction() as txn:
        assert txn.table("clients")["1"] == {"name": "Acme"}
        assert txn.insert("interactions", {"n": 50}) == 51  # the next id from _meta
    assert parsed == ["clients"]  # never the interactions
    # What it did not parse is all there for the next reader, the new line on top.
    reader = Store(path)
    assert len(reader.tables()["interactions"]) == 51
    assert reader.tables()["interactions"]["51"] == {"n": 50}
    assert "interactions" in parsed


def test_another_processes_line_is_picked_up_by_a_polling_reader(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "book.json"
    fresh_book(path)
    board = Store(path)
    assert set(board.tables()["clients"]) == {"1"}
    assert not board.changed()
    writer = (
        "import sys; from model.store import Store; s = Store(sys.argv[1])\n"
        "with s.transaction() as t: t.insert('clients', {'name': 'Beta'})"
    )
    subprocess.run([sys.executable, "-c", writer, str(path)], check=True)
    assert journal.journals(path)  # a line, not a new file
    assert board.changed()
    assert set(board.tables()["clients"]) == {"1", "2"}
    assert board.generation == 2
    assert not board.changed()


def test_a_reader_regathers_only_the_clients_another_processes_lines_touched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    import pendulum

    from model import Book
    from model import board as board_rules

    now = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")
    path = tmp_path / "book.json"
    first = Book(path)
    for name in ("Acme", "Beta", "Gamma"):
        first.add_client(name, now)
    first.fold()
    board = Book(path)
    assert len(board.board(now)) == 3
    asked: list[object] = []
    real_gather = board_rules.gather

    def spy(tables: object, only: object = None, **kw: object) -> object:
        asked.append(only)
        return real_gather(tables, only, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(board_rules, "gather", spy)
    writer = (
        "import sys, pendulum; from model import Book\n"
        "now = pendulum.datetime(2026, 11, 25, 10, 0, tz='Europe/Berlin')\n"
        "Book(sys.argv[1]).quick('beta call about the plan', now)"
    )
    subprocess.run([sys.executable, "-c", writer, str(path)], check=True)
    assert board.changed()
    rows = {row.client.id: row for row in board.board(now)}
    assert asked == [{"beta"}]
    assert rows["beta"].client.id == "beta" and len(rows) == 3
    assert board.client_file("beta", now).interactions[0].text == "about the plan"


def test_merge_hold_and_keep_copy_see_the_book_with_its_journal(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    store = fresh_book(path)
    add(store, "Beta")
    # A copy kept inside a transaction (the demo's "before" file) holds the journal's lines.
    kept = tmp_path / "kept.json"
    with store.transaction() as txn:
        store.keep_copy(kept)
        txn.insert("clients", {"name": "Gamma"})
    assert set(orjson.loads(kept.read_bytes())["clients"]) == {"1", "2"}
    # rapport sync's git works on the file alone: it is folded first.
    with Store(path).hold():
        assert not journal.journals(path)
        assert set(stock(path)) == {"1", "2", "3"}
    add(store, "Delta")
    other = tmp_path / "other.json"
    other.write_bytes(b'{"_meta":{"1":{"schema":2,"generation":1,"clock":""}},"notes":{}}')
    # A merge is written as a fold: the file alone holds it and all before it.
    store.merge_in(orjson.loads(other.read_bytes()), lambda before, after: {"key": "m"})
    assert not journal.journals(path)
    assert set(stock(path)) == {"1", "2", "3", "4"}
