"""How moments and days are written into the book.

Moments are stored as UTC ISO strings of one fixed shape, so that comparing two
strings compares the moments: the board finds the last contact among 100,000
interactions without parsing a single date.  Days (due dates, by-dates) are
plain ``YYYY-MM-DD``.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime

import pendulum

__all__ = [
    "ago",
    "day_text",
    "days_since",
    "days_until",
    "moment_text",
    "parse_day",
    "parse_moment",
]


def moment_text(moment: pendulum.DateTime) -> str:
    """``2026-11-20T09:30:00+00:00`` for any aware moment."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_moment(text: str) -> pendulum.DateTime:
    d = datetime.fromisoformat(text).astimezone(UTC)
    return pendulum.DateTime(
        d.year, d.month, d.day, d.hour, d.minute, d.second, tzinfo=pendulum.UTC
    )


def day_text(day: pendulum.Date) -> str:
    return day.isoformat()


def parse_day(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


def ago(moment: pendulum.DateTime, now: pendulum.DateTime, locale: str = "en") -> str:
    """``"3 days ago"`` / ``"vor 3 Tagen"``, measured from the injected ``now``."""
    return pendulum.format_diff(moment.diff(now), True, False, locale)


def days_since(text: str, now: pendulum.DateTime) -> int:
    """Whole days from a stored moment to ``now``.

    Plain timestamps, not pendulum intervals: the board asks this thousands of
    times per refresh, and an interval costs thirty times as much.
    """
    return int((_epoch(now) - datetime.fromisoformat(text).timestamp()) // 86400)


@functools.lru_cache(maxsize=4)
def _epoch(now: pendulum.DateTime) -> float:
    return now.timestamp()


def days_until(text: str, today: pendulum.Date) -> int:
    """Days from ``today`` to a stored day; negative once it has passed."""
    return date.fromisoformat(text).toordinal() - today.toordinal()
