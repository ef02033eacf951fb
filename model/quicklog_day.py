"""Readers of the quick-log verbs for the day's work: ``followup``, ``done``, ``snooze``.

They live beside :mod:`model.quicklog` and are handed its line context, so its
date words stay the only ones; here they gain the words a next step is said
with: ``by friday`` / ``bis Freitag``, ``tomorrow`` / ``morgen``, and the
snooze lengths ``2w``, ``3 days``, ``1 Monat``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import NoReturn, Protocol

from model.dates import DATE_FORMATS, MAX_DAYS, is_date_shaped, match_relative, parse_date
from model.errors import InputError
from model.quicklog_commands import AddFollowUp, Command, MarkDone, Snooze
from model.quicklog_words import Word, text_of
from model.refs import parse_ref

__all__ = ["FOLLOWUP_DAYS", "SNOOZE_FORMS", "read_done", "read_followup", "read_snooze"]

FOLLOWUP_DAYS = ["by friday", "by YYYY-MM-DD", "by DD.MM.YYYY", "tomorrow", "in 3d"]
SNOOZE_FORMS = ["2w", "10d", "1m", "3 weeks", "until YYYY-MM-DD", "off"]
_REFS = ["followup:1", "1", "issue:1", "thanks:1"]

_BY = frozenset({"by", "bis", "until", "due", "fällig", "faellig", "on", "am"})
_UNTIL = frozenset({"until", "bis"})
_OFF = frozenset({"off", "aus", "ende"})
_TOMORROW = frozenset({"tomorrow", "morgen"})
# "next friday" is the coming one, a week on when today is Friday
_NEXT = frozenset({"next", "nächsten", "naechsten", "kommenden", "nächster", "kommender"})
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon", "montag"),
            ("tuesday", "tue", "dienstag"),
            ("wednesday", "wed", "mittwoch"),
            ("thursday", "thu", "donnerstag"),
            ("friday", "fri", "freitag"),
            ("saturday", "sat", "samstag"),
            ("sunday", "sun", "sonntag"),
        )
    )
    for name in names
}
_UNITS = {
    **dict.fromkeys(("d", "day", "days", "tag", "tage", "tagen"), 1),
    **dict.fromkeys(("w", "week", "weeks", "woche", "wochen"), 7),
    **dict.fromkeys(("m", "month", "months", "monat", "monate", "monaten"), 30),
}
_GLUED = re.compile(r"([0-9]{1,9})([a-zäöü]+)")


class Line(Protocol):
    """What :class:`model.quicklog._Line` offers a reader."""

    @property
    def now(self) -> datetime: ...
    @property
    def client(self) -> str: ...
    @property
    def args(self) -> list[Word]: ...
    def fail(self, key: str, word: Word | None, expected: Sequence[str]) -> NoReturn: ...
    def relay(
        self, err: InputError, words: Sequence[Word], expected: Sequence[str]
    ) -> NoReturn: ...


def read_followup(ctx: Line) -> Command:
    """``TEXT by DAY``: the day ends the line; without one the step is not dated."""
    args = ctx.args
    found = _tail_day(ctx, args)
    if found is None:
        ctx.fail("quicklog.missing_followup_day", None, FOLLOWUP_DAYS)
    cut, due = found
    if cut == 0:
        ctx.fail("quicklog.missing_text", None, ["TEXT"])
    return AddFollowUp(ctx.client, text_of(args[:cut]), due, ctx.now)


def read_done(ctx: Line) -> Command:
    args = ctx.args
    if not args:
        ctx.fail("quicklog.missing_ref", None, _REFS)
    if parse_ref(args[0].key, "followups") is None:
        ctx.fail("quicklog.bad_ref", args[0], _REFS)
    if len(args) > 1:
        ctx.fail("quicklog.unexpected", args[1], ["(end of line)"])
    return MarkDone(ctx.client, args[0].key, ctx.now)


def read_snooze(ctx: Line) -> Command:
    """``2w [REASON]``, ``until DAY [REASON]`` or ``off``."""
    args = ctx.args
    if not args:
        ctx.fail("quicklog.missing_snooze", None, SNOOZE_FORMS)
    head = args[0]
    if head.key in _OFF and len(args) == 1:
        return Snooze(ctx.client, None, "", ctx.now)
    today = ctx.now.date()
    if head.key in _UNTIL:
        if len(args) == 1:
            ctx.fail("quicklog.missing_date", None, DATE_FORMATS)
        day = _one_day(ctx, args[1])
        if day is None:
            err = InputError(
                "quicklog.date.form", word=args[1].raw, formats=", ".join(DATE_FORMATS)
            )
            ctx.relay(err, [args[1]], DATE_FORMATS)
        return Snooze(ctx.client, day, text_of(args[2:]), ctx.now)
    days, used = _length(ctx, args)
    return Snooze(ctx.client, today + timedelta(days=days), text_of(args[used:]), ctx.now)


def _length(ctx: Line, args: list[Word]) -> tuple[int, int]:
    """A snooze length at the start of ``args``: its days and how many words it took."""
    head = args[0]
    glued = _GLUED.fullmatch(head.key)
    count, unit, used = None, None, 1
    if glued is not None and glued.group(2) in _UNITS:
        count, unit = int(glued.group(1)), _UNITS[glued.group(2)]
    elif head.key.isascii() and head.key.isdigit() and len(args) > 1 and args[1].key in _UNITS:
        count, unit, used = int(head.key), _UNITS[args[1].key], 2
    if count is None or unit is None or count == 0:
        ctx.fail("quicklog.snooze_length", head, SNOOZE_FORMS)
    if count * unit > MAX_DAYS:
        err = InputError("quicklog.date.too_far", word=head.raw, max=MAX_DAYS)
        ctx.relay(err, [head], SNOOZE_FORMS)
    return count * unit, used


def _tail_day(ctx: Line, args: list[Word]) -> tuple[int, date] | None:
    """The day phrase that ends ``args`` (``by friday``, ``in 3 Tagen``, ``morgen``) and
    where it starts, its intro word included."""
    size = len(args)
    for start in range(max(size - 3, 0), size):
        day = _day_phrase(ctx, args, start)
        if day is None:
            continue
        cut = start
        if cut > 0 and args[cut - 1].key in _NEXT and args[start].key in _WEEKDAYS:
            cut -= 1
            if day == ctx.now.date():
                day = day + timedelta(days=7)
        if cut > 0 and args[cut - 1].key in _BY:
            cut -= 1
        return cut, day
    return None


def _day_phrase(ctx: Line, args: list[Word], start: int) -> date | None:
    if start == len(args) - 1:
        day = _one_day(ctx, args[start])
        if day is not None:
            return day
    try:
        found = match_relative(["" if w.quoted else w.raw for w in args], start)
    except InputError as err:
        ctx.relay(err, args[start:], FOLLOWUP_DAYS)
    if found is None or found.end != len(args):
        return None
    return ctx.now.date() + timedelta(days=found.days)


def _one_day(ctx: Line, word: Word) -> date | None:
    """A day written as one word: a calendar date, a weekday (the next one, today
    included), ``tomorrow``; relative words go through :func:`match_relative`."""
    today = ctx.now.date()
    key = word.key.rstrip(".,;:!?")
    if is_date_shaped(key):
        try:
            return parse_date(key)
        except InputError as err:
            ctx.relay(err, [word], DATE_FORMATS)
    if key in _TOMORROW:
        return today + timedelta(days=1)
    if key in _WEEKDAYS:
        return today + timedelta(days=(_WEEKDAYS[key] - today.weekday()) % 7)
    try:
        found = match_relative([key], 0)
    except InputError as err:
        ctx.relay(err, [word], FOLLOWUP_DAYS)
    return None if found is None else today + timedelta(days=found.days)
