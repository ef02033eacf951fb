"""The days a quick-log line names, wherever they stand in it.

A line holds at most one day phrase for the moment it logs (``acme call
yesterday talked budget``), found by :func:`take_when`; deadlines (``by friday``,
``due 24.12.2026``) and invoice days are read at their place by :func:`day_at`.
The words themselves are read by :mod:`model.dates`; this module knows the
intro words (``on``/``am``, ``by``/``bis``) and points errors at the word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import NoReturn

from model.dates import (
    DATE_FORMATS,
    Relative,
    days_later,
    is_date_shaped,
    is_short_year,
    match_relative,
    noon_on,
    parse_date,
)
from model.errors import InputError
from model.quicklog_words import Line, Word

__all__ = [
    "BY",
    "DUE",
    "ON",
    "WHEN",
    "Phrase",
    "date_at",
    "day_at",
    "day_shaped",
    "joined",
    "no_day",
    "phrase_at",
    "reading",
    "relative_at",
    "take_when",
]

ON = frozenset({"on", "am"})
DUE = frozenset({"due", "fällig", "faellig"})
BY = frozenset({"by", "bis"})
WHEN = ["today", "yesterday", "3d ago", "on YYYY-MM-DD", "am DD.MM.YYYY"]


@dataclass(frozen=True)
class Phrase:
    """A day phrase found in the line: ``args[start:end]``, its intro word included."""

    start: int
    end: int
    day: date
    days: int
    """Days from today."""
    written: bool
    """A calendar date was written (``2026-11-20``), not a relative word."""
    read: str
    """How the phrase was read, for the receipt (``"am Montag = 2026-11-23"``), when
    the words alone do not say the day: weekdays and two-digit years."""
    bare: bool = False
    """A weekday without ``last``/``next``: a day only after an intro word."""


def phrase_at(
    ctx: Line, args: list[Word], i: int, intros: frozenset[str] = ON, *, ahead: bool = False
) -> Phrase | None:
    """The day phrase that starts at ``args[i]``, with or without an intro word.

    A date-shaped word is always a day (and an error if it names none), so a typo
    never hides in a note; a bare weekday needs its intro (``on friday``), because
    "friday" in a sentence is usually just a word.
    """
    if args[i].quoted:
        return None
    at = i + 1 if args[i].key in intros else i
    phrase = day_at(ctx, args, at, ahead=ahead)
    if phrase is None or (phrase.bare and at == i):
        return None
    read = reading(args[i : phrase.end], phrase.day) if phrase.read else ""
    return replace(phrase, start=i, read=read)


def reading(words: Sequence[Word], day: date) -> str:
    return f"{' '.join(w.raw for w in words)} = {day.isoformat()}"


def joined(*reads: str) -> str:
    return ", ".join(read for read in reads if read)


def take_when(ctx: Line, args: list[Word]) -> tuple[list[Word], datetime, str]:
    """Take the one day phrase out of ``args``, wherever it stands.

    ``on DAY`` is noon that day (now, if it is today); relative words keep now's
    time of day.  A phrase ahead of today in words (``in 3d``, ``next friday``)
    stays text: a plan, not the day it happened.  Two phrases are refused rather
    than one guessed; quoting the one that belongs to the text keeps it there.
    """
    found: list[Phrase] = []
    i = 0
    while i < len(args):
        if i and args[i - 1].key in BY | DUE:
            # a deadline the note mentions ("invoice due 2026-12-01"), not the moment;
            # still a real day, or an error
            day_at(ctx, args, i)
            phrase = None
        else:
            phrase = phrase_at(ctx, args, i)
        if phrase is None:
            i += 1
            continue
        if phrase.written or phrase.days <= 0:
            found.append(phrase)
        i = phrase.end
    if not found:
        return args, ctx.now, ""
    if len(found) > 1:
        second = found[1]
        ctx.fail("quicklog.two_dates", args[second.start], [f'"{args[second.start].raw}"'])
    phrase = found[0]
    rest = args[: phrase.start] + args[phrase.end :]
    if not phrase.written:
        return rest, days_later(ctx.now, phrase.days), phrase.read
    if phrase.days == 0:
        return rest, ctx.now, phrase.read
    return rest, noon_on(phrase.day, ctx.now), phrase.read


def day_at(ctx: Line, args: list[Word], i: int, *, ahead: bool = False) -> Phrase | None:
    """A day written at ``args[i]``, a bare weekday included."""
    if i >= len(args) or args[i].quoted:
        return None
    today = ctx.now.date()
    if is_date_shaped(_bare(args[i].key)):
        day = date_at(ctx, args[i])
        read = reading(args[i : i + 1], day) if is_short_year(_bare(args[i].key)) else ""
        return Phrase(i, i + 1, day, (day - today).days, True, read)
    found = relative_at(ctx, args, i, ahead=ahead)
    if found is None:
        return None
    day = today + timedelta(days=found.days)
    read = reading(args[i : found.end], day) if found.weekday else ""
    return Phrase(i, found.end, day, found.days, False, read, found.bare)


def no_day(ctx: Line, args: list[Word], at: int, expected: Sequence[str]) -> NoReturn:
    """No day where one must be: missing at the end of the line, else the wrong word."""
    if at == len(args):
        ctx.fail("quicklog.missing_date", None, DATE_FORMATS)
    ctx.fail("quicklog.unexpected", args[at], expected)


def date_at(ctx: Line, word: Word) -> date:
    try:
        return parse_date(_bare(word.raw))
    except InputError as err:
        ctx.relay(err, [word], DATE_FORMATS)


def relative_at(
    ctx: Line, args: Sequence[Word], start: int, *, ahead: bool = False
) -> Relative | None:
    try:
        words = ["" if word.quoted else _bare(word.raw) for word in args]
        return match_relative(words, start, ctx.now.date(), ahead=ahead)
    except InputError as err:
        ctx.relay(err, args[start:], WHEN)


def day_shaped(ctx: Line, args: list[Word], i: int) -> bool:
    return is_date_shaped(_bare(args[i].key)) or relative_at(ctx, args, i) is not None


def _bare(word: str) -> str:
    """A day word without the comma or colon of the sentence it stands in
    (``yesterday, talked budget``); a final dot belongs to ``20.11.`` and stays."""
    return word.rstrip(",;:")
