"""How long an interaction took, as typed: ``45m``, ``1h30m``, ``1,5h``, ``90min``, ``1,5 Std``.

Effort is half of "what a client brings and costs" (text 002's client with the
*Sonderlocken*), so logging it must be as quick as the call itself.  The forms are
read by hand, because no library reads German decimal commas next to ``Std`` and
``Min``: a number with a unit glued on or as the next word, or hours then minutes
(``1h30m``, ``1h30``, ``1 Std 30 Min``).  Decimal arithmetic keeps ``1,1h`` at
exactly 66 minutes; anything that would not be a whole minute is refused.

A word made of a number and a known unit is *meant* as a duration, so one that
names none (``1h75m``, ``0m``, ``2,5min``, ``30h``) is an error naming the word
instead of text; a number with an unknown unit (``45x``, ``2nd``) is ordinary text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from model.errors import InputError

__all__ = [
    "DURATION_FORMATS",
    "MAX_MINUTES",
    "Duration",
    "duration_text",
    "match_duration",
    "parse_duration",
]

DURATION_FORMATS = ("45m", "1h30m", "1,5h", "90min", "1,5 Std", "90 Min")
"""What an error offers when a duration does not parse."""

MAX_MINUTES = 24 * 60
"""One interaction lasts at most a day: a longer one is a typo (``450h``), not a meeting."""

_HOURS = frozenset({"h", "hr", "hrs", "hour", "hours", "std", "std.", "stunde", "stunden"})
_MINUTES = frozenset({"m", "min", "min.", "mins", "minute", "minutes", "minuten"})
_NUMBER = r"[0-9]{1,6}(?:[.,][0-9]{1,6})?"
_UNIT = r"[a-z]+\.?"
# A number and a unit word glued: "45m", "1,5h", "90min", "1h30m", "1h30".
_GLUED = re.compile(rf"({_NUMBER})({_UNIT})(?:([0-9]{{1,6}})({_UNIT})?)?")
_BARE_NUMBER = re.compile(_NUMBER)


@dataclass(frozen=True)
class Duration:
    """A duration found at ``words[start:end]``: whole minutes."""

    start: int
    end: int
    minutes: int


def parse_duration(text: str) -> int:
    """The whole minutes ``text`` names (``"1,5 Std"`` → 90); InputError if none."""
    words = text.split()
    found = match_duration(words, 0) if words else None
    if found is None or found.end != len(words):
        raise InputError(
            "quicklog.duration.form", word=text.strip(), formats=", ".join(DURATION_FORMATS)
        )
    return found.minutes


def match_duration(words: Sequence[str], start: int, *, to_end: bool = False) -> Duration | None:
    """The duration that begins at ``words[start]`` (and with ``to_end`` ends the words).

    ``None`` when the words are not meant as one (``45x``, ``budget``); an InputError
    naming the first word when they are but name no duration a day can hold.
    """
    parts = _parts(words, start)
    if parts is None or (to_end and parts[1] != len(words)):
        return None
    (hours, minutes), end = parts
    word = " ".join(words[start:end])
    if minutes is not None and (minutes != minutes.to_integral_value() or _mixed(hours, minutes)):
        raise InputError("quicklog.duration.invalid", word=word)
    total = (hours or Decimal(0)) * 60 + (minutes or Decimal(0))
    if total != total.to_integral_value():
        raise InputError("quicklog.duration.invalid", word=word)
    if total <= 0:
        raise InputError("quicklog.duration.zero", word=word)
    if total > MAX_MINUTES:
        raise InputError("quicklog.duration.too_long", word=word, max=MAX_MINUTES // 60)
    return Duration(start, end, int(total))


def _mixed(hours: Decimal | None, minutes: Decimal) -> bool:
    """Hours then minutes: whole hours, and fewer than 60 minutes (``1h75m`` is a typo)."""
    return hours is not None and (hours != hours.to_integral_value() or minutes >= 60)


Parts = tuple[Decimal | None, Decimal | None]


def _parts(words: Sequence[str], start: int) -> tuple[Parts, int] | None:
    """(hours, minutes) and the index after them; ``None`` if no unit follows a number."""
    first = _unit_at(words, start)
    if first is None:
        return None
    (unit, number, rest), end = first
    if unit == "m":
        return (None, number), end
    if rest is not None:  # "1h30m", "1h30"
        return (number, rest), end
    second = _unit_at(words, end)
    if second is not None and second[0][0] == "m" and second[0][2] is None:
        (_, minutes, _), after = second
        return (number, minutes), after
    return (number, None), end


def _unit_at(
    words: Sequence[str], i: int
) -> tuple[tuple[str, Decimal, Decimal | None], int] | None:
    """One number with its unit at ``words[i]`` (glued, or the unit as the next word):
    ``("h" or "m", the number, minutes glued after hours or None)``, and the index after."""
    if i >= len(words):
        return None
    word = words[i].casefold().rstrip(",;:")
    glued = _GLUED.fullmatch(word)
    if glued is not None:
        number, unit, rest, rest_unit = glued.groups()
        kind = _kind(unit)
        if kind is None or (rest is not None and (kind != "h" or not _minutes_unit(rest_unit))):
            return None
        return (kind, _decimal(number), None if rest is None else Decimal(rest)), i + 1
    if _BARE_NUMBER.fullmatch(word) and i + 1 < len(words):
        kind = _kind(words[i + 1].casefold().rstrip(",;:"))
        if kind is not None:
            return (kind, _decimal(word), None), i + 2
    return None


def _kind(unit: str) -> str | None:
    if unit in _HOURS:
        return "h"
    if unit in _MINUTES:
        return "m"
    return None


def _minutes_unit(unit: str | None) -> bool:
    return unit is None or unit in _MINUTES


def _decimal(number: str) -> Decimal:
    return Decimal(number.replace(",", "."))


def duration_text(minutes: int) -> str:
    """``90`` → ``1h30m``, ``45`` → ``45m``, ``120`` → ``2h``: how a duration is shown,
    the same in both languages and readable back by :func:`parse_duration`."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest}m"
    return f"{hours}h{rest:02d}m" if rest else f"{hours}h"
