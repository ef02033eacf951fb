"""Every sentence the product says, in English and German.

Texts live in catalogs (``model/texts/*.py``, ``tui/texts/*.py`` and ``tui/cli/texts.py``), one
``EN`` and one ``DE`` dict each, keyed alike; a test fails when a key exists in
one language and not the other.  No catalog registers itself: this module uses
the model's own (:data:`MODEL_CATALOGS`), and each front end calls :func:`use`
with its own when it starts (the board in ``make_app``, the command line in its
``Context``), so ``model`` never imports ``tui`` and ``rapport quick`` loads
only the texts it says.
"""

from __future__ import annotations

import functools
import os
import string
from types import ModuleType
from typing import Any

from model.texts import book as _book
from model.texts import dates as _dates
from model.texts import day as _day
from model.texts import exchange as _exchange
from model.texts import merge as _merge
from model.texts import quicklog as _quicklog
from model.texts import report as _report
from model.texts import shapes as _shapes
from model.texts import store as _store

__all__ = ["LOCALES", "MODEL_CATALOGS", "Phrase", "default_locale", "register", "t", "use"]

LOCALES = ("en", "de")

_CATALOGS: dict[str, dict[str, str]] = {"en": {}, "de": {}}


def register(en: dict[str, str], de: dict[str, str]) -> None:
    """Add one catalog; its two languages must name the same keys."""
    missing = set(en) ^ set(de)
    if missing:
        raise ValueError(f"keys not in both languages: {sorted(missing)}")
    _CATALOGS["en"].update(en)
    _CATALOGS["de"].update(de)


def use(*catalogs: ModuleType) -> None:
    """Register catalog modules (each with an ``EN`` and a ``DE`` dict); again is harmless."""
    for catalog in catalogs:
        register(catalog.EN, catalog.DE)


MODEL_CATALOGS: tuple[ModuleType, ...] = (
    _book,
    _dates,
    _day,
    _exchange,
    _merge,
    _quicklog,
    _report,
    _shapes,
    _store,
)
"""Every catalog in ``model/texts/``; a test fails when one is missing here."""

use(*MODEL_CATALOGS)


# Parameters with these names hold a stored value (``"strained"``) and are shown
# by their name in the reader's language (``"Bewährungsprobe"``).
_NAMED = ("state", "kind", "severity", "issue_kind")


class _Plurals(string.Formatter):
    """``{days:day|days}`` is the first form for exactly 1, the second for any other count;
    the forms may hold the count themselves: ``{days:every day|every {days} days}``.
    English and German need no more than these two forms."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, _, other = format_spec.partition("|")
            return one if value == 1 else other
        return str(super().format_field(value, format_spec))


_PLURALS = _Plurals()


@functools.lru_cache(maxsize=512)
def _pieces(template: str) -> tuple[tuple[str, str | None, str], ...] | None:
    """``template`` read once into (text, field, spec) pieces; ``None`` when a field is
    more than a plain name, or the template does not read (the Formatter then says why).

    ``string.Formatter`` reads the template again on every call, in Python: for a
    1,000-client ``list --json`` that was more than building the list.
    """
    pieces = []
    try:
        for text, field, spec, conversion in _PLURALS.parse(template):
            if field is not None and (conversion is not None or not field.isidentifier()):
                return None
            pieces.append((text, field, spec or ""))
    except ValueError:
        return None
    return tuple(pieces)


def _plural_format(template: str, params: dict[str, Any]) -> str:
    """``_PLURALS.format(template, **params)``, from the pieces read once."""
    pieces = _pieces(template)
    if pieces is None:
        return _PLURALS.format(template, **params)
    out = []
    for text, field, spec in pieces:
        out.append(text)
        if field is not None:
            if "{" in spec:  # a form that holds the count: filled in first, as vformat does
                spec = _PLURALS.vformat(spec, (), params)
            out.append(_PLURALS.format_field(params[field], spec))
    return "".join(out)


def t(key: str, locale: str = "en", /, **params: Any) -> str:
    """The text for ``key`` in ``locale``, with ``params`` filled in (and plurals
    chosen, see :class:`_Plurals`)."""
    catalog = _CATALOGS.get(locale, _CATALOGS["en"])
    template = catalog.get(key) or _CATALOGS["en"].get(key)
    if template is None:
        return key
    for name in _NAMED:
        if isinstance(params.get(name), str):
            params[name] = catalog.get(f"{name}.{params[name]}", params[name])
    if not params:
        return template
    for name, value in params.items():
        params[name] = _shown(name, value, locale)
    return _plural_format(template, params) if "|" in template else template.format(**params)


class Phrase(str):
    """A parameter that is itself a text of the catalogs (a damaged book's "expected a
    moment"): shown in the reader's language wherever it is filled in.  As a ``str``
    it is the English text, so logs and ``str(error)`` read as before."""

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> Phrase:
        phrase = super().__new__(cls, t(key, "en", **params))
        phrase.key, phrase.params = key, params
        return phrase

    def render(self, locale: str) -> str:
        return t(self.key, locale, **self.params)


class _CommaFloat(float):
    """A German decimal: "0,5 Sekunden", not "0.5" (still 1 for the plural's choice)."""

    def __format__(self, format_spec: str) -> str:
        return float.__format__(self, format_spec).replace(".", ",")


def _shown(name: str, value: Any, locale: str) -> Any:
    """Money (``{"amount": "200", "currency": "EUR"}``) in the reader's format, a
    ``date`` parameter as "18 Nov 2026" / "18. Nov. 2026", a :class:`Phrase` in ``locale``,
    a fraction with the reader's decimal sign."""
    if type(value) is float and locale == "de":
        return _CommaFloat(value)
    if isinstance(value, Phrase):
        return value.render(locale)
    if isinstance(value, dict) and set(value) == {"amount", "currency"}:
        from decimal import Decimal

        from model.money import format_money

        return format_money(Decimal(value["amount"]), value["currency"], locale)
    if name == "date" and isinstance(value, str) and len(value) >= 10:
        import pendulum

        day = pendulum.Date.fromisoformat(value[:10])
        return day.format("D. MMM YYYY" if locale == "de" else "D MMM YYYY", locale=locale)
    return value


def default_locale(env: dict[str, str] | None = None) -> str:
    """``RAPPORT_LOCALE``, else the language of ``LC_ALL``/``LANG``, else English."""
    env = dict(os.environ) if env is None else env
    explicit = env.get("RAPPORT_LOCALE", "").lower()
    if explicit in LOCALES:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"
