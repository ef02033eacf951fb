"""The money writes: invoices and the payments against them.

Kept beside :mod:`model.commands` (the Book inherits both) so each file reads in
one sitting; voids, credits and write-offs are in :mod:`model.invoice_repairs`.
As there, input is checked first and nothing is written when it does not fit.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from model.checks import check_amount, check_currency
from model.commands import Commands
from model.date_checks import check_invoice_days, check_payment_day
from model.errors import InputError
from model.invoice import Invoice, Payment
from model.receipt import Receipt
from model.timestamps import day_text

__all__ = ["MoneyCommands"]


class MoneyCommands(Commands):
    def add_invoice(
        self,
        ref: str,
        number: str,
        amount: Decimal,
        issued: date,
        *,
        currency: str | None = None,
        due: date | None = None,
        due_in_days: int | None = None,
        now: datetime | None = None,
    ) -> Receipt:
        number = number.strip()
        if not number:
            raise InputError("invoice.empty_number")
        amount = check_amount(amount)
        with self._client_tx(ref) as (tx, _, client):
            if any(d["number"] == number for d in tx.table("invoices").values()):
                raise InputError("invoice.duplicate", number=number)
            days = client.terms if due_in_days is None else due_in_days
            due_day = due if due is not None else issued + timedelta(days=days)
            if now is not None:
                check_invoice_days(number, issued, due_day, now)
            invoice = Invoice(
                number,
                client.id,
                amount,
                check_currency(currency or client.currency),
                day_text(issued),
                day_text(due_day),
            )
            params = {
                "number": number,
                "name": client.name,
                "amount": str(amount),
                "currency": invoice.currency,
                "due": invoice.due,
            }
            receipt = Receipt("book.invoice_added", params, client.id)
            tx.insert("invoices", invoice.to_doc())
            tx.set_label(receipt.label())
        return receipt

    def record_payment(
        self,
        ref: str,
        number: str,
        on: date,
        amount: Decimal | None = None,
        currency: str | None = None,
        *,
        now: datetime | None = None,
    ) -> Receipt:
        with self._client_tx(ref) as (tx, _, client):
            found = [
                (int(k), d)
                for k, d in tx.table("invoices").items()
                if d["number"] == number and d["client"] == client.id
            ]
            if not found:
                raise InputError("invoice.unknown", number=number, name=client.name)
            doc_id, doc = found[0]
            invoice = Invoice.from_doc(doc)
            if invoice.is_void:
                raise InputError("invoice.void", number=number)
            if invoice.is_settled:
                raise InputError("invoice.already_paid", number=number)
            if now is not None:
                check_payment_day(number, on, date.fromisoformat(invoice.issued), now)
            if currency is not None and currency != invoice.currency:
                raise InputError("invoice.wrong_currency", number=number, currency=invoice.currency)
            paying = check_amount(invoice.outstanding if amount is None else amount)
            if paying > invoice.outstanding:
                raise InputError(
                    "invoice.overpaid",
                    number=number,
                    outstanding={"amount": str(invoice.outstanding), "currency": invoice.currency},
                )
            invoice = replace(invoice, payments=(*invoice.payments, Payment(paying, day_text(on))))
            key = "book.paid" if invoice.is_paid else "book.part_paid"
            params = {
                "number": number,
                "name": client.name,
                "amount": str(paying),
                "currency": invoice.currency,
                "outstanding": str(invoice.outstanding),
            }
            receipt = Receipt(key, params, client.id)
            tx.update("invoices", doc_id, invoice.to_doc())
            tx.set_label(receipt.label())
        return receipt
