"""The report's figures on a hand-built book: several currencies, part payments,
credit notes, write-offs and a void invoice, at a fixed time."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pendulum
import pytest

from model import Book, InteractionKind
from model.report import Money, Period

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")
LONG_AGO = pendulum.datetime(2025, 1, 6, 9, tz="Europe/Berlin")
LINES = [
    # Acme, EUR: a part-paid invoice, one credited and written off in part, a void one,
    # one of last year; 3 hours in 2026 and two open scope-creep issues
    "acme invoice A0 500 on 2025-12-01",
    "acme invoice A1 1000 on 2026-03-01",
    "acme paid A1 400 on 2026-03-11",
    "acme paid A1 600 on 2026-04-10",
    "acme invoice A2 2000 on 2026-10-01",
    "acme credit A2 500 wrong rate on 2026-10-05",
    "acme paid A2 700 on 2026-10-15",
    "acme writeoff A2 300 goodwill on 2026-11-01",
    "acme invoice A3 300 on 2026-06-01",
    "acme void A3 sent twice on 2026-06-02",
    "acme call 1h on 2026-03-02 kickoff",
    "acme meeting 2h on 2026-10-02 workshop",
    "acme mail on 2026-10-03 minutes sent",
    "acme call 5h on 2025-11-01 last year",
    "acme issue #scope_creep extra landing page on 2026-05-01",
    "acme issue #scope_creep another extra on 2026-09-01",
    "acme issue #scope_creep old extra on 2026-02-01",
    "acme resolve 3 agreed on 2026-02-10",
    # Globex, CHF and EUR: ten hours for little money
    "globex invoice G1 5000 CHF on 2026-05-01",
    "globex invoice G2 100 EUR on 2026-07-01",
    "globex paid G2 on 2026-07-31",
    "globex meeting 4h on 2026-05-02 workshop",
    "globex meeting 6h on 2026-07-02 another workshop",
    # Initech, EUR: a good hour
    "initech invoice I1 1500 on 2026-02-01",
    "initech paid I1 on 2026-02-20",
    "initech call 1h on 2026-02-02",
    # Hooli: time, no money
    "hooli call 1,5 Std on 2026-08-01",
]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    book = Book(Path(tmp_path_factory.mktemp("report")) / "book.json")
    for name in ("Acme", "Globex", "Initech", "Hooli", "Dormant"):
        book.add_client(name, LONG_AGO)
    for line in LINES:
        book.quick(line, NOW)
    return book


def money(*, currency: str = "EUR", **figures: str) -> dict[str, Decimal]:
    return {k: Decimal(v) for k, v in figures.items()}


def figures(m: Money) -> dict[str, Decimal]:
    return {
        "invoiced": m.invoiced,
        "paid": m.paid,
        "open": m.open,
        "credited": m.credited,
        "written_off": m.written_off,
        "revenue": m.revenue,
    }


def test_sorted_by_revenue_and_the_quiet_client_left_out(book: Book) -> None:
    report = book.report(NOW)
    assert report.period == Period.year(2026)
    assert report.currencies == ("EUR", "CHF")
    assert [r.client.id for r in report.clients] == ["acme", "initech", "globex", "hooli"]


def test_one_client_with_part_payments_credits_write_offs_and_a_void(book: Book) -> None:
    acme = book.report(NOW).clients[0]
    (eur,) = acme.money
    assert figures(eur) == money(
        invoiced="3000", paid="1700", open="500", credited="500", written_off="300", revenue="2200"
    )
    # (400·10 + 600·40 + 700·14 + 500 open·55 days) / 2200
    assert eur.dso == 30
    assert eur.per_hour == Decimal("733.33")
    assert (acme.interactions, acme.minutes, acme.scope_creep) == (3, 180, 2)
    assert not acme.high_effort


def test_currencies_are_never_added(book: Book) -> None:
    report = book.report(NOW)
    globex = next(r for r in report.clients if r.client.id == "globex")
    eur, chf = globex.money
    assert (eur.currency, chf.currency) == ("EUR", "CHF")
    assert figures(chf) == money(
        invoiced="5000", paid="0", open="5000", credited="0", written_off="0", revenue="5000"
    )
    assert chf.dso == (NOW.date() - pendulum.date(2026, 5, 1)).days
    assert (eur.per_hour, chf.per_hour) == (Decimal("10.00"), Decimal("500.00"))
    total_eur, total_chf = report.total
    assert figures(total_eur) == money(
        invoiced="4600", paid="3300", open="500", credited="500", written_off="300", revenue="3800"
    )
    assert figures(total_chf)["invoiced"] == Decimal("5000")
    assert (report.interactions, report.minutes, report.scope_creep) == (7, 930, 2)
    assert total_eur.per_hour == Decimal("245.16")  # 3800 / 15.5 h
    assert all(type(v) is Decimal for m in report.total for v in figures(m).values())


def test_high_effort_is_below_half_the_median_or_time_without_revenue(book: Book) -> None:
    report = book.report(NOW)
    marked = {r.client.id for r in report.clients if r.high_effort}
    # EUR rates 733.33, 1500.00 and 10.00: median 733.33, half of it 366.67
    assert report.median_per_hour["EUR"] == Decimal("733.33")
    assert marked == {"globex", "hooli"}


def test_a_period_of_its_own(book: Book) -> None:
    report = book.report(NOW, Period(pendulum.date(2026, 3, 1), pendulum.date(2026, 3, 31)))
    assert [r.client.id for r in report.clients] == ["acme"]
    (eur,) = report.clients[0].money
    assert figures(eur)["invoiced"] == Decimal("1000")
    assert eur.dso == 28  # (400·10 + 600·40) / 1000
    last_year = book.report(NOW, Period.year(2025))
    assert [r.client.id for r in last_year.clients] == ["acme"]
    assert last_year.clients[0].minutes == 300


def test_as_of_an_earlier_now_later_payments_are_not_made(book: Book) -> None:
    then = pendulum.datetime(2026, 3, 20, 10, tz="Europe/Berlin")
    report = book.report(then, Period.year(2026))
    acme = next(r for r in report.clients if r.client.id == "acme")
    (eur,) = acme.money
    assert figures(eur) == money(
        invoiced="1000", paid="400", open="600", credited="0", written_off="0", revenue="1000"
    )


def test_a_client_with_nothing_in_the_period(book: Book) -> None:
    row = book.client_report("dormant", NOW, Period.year(2026))
    assert (row.money, row.interactions, row.minutes, row.high_effort) == ((), 0, 0, False)


def test_months_of_revenue_and_hours(book: Book) -> None:
    months = book.monthly(NOW)
    assert len(months) == 12
    assert months[0].period.start == pendulum.date(2025, 12, 1)
    assert months[-1].period.end == NOW.date()
    by_month = {m.period.start.month: m for m in months}
    assert by_month[10].revenue == {"EUR": Decimal("1200")}
    assert by_month[7].minutes == 360
    assert by_month[5].revenue == {"CHF": Decimal("5000")}
    assert by_month[12].revenue == {"EUR": Decimal("500")}
    acme = book.monthly(NOW, "acme")
    assert [m.interactions for m in acme][-3:] == [0, 2, 0]  # September to November


def test_health_month_by_month_from_the_history(book: Book) -> None:
    scores = book.health_trend("globex", NOW)
    assert len(scores) == 12
    assert scores[-1] == book.client_file("globex", NOW).health.score
    # the CHF invoice fell overdue in June and was never paid: the health sinks
    june, november = scores[6], scores[-1]
    assert june is not None and november is not None and november < june
    assert book.health_trend("acme", NOW)[0] is not None


def test_the_boards_revenue_this_year(book: Book) -> None:
    rows = {row.client.id: row for row in book.board(NOW)}
    assert rows["acme"].revenue_year == (("EUR", Decimal("2200")),)
    assert rows["globex"].revenue_year == (("CHF", Decimal("5000")), ("EUR", Decimal("100")))
    assert rows["hooli"].revenue_year == ()


def test_an_interaction_counts_on_the_day_it_was_logged(tmp_path: Path) -> None:
    book = Book(tmp_path / "book.json")
    book.add_client("Acme", LONG_AGO)
    # 00:30 in Berlin on 1 November is 23:30 UTC on 31 October
    book.log("acme", InteractionKind.CALL, "early", NOW.on(2026, 11, 1).at(0, 30), minutes=20)
    november = book.report(NOW, Period(pendulum.date(2026, 11, 1), pendulum.date(2026, 11, 30)))
    assert [(r.interactions, r.minutes) for r in november.clients] == [(1, 20)]
    months = {m.period.start.month: m.minutes for m in book.monthly(NOW)}
    assert (months[10], months[11]) == (0, 20)
    (event,) = [e for e in book.timeline("acme") if e.what == "call"]
    assert event.text == "early (20m)"


def test_a_kept_report_follows_every_write_and_the_day(tmp_path: Path) -> None:
    book = Book(tmp_path / "book.json")
    book.add_client("Acme", LONG_AGO)
    book.quick("acme invoice A1 100 on 2026-11-01", NOW)
    assert book.report(NOW) is book.report(NOW.add(hours=1))  # the same day and file
    book.quick("acme paid A1 50 on 2026-11-20", NOW)
    (eur,) = book.report(NOW).clients[0].money
    assert eur.paid == Decimal("50")
    other = Book(tmp_path / "book.json")  # another process writes
    other.quick("acme credit A1 10 on 2026-11-21", NOW)
    (eur,) = book.report(NOW).clients[0].money
    assert eur.credited == Decimal("10")
    assert book.report(NOW.add(days=40)).period == Period.year(2027)
