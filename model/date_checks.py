"""The checks that a date makes sense, shared by every front end.

A date ahead of today on something that has happened (a call, a payment) makes
the board say "last contact: in 2 weeks" and hides the client from the cadence
check; a payment before its invoice, or a due day before the issue day, makes
every overdue figure wrong.  Each check raises :class:`InputError` with the day,
today and what is accepted, before anything is written.  "Today" is the day of
the ``now`` the caller passes, in its time zone: the user's day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from model.errors import InputError

__all__ = [
    "check_by",
    "check_happened",
    "check_invoice_days",
    "check_payment_day",
]


def _local_day(moment: datetime, now: datetime) -> date:
    return moment.astimezone(now.tzinfo or UTC).date()


def check_happened(
    moment: datetime, now: datetime, key: str = "date.ahead", **params: object
) -> None:
    """Something that happened is dated today or earlier (any time of today is fine)."""
    day = _local_day(moment, now)
    if day > now.date():
        raise InputError(key, day=day.isoformat(), today=now.date().isoformat(), **params)


def check_invoice_days(number: str, issued: date, due: date, now: datetime) -> None:
    """Issued today or earlier; due on the issue day or later."""
    today = now.date()
    if issued > today:
        raise InputError(
            "date.invoice_ahead", number=number, day=issued.isoformat(), today=today.isoformat()
        )
    if due < issued:
        raise InputError(
            "date.due_before_issue", number=number, due=due.isoformat(), issued=issued.isoformat()
        )


def check_payment_day(number: str, on: date, issued: date, now: datetime) -> None:
    """Paid today or earlier, and not before the invoice was issued."""
    today = now.date()
    if on > today:
        raise InputError("date.payment_ahead", day=on.isoformat(), today=today.isoformat())
    if on < issued:
        raise InputError(
            "date.payment_before_invoice",
            number=number,
            day=on.isoformat(),
            issued=issued.isoformat(),
        )


def check_by(by: date | None, now: datetime) -> None:
    """A thank-you is owed by today or a later day: a deadline already gone is a typo."""
    if by is not None and by < now.date():
        raise InputError("date.by_past", day=by.isoformat(), today=now.date().isoformat())
