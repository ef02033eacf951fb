"""Amounts as people type them, and as each language writes them.

Germans write ``1.250,50``, English speakers ``1,250.50``; a quick-log line may
hold either, so :func:`parse_amount` reads both and refuses what is ambiguous
instead of guessing.  The rule: a separator followed by exactly three digits
groups thousands, one followed by one or two digits marks the cents.  The Swiss
group with an apostrophe (``3'200.00``) and write whole francs as ``6500.-``;
both are read too, as is ``Fr.`` for CHF.  Amounts are ``Decimal`` (never
float) next to an ISO 4217 code.

babel is imported inside :func:`format_money` only: loading it takes longer than
the rest of the model together, and a ``rapport log`` from the shell should not
wait for it.  English and German money does not load it at all: the few facts of
babel's data that it needs are kept in :mod:`model.money_format`, checked against
babel by a test.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

from model.errors import InputError

__all__ = [
    "AMOUNT_FORMATS",
    "CURRENCIES",
    "CURRENCY_FORMATS",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "MAX_DIGITS",
    "format_money",
    "parse_amount",
    "parse_currency",
]

AMOUNT_FORMATS = ("1250", "1250.50", "1250,50", "1.250,50", "1,250.50", "3'200.00", "6500.-")

CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP"}

MAX_DIGITS = 15
"""Digits before the decimal mark: a quadrillion is no invoice, and Decimal's 28-digit
context must hold every sum of them."""

CURRENCY_WORDS = {"fr.": "CHF", "fr": "CHF", "sfr.": "CHF", "sfr": "CHF"}
"""Words for a currency that are no ISO code: the Swiss write ``Fr. 6500.-``."""

CURRENCY_FORMATS = ("EUR", "USD", "CHF", "GBP", "€", "$", "£")

# ISO 4217 codes that are legal tender somewhere (CLDR, 2026).  Kept here rather
# than asked of babel so that parsing a line stays cheap; a test checks the list
# against babel's.
_LEGAL_TENDER = """
AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD
BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN
ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD
IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD
MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD
OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP
SLE SOS SRD SSP STN SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU
UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
"""
CURRENCIES = frozenset(_LEGAL_TENDER.split())

_AMOUNT = re.compile(r"[0-9][0-9.,'’]*")
_APOSTROPHES = "'’"
# "6500.-" and "6500.–": whole francs, the dash standing for "no cents".
_WHOLE_MARKS = (".-", ".–", ",-", ",–")
_GROUP = re.compile(r"[0-9]{3}")
_LEAD = re.compile(r"[0-9]{1,3}")
_CODE = re.compile(r"[A-Za-z]{3}")

_BABEL_LOCALES = {"de": "de_DE", "en": "en_US"}


def parse_amount(text: str) -> Decimal:
    """``1250``, ``1250.50``, ``1250,50``, ``1.250,50``, ``1,250.50``, ``1.250``,
    ``3'200.00``, ``6500.-`` → Decimal.

    Raises InputError for anything else, for zero or negative amounts and for
    more than two decimals.
    """
    word = text.strip()
    if word.startswith("-"):
        raise InputError("quicklog.money.positive", word=word)
    digits = word[:-2] if word.endswith(_WHOLE_MARKS) else word
    if _AMOUNT.fullmatch(digits) is None or digits[-1] in ".,'’":
        raise _bad_amount(word)
    whole, cents = _swiss(word, digits) if _has_apostrophe(digits) else _split(digits)
    if digits is not word and cents:
        raise _bad_amount(word)
    if len(whole.lstrip("0")) > MAX_DIGITS:
        raise InputError("quicklog.money.too_big", word=word, max=MAX_DIGITS)
    if len(cents) > 2:
        raise InputError("quicklog.money.decimals", word=word)
    amount = Decimal(f"{whole}.{cents}" if cents else whole)
    if amount <= 0:
        raise InputError("quicklog.money.positive", word=word)
    return amount


def _has_apostrophe(digits: str) -> bool:
    return any(ch in _APOSTROPHES for ch in digits)


def _swiss(word: str, digits: str) -> tuple[str, str]:
    """``3'200.50`` → (``3200``, ``50``): apostrophes group, a dot or comma marks cents."""
    unified = digits.replace("’", "'")
    whole, cents = unified, ""
    marks = [ch for ch in unified if ch in ".,"]
    if len(marks) > 1:
        raise _bad_amount(word)
    if marks:
        whole, cents = unified.split(marks[0])
    if "'" not in whole or (marks and not cents):
        raise _bad_amount(word)
    return _ungrouped(word, whole, "'"), cents


def _split(word: str) -> tuple[str, str]:
    """The digits before and after the decimal mark, thousands marks removed."""
    marks = [ch for ch in word if ch in ".,"]
    if not marks:
        return word, ""
    if len(set(marks)) == 2:
        decimal = marks[-1]
        if marks.count(decimal) > 1:
            raise _bad_amount(word)
        whole, cents = word.rsplit(decimal, 1)
        return _ungrouped(word, whole, marks[0]), cents
    mark = marks[0]
    parts = word.split(mark)
    if len(parts) == 2 and len(parts[1]) != 3:
        return parts[0], parts[1]
    return _ungrouped(word, word, mark), ""


def _ungrouped(word: str, whole: str, mark: str) -> str:
    """``1.250.000`` → ``1250000``, checking every group after the first has three digits."""
    head, *groups = whole.split(mark)
    if _LEAD.fullmatch(head) is None or not all(_GROUP.fullmatch(g) for g in groups):
        raise _bad_amount(word)
    return head + "".join(groups)


def _bad_amount(word: str) -> InputError:
    return InputError("quicklog.money.amount", word=word, formats=", ".join(AMOUNT_FORMATS))


def parse_currency(text: str) -> str:
    """``EUR``, ``eur``, ``€`` → ``"EUR"``; ``$`` → ``"USD"``; ``Fr.`` → ``"CHF"``;
    unknown codes are an InputError."""
    word = text.strip()
    if word in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[word]
    if word.casefold() in CURRENCY_WORDS:
        return CURRENCY_WORDS[word.casefold()]
    code = word.upper()
    if _CODE.fullmatch(word) is None or code not in CURRENCIES:
        raise InputError("quicklog.money.currency", word=word, formats=", ".join(CURRENCY_FORMATS))
    return code


def format_money(amount: Decimal, currency: str, locale: str) -> str:
    """``1.250,00 €`` in German, ``€1,250.00`` in English.

    babel separates number and symbol with a no-break space; it becomes a plain
    space here so that what the board shows is what a user or a test types.
    """
    from model.money_format import format_known

    text = format_known(amount, currency, locale, CURRENCIES)
    if text is None:
        from babel.numbers import format_currency

        text = format_currency(amount, currency, locale=_babel_locale(locale))
    return text.replace("\xa0", " ").replace("\u202f", " ")


@lru_cache(maxsize=8)
def _babel_locale(locale: str) -> Any:
    from babel import Locale

    return Locale.parse(_BABEL_LOCALES.get(locale, "en_US"))
