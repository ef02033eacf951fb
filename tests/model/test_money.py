"""Amounts in German and English notation, ISO codes and signs, formatting per locale."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.errors import InputError
from model.money import CURRENCIES, format_money, parse_amount, parse_currency


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1250", "1250"),
        ("1250.50", "1250.50"),
        ("1250,50", "1250.50"),
        ("1.250,50", "1250.50"),
        ("1,250.50", "1250.50"),
        ("1.250", "1250"),
        ("1,250", "1250"),
        ("1.5", "1.5"),
        ("1,5", "1.5"),
        ("0,01", "0.01"),
        ("0.99", "0.99"),
        ("1.250.000", "1250000"),
        ("1,250,000.75", "1250000.75"),
        ("12.345.678,9", "12345678.9"),
        ("007", "7"),
        (" 42 ", "42"),
    ],
)
def test_amounts_in_both_notations(text: str, amount: str) -> None:
    assert parse_amount(text) == Decimal(amount)


def test_cents_are_kept_exactly() -> None:
    assert str(parse_amount("1.250,50")) == "1250.50"
    assert parse_amount("0,10") + parse_amount("0,20") == Decimal("0.30")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("0", "quicklog.money.positive"),
        ("0,00", "quicklog.money.positive"),
        ("-5", "quicklog.money.positive"),
        ("-1.250,50", "quicklog.money.positive"),
        ("1250.505", "quicklog.money.amount"),
        ("12,3456", "quicklog.money.decimals"),
        ("1.2345", "quicklog.money.decimals"),
        ("1.250,505", "quicklog.money.decimals"),
        ("1,25,000", "quicklog.money.amount"),
        ("1.2.3", "quicklog.money.amount"),
        ("1.250.50", "quicklog.money.amount"),
        ("1,250,5", "quicklog.money.amount"),
        ("1.250,5,0", "quicklog.money.amount"),
        ("1,50.250", "quicklog.money.amount"),
        ("1250.", "quicklog.money.amount"),
        (".50", "quicklog.money.amount"),
        ("1e5", "quicklog.money.amount"),
        ("1_000", "quicklog.money.amount"),
        ("١٢٥٠", "quicklog.money.amount"),
        ("EUR", "quicklog.money.amount"),
        ("", "quicklog.money.amount"),
    ],
)
def test_bad_amounts_name_the_word_and_the_formats(text: str, key: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_amount(text)
    assert caught.value.key == key
    assert caught.value.params["word"] == text.strip()
    if key == "quicklog.money.amount":
        assert "1.250,50" in caught.value.render("de")


@pytest.mark.parametrize(
    ("text", "code"),
    [("EUR", "EUR"), ("eur", "EUR"), ("Chf", "CHF"), ("€", "EUR"), ("$", "USD"), ("£", "GBP")],
)
def test_currencies(text: str, code: str) -> None:
    assert parse_currency(text) == code


@pytest.mark.parametrize("text", ["XYZ", "EU", "EURO", "E1R", "€€", "", "ÄÖÜ"])
def test_unknown_currencies(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_currency(text)
    assert caught.value.key == "quicklog.money.currency"
    assert "EUR" in caught.value.render("en")


def test_every_known_code_is_a_currency_babel_knows() -> None:
    from babel.numbers import list_currencies

    assert {"EUR", "USD", "CHF", "GBP", "JPY"} <= CURRENCIES
    assert list_currencies() >= CURRENCIES


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "text"),
    [
        ("1250", "EUR", "de", "1.250,00 €"),
        ("1250", "EUR", "en", "€1,250.00"),
        ("1250.5", "USD", "en", "$1,250.50"),
        ("1250.5", "USD", "de", "1.250,50 $"),
        ("99.99", "CHF", "de", "99,99 CHF"),
        ("1250", "JPY", "en", "¥1,250"),
        ("1234567.8", "EUR", "de", "1.234.567,80 €"),
        ("5", "EUR", "fr", "€5.00"),
    ],
)
def test_format_money_per_locale(amount: str, currency: str, locale: str, text: str) -> None:
    assert format_money(Decimal(amount), currency, locale) == text


def test_parsing_money_does_not_load_babel() -> None:
    code = "import sys, model.money, model.quicklog; print('babel' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("3'200.00", "3200.00"),
        ("3’200.50", "3200.50"),
        ("1'000'000", "1000000"),
        ("3'200,50", "3200.50"),
        ("6500.-", "6500"),
        ("6500.–", "6500"),
        ("3'200.-", "3200"),
        ("6500,-", "6500"),
    ],
)
def test_amounts_as_the_swiss_write_them(text: str, amount: str) -> None:
    assert parse_amount(text) == Decimal(amount)


@pytest.mark.parametrize(
    "text", ["3'20", "'200", "3''200", "3'2000", "3'200.5.-", "1.250'000", "6500.-5", "6500.50.-"]
)
def test_bad_swiss_amounts(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_amount(text)
    assert caught.value.key == "quicklog.money.amount"


@pytest.mark.parametrize("text", ["Fr.", "fr", "SFr.", "CHF"])
def test_swiss_currency_words(text: str) -> None:
    assert parse_currency(text) == "CHF"


@given(st.integers(min_value=1, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_swiss_grouping_reads_back(francs: int, rappen: int) -> None:
    grouped = f"{francs:,}".replace(",", "'")
    assert parse_amount(f"{grouped}.{rappen:02d}") == Decimal(f"{francs}.{rappen:02d}")
    assert parse_amount(f"{grouped}.-") == Decimal(francs)


@pytest.mark.parametrize("text", ["9" * 16, "9" * 40 + ".50", "1'000'000'000'000'000"])
def test_absurd_digit_counts_are_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_amount(text)
    assert caught.value.key == "quicklog.money.too_big"
    assert "15" in caught.value.render("de")


def test_the_largest_amount_still_sums() -> None:
    assert parse_amount("9" * 15 + ".99") * 3 > 0
