"""The quick-log's lines carried out: one parsed command, one write of the Book.

The Book inherits this beside its commands; the parser (:mod:`model.quicklog`) loads
with the first line, so a read never pays for it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, assert_never

from model.client import Reflection
from model.commands_day import DayCommands
from model.commands_money import MoneyCommands
from model.invoice_repairs import InvoiceRepairs
from model.receipt import Receipt

if TYPE_CHECKING:
    from model import quicklog

__all__ = ["QuickLogging"]


class QuickLogging(DayCommands, MoneyCommands, InvoiceRepairs):
    """Every quick-log verb, each mapped onto the Book command that writes it."""

    def apply(
        self,
        command: quicklog.Command,
        now: datetime,
        reflection: Reflection | None = None,
    ) -> Receipt:
        """Carry out one parsed quick-log line, its dates checked against ``now``.

        ``reflection`` goes with a line that ends a client (whether a line asks for
        one: :func:`model.client.needs_reflection` of its state).  When the line named
        a weekday or a two-digit year, the receipt says which day it took
        (``… (read on monday = 2026-11-23)``).
        """
        receipt = self._apply(command, now, reflection)
        if not command.read:
            return receipt
        params = {"what": receipt.label(), "read": command.read}
        return Receipt("book.date_read", params, receipt.client)

    def _apply(
        self, command: quicklog.Command, now: datetime, reflection: Reflection | None
    ) -> Receipt:
        from model import quicklog

        c = command
        match c:
            case quicklog.LogInteraction():
                return self.log(c.client, c.kind, c.text, c.when, now=now, minutes=c.minutes)
            case quicklog.OpenIssue():
                return self.open_issue(c.client, c.text, c.when, c.severity, c.kind, now=now)
            case quicklog.ResolveIssue():
                return self.resolve_issue(c.client, c.number, c.when, c.note, now=now)
            case quicklog.AddInvoice():
                return self.add_invoice(
                    c.client,
                    c.number,
                    c.amount,
                    c.issued,
                    currency=c.currency,
                    due=c.due,
                    due_in_days=c.due_in_days,
                    now=now,
                )
            case quicklog.RecordPayment():
                return self.record_payment(c.client, c.number, c.on, c.amount, c.currency, now=now)
            case quicklog.OweThanks():
                return self.owe_thanks(c.client, c.text, c.when, c.by, now=now)
            case quicklog.ThanksDone():
                return self.thanks_done(c.client, c.number, c.when, now=now)
            case quicklog.AddKudos():
                return self.add_kudos(c.client, c.text, c.when, c.giver, now=now)
            case quicklog.ChangeState():
                return self.change_state(c.client, c.state, c.when, c.note, reflection, now=now)
            case quicklog.AddFollowUp():
                return self.add_followup(c.client, c.text, c.due, c.when)
            case quicklog.MarkDone():
                return self.done(c.client, c.ref, c.when)
            case quicklog.Snooze():
                return self.snooze(c.client, c.until, c.when, c.reason)
            case quicklog.VoidInvoice():
                return self.void_invoice(c.client, c.number, c.on, c.reason)
            case quicklog.CreditInvoice():
                return self.credit_invoice(
                    c.client, c.number, c.on, c.amount, c.reason, writeoff=c.writeoff
                )
            case _:
                assert_never(c)

    def quick(self, line: str, now: datetime) -> Receipt:
        """Parse and apply one quick-log line; bad input raises and writes nothing."""
        from model import quicklog

        return self.apply(quicklog.parse(line, now), now)
