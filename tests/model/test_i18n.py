"""Both languages complete: a text in one language and not the other fails."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path
from types import ModuleType

import pytest

import model
import model.texts
import tui
import tui.texts
from model.i18n import MODEL_CATALOGS, default_locale, t, use
from tui.cli import texts as cli_texts
from tui.cli import topics as cli_topics

ROOTS = (Path(model.__file__).parent, Path(tui.__file__).parent)


def _catalogs() -> list[str]:
    """Every catalog module there is: found on disk, so a new one is checked too."""
    return [
        *(
            f"{package.__name__}.{info.name}"
            for package in (model.texts, tui.texts)
            for info in pkgutil.iter_modules(package.__path__)
        ),
        cli_texts.__name__,
        cli_topics.__name__,
    ]


def _merged() -> dict[str, str]:
    merged: dict[str, str] = {}
    for name in _catalogs():
        merged |= importlib.import_module(name).EN
    return merged


def test_every_catalog_on_disk_is_registered_by_its_front_end() -> None:
    registered: list[ModuleType] = [*MODEL_CATALOGS, *tui.texts.CATALOGS, cli_texts, cli_topics]
    assert sorted(m.__name__ for m in registered) == sorted(_catalogs())


def _literals() -> set[tuple[str, str]]:
    """``(file, text)`` of every plain string literal in model/ and tui/ but the catalogs.

    The pieces of an f-string (``f"cli.reflection_{k}"``) are not keys themselves;
    the keys built from them are checked where they are built (test_app_texts).
    """
    found = set()
    for root in ROOTS:
        for path in root.rglob("*.py"):
            if "texts" in path.parts or path.name in ("texts.py", "topics.py"):
                continue
            tree = ast.parse(path.read_text("utf-8"))
            pieces = {
                id(part)
                for node in ast.walk(tree)
                if isinstance(node, ast.JoinedStr)
                for part in node.values
            }
            for node in ast.walk(tree):
                literal = isinstance(node, ast.Constant) and isinstance(node.value, str)
                if literal and id(node) not in pieces:
                    found.add((path.name, node.value))
    return found


# Dotted names that are not catalog keys: git's config keys for the merge driver.
_NOT_KEYS = {"merge.rapport.driver", "merge.rapport.name"}
_FILE_SUFFIXES = {"json", "tcss", "py", "tmp", "toml"}


def test_every_key_used_in_code_is_in_a_catalog() -> None:
    """A literal shaped like a key (``board.status.failed``) whose first word names a
    catalog section must be a key of some catalog."""
    merged = _merged()
    sections = {key.split(".", 1)[0] for key in merged}
    shaped = re.compile(r"[a-z_]+(\.[a-z_0-9]+)+")
    missing = sorted(
        (file, text)
        for file, text in _literals()
        if shaped.fullmatch(text)
        and text.split(".", 1)[0] in sections
        and text.rsplit(".", 1)[1] not in _FILE_SUFFIXES
        and text not in merged
        and text not in _NOT_KEYS
    )
    assert missing == [], missing


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
    r"\{(\w+)(?::g)?\}[ ×]*"
    r"(days|Tagen|Tage|clients|Kund:innen|interactions|Kontakten|compliments|seconds|Sekunden)\b"
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
        (
            "store.lock_timeout",
            {"path": "b", "seconds": 1.0, "lock": "l"},
            "1 second (",
            "1 Sekunde (",
        ),
        ("store.lock_timeout", {"path": "b", "seconds": 30.0, "lock": "l"}, "30 seconds", "30 Sek"),
        ("store.lock_timeout", {"path": "b", "seconds": 0.5, "lock": "l"}, "0.5 sec", "0,5 Sek"),
    ],
)
def test_plurals_follow_the_count(key: str, params: dict[str, object], en: str, de: str) -> None:
    tui.texts.register()  # the board's and the CLI's texts: nothing registers on import
    use(cli_texts)
    assert en in t(key, "en", **params)
    assert de in t(key, "de", **params)
