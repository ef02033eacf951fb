"""Invoices and payments: clarity about money is respect (the domain, text 004).

Amounts are ``Decimal`` stored as strings next to an ISO 4217 code; an invoice is
paid when its payments cover the amount, and part payments are normal.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

import pendulum

from model.timestamps import days_until

__all__ = ["Invoice", "Payment", "aging_bucket"]


@dataclass(frozen=True)
class Payment:
    amount: Decimal
    on: str


@dataclass(frozen=True)
class Invoice:
    number: str
    client: str
    amount: Decimal
    currency: str
    issued: str
    due: str
    payments: tuple[Payment, ...] = ()

    @cached_property
    def paid_amount(self) -> Decimal:
        """Kept once computed: payments are a tuple, so it cannot go stale."""
        return sum((p.amount for p in self.payments), Decimal(0))

    @property
    def outstanding(self) -> Decimal:
        return max(self.amount - self.paid_amount, Decimal(0))

    @property
    def is_paid(self) -> bool:
        return self.paid_amount >= self.amount

    @property
    def paid_on(self) -> str | None:
        """The day the last payment closed the invoice, if it is closed."""
        return self.payments[-1].on if self.is_paid and self.payments else None

    def days_overdue(self, today: pendulum.Date) -> int:
        """Days past the due date while unpaid; 0 when paid or not yet due."""
        if self.is_paid:
            return 0
        return max(-days_until(self.due, today), 0)

    def was_late(self, today: pendulum.Date) -> bool:
        """Paid after its due date, or still unpaid past it."""
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
        }

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
