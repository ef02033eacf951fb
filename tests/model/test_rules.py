"""The rules are right: who is unthanked, what is a late habit, how a state is left."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

from model import Book, InteractionKind, Severity, State

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")
TODAY = NOW.date()


def ago(days: int) -> pendulum.DateTime:
    return NOW.subtract(days=days)


@pytest.fixture
def old(book: Book) -> Book:
    book.add_client("Old Co", ago(300), id="old", state=State.ROUTINE)
    book.log("old", InteractionKind.CALL, "fine", ago(1))
    return book


def test_a_client_added_today_is_not_unthanked(old: Book) -> None:
    old.add_client("Fresh", NOW, id="fresh")
    gratitude = old.gratitude(NOW)
    assert [u.client.id for u in gratitude.unthanked] == ["old"]


def test_a_client_thanked_within_the_period_is_not_unthanked(old: Book) -> None:
    old.owe_thanks("old", "card", ago(20))
    old.thanks_done("old", 1, ago(10))
    assert old.gratitude(NOW).unthanked == ()


def _invoices(book: Book, *late: bool, open_overdue: int = 0) -> None:
    """Invoices 30-day terms; late ones paid after 45 days, the rest after 10; then
    ``open_overdue`` invoices still open past due."""
    for n, is_late in enumerate(late):
        issued = TODAY.subtract(days=200 - n * 30)
        book.add_invoice("old", f"P-{n}", Decimal(100), issued)
        book.record_payment("old", f"P-{n}", issued.add(days=45 if is_late else 10))
    for n in range(open_overdue):
        book.add_invoice("old", f"O-{n}", Decimal(100), TODAY.subtract(days=40 + n))


def _keys(book: Book) -> list[str]:
    return [r.key for r in book.board(NOW)[0].health.reasons]


def test_two_invoices_are_no_habit(old: Book) -> None:
    _invoices(old, True, True)
    assert not old.board(NOW)[0].regularly_late
    assert "health.regularly_late" not in _keys(old)


def test_three_invoices_two_late_are_a_habit(old: Book) -> None:
    _invoices(old, True, False, True)
    assert old.board(NOW)[0].regularly_late
    assert "health.regularly_late" in _keys(old)


def test_invoices_overdue_now_are_not_counted_twice(old: Book) -> None:
    _invoices(old, False, open_overdue=2)
    row = old.board(NOW)[0]
    assert row.regularly_late, "the overdue pane still marks the habit"
    assert _keys(old).count("health.overdue") == 2
    assert "health.regularly_late" not in _keys(old)


def test_strained_is_left_when_things_settled(book: Book) -> None:
    book.add_client("Hard", ago(100), id="hard", state=State.ROUTINE)
    book.change_state("hard", State.STRAINED, ago(60))
    book.open_issue("hard", "scope", ago(50), Severity.HIGH)
    book.resolve_issue("hard", 1, ago(20))
    book.log("hard", InteractionKind.CALL, "all good", ago(3))
    suggestion = book.board(NOW)[0].suggestion
    assert suggestion is not None and suggestion.state is State.ROUTINE
    assert suggestion.reason.key == "suggest.settled"
    assert "20" in suggestion.reason.text("en")


def test_repair_is_not_left_while_an_issue_is_open_or_too_soon(book: Book) -> None:
    book.add_client("Hard", ago(100), id="hard", state=State.ROUTINE)
    book.change_state("hard", State.REPAIR, ago(60))
    book.open_issue("hard", "scope", ago(50))
    book.resolve_issue("hard", 1, ago(5))
    book.log("hard", InteractionKind.CALL, "ok", ago(1))
    assert book.board(NOW)[0].suggestion is None
    book.open_issue("hard", "again", ago(1))
    assert book.board(NOW.add(days=30))[0].suggestion is None


@pytest.mark.parametrize("state", [State.ROUTINE, State.TRUSTED, State.NEW])
def test_an_invoice_61_days_overdue_suggests_strained(book: Book, state: State) -> None:
    book.add_client("Payer", ago(200), id="p", state=state)
    book.log("p", InteractionKind.CALL, "ok", ago(1))
    book.add_invoice("p", "AR-77", Decimal(500), TODAY.subtract(days=91))
    suggestion = book.board(NOW)[0].suggestion
    assert suggestion is not None and suggestion.state is State.STRAINED
    assert suggestion.reason.text("en") == "invoice AR-77 is 61 days overdue"


def test_60_days_overdue_is_not_yet_strained(book: Book) -> None:
    book.add_client("Payer", ago(200), id="p", state=State.ROUTINE)
    book.log("p", InteractionKind.CALL, "ok", ago(1))
    book.add_invoice("p", "AR-77", Decimal(500), TODAY.subtract(days=90))
    assert book.board(NOW)[0].suggestion is None


def test_a_state_set_by_hand_is_not_contradicted_for_14_days(book: Book) -> None:
    book.add_client("Quiet", ago(200), id="q", state=State.ROUTINE)
    book.log("q", InteractionKind.CALL, "x", ago(60))
    book.change_state("q", State.TRUSTED, ago(3))
    assert book.board(NOW)[0].suggestion is None
    later = book.board(NOW.add(days=12))[0].suggestion
    assert later is not None and later.state is State.DRIFTING


def test_a_reminder_mail_is_contact_but_not_in_touch_again(book: Book) -> None:
    book.add_client("Gone", ago(200), id="g", state=State.ROUTINE)
    book.change_state("g", State.DRIFTING, ago(100))
    book.log("g", InteractionKind.MAIL, "reminder for invoice AR-77", ago(2))
    row = book.board(NOW)[0]
    assert not row.contact_overdue, "it keeps the cadence"
    assert row.suggestion is None
    book.log("g", InteractionKind.CALL, "talked again", ago(1))
    suggestion = book.board(NOW)[0].suggestion
    assert suggestion is not None and suggestion.state is State.ROUTINE


def test_the_late_thanks_reason_names_the_day_it_was_due_by(old: Book) -> None:
    old.owe_thanks("old", "card", ago(10), TODAY.subtract(days=2))
    texts = [r.text("en") for r in old.board(NOW)[0].health.reasons]
    assert "thanks #1 was due by 2026-11-23" in texts


def test_what_to_do_names_acts_before_state_talk(book: Book) -> None:
    book.add_client("ACME", ago(200), id="acme", state=State.ROUTINE, contacts=["Maren Kruse"])
    book.log("acme", InteractionKind.CALL, "x", ago(1))
    book.add_invoice("acme", "AR-77", Decimal(500), TODAY.subtract(days=91))
    book.open_issue("acme", "missed deadline", ago(4), Severity.MEDIUM)
    book.owe_thanks("acme", "for the intro", ago(2), TODAY.add(days=2))  # as it is typed
    cf = book.client_file("acme", NOW)
    assert [a.text("en") for a in cf.acts] == [
        "chase invoice AR-77, 61 days overdue",
        "call about issue #1: missed deadline",
        "thank Maren Kruse for the intro, due 27 Nov 2026",
    ]
    assert cf.acts[2].text("de") == "Maren Kruse danken für the intro, bis 27. Nov. 2026"
    book.owe_thanks("acme", "card for the launch", ago(1))
    assert book.client_file("acme", NOW).acts[3].text("en") == (
        "thank Maren Kruse for card for the launch"
    )
    assert cf.acts[0].text("de") == "Rechnung AR-77 nachfassen, seit 61 Tagen überfällig"
    assert cf.suggestion is not None and cf.suggestion.state is State.STRAINED


def test_an_ended_client_shows_no_health_and_no_acts(old: Book) -> None:
    old.add_invoice("old", "AR-1", Decimal(500), TODAY.subtract(days=91))
    old.change_state("old", State.ENDED, ago(1))
    cf = old.client_file("old", NOW)
    assert not cf.shows_health and cf.acts == () and cf.suggestion is None


def test_in_touch_again_whatever_order_the_interactions_were_written(book: Book) -> None:
    book.add_client("Gone", ago(200), id="g", state=State.ROUTINE)
    book.change_state("g", State.DRIFTING, ago(100))
    book.log("g", InteractionKind.MAIL, "Mahnung Rechnung AR-77", ago(1))
    book.log("g", InteractionKind.CALL, "talked again", ago(5))
    book.log("g", InteractionKind.MESSAGE, "payment reminder", ago(3))
    suggestion = book.board(NOW)[0].suggestion
    assert suggestion is not None and suggestion.state is State.ROUTINE
    assert suggestion.reason.text("en") == "in touch again (5 days ago)"
