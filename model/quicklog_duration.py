"""Where an interaction's duration stands in a quick-log line.

``acme call 45m talked budget`` and ``acme call talked budget 45m``: the duration is
the first or the last words of the text (after the day phrase is taken out), so a
number in the middle of a sentence (``we planned a 2h workshop``) stays text.  The
words themselves are read by :mod:`model.durations`.
"""

from __future__ import annotations

from model.durations import DURATION_FORMATS, Duration, match_duration
from model.errors import InputError
from model.quicklog_words import Line, Word

__all__ = ["take_duration"]


def take_duration(ctx: Line, args: list[Word]) -> tuple[list[Word], int | None]:
    """The words without the duration, and its minutes (``None`` when the line names none)."""
    words = ["" if word.quoted else word.raw for word in args]
    found = _at(ctx, args, words, 0)
    # at the end: the longest form first ("1 Std 30 Min" before "30 Min")
    for start in range(max(len(words) - 4, 1), len(words)):
        if found is not None:
            break
        found = _at(ctx, args, words, start, to_end=True)
    if found is None:
        return args, None
    return args[: found.start] + args[found.end :], found.minutes


def _at(
    ctx: Line, args: list[Word], words: list[str], start: int, *, to_end: bool = False
) -> Duration | None:
    if start >= len(words):
        return None
    try:
        return match_duration(words, start, to_end=to_end)
    except InputError as err:
        ctx.relay(err, args[start:], DURATION_FORMATS)
