"""Both languages complete: a text in one language and not the other fails."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

import pytest

import model.texts
import tui.texts
from model.i18n import default_locale, t


def _catalogs() -> list[str]:
    return [
        f"{package.__name__}.{info.name}"
        for package in (model.texts, tui.texts)
        for info in pkgutil.iter_modules(package.__path__)
    ]


@pytest.mark.parametrize("name", _catalogs())
def test_every_key_in_both_languages_with_the_same_fields(name: str) -> None:
    catalog = importlib.import_module(name)
    assert set(catalog.EN) == set(catalog.DE)
    for key, english in catalog.EN.items():
        german = catalog.DE[key]
        assert german.strip(), key
        fields_en = {f for _, f, _, _ in string.Formatter().parse(english) if f}
        fields_de = {f for _, f, _, _ in string.Formatter().parse(german) if f}
        assert fields_en == fields_de, key


def test_state_names_are_translated_in_messages() -> None:
    assert t("state.unchanged", "de", name="ACME", state="strained") == (
        "ACME ist bereits im Status Bewährungsprobe."
    )


def test_default_locale_follows_the_environment() -> None:
    assert default_locale({"RAPPORT_LOCALE": "de"}) == "de"
    assert default_locale({"LANG": "de_DE.UTF-8"}) == "de"
    assert default_locale({"LANG": "C.UTF-8"}) == "en"
    assert default_locale({}) == "en"


_COUNTED = re.compile(
    r"\{(\w+)\}[ ×]*(days|Tagen|Tage|clients|Kund:innen|interactions|Kontakten|compliments)\b"
)


# {days:every day|every {days} days}: the forms may hold the count themselves
_PLURAL_FIELD = re.compile(r"\{\w+:[^{}|]*\|(?:[^{}]|\{\w+\})*\}")


@pytest.mark.parametrize("name", [*_catalogs(), "tui.cli.texts"])
def test_no_count_is_followed_by_a_fixed_plural(name: str) -> None:
    """ "1 days", "1 clients": a count sits next to a plural chosen for it."""
    catalog = importlib.import_module(name)
    for key, text in (*catalog.EN.items(), *catalog.DE.items()):
        assert _COUNTED.search(_PLURAL_FIELD.sub("", text)) is None, (key, text)


@pytest.mark.parametrize(
    ("key", "params", "en", "de"),
    [
        ("health.no_contact", {"days": 1, "cadence": 30}, "for 1 day,", "seit 1 Tag kein"),
        ("health.no_contact", {"days": 2, "cadence": 30}, "for 2 days,", "seit 2 Tagen kein"),
        ("health.overdue", {"number": "A", "days": 1}, "A 1 day overdue", "seit 1 Tag über"),
        ("book.loaded", {"clients": 1}, "1 client loaded", "1 Kund:in geladen"),
        ("book.loaded", {"clients": 0}, "0 clients loaded", "0 Kund:innen geladen"),
        ("screens.client.cadence", {"days": 1}, "contact every day", "Kontakt jeden Tag"),
        ("screens.client.cadence", {"days": 14}, "every 14 days", "alle 14 Tage"),
        ("cli.show.terms", {"terms": 1, "cadence": 7, "currency": "EUR"}, "1 day ·", "1 Tag ·"),
    ],
)
def test_plurals_follow_the_count(key: str, params: dict[str, object], en: str, de: str) -> None:
    import tui.cli.texts  # noqa: F401  (registers the CLI's catalog)

    assert en in t(key, "en", **params)
    assert de in t(key, "de", **params)
