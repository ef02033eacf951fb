"""Board filters, panes and the summary line."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

from model import BoardFilter, Book, InteractionKind, Severity, State


@pytest.fixture
def three(book: Book, now: pendulum.DateTime) -> Book:
    book.add_client("ACME GmbH", now, id="acme", tags=["retail"], state=State.ROUTINE)
    book.add_client("Bäckerei Schröder", now, id="baecker", tags=["food"], state=State.STRAINED)
    book.add_client("Old Friend", now, id="old", state=State.ENDED)
    for cid in ("acme", "baecker"):
        book.log(cid, InteractionKind.CALL, "x", now)
    book.add_invoice("acme", "A-1", Decimal("100"), now.date().subtract(days=40))
    book.add_invoice("baecker", "B-1", Decimal("50"), now.date().subtract(days=100), currency="CHF")
    book.open_issue("baecker", "late delivery", now, Severity.HIGH)
    book.owe_thanks("acme", "card", now)
    return book


@pytest.mark.parametrize(
    ("board_filter", "ids"),
    [
        (BoardFilter(), ["baecker", "acme"]),
        (BoardFilter(include_ended=True), ["baecker", "acme", "old"]),
        (BoardFilter(states=(State.ENDED,)), ["old"]),
        (BoardFilter(states=(State.ROUTINE, State.STRAINED)), ["baecker", "acme"]),
        (BoardFilter(tags=("food",)), ["baecker"]),
        (BoardFilter(overdue=True), ["baecker", "acme"]),
        (BoardFilter(open_issues=True), ["baecker"]),
        (BoardFilter(owed_thanks=True), ["acme"]),
        (BoardFilter(search="SCHRÖ"), ["baecker"]),
        (BoardFilter(search="retail"), ["acme"]),
    ],
)
def test_filters(
    three: Book, now: pendulum.DateTime, board_filter: BoardFilter, ids: list[str]
) -> None:
    assert [r.client.id for r in three.board(now, board_filter)] == ids


def test_filter_knows_when_it_is_empty() -> None:
    assert BoardFilter().is_empty and BoardFilter(include_ended=True).is_empty
    assert not BoardFilter(search="x").is_empty


def test_overdue_pane(three: Book, now: pendulum.DateTime) -> None:
    rows = three.overdue(now)
    assert [(r.invoice.number, r.days_overdue, r.bucket) for r in rows] == [
        ("B-1", 70, "61-90"),
        ("A-1", 10, "1-30"),
    ]
    assert [r.invoice.number for r in three.overdue(now, "acme")] == ["A-1"]


def test_summary(three: Book, now: pendulum.DateTime) -> None:
    s = three.summary(now)
    assert s.per_state == {State.STRAINED: 1, State.ROUTINE: 1}
    assert s.overdue == {"EUR": Decimal("100.00"), "CHF": Decimal("50.00")}
    assert s.thanks_owed == 1 and s.today == now.date()


def test_pane_scoped_to_one_client(three: Book, now: pendulum.DateTime) -> None:
    assert [r.client.id for r in three.open_issues(now, "baecker")] == ["baecker"]
    assert three.open_issues(now, "acme") == []
    assert [r.client.id for r in three.gratitude(now, "acme").owed] == ["acme"]


def test_ago_reads_both_ways_in_both_languages(now: pendulum.DateTime) -> None:
    from model.timestamps import ago

    assert ago(now.subtract(days=3), now) == "3 days ago"
    assert ago(now.subtract(days=3), now, "de") == "vor 3 Tagen"
    assert ago(now.add(days=3), now) == "in 3 days"


def test_an_ended_client_leaves_the_issues_pane_but_its_debt_stays(
    three: Book, now: pendulum.DateTime
) -> None:
    three.change_state("baecker", State.ENDED, now, "parted ways")
    assert three.open_issues(now) == []
    assert [r.invoice.number for r in three.overdue(now)] == ["B-1", "A-1"]
