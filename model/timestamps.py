"""How moments and days are written into the book.

Moments are stored as UTC ISO strings of one fixed shape, so that comparing two
strings compares the moments: the board finds the last contact among 100,000
interactions without parsing a single date.  Days (due dates, by-dates) are
plain ``YYYY-MM-DD``.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pendulum

__all__ = ["ago", "day_text", "moment_text", "parse_day", "parse_moment"]


def moment_text(moment: pendulum.DateTime) -> str:
    """``2026-11-20T09:30:00+00:00`` for any aware moment."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_moment(text: str) -> pendulum.DateTime:
    return pendulum.instance(datetime.fromisoformat(text)).in_timezone("UTC")


def day_text(day: pendulum.Date) -> str:
    return day.isoformat()


def parse_day(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


def ago(moment: pendulum.DateTime, now: pendulum.DateTime, locale: str = "en") -> str:
    """``"3 days ago"`` / ``"vor 3 Tagen"``, measured from the injected ``now``."""
    return pendulum.format_diff(moment.diff(now), True, False, locale)
