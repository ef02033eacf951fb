"""Repairing an invoice on file: void it, give a credit note, write off what is left.

The history stays: a void invoice is kept, marked void, and counts nowhere; a
credit or a write-off is a record of its own on the invoice, lowering what is
open.  None may take more than is open, and a void invoice takes nothing more.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from model.checks import check_amount
from model.corrections import Named, money
from model.errors import InputError
from model.invoice import Credit, Invoice
from model.receipt import Receipt
from model.store import Store, Transaction
from model.timestamps import day_text

__all__ = ["InvoiceRepairs"]


class InvoiceRepairs:
    """The Book inherits these beside :class:`model.corrections.Corrections`."""

    _store: Store

    def _invoice_tx(self, tx: Transaction, wanted: str, number: str) -> tuple[int, Invoice, str]:
        from model.resolve import resolve_client

        client = resolve_client(wanted, Named.all(tx.table("clients")))
        for key, doc in tx.table("invoices").items():
            if doc["number"] == number and doc["client"] == client.id:
                return int(key), Invoice.from_doc(doc), client.name
        raise InputError("invoice.unknown", number=number, name=client.name)

    def void_invoice(self, wanted: str, number: str, on: date, reason: str = "") -> Receipt:
        """The invoice stays on file, marked void, and no longer counts anywhere."""
        with self._store.transaction() as tx:
            key, invoice, name = self._invoice_tx(tx, wanted, number)
            if invoice.is_void:
                raise InputError("invoice.void", number=number)
            if invoice.payments:
                raise InputError("invoice.void_paid", number=number)
            doc = tx.get("invoices", key)
            assert doc is not None
            doc["void"] = {"on": day_text(on), "reason": reason.strip()}
            receipt = Receipt("book.voided", {"number": number, "name": name}, invoice.client)
            tx.update("invoices", key, doc)
            tx.set_label(receipt.label())
        return receipt

    def credit_invoice(
        self,
        wanted: str,
        number: str,
        on: date,
        amount: Decimal | None = None,
        reason: str = "",
        *,
        writeoff: bool = False,
    ) -> Receipt:
        """A credit note (or, ``writeoff``, the rest written off) lowering what is open."""
        with self._store.transaction() as tx:
            key, invoice, name = self._invoice_tx(tx, wanted, number)
            if invoice.is_void:
                raise InputError("invoice.void", number=number)
            open_amount = invoice.outstanding
            if open_amount == 0:
                raise InputError("invoice.already_paid", number=number)
            if amount is None and not writeoff:
                raise InputError("invoice.credit_amount", number=number)
            credit = check_amount(open_amount if amount is None else amount)
            if credit > open_amount:
                raise InputError(
                    "invoice.over_credit",
                    number=number,
                    outstanding=money(open_amount, invoice.currency),
                )
            doc = tx.get("invoices", key)
            assert doc is not None
            new = Credit(credit, day_text(on), reason.strip(), writeoff)
            entry = {"amount": str(new.amount), "on": new.on, "reason": new.reason}
            doc["credits"] = [*doc.get("credits", []), {**entry, "writeoff": new.writeoff}]
            left = open_amount - credit
            params = {
                "number": number,
                "name": name,
                "money": money(credit, invoice.currency),
                "outstanding": money(left, invoice.currency),
            }
            key_text = "book.written_off" if writeoff else "book.credited"
            receipt = Receipt(key_text, params, invoice.client)
            tx.update("invoices", key, doc)
            tx.set_label(receipt.label())
        return receipt
