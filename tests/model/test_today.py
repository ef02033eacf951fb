"""Today: who is due, in which order, what snooze hides, follow-ups, the week ahead.

One hand-built book on a real file; the clock is fixed at Wednesday 2026-11-25, 10:00 Berlin.
"""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

from model import Book, InteractionKind, Severity, State
from model.client import Client
from model.today import TodayKind

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")
TODAY = NOW.date()


def ago(days: int) -> pendulum.DateTime:
    return NOW.subtract(days=days)


@pytest.fixture
def day(book: Book) -> Book:
    """Clients in every situation today can meet."""
    old = ago(400)
    book.add_client("Initech", old, id="initech", state=State.STRAINED)  # cadence 14 by state
    book.add_client("Globex", old, id="globex", state=State.ROUTINE)  # 30 by state
    book.add_client("Umbrella", old, id="umbrella", state=State.TRUSTED)  # 60 by state
    book.add_client("ACME GmbH", old, id="acme", state=State.NEW, cadence=30)  # its own 30
    book.add_client("Hooli", old, id="hooli", state=State.ROUTINE)
    book.add_client("Gone", old, id="gone", state=State.ENDED)
    for ref, days in (("initech", 20), ("globex", 45), ("umbrella", 45), ("acme", 25)):
        book.log(ref, InteractionKind.CALL, "catch-up", ago(days))
    book.log("hooli", InteractionKind.CALL, "catch-up", ago(90))
    book.log("gone", InteractionKind.CALL, "last words", ago(200))
    book.snooze("hooli", TODAY.add(days=10), NOW, "on parental leave")
    return book


def kinds(items: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(i.kind.value, i.client.id) for i in items]


def test_clients_past_their_cadence_strained_first_then_by_how_far_past(day: Book) -> None:
    items = day.today(NOW)
    assert kinds(items) == [("contact", "initech"), ("contact", "globex")]
    initech, globex = items
    assert initech.due == TODAY.subtract(days=5) and initech.params["cadence"] == 14
    assert globex.due == TODAY.subtract(days=14) and globex.params["days"] == 45
    assert initech.text("en") == "Initech: no contact for 20 days (cadence 14) — call"
    assert initech.text("de") == "Initech: seit 20 Tagen kein Kontakt (Rhythmus 14) – anrufen"
    assert initech.since == TODAY.subtract(days=20)
    assert initech.ref.startswith("client:") and initech.verb == "call"


def test_the_clients_own_cadence_wins_over_its_states(day: Book) -> None:
    # ACME is new (21 days by state) but its own 30 days are not up after 25 days.
    assert "acme" not in {i.client.id for i in day.today(NOW)}
    day.edit_client("acme", NOW, cadence=20)
    assert ("contact", "acme") in kinds(day.today(NOW))


def test_a_snooze_hides_the_contact_until_its_day_and_nothing_else(day: Book) -> None:
    assert "hooli" not in {i.client.id for i in day.today(NOW)}
    day.owe_thanks("hooli", "flowers", ago(3), TODAY.subtract(days=1))
    assert kinds(day.today(NOW)).count(("thanks", "hooli")) == 1
    assert ("contact", "hooli") not in kinds(day.today(NOW))
    ahead = [i for i in day.today(NOW, days=10) if i.kind is TodayKind.CONTACT]
    hooli = next(i for i in ahead if i.client.id == "hooli")
    assert hooli.due == TODAY.add(days=10) and hooli.key == "today.contact_soon"
    assert ("contact", "hooli") in kinds(day.today(NOW.add(days=10)))
    day.snooze("hooli", None, NOW)
    assert ("contact", "hooli") in kinds(day.today(NOW))


def test_snooze_silences_health_suggestion_and_board(day: Book) -> None:
    row = next(r for r in day.board(NOW) if r.client.id == "hooli")
    assert not row.contact_overdue and row.suggestion is None
    assert row.snoozed_until == TODAY.add(days=10).isoformat()
    assert not [r for r in row.health.reasons if r.key == "health.no_contact"]
    file = day.client_file("hooli", NOW)
    assert file.snoozed_until == row.snoozed_until and file.client.snooze_reason
    later = NOW.add(days=10)
    row = next(r for r in day.board(later) if r.client.id == "hooli")
    assert row.contact_overdue and row.snoozed_until is None
    assert row.suggestion is not None and row.suggestion.state is State.DRIFTING


def test_the_week_ahead(day: Book) -> None:
    week = day.today(NOW, days=7)
    assert [(k, c) for k, c in kinds(week) if c in ("initech", "globex")] == [
        ("contact", "initech"),
        ("contact", "globex"),
    ]
    assert "umbrella" not in {i.client.id for i in week}
    # Umbrella's 60 days run out on day 61 after the call: 16 days from now.
    later = day.today(NOW, days=16)
    umbrella = next(i for i in later if i.client.id == "umbrella")
    assert umbrella.due == TODAY.add(days=16)
    assert umbrella.text("en") == "Umbrella: cadence of 60 days runs out on 2026-12-11"
    with pytest.raises(ValueError):
        day.today(NOW, days=-1)


def test_follow_ups_due_and_done(day: Book) -> None:
    day.add_followup("acme", "send the offer", TODAY, ago(5))
    day.add_followup("acme", "ask about the budget", TODAY.add(days=3), NOW)
    due = [i for i in day.today(NOW) if i.kind is TodayKind.FOLLOWUP]
    assert [i.params["text"] for i in due] == ["send the offer"]
    assert due[0].ref == "followup:1" and due[0].verb == "done" and due[0].number == "followup:1"
    assert due[0].since == TODAY.subtract(days=5)
    assert due[0].line == "acme done followup:1 "
    assert day.quick(due[0].line, NOW).key == "book.followup_done"
    day.add_followup("acme", "send the offer", TODAY, ago(5))
    week = [i.params["text"] for i in day.today(NOW, days=7) if i.kind is TodayKind.FOLLOWUP]
    assert week == ["send the offer", "ask about the budget"]
    receipt = day.done("acme", "followup:3", NOW)
    assert receipt.render("en") == "Follow-up #3 of ACME GmbH done."
    assert not [i for i in day.today(NOW) if i.kind is TodayKind.FOLLOWUP]
    file = day.client_file("acme", NOW)
    assert [(f.number, f.is_open) for f in file.followups] == [(2, True), (1, False), (3, False)]


def test_an_overdue_follow_up_weighs_a_little_on_health(day: Book) -> None:
    day.add_followup("umbrella", "send the minutes", TODAY.add(days=1), NOW)
    assert day.client_file("umbrella", NOW).health.score == 100
    later = NOW.add(days=2)
    reasons = [(r.text("en"), r.weight) for r in day.client_file("umbrella", later).health.reasons]
    assert ("follow-up #1 was due 2026-11-26", -5) in reasons


def test_thanks_invoices_and_issues(day: Book) -> None:
    day.owe_thanks("globex", "card after launch", ago(10), TODAY.subtract(days=2))
    day.owe_thanks("globex", "no date", ago(10))
    day.add_invoice("globex", "D-1", Decimal("100"), TODAY.subtract(days=14), due=TODAY)
    day.add_invoice("globex", "B-31", Decimal("200"), ago(60).date(), due=TODAY.subtract(days=31))
    day.add_invoice("globex", "B-40", Decimal("300"), ago(60).date(), due=TODAY.subtract(days=40))
    day.add_invoice("globex", "P-1", Decimal("50"), ago(60).date(), due=TODAY)
    day.record_payment("globex", "P-1", TODAY)
    day.open_issue("umbrella", "slow replies", ago(20), Severity.MEDIUM)
    day.open_issue("umbrella", "fresh", ago(3))
    items = [i for i in day.today(NOW) if i.client.id != "initech"]
    assert [(i.kind.value, i.number) for i in items] == [
        ("contact", ""),  # globex: 14 days past its cadence
        ("issue", "1"),  # open longer than 14 days: 5 days past that
        ("thanks", "1"),  # by two days ago
        ("invoice", "D-1"),
        ("invoice", "B-31"),
    ]
    assert [i.line for i in items[-2:]] == ["globex paid D-1 ", "globex paid B-31 "]
    bucket = items[-1]
    assert bucket.params["bucket"] == "31-60" and bucket.due == TODAY
    assert bucket.text("en").endswith("bucket 31-60 (€200.00 open)")
    assert "201" not in bucket.ref and bucket.ref.startswith("invoice:")
    # B-40 crossed into 31-60 nine days ago; it shows again when it reaches 61.
    assert ("invoice", "B-40") in [(i.kind.value, i.number) for i in day.today(NOW, days=21)]


def test_call_rather_than_mail(day: Book) -> None:
    day.open_issue("umbrella", "invoice dispute", ago(2))
    day.log("umbrella", InteractionKind.MAIL, "wrote about it", ago(1))
    call = [i for i in day.today(NOW) if i.key == "today.call"]
    assert len(call) == 1 and call[0].verb == "call" and call[0].ref == "issue:1"
    assert "☎" in call[0].text("en") and "☎" in call[0].text("de")
    day.log("umbrella", InteractionKind.CALL, "talked it through", NOW)
    assert not [i for i in day.today(NOW) if i.key == "today.call"]


def test_ended_clients_ask_for_no_contact(day: Book) -> None:
    assert "gone" not in {i.client.id for i in day.today(NOW, days=60)}


def test_a_day_with_nothing_due(book: Book) -> None:
    assert book.today(NOW) == []
    book.add_client("Quiet", ago(10), id="quiet", state=State.TRUSTED)
    book.log("quiet", InteractionKind.MEETING, "lunch", ago(1))
    assert book.today(NOW, days=7) == []


def test_cadence_defaults_can_be_overridden(book_path, day: Book) -> None:  # type: ignore[no-untyped-def]
    assert Book(book_path, cadence={"routine": 60}).today(NOW) == [
        i for i in day.today(NOW) if i.client.id != "globex"
    ]
    strict = Book(book_path, cadence={State.TRUSTED: 30})
    assert ("contact", "umbrella") in kinds(strict.today(NOW))


def test_old_books_read_fine_and_tell_an_explicit_cadence_from_the_default() -> None:
    old = {"id": "x", "name": "X", "state": "trusted", "cadence": 30}
    client = Client.from_doc(old)
    assert not client.cadence_set and client.snoozed_until is None
    assert Client.from_doc({**old, "cadence": 45}).cadence_set
    assert "cadence_set" not in client.to_doc() and "snoozed_until" not in client.to_doc()
    assert Client.from_doc(Client.from_doc({**old, "cadence_set": True}).to_doc()).cadence_set


def test_since_is_the_day_where_the_user_is(book: Book) -> None:
    # 00:30 in Berlin is still the day before in UTC, where the book stores moments.
    just_after_midnight = pendulum.datetime(2026, 11, 10, 0, 30, tz="Europe/Berlin")
    book.add_client("Night Owl", ago(400), id="owl", state=State.ROUTINE)
    book.log("owl", InteractionKind.CALL, "late call", just_after_midnight.subtract(days=40))
    book.owe_thanks("owl", "card", just_after_midnight, TODAY)
    contact, thanks = sorted(book.today(NOW), key=lambda i: i.kind.rank)
    assert contact.since == pendulum.date(2026, 10, 1)
    assert thanks.since == pendulum.date(2026, 11, 10)
