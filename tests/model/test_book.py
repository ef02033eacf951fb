"""Every Book command and query on a real file, at a fixed time."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pendulum
import pytest

from model import Book, InputError, InteractionKind, IssueKind, Reflection, Severity, State


@pytest.fixture
def acme(book: Book, now: pendulum.DateTime) -> Book:
    book.add_client(
        "ACME GmbH",
        now.subtract(days=100),
        id="acme",
        tags=["retail"],
        contacts=["Maren Kruse <maren@acme.de>"],
    )
    return book


def test_add_client_makes_an_id_from_the_name(book: Book, now: pendulum.DateTime) -> None:
    receipt = book.add_client("Müller & Söhne GmbH", now)
    assert receipt.params["id"] == "mueller-soehne-gmbh"
    assert receipt.render("en") == "Client Müller & Söhne GmbH added (id: mueller-soehne-gmbh)."
    second = book.add_client("Müller & Söhne GmbH", now)
    assert second.params["id"] == "mueller-soehne-gmbh-2"


def test_add_client_refuses_bad_input_and_writes_nothing(
    book: Book, book_path: Path, now: pendulum.DateTime
) -> None:
    for kwargs in (
        {"id": "Not Valid"},
        {"terms": 0},
        {"currency": "EURO"},
        {"contacts": ["<x@y>"]},
    ):
        with pytest.raises(InputError):
            book.add_client("X", now, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        book.add_client("   ", now)
    assert not book_path.exists()


def test_edit_client_keeps_the_contact_history(acme: Book, now: pendulum.DateTime) -> None:
    acme.edit_client("acme", now, contact="Jonas Weber <jonas@acme.de>", cadence=14)
    client = acme.resolve("acme")
    assert client.cadence == 14
    assert [(c.name, c.until) for c in client.contacts] == [
        ("Maren Kruse", "2026-11-25"),
        ("Jonas Weber", None),
    ]


def test_log_and_last_contact(acme: Book, now: pendulum.DateTime) -> None:
    acme.log("acme", InteractionKind.CALL, "budget", now.subtract(days=3))
    row = acme.board(now)[0]
    assert row.last_contact is not None
    assert (now - row.last_contact).in_days() == 3
    assert not row.contact_overdue


def test_issue_lifecycle(acme: Book, now: pendulum.DateTime) -> None:
    receipt = acme.open_issue("acme", "extra page", now, Severity.HIGH, IssueKind.SCOPE_CREEP)
    number = receipt.params["number"]
    assert [r.issue.number for r in acme.open_issues(now)] == [number]
    with pytest.raises(InputError, match="no issue #99"):
        acme.resolve_issue("acme", 99, now)
    acme.resolve_issue("acme", number, now, "change request agreed")
    assert acme.open_issues(now) == []
    with pytest.raises(InputError, match="already resolved"):
        acme.resolve_issue("acme", number, now)


def test_open_issues_oldest_severe_first(acme: Book, now: pendulum.DateTime) -> None:
    acme.open_issue("acme", "old low", now.subtract(days=30), Severity.LOW)
    acme.open_issue("acme", "new high", now.subtract(days=1), Severity.HIGH)
    acme.open_issue("acme", "old high", now.subtract(days=9), Severity.HIGH)
    assert [r.issue.text for r in acme.open_issues(now)] == ["old high", "new high", "old low"]


def test_invoice_payment_and_overdue(acme: Book, now: pendulum.DateTime) -> None:
    issued = now.date().subtract(days=68)
    acme.add_invoice("acme", "2026-017", Decimal("1250.00"), issued)
    with pytest.raises(InputError, match="exists already"):
        acme.add_invoice("acme", "2026-017", Decimal("5"), issued)
    [row] = acme.overdue(now)
    assert (row.days_overdue, row.bucket) == (38, "31-60")
    part = acme.record_payment("acme", "2026-017", now.date(), Decimal("250"))
    assert part.key == "book.part_paid" and part.params["outstanding"] == "1000.00"
    with pytest.raises(InputError, match="more than"):
        acme.record_payment("acme", "2026-017", now.date(), Decimal("2000"))
    acme.record_payment("acme", "2026-017", now.date())
    assert acme.overdue(now) == []
    with pytest.raises(InputError, match="already paid"):
        acme.record_payment("acme", "2026-017", now.date())


def test_due_date_defaults_to_the_clients_terms(book: Book, now: pendulum.DateTime) -> None:
    book.add_client("Slow Pay", now, id="slow", terms=14)
    book.add_invoice("slow", "A-1", Decimal("10"), now.date(), currency="CHF")
    invoice = book.client_file("slow", now).invoices[0]
    assert (invoice.due, invoice.currency) == ("2026-12-09", "CHF")


def test_thanks_and_gratitude_backlog(acme: Book, now: pendulum.DateTime) -> None:
    first = acme.owe_thanks(
        "acme", "card after launch", now.subtract(days=5), pendulum.date(2026, 11, 20)
    )
    acme.owe_thanks("acme", "flowers", now.subtract(days=1))
    backlog = acme.gratitude(now)
    assert [r.thanks.text for r in backlog.owed] == ["card after launch", "flowers"]
    assert backlog.owed[0].late and not backlog.owed[1].late
    assert [u.client.id for u in backlog.unthanked] == ["acme"]
    acme.thanks_done("acme", first.params["number"], now)
    assert [r.thanks.text for r in acme.gratitude(now).owed] == ["flowers"]
    assert acme.gratitude(now).unthanked == ()


def test_kudos_newest_first(acme: Book, now: pendulum.DateTime) -> None:
    acme.add_kudos("acme", "old praise", now.subtract(days=50), "Maren")
    acme.add_kudos("acme", "Maren, ich liebe dich!", now.subtract(days=2), "Maren")
    assert [r.kudos.text for r in acme.kudos()] == ["Maren, ich liebe dich!", "old praise"]


def test_ending_keeps_state_history_and_reflection(acme: Book, now: pendulum.DateTime) -> None:
    reflection = Reflection("scope never written down", "we learned a lot", "clear scope first")
    acme.change_state("acme", State.ENDED, now, "budget cut", reflection)
    client = acme.resolve("acme")
    assert client.state is State.ENDED and client.reflection == reflection
    assert [h.state for h in client.history] == [State.NEW, State.ENDED]
    assert acme.board(now) == []
    assert [r.client.id for r in acme.board(now, _ended())] == ["acme"]
    with pytest.raises(InputError, match="already"):
        acme.change_state("acme", State.ENDED, now)


def _ended():  # type: ignore[no-untyped-def]
    from model import BoardFilter

    return BoardFilter(include_ended=True)


def test_client_resolution(book: Book, now: pendulum.DateTime) -> None:
    book.add_client("ACME GmbH", now, id="acme")
    book.add_client("Acme Labs", now, id="acme-labs")
    book.add_client("Bäckerei Schröder", now, id="baeckerei")
    assert book.resolve("acme").id == "acme"
    assert book.resolve("bae").id == "baeckerei"
    assert book.resolve("schröder").id == "baeckerei"
    with pytest.raises(InputError, match="matches several"):
        book.resolve("ac")
    with pytest.raises(InputError, match="No client matches"):
        book.resolve("zzz")


def test_a_book_without_clients_says_so_instead_of_listing_none(
    book: Book, now: pendulum.DateTime
) -> None:
    with pytest.raises(InputError) as refused:
        book.quick("acme call talked", now)
    assert refused.value.render("en") == (
        "No client matches 'acme': the book has no clients yet (rapport client add NAME adds one)."
    )
    assert "noch keine Kund:innen" in refused.value.render("de")
    assert not Path(book.path).exists() or book.clients() == []


def test_undo_says_what_it_took_back(acme: Book, now: pendulum.DateTime) -> None:
    acme.log("acme", InteractionKind.CALL, "x", now)
    receipt = acme.undo()
    assert receipt is not None
    assert receipt.render("en") == "Took back: Call logged for ACME GmbH on 2026-11-25."
    assert receipt.render("de") == "Zurückgenommen: Anruf für ACME GmbH am 2026-11-25 eingetragen."
    assert acme.client_file("acme", now).interactions == ()


def test_quick_lines_reach_the_book(acme: Book, now: pendulum.DateTime) -> None:
    acme.quick("acme call talked about the Q1 budget", now)
    acme.quick("acme issue!! extra landing page #scope_creep", now)
    acme.quick("acme invoice 2026-017 1.250,50 EUR", now)
    acme.quick("acme paid 2026-017 250", now)
    acme.quick("acme thanks card by 2026-12-01", now)
    acme.quick('acme kudos "Maren, ich liebe dich!" from Maren', now)
    acme.quick("acme state strained contact person changed", now)
    f = acme.client_file("acme", now)
    assert f.interactions[0].text == "talked about the Q1 budget"
    assert f.issues[0].severity is Severity.HIGH and f.issues[0].kind is IssueKind.SCOPE_CREEP
    assert f.invoices[0].outstanding == Decimal("1000.50")
    assert f.thanks[0].by == "2026-12-01"
    assert f.kudos[0].giver == "Maren"
    assert f.client.state is State.STRAINED


def test_data_survives_a_fresh_process_view(
    acme: Book, book_path: Path, now: pendulum.DateTime
) -> None:
    acme.log("acme", InteractionKind.MEETING, "kick-off", now)
    again = Book(book_path)
    assert again.client_file("acme", now).interactions[0].text == "kick-off"


def test_two_books_in_one_process_interleave(book_path: Path, now: pendulum.DateTime) -> None:
    a, b = Book(book_path), Book(book_path)
    a.add_client("A", now, id="a")
    b.add_client("B", now, id="b")
    for i in range(10):
        (a if i % 2 else b).log("a", InteractionKind.NOTE, f"n{i}", now.add(minutes=i))
    assert {c.id for c in a.clients()} == {"a", "b"}
    assert len(b.client_file("a", now).interactions) == 10


def test_own_writes_patch_one_client_and_agree_with_a_full_read(
    book: Book, book_path: Path, now: pendulum.DateTime
) -> None:
    book.add_client("ACME GmbH", now, id="acme")
    book.add_client("Beta", now, id="beta")
    book.board(now)
    book.quick("acme call hi", now)
    book.quick("acme issue!! broken", now)
    book.quick("acme mail sorry", now)
    book.add_client("Gamma", now, id="gamma")
    other = Book(book_path)
    other.quick("beta invoice B-1 100 EUR on 2026-01-01", now)
    book.quick("beta thanks card", now)

    def view(b: Book) -> list[tuple[str, int, int, bool, int]]:
        return [
            (r.client.id, r.health.score, r.open_issues, r.needs_call, len(r.overdue))
            for r in b.board(now)
        ]

    assert view(book) == view(Book(book_path))
    assert ("beta", 65, 0, False, 1) in view(book)
