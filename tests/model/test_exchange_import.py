"""Importing people from vCard and CSV files into a real book."""

from __future__ import annotations

import pendulum
import pytest

from model import Book
from model.errors import InputError
from model.exchange import Person, plan_import
from model.exchange.csvfile import people, read_rows
from model.exchange.vcard import read_card, split_cards
from tests.model.exchange_samples import BROKEN, CSV, VCARDS


def _cards(text: str) -> list[Person]:
    return [read_card(card, n) for n, card in enumerate(split_cards(text, "x.vcf"), start=1)]


def test_cards_of_both_versions_keep_umlauts_and_every_address() -> None:
    juergen, zoe, heike, sam = _cards(VCARDS)
    assert juergen.name == "Jürgen Müller" and juergen.company == "Café Ölmühle GmbH"
    assert juergen.emails == ("juergen@oelmuehle.de", "jm@example.org")
    assert juergen.phones == ("+49 40 1234", "+49 170 555")
    assert juergen.role == "Geschäftsführer"
    assert (zoe.name, zoe.phones, zoe.role) == ("Zoë Åberg", ("+46-8-123",), "Projektleitung")
    assert heike.company == "CAFÉ ÖLMÜHLE GMBH"
    assert (sam.name, sam.company, sam.where) == ("Sam Solo", "", "card 4")


def test_a_broken_card_is_named_by_number_and_name() -> None:
    with pytest.raises(InputError) as raised:
        _cards(BROKEN)
    assert raised.value.key == "exchange.bad_card"
    assert raised.value.params["number"] == 2 and raised.value.params["name"] == "Bernd Bruch"
    assert "Card 2 (Bernd Bruch)" in raised.value.render("en")
    assert "Karte 2 (Bernd Bruch)" in raised.value.render("de")


def test_an_unterminated_card_and_a_file_without_cards_are_refused() -> None:
    with pytest.raises(InputError) as raised:
        split_cards("BEGIN:VCARD\nVERSION:3.0\nFN:Half\n", "x.vcf")
    assert raised.value.params == {"number": 1, "name": "Half", "reason": "END:VCARD missing"}
    with pytest.raises(InputError) as raised:
        split_cards("just text\n", "x.vcf")
    assert raised.value.key == "exchange.no_cards"


def test_csv_reads_german_headers_and_names_the_ignored_columns() -> None:
    rows = read_rows(CSV, "x.csv")
    assert rows.ignored == ("Notizen", "Geburtstag")
    found = list(people(rows))
    assert [p.name for p in found] == ["Jürgen Müller", "Paula Neu", "Otto Ohne"]
    assert found[1].phones == ("+49 30 99",) and found[1].company == "Neu & Co"
    assert found[2].where == "line 4"


def test_csv_without_a_person_column_is_refused() -> None:
    with pytest.raises(InputError) as raised:
        read_rows("Betrag,Datum\n1,2\n", "x.csv")
    assert raised.value.key == "exchange.csv_no_columns"


def test_organisation_is_the_client_and_folded_names_meet(
    book: Book, now: pendulum.DateTime
) -> None:
    receipt, _ = book.import_people(_cards(VCARDS), now, source="x.vcf")
    assert receipt.params == {"source": "x.vcf", "clients": 3, "contacts": 4, "known": 0}
    clients = {c.id: c for c in book.clients()}
    assert sorted(clients) == ["cafe-oelmuehle-gmbh", "nordlicht-ab", "sam-solo"]
    cafe = clients["cafe-oelmuehle-gmbh"]
    assert [p.name for p in cafe.contacts] == ["Jürgen Müller", "Heike Sänger"]
    juergen = cafe.contacts[0]
    assert (juergen.email, juergen.more_emails) == ("juergen@oelmuehle.de", ["jm@example.org"])
    assert (juergen.phone, juergen.more_phones, juergen.role) == (
        "+49 40 1234",
        ["+49 170 555"],
        "Geschäftsführer",
    )
    assert juergen.since == "2026-11-25"


def test_a_reimport_adds_nothing_twice(book: Book, now: pendulum.DateTime) -> None:
    book.import_people(_cards(VCARDS), now, source="x.vcf")
    before = book.export_json()
    receipt, plan = book.import_people(_cards(VCARDS), now, source="x.vcf")
    assert plan.empty and len(plan.known) == 4 and receipt.key == "exchange.nothing_new"
    # the CSV names Jürgen by his e-mail in capitals: known; Paula and Otto are new
    _, plan = book.import_people(list(people(read_rows(CSV, "x.csv"))), now, source="x.csv")
    assert [p.name for p in plan.known] == ["Jürgen Müller"]
    assert sorted(c.name for c in plan.new_clients) == ["Neu & Co", "Otto Ohne"]
    assert book.export_json() != before


def test_a_known_name_without_email_matches_within_its_client(
    book: Book, now: pendulum.DateTime
) -> None:
    book.add_client("Café Ölmühle GmbH", now, contacts=["Jürgen Müller"])
    again = [Person("JURGEN MULLER", company="cafe olmuhle gmbh")]
    _, plan = book.import_people(again, now, source="x")
    assert plan.empty and plan.known == again
    elsewhere = [Person("Jürgen Müller", company="Other AG")]
    _, plan = book.import_people(elsewhere, now, source="x", dry_run=True)
    assert [c.name for c in plan.new_clients] == ["Other AG"]


def test_a_dry_run_writes_nothing(book: Book, book_path, now: pendulum.DateTime) -> None:  # type: ignore[no-untyped-def]
    book.add_client("Nordlicht AB", now)
    before = book_path.read_bytes()
    receipt, plan = book.import_people(_cards(VCARDS), now, source="x.vcf", dry_run=True)
    assert receipt.key == "exchange.would_import"
    assert [cid for cid, _ in plan.new_contacts] == ["nordlicht-ab"]
    assert book_path.read_bytes() == before


def test_undo_takes_the_whole_import_back(book: Book, now: pendulum.DateTime) -> None:
    book.add_client("Nordlicht AB", now)
    before = book.clients()
    book.import_people(_cards(VCARDS), now, source="x.vcf")
    assert len(book.clients()) == 3 and len(book.resolve("nordlicht-ab").contacts) == 1
    undone = book.undo()
    assert undone is not None and "x.vcf" in undone.render("en")
    assert book.clients() == before


def test_the_plan_is_a_pure_function_of_the_book_and_the_people() -> None:
    people_ = [Person("A", ("a@x.de",), company="X"), Person("B", ("A@X.DE",), company="Y")]
    plan = plan_import([], people_, "2026-11-25", "2026-11-25T09:00:00+00:00")
    assert [c.name for c in plan.new_clients] == ["X"] and plan.known == [people_[1]]


def test_a_hand_edited_contact_field_is_named(book: Book, book_path, now) -> None:  # type: ignore[no-untyped-def]
    import json

    from model.errors import BookCorrupt

    book.add_client("ACME", now, contacts=["Maren <m@acme.de>"])
    data = json.loads(book_path.read_text())
    data["clients"]["1"]["contacts"][0]["phone"] = 4711
    book_path.write_text(json.dumps(data))
    with pytest.raises(BookCorrupt) as raised:
        Book(book_path).clients()
    assert "/clients/1/contacts" in raised.value.render("en")
