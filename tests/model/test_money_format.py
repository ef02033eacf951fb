"""Money in English and German without babel's data: exactly what babel writes."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from babel.numbers import format_currency
from hypothesis import given
from hypothesis import strategies as st

from model.money import _BABEL_LOCALES, CURRENCIES, format_money
from model.money_format import LOCALES, format_known

EDGES = [
    "0",
    "-0",
    "0.005",
    "0.015",
    "-0.005",
    "1",
    "1250.5",
    "-3.005",
    "1000",
    "1.2345",
    "12345678.125",
    "999999999999999.995",
    "1E+3",
    "1.00000",
    "0.0001",
    "-1250.499",
    "5E-10",
    "123456789012345",
]


def _babel(amount: Decimal, currency: str, locale: str) -> str:
    text: str = format_currency(amount, currency, locale=_BABEL_LOCALES[locale])
    return text


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_every_currency_is_written_as_babel_writes_it(locale: str) -> None:
    for currency in sorted(CURRENCIES):
        for text in EDGES:
            amount = Decimal(text)
            assert format_known(amount, currency, locale, CURRENCIES) == _babel(
                amount, currency, locale
            ), (currency, text)


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15),
    st.sampled_from(sorted(CURRENCIES)),
    st.sampled_from(sorted(LOCALES)),
)
def test_any_amount_is_written_as_babel_writes_it(
    amount: Decimal, currency: str, locale: str
) -> None:
    assert format_known(amount, currency, locale, CURRENCIES) == _babel(amount, currency, locale)


def test_what_is_not_kept_goes_to_babel() -> None:
    assert format_known(Decimal(1), "XXX", "en", CURRENCIES) is None
    assert format_known(Decimal(1), "EUR", "fr", CURRENCIES) is None
    assert format_known(Decimal("NaN"), "EUR", "en", CURRENCIES) is None


def test_formatting_english_and_german_money_loads_no_babel() -> None:
    code = (
        "import sys; from decimal import Decimal; from model.money import format_money; "
        "format_money(Decimal('1250.5'), 'EUR', 'de'); format_money(Decimal(3), 'JPY', 'en'); "
        "print('babel' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    assert format_money(Decimal("1250.5"), "EUR", "de") == "1.250,50 €"
