"""Checks on what a user typed, before anything is written.

Each returns the cleaned value or raises :class:`InputError` naming what was
wrong and what is accepted; the Book calls them inside and outside transactions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from model.client import Contact, slugify
from model.errors import InputError

__all__ = [
    "check_amount",
    "check_currency",
    "check_days",
    "clean_tags",
    "new_id",
    "parse_contact",
]

_CENT = Decimal("0.01")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_CONTACT = re.compile(r"^\s*(?P<name>[^<>]*?)\s*(?:<(?P<email>[^<>\s]+)>)?\s*$")


def parse_contact(text: str, since: str) -> Contact:
    """``"Maren Kruse <maren@acme.de>"`` → a Contact; a bare name works too."""
    match = _CONTACT.match(text)
    if match is None or not match["name"]:
        raise InputError("client.bad_contact", text=text)
    return Contact(match["name"], match["email"] or "", since)


def check_days(**values: int | None) -> None:
    for field_name, value in values.items():
        if value is not None and not 1 <= value <= 3650:
            raise InputError("client.bad_days", field=field_name, value=value)


def check_currency(currency: str) -> str:
    code = currency.strip().upper()
    if not _CURRENCY.match(code):
        raise InputError("book.bad_currency", currency=currency)
    return code


#: Digits before the decimal mark an amount may have: a trillion and more is a typo.
_MAX_DIGITS = 15


def check_amount(amount: Decimal) -> Decimal:
    """A positive amount in cents, kept with two decimals (``1250`` → ``1250.00``)."""
    if not amount.is_finite() or amount.adjusted() >= _MAX_DIGITS:
        # More digits than any invoice has cannot be quantized (and is a slip anyway).
        shown = str(amount) if len(str(amount)) <= 40 else f"{str(amount)[:20]}…"
        raise InputError("book.amount_too_large", amount=shown, digits=_MAX_DIGITS)
    if amount <= 0 or amount != amount.quantize(_CENT):
        raise InputError("book.bad_amount", amount=str(amount)[:40])
    return amount.quantize(_CENT)


def clean_tags(tags: Iterable[str]) -> list[str]:
    return sorted({t.strip().lstrip("#").lower() for t in tags if t.strip().lstrip("#")})


def new_id(wanted: str | None, name: str, taken: set[str]) -> str:
    if wanted is not None:
        if not _SLUG.match(wanted):
            raise InputError("client.bad_id", id=wanted)
        if wanted in taken:
            raise InputError("client.id_taken", id=wanted)
        return wanted
    base = slugify(name)
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
