"""Days are the user's days, and a stored moment keeps the zone it was written in."""

from __future__ import annotations

import json
from pathlib import Path

import pendulum

from model import Book
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
