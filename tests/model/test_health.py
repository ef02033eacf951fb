"""Health scores, reasons, suggestions and the call nudge on hand-built books."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

from model import WEIGHTS, Book, InteractionKind, Severity, State


@pytest.fixture
def acme(book: Book, now: pendulum.DateTime) -> Book:
    book.add_client("ACME GmbH", now.subtract(days=200), id="acme", state=State.ROUTINE)
    return book


def reasons(book: Book, now: pendulum.DateTime) -> list[tuple[str, int]]:
    return [(r.text("en"), r.weight) for r in book.board(now)[0].health.reasons]


def test_a_healthy_client_scores_100_with_no_reasons(acme: Book, now: pendulum.DateTime) -> None:
    acme.log("acme", InteractionKind.CALL, "all good", now.subtract(days=2))
    row = acme.board(now)[0]
    assert row.health.score == 100 and row.health.reasons == ()
    assert row.suggestion is None


def test_contact_gap_against_cadence(acme: Book, now: pendulum.DateTime) -> None:
    acme.log("acme", InteractionKind.CALL, "x", now.subtract(days=47))
    assert reasons(acme, now) == [("no contact for 47 days, cadence 30", -20)]
    assert acme.board(now)[0].health.score == 80
    assert acme.board(now)[0].contact_overdue


def test_never_contacted(acme: Book, now: pendulum.DateTime) -> None:
    assert reasons(acme, now) == [("no contact logged yet", WEIGHTS.never_contacted)]


def test_overdue_invoice_and_aging(acme: Book, now: pendulum.DateTime) -> None:
    acme.log("acme", InteractionKind.CALL, "x", now)
    acme.add_invoice("acme", "2026-017", Decimal("1250"), now.date().subtract(days=68))
    assert reasons(acme, now) == [("invoice 2026-017 38 days overdue", -15)]


def test_open_issue_weights_by_severity_and_age(acme: Book, now: pendulum.DateTime) -> None:
    acme.log("acme", InteractionKind.CALL, "x", now)
    acme.open_issue("acme", "late", now.subtract(days=20), Severity.MEDIUM)
    assert reasons(acme, now) == [("issue #1 (medium) open for 20 days", -15)]
    assert reasons(acme, now)[0][1] == dict(WEIGHTS.issue)[Severity.MEDIUM] + WEIGHTS.issue_old


def test_regularly_late_payer(acme: Book, now: pendulum.DateTime) -> None:
    acme.log("acme", InteractionKind.CALL, "x", now)
    today = now.date()
    for n, days in enumerate((120, 90, 60)):
        issued = today.subtract(days=days)
        acme.add_invoice("acme", f"R-{n}", Decimal("100"), issued)
        acme.record_payment("acme", f"R-{n}", issued.add(days=45))
    row = acme.board(now)[0]
    assert row.regularly_late
    assert ("pays late again and again", WEIGHTS.regularly_late) in reasons(acme, now)


def test_thanks_past_date_and_recent_kudos(acme: Book, now: pendulum.DateTime) -> None:
    acme.log("acme", InteractionKind.CALL, "x", now)
    acme.owe_thanks("acme", "card", now.subtract(days=10), pendulum.date(2026, 11, 20))
    acme.add_kudos("acme", "great work", now.subtract(days=5), "Maren")
    got = reasons(acme, now)
    assert ("thanks #1 was due by 2026-11-20", -5) in got
    assert ("1 kudos lately, the newest 5 days ago", 5) in got
    assert acme.board(now)[0].health.score == 100


def test_score_is_clamped_to_0(acme: Book, now: pendulum.DateTime) -> None:
    for i in range(8):
        acme.open_issue("acme", f"issue {i}", now.subtract(days=30), Severity.HIGH)
    assert acme.board(now)[0].health.score == 0


def test_suggest_drifting_for_a_quiet_calm_client(acme: Book, now: pendulum.DateTime) -> None:
    acme.log("acme", InteractionKind.MAIL, "x", now.subtract(days=40))
    suggestion = acme.board(now)[0].suggestion
    assert suggestion is not None and suggestion.state is State.DRIFTING
    assert suggestion.reason.text("de") == "seit 40 Tagen kein Kontakt, Rhythmus 30"
    assert acme.resolve("acme").state is State.ROUTINE, "suggestions are never applied"


def test_suggest_strained_on_a_high_issue(acme: Book, now: pendulum.DateTime) -> None:
    acme.log("acme", InteractionKind.CALL, "x", now)
    acme.open_issue("acme", "data loss", now, Severity.HIGH)
    suggestion = acme.board(now)[0].suggestion
    assert suggestion is not None and suggestion.state is State.STRAINED


def test_suggest_routine_when_a_drifting_client_is_back(book: Book, now: pendulum.DateTime) -> None:
    book.add_client("Quiet", now.subtract(days=90), id="q", state=State.DRIFTING)
    book.log("q", InteractionKind.CALL, "back", now.subtract(days=1))
    suggestion = book.board(now)[0].suggestion
    assert suggestion is not None and suggestion.state is State.ROUTINE


def test_call_nudge_when_only_mails_went_out(acme: Book, now: pendulum.DateTime) -> None:
    acme.open_issue("acme", "unhappy", now.subtract(days=5))
    acme.log("acme", InteractionKind.MAIL, "sorry", now.subtract(days=4))
    assert acme.board(now)[0].needs_call
    acme.log("acme", InteractionKind.CALL, "talked", now.subtract(days=1))
    assert not acme.board(now)[0].needs_call


def test_board_order_state_then_health_then_name(book: Book, now: pendulum.DateTime) -> None:
    book.add_client("Zeta", now, id="zeta", state=State.ROUTINE)
    book.add_client("Alpha", now, id="alpha", state=State.ROUTINE)
    book.add_client("Strained Co", now, id="s", state=State.STRAINED)
    book.add_client("Trusted Co", now, id="t", state=State.TRUSTED)
    for cid in ("zeta", "alpha", "s", "t"):
        book.log(cid, InteractionKind.CALL, "x", now)
    book.open_issue("zeta", "x", now)
    assert [r.client.id for r in book.board(now)] == ["s", "zeta", "alpha", "t"]


def test_time_moves_without_writes(acme: Book, now: pendulum.DateTime) -> None:
    acme.log("acme", InteractionKind.CALL, "x", now)
    assert acme.board(now)[0].health.score == 100
    assert acme.board(now.add(days=31))[0].health.score == 90
