"""The date words a user types: ``2026-11-20``, ``20.11.2026``, ``gestern``, ``3d ago``,
``last friday``, ``am Montag``.

The calendar forms are parsed by hand with the day where the form puts it: ISO
``YYYY-MM-DD`` and German ``DD.MM.YYYY`` or ``DD.MM.YY`` (``26`` is 2026).
A lenient parser (pendulum's, dateutil's) is never used, because it reads ``01.02.2026`` as
January 2nd.  A word that is
shaped like a date but names no real day (``2026-02-29``, ``31.02.2026``) is an
error rather than text, so a typo never files a note on the wrong day.

Relative words count whole days from "now", which the caller passes in: nothing
here reads the clock.  A weekday names the last such day (today included) when
looking back, the next one (today included) for a deadline; ``last``/``letzten``
and ``next``/``nächsten`` leave today out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from model.errors import InputError

__all__ = [
    "DATE_FORMATS",
    "MAX_DAYS",
    "Relative",
    "days_later",
    "is_date_shaped",
    "is_short_year",
    "match_relative",
    "noon_on",
    "on_the_wall",
    "parse_date",
]

DATE_FORMATS = ("YYYY-MM-DD", "DD.MM.YYYY", "DD.MM.YY")
"""What the error messages offer when a date does not parse."""

MAX_DAYS = 36_500
"""A hundred years: further than any relationship, and far from the calendar's limits."""

_FIRST_YEAR, _LAST_YEAR = 1900, 2999

_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_GERMAN = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4}|[0-9]{2})")
# Two separators make a word look like a date ("20.11.", "11/20/2026", "2026-13-45");
# one does not ("1.5", "2026-017"), so amounts and invoice numbers stay what they are.
# Letters after them ("2026-11-1x", "18.11.26th") are a typo in a date, not note text.
_DATE_SHAPED = re.compile(r"[0-9]{1,4}[-./][0-9]{1,2}[-./][0-9]{0,4}[^\W_]*")
_COUNT = re.compile(r"[0-9]{1,9}")
_COUNT_D = re.compile(r"([0-9]{1,9})d")

_TODAY = frozenset({"today", "heute"})
_YESTERDAY = frozenset({"yesterday", "gestern"})
_BEFORE_YESTERDAY = frozenset({"vorgestern"})
_WEEKDAYS = {
    name: number
    for names in (
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    )
    for number, name in enumerate(names)
} | {"sonnabend": 5}
"""Weekday names of both languages, Monday 0 as in :meth:`datetime.date.weekday`."""
_LAST = frozenset({"last", "letzten", "letzter", "letztes", "vergangenen", "vorigen"})
_NEXT = frozenset({"next", "nächsten", "naechsten", "nächster", "kommenden"})
_DAYS_EN = frozenset({"day", "days"})
_DAYS_DE = frozenset({"tag", "tage", "tagen"})


def is_short_year(word: str) -> bool:
    """``20.11.26``: a two-digit year, which a receipt spells out in full."""
    german = _GERMAN.fullmatch(word)
    return german is not None and len(german.group(3)) == 2


def is_date_shaped(word: str) -> bool:
    """Digits with two date separators: meant as a date, so it must be one."""
    return _DATE_SHAPED.fullmatch(word) is not None


def parse_date(word: str) -> date:
    """``2026-11-20`` or ``20.11.2026`` → that day; anything else is an InputError."""
    iso = _ISO.fullmatch(word)
    german = _GERMAN.fullmatch(word)
    if iso is not None:
        year, month, day = (int(part) for part in iso.groups())
    elif german is not None:
        day, month, year = (int(part) for part in german.groups())
        if len(german.group(3)) == 2:
            year += 2000
    else:
        raise InputError("quicklog.date.form", word=word, formats=", ".join(DATE_FORMATS))
    try:
        result = date(year, month, day)
    except ValueError:
        raise InputError("quicklog.date.invalid", word=word) from None
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise InputError("quicklog.date.range", word=word, first=_FIRST_YEAR, last=_LAST_YEAR)
    return result


def noon_on(day: date, now: datetime) -> datetime:
    """A moment for "on DAY": noon, in the time zone of ``now``.

    Noon is never skipped or doubled by a clock change, and keeps the day the
    same in every neighbouring time zone.  ``replace`` keeps ``now``'s zone (and its
    class: the board's pendulum moment stays one).
    """
    return now.replace(
        year=day.year, month=day.month, day=day.day, hour=12, minute=0, second=0, microsecond=0
    )


def days_later(moment: datetime, days: int) -> datetime:
    """``moment`` so many calendar days on (back, when negative), at the same time on the
    clock of its zone: "3d ago" at 10:00 is 10:00 three days back, across a clock change
    too, as pendulum's ``add(days=...)`` counts (``+ timedelta`` keeps the wall time on
    a plain moment but the hours on a pendulum one)."""
    day = moment.date() + timedelta(days=days)
    return on_the_wall(datetime.combine(day, moment.time()), moment.tzinfo)


def on_the_wall(wall: datetime, zone: tzinfo | None) -> datetime:
    """The moment a clock in ``zone`` shows as ``wall`` (naive), by pendulum's rules: a
    time a clock change skipped comes out an hour later, one it passed twice is taken
    the second time."""
    first, second = wall.replace(tzinfo=zone, fold=0), wall.replace(tzinfo=zone, fold=1)
    # skipped: fold 0 has the earlier offset (the hour on); twice: fold 1 has it (the second)
    first_offset, second_offset = first.utcoffset(), second.utcoffset()
    earlier = first_offset is None or second_offset is None or first_offset <= second_offset
    return (first if earlier else second).astimezone(UTC).astimezone(zone)


@dataclass(frozen=True)
class Relative:
    """A relative day phrase found in a word list: ``words[start:end]``."""

    start: int
    end: int
    days: int
    """Days from today: ``-3`` for ``3d ago``, ``14`` for ``in 14 Tagen``, ``0`` for ``heute``."""
    weekday: bool = False
    """The phrase names a weekday, which the receipt spells out as a day."""
    bare: bool = False
    """A bare weekday (``friday``): a date only after ``on``/``am``/``by``, else text."""


def match_relative(
    words: Sequence[str],
    start: int,
    today: date | None = None,
    *,
    ahead: bool = False,
) -> Relative | None:
    """The relative day phrase that begins at ``words[start]``, if one does.

    Recognised (case-insensitive): ``today``/``heute``, ``yesterday``/``gestern``,
    ``vorgestern``, ``3d ago``, ``3 days ago``, ``vor 3 Tagen``, ``vor 1 Tag``,
    ``vor 3d``, ``in 14d``, ``in 14 days``, ``in 14 Tagen``; given ``today``, also
    weekdays: ``friday``/``Freitag`` (the last one, or with ``ahead`` the next one,
    today included), ``last friday``/``letzten Freitag``, ``next friday``/``nächsten
    Freitag``.  A count over :data:`MAX_DAYS` is an InputError naming the count.
    """
    lowered = [word.casefold() for word in words[start : start + 3]]
    if not lowered:
        return None
    first = lowered[0]
    if first in _TODAY:
        return Relative(start, start + 1, 0)
    if first in _YESTERDAY:
        return Relative(start, start + 1, -1)
    if first in _BEFORE_YESTERDAY:
        return Relative(start, start + 1, -2)
    if today is not None:
        weekday = _weekday(lowered, start, today, ahead)
        if weekday is not None:
            return weekday
    if first in ("vor", "in"):
        sign = -1 if first == "vor" else 1
        days = _count_then_unit(words[start + 1 : start + 3], lowered[1:])
        if days is None:
            return None
        count, size = days
        return Relative(start, start + 1 + size, sign * count)
    days = _count_then_unit(words[start : start + 2], lowered[:2])
    if days is not None and len(lowered) > days[1] and lowered[days[1]] == "ago":
        count, size = days
        return Relative(start, start + size + 1, -count)
    return None


def _weekday(lowered: Sequence[str], start: int, today: date, ahead: bool) -> Relative | None:
    """``friday``, ``last friday``, ``next friday`` and their German twins."""
    first = lowered[0]
    if first in _WEEKDAYS:
        back = (today.weekday() - _WEEKDAYS[first]) % 7
        forth = (_WEEKDAYS[first] - today.weekday()) % 7
        return Relative(start, start + 1, forth if ahead else -back, weekday=True, bare=True)
    if len(lowered) < 2 or lowered[1] not in _WEEKDAYS:
        return None
    if first in _LAST:
        days = -((today.weekday() - _WEEKDAYS[lowered[1]] - 1) % 7 + 1)
        return Relative(start, start + 2, days, weekday=True)
    if first in _NEXT:
        days = (_WEEKDAYS[lowered[1]] - today.weekday() - 1) % 7 + 1
        return Relative(start, start + 2, days, weekday=True)
    return None


def _count_then_unit(words: Sequence[str], lowered: Sequence[str]) -> tuple[int, int] | None:
    """``3d`` → (3, 1 word); ``3 Tagen`` / ``3 days`` → (3, 2 words); else None."""
    if not lowered:
        return None
    glued = _COUNT_D.fullmatch(lowered[0])
    if glued is not None:
        return _checked(words[0], glued.group(1)), 1
    if len(lowered) == 2 and _COUNT.fullmatch(lowered[0]) and lowered[1] in _DAYS_EN | _DAYS_DE:
        return _checked(words[0], lowered[0]), 2
    return None


def _checked(word: str, digits: str) -> int:
    count = int(digits)
    if count > MAX_DAYS:
        raise InputError("quicklog.date.too_far", word=word, max=MAX_DAYS)
    return count
