"""Dates that cannot be right are refused by the book, whichever front end sent them."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from model import Book, InputError

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")


@pytest.fixture
def acme(book: Book) -> Book:
    book.add_client("ACME GmbH", NOW, id="acme")
    book.quick("acme invoice AR-1 1000 on 2026-11-10 due 2026-12-10", NOW)
    return book


REFUSED = [
    ("acme note budget on 2026-11-30", "date.interaction_ahead"),
    ("acme call 2062-11-20 typo", "date.interaction_ahead"),
    ("acme anruf am 30.11.2026", "date.interaction_ahead"),
    ("acme issue slow replies on 2026-12-01", "date.ahead"),
    ('acme kudos "great" on 2026-12-01', "date.ahead"),
    ("acme paid AR-1 on 2026-11-26", "date.payment_ahead"),
    ("acme paid AR-1 on 2026-11-09", "date.payment_before_invoice"),
    ("acme bezahlt AR-1 am 01.11.2026", "date.payment_before_invoice"),
    ("acme invoice AR-2 500 on 2026-11-26", "date.invoice_ahead"),
    ("acme invoice AR-2 500 on 2026-11-20 due 2026-11-19", "date.due_before_issue"),
    ("acme rechnung AR-2 500 fällig 01.11.2026", "date.due_before_issue"),
    ("acme thanks card by 2026-11-24", "date.by_past"),
    ("acme danke Karte bis gestern", "date.by_past"),
]


@pytest.mark.parametrize(("line", "key"), REFUSED, ids=[line for line, _ in REFUSED])
def test_a_date_that_cannot_be_right_is_refused_and_nothing_written(
    acme: Book, book_path: Path, line: str, key: str
) -> None:
    before = book_path.read_bytes()
    with pytest.raises(InputError) as caught:
        acme.quick(line, NOW)
    assert caught.value.key == key
    assert book_path.read_bytes() == before
    for locale in ("en", "de"):
        text = caught.value.render(locale)
        assert "{" not in text and "\n" not in text
        assert "2026" in text


ACCEPTED = [
    "acme call on 2026-11-25 after lunch",
    "acme call yesterday",
    "acme paid AR-1 on 2026-11-10",
    "acme invoice AR-2 500 on 2026-11-20 due 2026-11-20",
    "acme thanks card by today",
    "acme danke Karte bis Freitag",
]


@pytest.mark.parametrize("line", ACCEPTED)
def test_the_edges_are_accepted(acme: Book, line: str) -> None:
    acme.quick(line, NOW)


def test_today_is_the_users_day(acme: Book) -> None:
    """23:30 in New York is already tomorrow in UTC, and still today for the user."""
    evening = pendulum.datetime(2026, 12, 1, 23, 30, tz="America/New_York")
    assert "2026-12-01" in acme.quick("acme call on 2026-12-01", evening).render()
    with pytest.raises(InputError):
        acme.quick("acme call on 2026-12-02", evening)


def test_the_receipt_says_which_day_a_weekday_took(acme: Book) -> None:
    receipt = acme.quick("acme issue slow replies on monday", NOW)
    assert receipt.render("en").endswith("(read on monday = 2026-11-23)")
    receipt = acme.quick("acme anruf am Mittwoch", NOW)
    assert "gelesen: am Mittwoch = 2026-11-25" in receipt.render("de")
