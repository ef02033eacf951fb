"""Days are the user's days, and a stored moment keeps the zone it was written in."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pendulum
import pytest

from model import Book, BookCorrupt, State
from model.timestamps import days_since, local_day, moment_text, zone_text

EVENING_NY = pendulum.datetime(2026, 12, 1, 20, 0, tz="America/New_York")


def test_a_call_at_eight_in_new_york_is_a_call_of_that_day(book: Book, book_path: Path) -> None:
    book.add_client("ACME", EVENING_NY, id="acme")
    receipt = book.quick("acme call late chat", EVENING_NY)
    assert "2026-12-01" in receipt.render()
    doc = next(iter(json.loads(book_path.read_text())["interactions"].values()))
    assert doc["when"] == "2026-12-02T01:00:00+00:00"  # still one fixed UTC shape
    assert doc["tz"] == "-05:00"
    berlin = pendulum.datetime(2026, 12, 2, 9, 0, tz="Europe/Berlin")
    cf = book.client_file("acme", berlin)
    assert cf.day(cf.interactions[0].when, cf.interactions[0].tz) == "2026-12-01"


def test_an_old_interaction_without_a_zone_is_read_in_the_readers_zone() -> None:
    stored = "2026-12-02T01:00:00+00:00"
    assert local_day(stored, None, EVENING_NY) == pendulum.Date(2026, 12, 1)
    assert local_day(stored) == pendulum.Date(2026, 12, 2)
    assert local_day(stored, "garbage", EVENING_NY) == pendulum.Date(2026, 12, 1)


def test_zone_text() -> None:
    assert zone_text(EVENING_NY) == "-05:00"
    assert zone_text(pendulum.datetime(2026, 7, 1, tz="Asia/Kolkata")) == "+05:30"
    assert zone_text(pendulum.datetime(2026, 7, 1, tz="UTC")) == "+00:00"


def test_days_since_counts_calendar_days_in_the_users_zone() -> None:
    late = moment_text(pendulum.datetime(2026, 12, 1, 23, 0, tz="Europe/Berlin"))
    morning = pendulum.datetime(2026, 12, 2, 8, 0, tz="Europe/Berlin")
    assert days_since(late, morning) == 1
    assert days_since(late, pendulum.datetime(2026, 12, 1, 23, 30, tz="Europe/Berlin")) == 0


def _every_kind_written_in_new_york(book: Book) -> None:
    """One record of every dated kind, each written at 20:00 in New York on 1 Dec."""
    book.add_client("ACME", EVENING_NY, id="acme")
    book.open_issue("acme", "slow replies", EVENING_NY)
    book.resolve_issue("acme", 1, EVENING_NY, "sorted out")
    book.open_issue("acme", "still open", EVENING_NY)
    book.owe_thanks("acme", "for the intro", EVENING_NY, pendulum.Date(2026, 12, 5))
    book.thanks_done("acme", 1, EVENING_NY)
    book.owe_thanks("acme", "for the lunch", EVENING_NY, pendulum.Date(2026, 12, 1))
    book.add_kudos("acme", "great work", EVENING_NY, "Maren")
    book.change_state("acme", State.ROUTINE, EVENING_NY)
    book.add_followup("acme", "send the offer", pendulum.Date(2026, 12, 1), EVENING_NY)
    book.add_followup("acme", "send the contract", pendulum.Date(2026, 12, 4), EVENING_NY)
    book.done("acme", "2", EVENING_NY)


def test_every_dated_record_keeps_the_writers_zone(book: Book, book_path: Path) -> None:
    _every_kind_written_in_new_york(book)
    tables = json.loads(book_path.read_text())
    zones = [
        *(h["tz"] for c in tables["clients"].values() for h in c["history"]),
        *(d["tz"] for d in tables["issues"].values()),
        tables["issues"]["1"]["resolved_tz"],
        *(d["tz"] for d in tables["thanks"].values()),
        tables["thanks"]["1"]["done_tz"],
        *(d["tz"] for d in tables["kudos"].values()),
        *(d["tz"] for d in tables["followups"].values()),
        tables["followups"]["2"]["done_tz"],
    ]
    assert zones == ["-05:00"] * 12
    assert "done_tz" not in tables["thanks"]["2"]  # only what happened carries a zone


def test_every_kind_is_listed_on_the_writers_day(book: Book) -> None:
    """Read the next morning in Berlin, where the UTC moments all fall on 2 Dec."""
    _every_kind_written_in_new_york(book)
    berlin = pendulum.datetime(2026, 12, 2, 9, 0, tz="Europe/Berlin")
    cf = book.client_file("acme", berlin)
    days = {
        *(cf.day(h.at, h.tz) for h in cf.client.history),
        *(cf.day(i.opened, i.tz) for i in cf.issues),
        cf.day(cf.issues[0].resolved or "", cf.issues[0].resolved_tz),
        *(cf.day(x.owed_at, x.tz) for x in cf.thanks),
        cf.day(cf.thanks[0].done_at or "", cf.thanks[0].done_tz),
        *(cf.day(k.when, k.tz) for k in cf.kudos),
        *(cf.day(f.created, f.tz) for f in cf.followups),
        *(cf.day(f.done_at, f.done_tz) for f in cf.followups if f.done_at),
    }
    assert days == {"2026-12-01"}
    waiting = {item.kind.value: item.since for item in book.today(berlin)}
    assert waiting["followup"] == waiting["thanks"] == pendulum.Date(2026, 12, 1)


def test_a_book_without_zones_still_reads_in_the_readers_zone(book: Book, book_path: Path) -> None:
    """Books written before the zones were kept have none: they read, in the reader's zone."""
    _every_kind_written_in_new_york(book)
    text = book_path.read_text()
    for key in ("tz", "resolved_tz", "done_tz"):
        text = re.sub(rf',\s*"{key}":\s*"-05:00"', "", text)
    assert '"-05:00"' not in text
    book_path.write_text(text)
    new_york = EVENING_NY.add(hours=1)
    cf = Book(book_path).client_file("acme", new_york)
    assert {cf.day(i.opened, i.tz) for i in cf.issues} == {"2026-12-01"}
    assert cf.issues[0].tz is None
    utc = Book(book_path).client_file("acme", new_york.in_timezone("UTC"))
    assert {utc.day(i.opened, i.tz) for i in utc.issues} == {"2026-12-02"}


def test_a_zone_that_is_not_an_offset_is_a_damaged_book(book: Book, book_path: Path) -> None:
    _every_kind_written_in_new_york(book)
    tables = json.loads(book_path.read_text())
    tables["kudos"]["1"]["tz"] = "New York"
    book_path.write_text(json.dumps(tables))
    with pytest.raises(BookCorrupt) as caught:
        Book(book_path).clients()
    assert "/kudos/1/tz" in str(caught.value)
