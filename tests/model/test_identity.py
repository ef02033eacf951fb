"""Identity as the Book writes it: uids, refs, stamps, device ids, numbers never reused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import orjson
import pendulum
import pytest

from model import Book
from model.identity import Clock, device_id, items_of, last_change, ref_of, state_dir
from model.interaction import InteractionKind


def tables(path: Path) -> dict:  # type: ignore[type-arg]
    data: dict = orjson.loads(path.read_bytes())  # type: ignore[type-arg]
    return data


def test_every_record_and_embedded_record_gets_a_uid(
    book: Book, book_path: Path, now: pendulum.DateTime
) -> None:
    book.add_client("Acme GmbH", now, contacts=["Anna <anna@acme.example>"])
    book.log("acme", InteractionKind.CALL, "hello", now)
    book.add_invoice("acme", "R-1", Decimal("100"), now.date())
    book.record_payment("acme", "R-1", now.date(), Decimal("40"))
    book.open_issue("acme", "late", now)
    book.owe_thanks("acme", "referral", now)
    book.add_kudos("acme", "great work", now)
    data = tables(book_path)
    uids = []
    for name in ("clients", "interactions", "invoices", "issues", "thanks", "kudos"):
        for doc in data[name].values():
            uids.append(doc["uid"])
            uids.extend(item["uid"] for item in items_of(doc))
    [client] = data["clients"].values()
    assert {"uid"} <= set(client["contacts"][0]) and {"uid"} <= set(client["history"][0])
    [invoice] = data["invoices"].values()
    assert invoice["payments"][0]["uid"]
    assert len(uids) == len(set(uids)) == 9
    [interaction] = data["interactions"].values()
    # nothing more (the writer's UTC offset aside)
    assert set(interaction) - {"tz"} == {"client", "kind", "when", "text", "uid"}


def test_an_edit_stamps_only_the_fields_it_changed_and_keeps_the_ref(
    book: Book, book_path: Path, now: pendulum.DateTime
) -> None:
    book.add_client("Acme GmbH", now, tags=["a"])
    [before] = tables(book_path)["clients"].values()
    book.edit_client("acme", now, cadence=10)
    [after] = tables(book_path)["clients"].values()
    assert set(after["fs"]) == {"cadence", "cadence_set"}
    assert after["uid"] == before["uid"] and ref_of(after["uid"]) == ref_of(before["uid"])
    assert last_change(after) > last_change(before)
    book.edit_client("acme", now, tags=["b"])
    book.undo()
    [undone] = tables(book_path)["clients"].values()
    assert undone["tags"] == ["a"] and undone["cadence"] == 10
    assert set(undone["fs"]) == {"cadence", "cadence_set", "tags"}  # the undo is a change too


def test_a_number_taken_back_by_undo_is_never_given_again(
    book: Book, now: pendulum.DateTime
) -> None:
    book.add_client("Acme GmbH", now)
    assert book.open_issue("acme", "first", now).params["number"] == 1
    assert book.open_issue("acme", "second", now).params["number"] == 2
    book.undo()
    assert book.open_issue("acme", "third", now).params["number"] == 3
    assert book.owe_thanks("acme", "one", now).params["number"] == 1
    book.undo()
    assert book.owe_thanks("acme", "two", now).params["number"] == 2
    assert [row.issue.number for row in book.open_issues(now)] == [1, 3]


def test_the_device_id_is_kept_in_the_state_folder_unless_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = device_id({})
    assert device_id({}) == first
    assert (state_dir() / "device").read_text() == first
    assert device_id({"RAPPORT_DEVICE": "laptop"}) == device_id({"RAPPORT_DEVICE": "laptop"})
    assert device_id({"RAPPORT_DEVICE": "laptop"}) != device_id({"RAPPORT_DEVICE": "desktop"})


def test_the_clock_never_goes_back_and_moves_past_what_it_saw() -> None:
    wall = [5_000]
    clock = Clock("ABCDEF", lambda: wall[0])
    first = clock.tick()
    wall[0] = 1_000  # the wall clock jumps back
    second = clock.tick()
    assert second > first
    other = Clock("ZZZZZZ", lambda: 9_000)
    seen = other.tick()
    clock.observe(seen)
    assert clock.tick() > seen
    assert len(first) == 18 and first.endswith("ABCDEF")


def test_ref_key_is_the_seven_letter_ref_as_a_number() -> None:
    # The check of a new record's ref compares keys: each key must spell its ref, five
    # bits a letter (two letters a ten-bit pair, the seventh from bits 30-34).
    from model.identity import ref_key, short_refs_in

    letters = "abcdefghijkmnpqrstuvwxyz23456789"
    for number in range(20_000):
        uid = f"01HF7YAT{number:04}00000{number % 7}"
        key = ref_key(uid)
        spelt = "".join(letters[(key >> shift) & 31] for shift in (5, 0, 15, 10, 25, 20, 30))
        assert spelt == ref_of(uid)
    docs = [{"uid": "U1", "contacts": [{"uid": "U2"}]}, {"uid": "U3", "ref": "abcdefgh"}]
    # A record with a longer ref of its own leaves its seven letters free.
    assert short_refs_in(docs) == {ref_key("U1"), ref_key("U2")}
