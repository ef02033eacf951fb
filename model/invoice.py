"""Invoices and payments: clarity about money is respect (the domain, text 004).

Amounts are ``Decimal`` stored as strings next to an ISO 4217 code; an invoice is
paid when its payments cover the amount, and part payments are normal.  A mistake
is repaired on file, never by rewriting history: a credit note or a write-off
lowers what is open, and a void invoice stays on file but no longer counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from model.timestamps import days_until

if TYPE_CHECKING:
    import pendulum

__all__ = ["Credit", "Invoice", "Payment", "aging_bucket"]


@dataclass(frozen=True)
class Payment:
    amount: Decimal
    on: str


@dataclass(frozen=True)
class Credit:
    """A credit note (``writeoff`` False) or an amount written off, with its reason."""

    amount: Decimal
    on: str
    reason: str = ""
    writeoff: bool = False


@dataclass(frozen=True)
class Invoice:
    number: str
    client: str
    amount: Decimal
    currency: str
    issued: str
    due: str
    payments: tuple[Payment, ...] = ()
    credits: tuple[Credit, ...] = ()
    void: str | None = None
    """The day it was voided; ``void_reason`` says why."""
    void_reason: str = ""

    @cached_property
    def credited(self) -> Decimal:
        return sum((c.amount for c in self.credits), Decimal(0))

    @property
    def is_void(self) -> bool:
        return self.void is not None

    @property
    def is_settled(self) -> bool:
        """Nothing more is asked: void, or paid, credited and written off in full."""
        return self.is_void or self.paid_amount + self.credited >= self.amount

    @cached_property
    def paid_amount(self) -> Decimal:
        """Kept once computed: payments are a tuple, so it cannot go stale."""
        return sum((p.amount for p in self.payments), Decimal(0))

    @property
    def outstanding(self) -> Decimal:
        if self.is_void:
            return Decimal(0)
        return max(self.amount - self.paid_amount - self.credited, Decimal(0))

    @property
    def is_paid(self) -> bool:
        return self.paid_amount >= self.amount

    @property
    def paid_on(self) -> str | None:
        """The day the last payment closed the invoice, if it is closed."""
        return self.payments[-1].on if self.is_paid and self.payments else None

    def days_overdue(self, today: pendulum.Date) -> int:
        """Days past the due date while open; 0 when settled or not yet due."""
        if self.is_settled:
            return 0
        return max(-days_until(self.due, today), 0)

    def was_late(self, today: pendulum.Date) -> bool:
        """Paid after its due date, or still unpaid past it; a void or credited-away
        invoice says nothing about how the client pays."""
        if self.is_void or (self.credits and not self.is_paid):
            return False
        paid_on = self.paid_on
        if paid_on is not None:
            return paid_on > self.due
        return self.days_overdue(today) > 0

    def to_doc(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "client": self.client,
            "amount": str(self.amount),
            "currency": self.currency,
            "issued": self.issued,
            "due": self.due,
            "payments": [{"amount": str(p.amount), "on": p.on} for p in self.payments],
            **self._corrections(),
        }

    def _corrections(self) -> dict[str, Any]:
        """Only corrected invoices carry these keys, so older files read as they were."""
        doc: dict[str, Any] = {}
        if self.credits:
            doc["credits"] = [
                {"amount": str(c.amount), "on": c.on, "reason": c.reason, "writeoff": c.writeoff}
                for c in self.credits
            ]
        if self.void is not None:
            doc["void"] = {"on": self.void, "reason": self.void_reason}
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Invoice:
        return cls(
            number=doc["number"],
            client=doc["client"],
            amount=Decimal(doc["amount"]),
            currency=doc["currency"],
            issued=doc["issued"],
            due=doc["due"],
            payments=tuple(Payment(Decimal(p["amount"]), p["on"]) for p in doc.get("payments", [])),
            credits=tuple(
                Credit(Decimal(c["amount"]), c["on"], c.get("reason", ""), c.get("writeoff", False))
                for c in doc.get("credits", [])
            ),
            void=(doc.get("void") or {}).get("on"),
            void_reason=(doc.get("void") or {}).get("reason", ""),
        )


def aging_bucket(days_overdue: int) -> str:
    """The dunning buckets accountants use: ``1-30``, ``31-60``, ``61-90``, ``90+``."""
    if days_overdue <= 30:
        return "1-30"
    if days_overdue <= 60:
        return "31-60"
    if days_overdue <= 90:
        return "61-90"
    return "90+"
