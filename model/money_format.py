"""Money written as babel writes it in English and German, without babel's locale data.

babel's first ``format_currency`` in a process loads CLDR's data for the locale
(measured 50-60 ms, with babel's import 40 ms more): more than all the rest of a
``rapport client show`` or ``rapport today``.  What that call uses of it is small:
the locale's currency pattern and signs, each currency's symbol and its digits.
Those few facts are kept here as babel gives them, and
``tests/model/test_money_format.py`` checks every currency in both languages
against babel itself, so a newer babel that writes money differently fails the
suite instead of going unseen.  A locale or currency not kept here, or an amount
that is no finite number, is left to babel (:func:`model.money.format_money`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

__all__ = ["DIGITS", "LOCALES", "SYMBOLS", "format_known"]


class Shape(NamedTuple):
    """The standard currency pattern of a locale, split where babel splits it."""

    prefix: str
    suffix: str
    decimal: str
    group: str
    minus: str


LOCALES = {
    # en_US "¤#,##0.00", de_DE "#,##0.00\xa0¤"
    "en": Shape("¤", "", ".", ",", "-"),
    "de": Shape("", "\xa0¤", ",", ".", "-"),
}

# The symbols that are not the code itself (CLDR as babel 2.19 has it).
_SHARED = {
    "BRL": "R$",
    "CAD": "CA$",
    "CNY": "CN¥",
    "EUR": "€",
    "GBP": "£",
    "HKD": "HK$",
    "ILS": "₪",
    "INR": "₹",
    "JPY": "¥",
    "KRW": "₩",
    "MXN": "MX$",
    "NZD": "NZ$",
    "TWD": "NT$",
    "USD": "$",
    "VND": "₫",
    "XAF": "FCFA",
    "XCD": "EC$",
    "XCG": "Cg.",
    "XOF": "F\u202fCFA",
    "XPF": "CFPF",
}
SYMBOLS = {
    "en": {**_SHARED, "AUD": "A$", "PHP": "₱"},
    "de": {**_SHARED, "AUD": "AU$", "THB": "฿"},
}

# Digits after the decimal mark where they are not two (ISO 4217 / CLDR).
_NO_CENTS = """
AFN ALL BIF CLP COP DJF GNF HUF IDR IQD IRR ISK JPY KMF KPW KRW LAK LBP MGA MMK
PYG RWF SOS SYP UGX VND VUV XAF XOF XPF YER
"""
DIGITS = {
    **dict.fromkeys(_NO_CENTS.split(), 0),
    **dict.fromkeys(("BHD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
}


def format_known(amount: Decimal, currency: str, locale: str, known: frozenset[str]) -> str | None:
    """``amount`` as babel's ``format_currency`` writes it for ``locale`` (``en``/``de``),
    or ``None`` when this module does not know how (``known``: the currencies kept)."""
    shape = LOCALES.get(locale)
    if shape is None or currency not in known or not amount.is_finite():
        return None
    digits = DIGITS.get(currency, 2)
    # As babel's NumberPattern.apply: the sign apart, the rest rounded in the context's way.
    negative = amount.is_signed()
    whole, _, cents = f"{abs(amount).normalize().quantize(Decimal(10) ** -digits):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.append(whole[-3:])
        whole = whole[:-3]
    number = shape.group.join([whole, *reversed(groups)])
    if digits:
        number += shape.decimal + cents.ljust(digits, "0")
    symbol = SYMBOLS[locale].get(currency, currency)
    sign = shape.minus if negative else ""
    return f"{sign}{shape.prefix.replace('¤', symbol)}{number}{shape.suffix.replace('¤', symbol)}"
