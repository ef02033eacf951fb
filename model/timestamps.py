"""How moments and days are written into the book.

Moments are stored as UTC ISO strings of one fixed shape, so that comparing two
strings compares the moments: the board finds the last contact among 100,000
interactions without parsing a single date.  Days (due dates, by-dates) are
plain ``YYYY-MM-DD``.

Days are the user's days: a call at 20:00 in New York on 1 Dec is a call of
1 Dec, although its UTC moment falls on 2 Dec.  So an interaction also keeps the
UTC offset of the device that wrote it (``"tz": "-05:00"``, an optional field
that older books simply lack), and every day shown or counted is taken in a
zone: that offset where it is known, else the zone of the ``now`` passed in.

Writing takes plain :mod:`datetime` moments and imports no pendulum: a one-line
write must start fast.  The readers that hand out moments to compute with
(:func:`parse_moment`, :func:`local_day`, ...) still give pendulum's, which the
board and the reports count with; they import it when first called.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pendulum

__all__ = [
    "ago",
    "day_text",
    "days_since",
    "days_until",
    "local_day",
    "local_moment",
    "moment_text",
    "parse_day",
    "parse_moment",
    "with_zones",
    "zone_text",
]


def moment_text(moment: datetime) -> str:
    """``2026-11-20T09:30:00+00:00`` for any aware moment."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_moment(text: str) -> pendulum.DateTime:
    import pendulum

    d = datetime.fromisoformat(text).astimezone(UTC)
    return pendulum.DateTime(
        d.year, d.month, d.day, d.hour, d.minute, d.second, tzinfo=pendulum.UTC
    )


def zone_text(moment: datetime) -> str:
    """The UTC offset of an aware moment, ``-05:00``: where it was written."""
    offset = moment.utcoffset()
    minutes = 0 if offset is None else int(offset.total_seconds()) // 60
    sign, minutes = ("-", -minutes) if minutes < 0 else ("+", minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def with_zones(doc: dict[str, Any], **zones: str | None) -> dict[str, Any]:
    """``doc`` with each writer's offset that is known: a record that has none (an older
    book, the demo) keeps the shape it always had."""
    doc.update((key, zone) for key, zone in zones.items() if zone is not None)
    return doc


def local_moment(
    text: str, zone: str | None, fallback: pendulum.DateTime | None = None
) -> pendulum.DateTime:
    """A stored moment in the writer's ``zone`` (``-05:00``), else in ``fallback``'s zone,
    else in UTC; an offset that does not read falls back too."""
    import pendulum

    moment = parse_moment(text)
    if zone:
        try:
            hours, minutes = int(zone[1:3]), int(zone[4:6])
            seconds = (hours * 60 + minutes) * 60 * (-1 if zone[0] == "-" else 1)
            return moment.in_timezone(pendulum.FixedTimezone(seconds))
        except (ValueError, IndexError):
            pass
    if fallback is not None and fallback.timezone is not None:
        return moment.in_timezone(fallback.timezone)
    return moment


def local_day(
    text: str, zone: str | None = None, fallback: pendulum.DateTime | None = None
) -> pendulum.Date:
    """The user's day of a stored moment (see :func:`local_moment`)."""
    return local_moment(text, zone, fallback).date()


def day_text(day: date) -> str:
    return day.isoformat()


def parse_day(text: str) -> pendulum.Date:
    import pendulum

    return pendulum.Date.fromisoformat(text)


def ago(moment: pendulum.DateTime, now: pendulum.DateTime, locale: str = "en") -> str:
    """``"3 days ago"`` / ``"vor 3 Tagen"``, measured from the injected ``now``."""
    import pendulum

    return pendulum.format_diff(moment.diff(now), True, False, locale)


def days_since(text: str, now: datetime) -> int:
    """Calendar days from a stored moment to ``now``, both taken in ``now``'s zone:
    a call at 23:00 is "yesterday" at 08:00 the next morning.

    Plain timestamps, not pendulum intervals: the board asks this thousands of
    times per refresh, and an interval costs thirty times as much.  Today's
    offset stands for the zone's (a moment within an hour of midnight on the
    other side of a clock change may count a day off).
    """
    today, offset = _local_epoch(now)
    return today - int((datetime.fromisoformat(text).timestamp() + offset) // 86400)


@functools.lru_cache(maxsize=4)
def _local_epoch(now: datetime) -> tuple[int, float]:
    """``now``'s day number since 1970 in its own zone, and that zone's offset in seconds."""
    delta = now.utcoffset()
    offset = 0.0 if delta is None else delta.total_seconds()
    return int((now.timestamp() + offset) // 86400), offset


def days_until(text: str, today: date) -> int:
    """Days from ``today`` to a stored day; negative once it has passed."""
    return date.fromisoformat(text).toordinal() - today.toordinal()
