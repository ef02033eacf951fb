"""Quick-log readers for repairing invoices: void, credit and write off.

``acme void 2026-017 [reason]`` (``storno``), ``acme credit 2026-017 200 [reason]``
(``gutschrift``), ``acme writeoff 2026-017 [AMOUNT] [reason]`` (``abschreiben``);
each may end with a day like any quick-log line.  Kept apart from ``model.quicklog``,
which registers them, so that the reader of everyday lines stays one file.
"""

from __future__ import annotations

from collections.abc import Callable

from model.money import AMOUNT_FORMATS, CURRENCY_SYMBOLS
from model.quicklog import _money
from model.quicklog_commands import Command, CreditInvoice, VoidInvoice
from model.quicklog_days import take_when
from model.quicklog_words import Action, Line, text_of

__all__ = ["READERS"]

_NUMBER = ["2026-017"]


def _void(ctx: Line) -> Command:
    """``NUMBER [REASON] [on DAY]``."""
    args, when, read = take_when(ctx, ctx.args)
    if not args:
        ctx.fail("quicklog.missing_invoice", None, _NUMBER)
    return VoidInvoice(ctx.client, args[0].text, text_of(args[1:]), when.date(), read)


def _credit(ctx: Line, *, writeoff: bool) -> Command:
    """``NUMBER AMOUNT [CURRENCY] [REASON] [on DAY]``; a write-off may leave out the amount."""
    args, when, read = take_when(ctx, ctx.args)
    if not args:
        ctx.fail("quicklog.missing_invoice", None, _NUMBER)
    amount, i = None, 1
    head = args[1].raw if len(args) > 1 else ""
    if head[:1].isdigit() or (len(head) > 1 and head[0] in CURRENCY_SYMBOLS):
        amount, _, i = _money(ctx, args, 1)
    elif not writeoff:
        ctx.fail("quicklog.missing_amount", args[1] if len(args) > 1 else None, AMOUNT_FORMATS)
    return CreditInvoice(
        ctx.client, args[0].text, amount, text_of(args[i:]), when.date(), writeoff, read
    )


READERS: dict[Action, Callable[[Line], Command]] = {
    Action.VOID: _void,
    Action.CREDIT: lambda ctx: _credit(ctx, writeoff=False),
    Action.WRITEOFF: lambda ctx: _credit(ctx, writeoff=True),
}
