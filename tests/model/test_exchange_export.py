"""Exporting a real book: JSON read back losslessly, CSV, vCard, iCalendar and Markdown
each parsed back with the library that reads the format."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import orjson
import pendulum
import pytest
import vobject
from icalendar import Calendar

from model import Book, InteractionKind
from model.errors import InputError


@pytest.fixture
def full(book: Book, now: pendulum.DateTime) -> Book:
    """A book with a record of every kind, umlauts and markup-like text in it."""
    book.add_client(
        "Müller & Söhne GmbH", now, id="mueller", contacts=["Jürgen Müller <j@mueller.de>"]
    )
    book.edit_client("mueller", now, phone="+49 40 1234", role="Geschäftsführer")
    book.add_client("ACME", now, id="acme", cadence=14)
    book.log("mueller", InteractionKind.CALL, "talked *budget* [link](x)", now.subtract(days=3))
    book.open_issue("mueller", "scope creep again", now.subtract(days=2))
    book.add_invoice("mueller", "AR-1", Decimal("1200.00"), now.date().subtract(days=40))
    book.add_invoice("mueller", "AR-2", Decimal("300.00"), now.date().subtract(days=5))
    book.record_payment("mueller", "AR-2", now.date(), Decimal("100.00"))
    book.owe_thanks("mueller", "for the referral", now, by=now.date().add(days=3))
    book.add_kudos("mueller", "best team ever", now, giver="Jürgen")
    book.add_followup("acme", "send the offer", now.date().add(days=2), now)
    return book


def test_json_round_trip_into_an_empty_book_is_identical(
    full: Book, tmp_path: Path, now: pendulum.DateTime
) -> None:
    exported = full.export_json()
    data = orjson.loads(exported)
    assert data["format"] == "rapport-book" and data["version"] == 1
    assert set(data["tables"]) >= {"clients", "invoices", "followups"}
    empty = Book(tmp_path / "other.json")
    empty.import_json(exported, source="x.json")
    assert empty.export_json() == exported
    assert empty.board(now) == full.board(now)
    # read again: a merge of what is there already adds nothing
    before = empty.export_json()
    empty.import_json(exported, source="x.json")
    assert empty.export_json() == before


def test_json_of_one_client_holds_only_its_records(full: Book) -> None:
    data = orjson.loads(full.export_json("acme"))["tables"]
    assert [d["id"] for d in data["clients"].values()] == ["acme"]
    assert data["invoices"] == {} and len(data["followups"]) == 1


def test_json_that_is_no_export_is_refused_and_nothing_written(book: Book, book_path: Path) -> None:
    for raw, key in (
        (b"{not json", "exchange.json_bad"),
        (b'{"tables": {}}', "exchange.json_not_export"),
        (b'{"format": "rapport-book", "version": 9, "tables": {}}', "exchange.json_version"),
        (
            b'{"format": "rapport-book", "version": 1, "tables": {"clients": {"1": '
            b'{"id": "x", "name": 5, "state": "new", "uid": "u"}}}}',
            "exchange.json_bad",
        ),
    ):
        with pytest.raises(InputError) as raised:
            book.import_json(raw, source="x.json")
        assert raised.value.key == key
    assert not book_path.exists()


def test_csv_has_one_table_per_kind(full: Book) -> None:
    tables = full.export_csv()
    invoices = list(csv.DictReader(io.StringIO(tables["invoices"])))
    assert [(r["number"], r["amount"], r["currency"]) for r in invoices] == [
        ("AR-1", "1200.00", "EUR"),
        ("AR-2", "300.00", "EUR"),
    ]
    payments = list(csv.DictReader(io.StringIO(tables["payments"])))
    assert [(p["invoice"], p["amount"]) for p in payments] == [("AR-2", "100.00")]
    contacts = list(csv.DictReader(io.StringIO(tables["contacts"])))
    assert contacts[0]["phone"] == "+49 40 1234" and contacts[0]["role"] == "Geschäftsführer"
    assert all(len(r["ref"]) >= 7 for r in invoices + payments + contacts)
    assert list(csv.DictReader(io.StringIO(full.export_csv("acme")["invoices"]))) == []


def test_vcard_export_parses_back_with_vobject(full: Book) -> None:
    cards = list(vobject.readComponents(full.export_vcard()))
    assert len(cards) == 1
    card = cards[0]
    assert card.fn.value == "Jürgen Müller" and card.org.value == ["Müller & Söhne GmbH"]
    assert card.email.value == "j@mueller.de" and card.tel.value == "+49 40 1234"
    assert card.title.value == "Geschäftsführer" and card.uid.value


def test_ics_parses_back_with_icalendar_and_its_uids_are_stable(
    full: Book, now: pendulum.DateTime
) -> None:
    first = full.export_ics(now)
    calendar = Calendar.from_ical(first)
    todos = {str(c["summary"]): c for c in calendar.walk("VTODO")}
    events = {str(c["summary"]): c for c in calendar.walk("VEVENT")}
    due = {k: v.decoded("due").isoformat() for k, v in todos.items()}
    assert due == {
        "Invoice AR-1 due: Müller & Söhne GmbH, €1,200.00 open": "2026-11-15",
        "Invoice AR-2 due: Müller & Söhne GmbH, €200.00 open": "2026-12-20",
        "Follow up with ACME: send the offer": "2026-11-27",
        "Thank Müller & Söhne GmbH: for the referral": "2026-11-28",
    }
    starts = {k: v.decoded("dtstart").isoformat() for k, v in events.items()}
    assert starts["Get in touch with ACME (every 14 days)"] == "2026-11-25"  # never contacted
    assert starts["Get in touch with Müller & Söhne GmbH (every 21 days)"] == "2026-12-14"
    later = full.export_ics(now.add(hours=1))
    uids = [str(c["uid"]) for c in calendar.subcomponents]
    assert len(uids) == 6 and len(set(uids)) == 6
    assert [str(c["uid"]) for c in Calendar.from_ical(later).subcomponents] == uids
    german = Calendar.from_ical(full.export_ics(now, "de", "acme"))
    assert [str(c["summary"]) for c in german.walk("VTODO")] == [
        "Bei ACME nachfassen: send the offer"
    ]


def test_md_is_a_readable_client_file_with_user_text_escaped(
    full: Book, now: pendulum.DateTime
) -> None:
    text = full.export_md(now, "en", "mueller")
    assert text.startswith("# Müller & Söhne GmbH\n")
    assert "## Contacts\n\n- Jürgen Müller (Geschäftsführer) j@mueller.de +49 40 1234" in text
    assert "talked \\*budget\\* \\[link\\](x)" in text
    assert "- AR-2: €300.00, 2026-11-20 → 2026-12-20, €200.00 open" in text
    assert "## Kudos\n\n- 2026-11-25 best team ever (Jürgen)" in text
    german = full.export_md(now, "de", "mueller")
    assert "## Rechnungen" in german and "Gesundheit" in german
    both = full.export_md(now)
    assert both.index("# ACME") < both.index("# Müller")
