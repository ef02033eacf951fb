"""Correcting the book by ref: delete, edit, void, credit, write off; real files, fixed time."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pendulum
import pytest

from model import Book, InputError

TODAY = pendulum.date(2026, 11, 25)


@pytest.fixture
def acme(book: Book, now: pendulum.DateTime) -> Book:
    book.add_client(
        "ACME GmbH", now.subtract(days=200), id="acme", contacts=["Maren Kruse <maren@acme.de>"]
    )
    book.quick("acme call test", now)
    book.quick("acme call budget talk on 2026-11-20", now)
    return book


def refs(book: Book, list_name: str, client: str = "acme") -> list[str]:
    return [r["ref"] for r in book.client_json(client)[list_name]]


def test_a_junk_call_is_deleted_by_ref_and_undo_and_redo_move_it_back_and_forth(
    acme: Book, now: pendulum.DateTime
) -> None:
    junk = next(r["ref"] for r in acme.client_json("acme")["interactions"] if r["text"] == "test")
    acme.quick("acme mail later write", now)  # a later write stays whatever happens
    receipt = acme.delete(junk)
    assert receipt.render("en") == "Deleted the call of 25 Nov 2026 with ACME GmbH: 'test'."
    assert receipt.render("de") == "Gelöscht: der Anruf vom 25. Nov. 2026 mit ACME GmbH: 'test'."
    texts = {r["text"] for r in acme.client_json("acme")["interactions"]}
    assert texts == {"budget talk", "later write"}
    assert acme.undo() is not None
    assert junk in refs(acme, "interactions"), "undo brings it back under the same ref"
    assert acme.redo() is not None
    assert junk not in refs(acme, "interactions")
    assert acme.undo() is not None and junk in refs(acme, "interactions")
    assert acme.redo() is not None and acme.redo() is None


def test_a_new_write_after_undo_ends_the_redo_chain(acme: Book, now: pendulum.DateTime) -> None:
    acme.undo()
    acme.quick("acme note something else", now)
    assert acme.redo() is None


def test_a_duplicate_issue_is_deleted_and_no_longer_weighs_on_health(
    acme: Book, now: pendulum.DateTime
) -> None:
    acme.quick("acme issue!! landing page outside the scope", now)
    acme.quick("acme issue!! landing page outside the scope", now)
    before = acme.client_file("acme", now).health.score
    duplicate = refs(acme, "issues")[1]
    acme.delete(duplicate)
    after = acme.client_file("acme", now).health.score
    assert after > before
    assert len(acme.open_issues(now)) == 1


def test_edit_changes_only_fields_that_fit_and_keeps_the_ref(
    acme: Book, now: pendulum.DateTime
) -> None:
    call = refs(acme, "interactions")[0]
    acme.edit(call, now, text="the real words", kind="meeting", date="2026-11-21")
    record = acme.client_json("acme")["interactions"][0]
    assert (record["ref"], record["text"], record["kind"]) == (call, "the real words", "meeting")
    assert record["when"].startswith("2026-11-21")
    with pytest.raises(InputError) as wrong:
        acme.edit(call, now, amount="5")
    assert wrong.value.render("en") == (
        f"{call} (interaction) has no --amount; it accepts: --text, --date, --kind, --duration."
    )
    with pytest.raises(InputError, match="after today"):
        acme.edit(call, now, date="2026-11-26")
    with pytest.raises(InputError, match="call, meeting"):
        acme.edit(call, now, kind="lunch")
    with pytest.raises(InputError, match="No record has the ref"):
        acme.edit("zzzzzzz", now, text="x")


def test_a_refused_edit_writes_nothing(acme: Book, book_path: Path, now: pendulum.DateTime) -> None:
    acme.quick("acme invoice 2026-017 1000 on 2026-09-01", now)
    invoice = refs(acme, "invoices")[0]
    before = book_path.read_bytes()
    for fields in ({"due": "2026-08-01"}, {"amount": "abc"}, {"severity": "high"}):
        with pytest.raises(InputError):
            acme.edit(invoice, now, **fields)
    assert book_path.read_bytes() == before


def test_invoice_and_payment_edits_keep_the_money_adding_up(
    acme: Book, now: pendulum.DateTime
) -> None:
    acme.quick("acme invoice 2026-017 1000 on 2026-09-01", now)
    acme.quick("acme paid 2026-017 400", now)
    invoice = refs(acme, "invoices")[0]
    payment = acme.client_json("acme")["invoices"][0]["payments"][0]["ref"]
    with pytest.raises(InputError, match="400"):
        acme.edit(invoice, now, amount="300")
    with pytest.raises(InputError, match=r"€1,000.00"):
        acme.edit(payment, now, amount="1200")
    acme.edit(payment, now, amount="1000")
    assert acme.overdue(now) == []
    acme.edit(invoice, now, amount="1200", due="2026-12-31")
    assert acme.client_json("acme")["invoices"][0]["due"] == "2026-12-31"
    acme.delete(payment)
    assert acme.client_json("acme")["invoices"][0]["payments"] == []


def test_overpayment_is_refused_with_the_open_amount_in_the_users_money_format(
    acme: Book, now: pendulum.DateTime
) -> None:
    acme.quick("acme invoice 2026-017 1250 on 2026-09-01", now)
    with pytest.raises(InputError) as error:
        acme.quick("acme paid 2026-017 2000", now)
    assert "(€1,250.00)" in error.value.render("en")
    assert "(1.250,00 €)" in error.value.render("de")


def _late_client(book: Book, now: pendulum.DateTime) -> None:
    book.quick("acme invoice 2026-001 500 on 2026-05-01", now)
    book.quick("acme paid 2026-001 on 2026-07-15", now)  # late: due 2026-05-31
    book.quick("acme invoice 2026-005 500 on 2026-06-01", now)
    book.quick("acme paid 2026-005 on 2026-06-20", now)  # on time: due 2026-07-01
    book.quick("acme invoice 2026-017 1000 on 2026-09-01", now)  # overdue since 2026-10-01


def test_void_takes_an_invoice_out_of_overdue_health_and_the_late_mark(
    acme: Book, now: pendulum.DateTime
) -> None:
    _late_client(acme, now)
    row = acme.overdue(now)[0]
    assert row.invoice.number == "2026-017" and row.regularly_late
    score = acme.client_file("acme", now).health.score
    receipt = acme.quick("acme storno 2026-017 wrong client", now)
    assert "void" in receipt.render("en")
    assert acme.overdue(now) == []
    file = acme.client_file("acme", now)
    assert file.health.score > score
    assert not any(r.key == "health.regularly_late" for r in file.health.reasons)
    [voided] = [i for i in acme.client_json("acme")["invoices"] if i["number"] == "2026-017"]
    assert voided["void"] == {"on": "2026-11-25", "reason": "wrong client"}
    with pytest.raises(InputError, match="void"):
        acme.quick("acme paid 2026-017", now)
    with pytest.raises(InputError, match="void"):
        acme.quick("acme void 2026-017", now)


def test_a_credit_lowers_the_open_amount_and_a_full_one_ends_the_overdue(
    acme: Book, now: pendulum.DateTime
) -> None:
    acme.quick("acme invoice 2026-017 1000 on 2026-09-01", now)
    receipt = acme.quick("acme gutschrift 2026-017 200 disputed hours", now)
    assert receipt.render("en").endswith("€800.00 still open.")
    assert acme.overdue(now)[0].invoice.outstanding == Decimal("800.00")
    with pytest.raises(InputError, match=r"\(€800.00\)"):
        acme.quick("acme credit 2026-017 900", now)
    with pytest.raises(InputError, match="amount"):
        acme.quick("acme credit 2026-017", now)
    acme.quick("acme credit 2026-017 800", now)
    assert acme.overdue(now) == []
    assert acme.client_file("acme", now).health.score == 100 - 0  # nothing weighs any more
    credits = acme.client_json("acme")["invoices"][0]["credits"]
    assert [c["reason"] for c in credits] == ["disputed hours", ""]


def test_a_write_off_takes_the_rest_or_an_amount(acme: Book, now: pendulum.DateTime) -> None:
    acme.quick("acme invoice 2026-017 1000 on 2026-09-01", now)
    acme.quick("acme paid 2026-017 600", now)
    acme.quick("acme writeoff 2026-017 100 small rest", now)
    assert acme.overdue(now)[0].invoice.outstanding == Decimal("300.00")
    with pytest.raises(InputError, match="more than"):
        acme.quick("acme abschreiben 2026-017 301", now)
    acme.quick("acme abschreiben 2026-017", now)
    assert acme.overdue(now) == []
    assert acme.undo() is not None and acme.overdue(now)[0].invoice.outstanding == 300


def test_a_written_off_late_invoice_does_not_mark_the_client_late(
    acme: Book, now: pendulum.DateTime
) -> None:
    _late_client(acme, now)
    assert acme.overdue(now)[0].regularly_late
    acme.quick("acme writeoff 2026-017 client insolvent", now)
    assert acme.overdue(now) == []
    reasons = acme.client_file("acme", now).health.reasons
    assert not any(r.key == "health.regularly_late" for r in reasons)


def test_a_client_is_deleted_with_all_her_records_in_one_undoable_step(
    acme: Book, now: pendulum.DateTime
) -> None:
    acme.add_client("Beta", now, id="beta")
    acme.quick("beta call hello", now)
    acme.quick("acme invoice 2026-017 1000", now)
    acme.quick("acme kudos 'great' from Maren", now)
    assert acme.records_of("acme") == 4
    receipt = acme.delete_client("acme")
    assert receipt.render("en") == "Deleted client ACME GmbH (acme) with 4 records."
    assert [c.id for c in acme.clients()] == ["beta"]
    assert len(acme.kudos()) == 0
    acme.undo()
    assert [c.id for c in acme.clients()] == ["acme", "beta"]
    assert len(refs(acme, "interactions")) == 2 and len(acme.kudos()) == 1


def test_a_client_gets_a_new_id_and_every_record_follows(
    acme: Book, now: pendulum.DateTime
) -> None:
    acme.quick("acme invoice 2026-017 1000", now)
    before = acme.client_json("acme")
    acme.rename_client("acme", "acme-gmbh")
    after = acme.client_json("acme-gmbh")
    assert [r["ref"] for r in after["interactions"]] == [r["ref"] for r in before["interactions"]]
    assert after["client"]["ref"] == before["client"]["ref"]
    assert acme.overdue(now) == [] and len(acme.client_file("acme-gmbh", now).invoices) == 1
    with pytest.raises(InputError, match="taken"):
        acme.add_client("Other", now, id="o") and acme.rename_client("o", "acme-gmbh")


def test_a_mistaken_contact_is_removed_and_an_existing_one_is_not_doubled(
    acme: Book, now: pendulum.DateTime
) -> None:
    acme.edit_client("acme", now, contact="Jonas Weber <jonas@acme.de>")
    acme.edit_client("acme", now, contact="Maren Kruse")  # she is back: not a second Maren
    contacts = acme.client_json("acme")["contacts"]
    assert [(c["name"], c["until"]) for c in contacts] == [
        ("Maren Kruse", None),
        ("Jonas Weber", "2026-11-25"),
    ]
    acme.remove_contact("acme", contacts[1]["ref"])
    assert [c["name"] for c in acme.client_json("acme")["contacts"]] == ["Maren Kruse"]
    with pytest.raises(InputError, match="no contact"):
        acme.remove_contact("acme", "Jonas")


def test_refs_survive_a_merge_of_two_copies(
    acme: Book, book_path: Path, now: pendulum.DateTime
) -> None:
    other_path = book_path.with_name("laptop.json")
    shutil.copy(book_path, other_path)
    laptop = Book(other_path, device="laptop")
    call = refs(acme, "interactions")[0]
    laptop.edit(call, now, text="edited on the laptop")
    acme.quick("acme note desk", now)
    acme.merge(other_path)
    merged = acme.client_json("acme")["interactions"]
    edited = next(r for r in merged if r["ref"] == call)
    assert edited["text"] == "edited on the laptop"
    assert len(merged) == 3


def test_the_timeline_holds_everything_newest_first(acme: Book, now: pendulum.DateTime) -> None:
    acme.quick("acme invoice 2026-017 1000 on 2026-09-01", now)
    acme.quick("acme paid 2026-017 100 on 2026-10-02", now)
    acme.quick("acme credit 2026-017 50", now)
    acme.quick("acme issue wrong logo on 2026-11-01", now)
    acme.quick("acme resolve 1 fixed on 2026-11-03", now)
    acme.quick("acme thanks card", now)
    acme.quick("acme kudos 'nice' from Maren", now)
    acme.change_state("acme", acme.clients()[0].state.__class__("routine"), now)
    events = acme.timeline("acme")
    whats = {e.what for e in events}
    assert whats >= {
        "call", "invoice", "payment", "credit", "issue_opened", "issue_resolved",
        "thanks", "kudos", "state",
    }  # fmt: skip
    assert [e.when for e in events] == sorted((e.when for e in events), reverse=True)
    assert all(e.ref for e in events)
    with pytest.raises(InputError):
        acme.timeline("nobody")


def test_a_contact_person_is_in_the_timeline_and_deleted_by_her_ref(
    acme: Book, now: pendulum.DateTime
) -> None:
    acme.edit_client("acme", now, contact="Jonas Weber <jonas@acme.example>")
    contact = next(e for e in acme.timeline("acme") if e.text.startswith("Jonas"))
    assert (contact.what, contact.text) == ("contact", "Jonas Weber <jonas@acme.example>")
    assert contact.when == now.date().isoformat()
    acme.delete(contact.ref)
    assert contact.ref not in {e.ref for e in acme.timeline("acme")}
    assert all(c.name != "Jonas Weber" for c in acme.resolve("acme").contacts)
