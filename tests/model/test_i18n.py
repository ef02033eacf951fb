"""Both languages complete: a text in one language and not the other fails."""

from __future__ import annotations

import importlib
import pkgutil
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
