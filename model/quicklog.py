"""The quick-log language: one line, ``CLIENT VERB [ARGS]``, in English or German.

The product leans on this line: a relationship stays healthy through small acts,
so logging one must take seconds (``acme call talked about the budget``).  This
module only *reads* the line into a command (see :mod:`model.quicklog_commands`);
the book resolves the client and applies it.  Words of both languages are always
accepted, whatever the screen language, because people mix them.

A line that cannot be read raises :class:`QuickLogError`, which names the word
that failed, where it starts, and what would have been valid there, so the board
can point at the word and offer the alternatives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NoReturn

import pendulum

from model.dates import (
    DATE_FORMATS,
    Relative,
    is_date_shaped,
    match_relative,
    noon_on,
    parse_date,
)
from model.errors import InputError
from model.issue import IssueKind
from model.money import (
    AMOUNT_FORMATS,
    CURRENCY_FORMATS,
    CURRENCY_SYMBOLS,
    parse_amount,
    parse_currency,
)
from model.quicklog_commands import (
    AddInvoice,
    AddKudos,
    ChangeState,
    Command,
    CreditInvoice,
    LogInteraction,
    OpenIssue,
    OweThanks,
    QuickLogError,
    RecordPayment,
    ResolveIssue,
    ThanksDone,
    VoidInvoice,
)
from model.quicklog_words import (
    OPEN_QUOTES,
    STATE_WORDS,
    VERBS,
    Action,
    Verb,
    Word,
    is_gap,
    split_words,
    text_of,
)

__all__ = [
    "STATE_WORDS",
    "VERBS",
    "Action",
    "AddInvoice",
    "AddKudos",
    "ChangeState",
    "Command",
    "CreditInvoice",
    "LogInteraction",
    "OpenIssue",
    "OweThanks",
    "QuickLogError",
    "RecordPayment",
    "ResolveIssue",
    "ThanksDone",
    "Verb",
    "VoidInvoice",
    "complete",
    "parse",
]

_ON = frozenset({"on", "am"})
_DUE = frozenset({"due", "fällig", "faellig"})
_BY = frozenset({"by", "bis"})
_FROM = frozenset({"from", "von"})
_KINDS = [f"#{kind.value}" for kind in IssueKind]
_CLIENT = ["CLIENT"]
_NUMBER = ["1", "2", "3"]
_WHEN = ["today", "yesterday", "3d ago", "on YYYY-MM-DD", "am DD.MM.YYYY"]
_INVOICE_OPTIONS = ["on YYYY-MM-DD", "due YYYY-MM-DD", "in 14d"]
_DUE_FORMS = ["YYYY-MM-DD", "DD.MM.YYYY", "in 14d"]


def parse(line: str, now: pendulum.DateTime) -> Command:
    """Read one quick-log line; ``now`` fills in every date the line leaves out."""
    words = split_words(line)
    if not words:
        raise _error(line, "quicklog.empty", None, _CLIENT)
    first = words[0]
    if not first.quoted and first.raw[0] in OPEN_QUOTES:
        raise _error(line, "quicklog.unclosed_quote", first, _CLIENT)
    if first.key in VERBS and (len(words) == 1 or words[1].key not in VERBS):
        raise _error(line, "quicklog.verb_first", first, _CLIENT)
    if not first.text:
        raise _error(line, "quicklog.missing_client", first, _CLIENT)
    if len(words) == 1:
        raise _error(line, "quicklog.missing_verb", None, list(VERBS), client=first.text)
    verb = VERBS.get(words[1].key)
    if verb is None:
        raise _error(line, "quicklog.unknown_verb", words[1], list(VERBS))
    return _READERS[verb.action](_Line(line, now, first.text, verb, words[1], words[2:]))


@dataclass(frozen=True)
class _Line:
    """What every verb's reader needs: the line, the client, the verb, its arguments."""

    line: str
    now: pendulum.DateTime
    client: str
    verb: Verb
    verb_word: Word
    args: list[Word]

    def fail(self, key: str, word: Word | None, expected: Sequence[str]) -> NoReturn:
        raise _error(self.line, key, word, expected, verb=self.verb_word.raw)

    def relay(self, err: InputError, words: Sequence[Word], expected: Sequence[str]) -> NoReturn:
        """Re-raise an error of the date or money reader, pointed at the word it names."""
        params = dict(err.params)
        named = params.pop("word", "")
        word = next((w for w in words if w.raw == named), words[0])
        raise _error(self.line, err.key, word, expected, **params) from None


def _error(
    line: str, key: str, word: Word | None, expected: Sequence[str], **params: Any
) -> QuickLogError:
    if word is None:
        return QuickLogError(key, word="", position=len(line), expected=expected, **params)
    return QuickLogError(key, word=word.raw, position=word.start, expected=expected, **params)


def _interaction(ctx: _Line) -> Command:
    args, when = _take_when(ctx, ctx.args)
    assert ctx.verb.kind is not None
    return LogInteraction(ctx.client, ctx.verb.kind, text_of(args), when)


def _issue(ctx: _Line) -> Command:
    tags = [w for w in ctx.args if w.key[:1] == "#" and w.key[1:2].isalpha()]
    if len(tags) > 1:
        ctx.fail("quicklog.kind_twice", tags[1], _KINDS)
    kind = IssueKind.OTHER
    if tags:
        name = "#" + tags[0].key[1:].rstrip(".,;:!?").replace("-", "_")
        if name not in _KINDS:
            ctx.fail("quicklog.unknown_kind", tags[0], _KINDS)
        kind = IssueKind(name[1:])
    args, when = _take_when(ctx, [w for w in ctx.args if w not in tags])
    if not args:
        ctx.fail("quicklog.missing_text", None, ["TEXT"])
    assert ctx.verb.severity is not None
    return OpenIssue(ctx.client, text_of(args), ctx.verb.severity, kind, when)


def _resolve(ctx: _Line) -> Command:
    args, when = _take_when(ctx, ctx.args)
    return ResolveIssue(ctx.client, _number(ctx, args), text_of(args[1:]), when)


def _thanks(ctx: _Line) -> Command:
    args, when = _take_when(ctx, ctx.args)
    by = None
    found = _tail_day(ctx, args, _BY, bare=False)
    if found is not None:
        args, by = args[: found[0]], ctx.now.date().add(days=found[2])
    if not args:
        ctx.fail("quicklog.missing_text", None, ["TEXT"])
    return OweThanks(ctx.client, text_of(args), by, when)


def _thanked(ctx: _Line) -> Command:
    args, when = _take_when(ctx, ctx.args)
    number = _number(ctx, args)
    if len(args) > 1:
        ctx.fail("quicklog.unexpected", args[1], _WHEN)
    return ThanksDone(ctx.client, number, when)


def _kudos(ctx: _Line) -> Command:
    """``"TEXT" from NAME``: the last ``from``/``von`` names the giver; quote a text that
    contains one."""
    args, when = _take_when(ctx, ctx.args)
    giver = ""
    for at in range(len(args) - 2, 0, -1):
        if args[at].key in _FROM:
            args, giver = args[:at], " ".join(word.text for word in args[at + 1 :])
            break
    if not args:
        ctx.fail("quicklog.missing_text", None, ['"TEXT"'])
    return AddKudos(ctx.client, text_of(args), giver, when)


def _state(ctx: _Line) -> Command:
    args, when = _take_when(ctx, ctx.args)
    if not args:
        ctx.fail("quicklog.missing_state", None, list(STATE_WORDS))
    state = STATE_WORDS.get(args[0].key)
    if state is None:
        ctx.fail("quicklog.unknown_state", args[0], list(STATE_WORDS))
    return ChangeState(ctx.client, state, text_of(args[1:]), when)


def _invoice(ctx: _Line) -> Command:
    """``NUMBER AMOUNT [CURRENCY]``, then ``on DAY`` and ``due DAY`` / ``in 14d`` in any order."""
    args = ctx.args
    if not args:
        ctx.fail("quicklog.missing_invoice", None, ["2026-017"])
    if len(args) < 2:
        ctx.fail("quicklog.missing_amount", None, AMOUNT_FORMATS)
    amount, currency, i = _money(ctx, args, 1)
    issued, due, due_in = ctx.now.date(), None, None
    seen: set[str] = set()
    while i < len(args):
        head = args[i]
        if head.key not in _DUE and head.key != "in":
            i, issued = _on(ctx, args, i)
            _once(ctx, seen, "on", head)
            continue
        _once(ctx, seen, "due", head)
        at = i + 1 if head.key in _DUE else i
        found = _day_at(ctx, args, at)
        if found is None:
            _no_day(ctx, args, at, _DUE_FORMS)
        i = found[0]
        due, due_in = (None, found[2]) if args[at].key == "in" else (found[1], None)
    return AddInvoice(ctx.client, args[0].text, amount, currency, issued, due, due_in)


def _payment(ctx: _Line) -> Command:
    """``NUMBER [AMOUNT [CURRENCY]] [on DAY]``; no amount pays the rest."""
    args = ctx.args
    if not args:
        ctx.fail("quicklog.missing_invoice", None, ["2026-017"])
    amount: Decimal | None = None
    currency: str | None = None
    i = 1
    if i < len(args) and args[i].key not in _ON and not _day_shaped(ctx, args, i):
        amount, currency, i = _money(ctx, args, i)
    on = ctx.now.date()
    if i < len(args):
        i, on = _on(ctx, args, i)
    if i < len(args):
        ctx.fail("quicklog.unexpected", args[i], _WHEN)
    return RecordPayment(ctx.client, args[0].text, amount, currency, on)


_READERS: dict[Action, Callable[[_Line], Command]] = {
    Action.INTERACTION: _interaction,
    Action.ISSUE: _issue,
    Action.RESOLVE: _resolve,
    Action.INVOICE: _invoice,
    Action.PAYMENT: _payment,
    Action.THANKS: _thanks,
    Action.THANKED: _thanked,
    Action.KUDOS: _kudos,
    Action.STATE: _state,
}


def _take_when(ctx: _Line, args: list[Word]) -> tuple[list[Word], pendulum.DateTime]:
    """Split the date off the end of ``args``: ``on DAY`` is noon that day, relative words
    keep now's time of day.  ``in 3d`` stays text: nothing is logged ahead by accident."""
    found = _tail_day(ctx, args, _ON, bare=True)
    if found is None:
        return args, ctx.now
    cut, day, days = found
    if day is not None:
        return args[:cut], noon_on(day, ctx.now)
    if days > 0:
        return args, ctx.now
    return args[:cut], ctx.now.add(days=days)


def _tail_day(
    ctx: _Line, args: list[Word], intros: frozenset[str], *, bare: bool
) -> tuple[int, pendulum.Date | None, int] | None:
    """The day phrase that ends ``args``, introduced by one of ``intros``.

    Returns where the phrase (with its intro) starts, the calendar day if one was
    written, and the days from today.  A calendar day always needs its intro, so
    a date inside a sentence stays text; with ``bare``, relative words need none,
    unless a deadline word (``by``, ``due``) claims them.
    """
    keys = [word.key for word in args]
    size = len(args)
    if size >= 2 and keys[-2] in intros and is_date_shaped(keys[-1]):
        day = _date(ctx, args[-1])
        return size - 2, day, (day - ctx.now.date()).days
    for start in range(max(size - 3, 0), size):
        found = _relative(ctx, args, start)
        if found is None or found.end != size:
            continue
        before = keys[start - 1] if start else ""
        if before in intros:
            return start - 1, None, found.days
        if bare and before not in _BY | _DUE:
            return start, None, found.days
        return None
    return None


def _day_at(ctx: _Line, args: list[Word], i: int) -> tuple[int, pendulum.Date, int] | None:
    """A day written at ``args[i]``: (index after it, the day, days from today)."""
    if i < len(args) and is_date_shaped(args[i].key):
        day = _date(ctx, args[i])
        return i + 1, day, (day - ctx.now.date()).days
    found = _relative(ctx, args, i)
    if found is None:
        return None
    return found.end, ctx.now.date().add(days=found.days), found.days


def _on(ctx: _Line, args: list[Word], i: int) -> tuple[int, pendulum.Date]:
    """``on DAY`` / ``am DAY`` / a bare day at ``args[i]``; anything else is unexpected."""
    at = i + 1 if args[i].key in _ON else i
    found = _day_at(ctx, args, at)
    if found is None:
        _no_day(ctx, args, at, _INVOICE_OPTIONS)
    return found[0], found[1]


def _no_day(ctx: _Line, args: list[Word], at: int, expected: Sequence[str]) -> NoReturn:
    """No day where one must be: missing at the end of the line, else the wrong word."""
    if at == len(args):
        ctx.fail("quicklog.missing_date", None, DATE_FORMATS)
    ctx.fail("quicklog.unexpected", args[at], expected)


def _once(ctx: _Line, seen: set[str], what: str, word: Word) -> None:
    if what in seen:
        ctx.fail("quicklog.twice", word, _INVOICE_OPTIONS)
    seen.add(what)


def _date(ctx: _Line, word: Word) -> pendulum.Date:
    try:
        return parse_date(word.raw)
    except InputError as err:
        ctx.relay(err, [word], DATE_FORMATS)


def _relative(ctx: _Line, args: Sequence[Word], start: int) -> Relative | None:
    try:
        return match_relative(["" if word.quoted else word.raw for word in args], start)
    except InputError as err:
        ctx.relay(err, args[start:], _WHEN)


def _day_shaped(ctx: _Line, args: list[Word], i: int) -> bool:
    return is_date_shaped(args[i].key) or _relative(ctx, args, i) is not None


def _number(ctx: _Line, args: list[Word]) -> int:
    """An issue or thanks number: ``3`` or ``#3``."""
    if not args:
        ctx.fail("quicklog.missing_number", None, _NUMBER)
    digits = args[0].raw.removeprefix("#")
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 9 and int(digits) > 0):
        ctx.fail("quicklog.bad_number", args[0], _NUMBER)
    return int(digits)


def _money(ctx: _Line, args: list[Word], i: int) -> tuple[Decimal, str | None, int]:
    """The amount at ``args[i]``, with a currency glued to it (``€1250``) or following it;
    also the index after them."""
    word = args[i]
    digits, sign = word.raw, None
    if len(digits) > 1 and digits[0] in CURRENCY_SYMBOLS:
        digits, sign = digits[1:], digits[0]
    elif len(digits) > 1 and digits[-1] in CURRENCY_SYMBOLS:
        digits, sign = digits[:-1], digits[-1]
    try:
        amount = parse_amount(digits)
    except InputError as err:
        ctx.relay(err, [word], AMOUNT_FORMATS)
    if sign is None and i + 1 < len(args) and _currency_like(args[i + 1]):
        i += 1
        sign = args[i].raw
    try:
        return amount, None if sign is None else parse_currency(sign), i + 1
    except InputError as err:
        ctx.relay(err, [args[i]], CURRENCY_FORMATS)


def _currency_like(word: Word) -> bool:
    """A currency sign, or a three-letter word that is no date keyword."""
    key = word.key
    if key in _ON | _DUE | {"in", "vor"}:
        return False
    return key in CURRENCY_SYMBOLS or (len(key) == 3 and key.isascii() and key.isalpha())


def complete(line: str, client_ids: Sequence[str], position: int | None = None) -> list[str]:
    """Words that could replace the word being typed at ``position`` (default: the end).

    Client ids for the first word, verbs for the second, states after ``state``,
    ``#kinds`` in an issue.  Matching ignores case.
    """
    head = line if position is None else line[:position]
    words = split_words(head)
    typing = "" if not words or is_gap(head[-1]) else words.pop().raw
    prefix = typing.casefold()
    if not words:
        return [cid for cid in client_ids if cid.casefold().startswith(prefix)]
    if len(words) == 1:
        return [word for word in VERBS if word.startswith(prefix)]
    verb = VERBS.get(words[1].key)
    if verb is not None and verb.action is Action.STATE and len(words) == 2:
        return [word for word in STATE_WORDS if word.startswith(prefix)]
    if verb is not None and verb.action is Action.ISSUE and prefix.startswith("#"):
        return [kind for kind in _KINDS if kind.startswith(prefix)]
    return []


# The repair verbs' readers live apart; they use this module's helpers, so they come last.
from model.quicklog_fixes import READERS as _FIX_READERS  # noqa: E402

_READERS.update(_FIX_READERS)
