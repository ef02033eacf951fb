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

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

from model.errors import InputError
from model.issue import IssueKind
from model.money import (
    AMOUNT_FORMATS,
    CURRENCY_FORMATS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    parse_amount,
    parse_currency,
)
from model.quicklog_commands import (
    AddFollowUp,
    AddInvoice,
    AddKudos,
    ChangeState,
    Command,
    CreditInvoice,
    LogInteraction,
    MarkDone,
    OpenIssue,
    OweThanks,
    QuickLogError,
    RecordPayment,
    ResolveIssue,
    Snooze,
    ThanksDone,
    VoidInvoice,
)
from model.quicklog_complete import complete, nearest_verb
from model.quicklog_day import read_done, read_followup, read_snooze
from model.quicklog_days import (
    BY,
    DUE,
    ON,
    WHEN,
    day_at,
    day_shaped,
    joined,
    no_day,
    phrase_at,
    reading,
    take_when,
)
from model.quicklog_duration import take_duration
from model.quicklog_words import (
    OPEN_QUOTES,
    STATE_WORDS,
    VERBS,
    Action,
    Line,
    Verb,
    Word,
    line_error,
    split_words,
    text_of,
)

__all__ = [
    "STATE_WORDS",
    "VERBS",
    "Action",
    "AddFollowUp",
    "AddInvoice",
    "AddKudos",
    "ChangeState",
    "Command",
    "CreditInvoice",
    "LogInteraction",
    "MarkDone",
    "OpenIssue",
    "OweThanks",
    "QuickLogError",
    "RecordPayment",
    "ResolveIssue",
    "Snooze",
    "ThanksDone",
    "Verb",
    "VoidInvoice",
    "complete",
    "parse",
]

_FROM = frozenset({"from", "von"})
_KINDS = [f"#{kind.value}" for kind in IssueKind]
_CLIENT = ["CLIENT"]
_NUMBER = ["1", "2", "3"]
_INVOICE_OPTIONS = ["on YYYY-MM-DD", "due YYYY-MM-DD", "in 14d"]
_DUE_FORMS = ["YYYY-MM-DD", "DD.MM.YYYY", "in 14d"]


def parse(line: str, now: datetime) -> Command:
    """Read one quick-log line; ``now`` fills in every date the line leaves out."""
    words = split_words(line)
    if not words:
        raise line_error(line, "quicklog.empty", None, _CLIENT)
    first = words[0]
    if not first.quoted and first.raw[0] in OPEN_QUOTES:
        raise line_error(line, "quicklog.unclosed_quote", first, _CLIENT)
    if first.key in VERBS and (len(words) == 1 or words[1].key not in VERBS):
        raise line_error(line, "quicklog.verb_first", first, _CLIENT)
    if not first.text:
        raise line_error(line, "quicklog.missing_client", first, _CLIENT)
    if len(words) == 1:
        raise line_error(line, "quicklog.missing_verb", None, list(VERBS), client=first.text)
    verb = VERBS.get(words[1].key)
    if verb is None:
        near = nearest_verb(words[1].raw)
        if near is not None:
            raise line_error(line, "quicklog.unknown_verb_near", words[1], list(VERBS), near=near)
        raise line_error(line, "quicklog.unknown_verb", words[1], list(VERBS))
    return _READERS[verb.action](Line(line, now, first.text, verb, words[1], words[2:]))


def _interaction(ctx: Line) -> Command:
    args, when, read = take_when(ctx, ctx.args)
    assert ctx.verb.kind is not None
    args, minutes = take_duration(ctx, args)
    return LogInteraction(ctx.client, ctx.verb.kind, text_of(args), when, read, minutes)


def _issue(ctx: Line) -> Command:
    tags = [w for w in ctx.args if w.key[:1] == "#" and w.key[1:2].isalpha()]
    if len(tags) > 1:
        ctx.fail("quicklog.kind_twice", tags[1], _KINDS)
    kind = IssueKind.OTHER
    if tags:
        name = "#" + tags[0].key[1:].rstrip(".,;:!?").replace("-", "_")
        if name not in _KINDS:
            ctx.fail("quicklog.unknown_kind", tags[0], _KINDS)
        kind = IssueKind(name[1:])
    args, when, read = take_when(ctx, [w for w in ctx.args if w not in tags])
    if not args:
        ctx.fail("quicklog.missing_text", None, ["TEXT"])
    assert ctx.verb.severity is not None
    return OpenIssue(ctx.client, text_of(args), ctx.verb.severity, kind, when, read)


def _resolve(ctx: Line) -> Command:
    args, when, read = take_when(ctx, ctx.args)
    return ResolveIssue(ctx.client, _number(ctx, args), text_of(args[1:]), when, read)


def _thanks(ctx: Line) -> Command:
    """``TEXT [by DAY]``: ``by`` with a day (``by friday`` is the next one) is the
    deadline wherever it stands; ``by`` before anything else is text."""
    args, by, by_read = ctx.args, None, ""
    for i, word in enumerate(args):
        found = phrase_at(ctx, args, i, BY, ahead=True) if word.key in BY else None
        if found is not None:
            args, by, by_read = args[:i] + args[found.end :], found.day, found.read
            break
    args, when, read = take_when(ctx, args)
    if not args:
        ctx.fail("quicklog.missing_thanks_text", None, ["TEXT"])
    return OweThanks(ctx.client, text_of(args), by, when, joined(read, by_read))


def _thanked(ctx: Line) -> Command:
    args, when, read = take_when(ctx, ctx.args)
    number = _number(ctx, args)
    if len(args) > 1:
        ctx.fail("quicklog.unexpected", args[1], WHEN)
    return ThanksDone(ctx.client, number, when, read)


def _kudos(ctx: Line) -> Command:
    """``"TEXT" from NAME``: the last ``from``/``von`` names the giver; quote a text that
    contains one."""
    args, when, read = take_when(ctx, ctx.args)
    giver = ""
    for at in range(len(args) - 2, 0, -1):
        if args[at].key in _FROM:
            args, giver = args[:at], " ".join(word.text for word in args[at + 1 :])
            break
    if not args:
        ctx.fail("quicklog.missing_kudos_text", None, ['"TEXT"'])
    return AddKudos(ctx.client, text_of(args), giver, when, read)


def _state(ctx: Line) -> Command:
    args, when, read = take_when(ctx, ctx.args)
    if not args:
        ctx.fail("quicklog.missing_state", None, list(STATE_WORDS))
    state = STATE_WORDS.get(args[0].key)
    if state is None:
        ctx.fail("quicklog.unknown_state", args[0], list(STATE_WORDS))
    return ChangeState(ctx.client, state, text_of(args[1:]), when, read)


def _invoice(ctx: Line) -> Command:
    """``NUMBER AMOUNT [CURRENCY]``, then ``on DAY`` and ``due DAY`` / ``in 14d`` in any order."""
    args = ctx.args
    if not args:
        ctx.fail("quicklog.missing_invoice", None, ["2026-017"])
    if len(args) < 2:
        ctx.fail("quicklog.missing_amount", None, AMOUNT_FORMATS)
    amount, currency, i = _money(ctx, args, 1)
    issued, due, due_in = ctx.now.date(), None, None
    seen: set[str] = set()
    reads: list[str] = []
    while i < len(args):
        head = args[i]
        if head.key not in DUE and head.key != "in":
            i, issued, read = _on(ctx, args, i)
            _once(ctx, seen, "on", head)
            reads.append(read)
            continue
        _once(ctx, seen, "due", head)
        at = i + 1 if head.key in DUE else i
        found = day_at(ctx, args, at, ahead=True)
        if found is None:
            no_day(ctx, args, at, _DUE_FORMS)
        reads.append(reading(args[i : found.end], found.day) if found.read else "")
        i = found.end
        due, due_in = (None, found.days) if args[at].key == "in" else (found.day, None)
    number, read = args[0].text, joined(*reads)
    return AddInvoice(ctx.client, number, amount, currency, issued, due, due_in, read)


def _payment(ctx: Line) -> Command:
    """``NUMBER [AMOUNT [CURRENCY]] [on DAY]``; no amount pays the rest."""
    args = ctx.args
    if not args:
        ctx.fail("quicklog.missing_invoice", None, ["2026-017"])
    amount: Decimal | None = None
    currency: str | None = None
    i = 1
    if i < len(args) and args[i].key not in ON and not day_shaped(ctx, args, i):
        amount, currency, i = _money(ctx, args, i)
    on, read = ctx.now.date(), ""
    if i < len(args):
        i, on, read = _on(ctx, args, i)
    if i < len(args):
        ctx.fail("quicklog.unexpected", args[i], WHEN)
    return RecordPayment(ctx.client, args[0].text, amount, currency, on, read)


_READERS: dict[Action, Callable[[Line], Command]] = {
    Action.INTERACTION: _interaction,
    Action.ISSUE: _issue,
    Action.RESOLVE: _resolve,
    Action.INVOICE: _invoice,
    Action.PAYMENT: _payment,
    Action.THANKS: _thanks,
    Action.THANKED: _thanked,
    Action.KUDOS: _kudos,
    Action.STATE: _state,
    Action.FOLLOWUP: read_followup,
    Action.DONE: read_done,
    Action.SNOOZE: read_snooze,
}


def _on(ctx: Line, args: list[Word], i: int) -> tuple[int, date, str]:
    """``on DAY`` / ``am DAY`` / a bare day at ``args[i]``; anything else is unexpected."""
    at = i + 1 if args[i].key in ON else i
    found = day_at(ctx, args, at)
    if found is None:
        no_day(ctx, args, at, _INVOICE_OPTIONS)
    return found.end, found.day, reading(args[i : found.end], found.day) if found.read else ""


def _once(ctx: Line, seen: set[str], what: str, word: Word) -> None:
    if what in seen:
        ctx.fail("quicklog.twice", word, _INVOICE_OPTIONS)
    seen.add(what)


def _number(ctx: Line, args: list[Word]) -> int:
    """An issue or thanks number: ``3`` or ``#3``."""
    if not args:
        ctx.fail("quicklog.missing_number", None, _NUMBER)
    digits = args[0].raw.removeprefix("#")
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 9 and int(digits) > 0):
        ctx.fail("quicklog.bad_number", args[0], _NUMBER)
    return int(digits)


def _money(ctx: Line, args: list[Word], i: int) -> tuple[Decimal, str | None, int]:
    """The amount at ``args[i]``, with a currency glued to it (``€1250``), following it
    (``6500 CHF``) or before it (``CHF 6500``, ``Fr. 6500.-``); also the index after them."""
    lead: str | None = None
    if i + 1 < len(args) and _currency_like(args[i]) and args[i + 1].raw[:1].isdigit():
        lead, i = args[i].raw, i + 1
    word = args[i]
    digits, sign = word.raw, lead
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
        ctx.relay(err, args[i - 1 : i + 1], CURRENCY_FORMATS)


def _currency_like(word: Word) -> bool:
    """A currency sign, or a three-letter word that is no date keyword."""
    key = word.key
    if key in ON | DUE | {"in", "vor"}:
        return False
    return (
        key in CURRENCY_SYMBOLS
        or key in CURRENCY_WORDS
        or (len(key) == 3 and key.isascii() and key.isalpha())
    )


# The repair verbs' readers live apart; they use this module's helpers, so they come last.
from model.quicklog_fixes import READERS as _FIX_READERS  # noqa: E402

_READERS.update(_FIX_READERS)
