"""Import and export: contacts in from vCard and CSV files, the book out as JSON, CSV,
vCard, iCalendar and Markdown, and a JSON export back in.

One module per format, each a pair of pure functions where it can be; the Book
reaches them through :class:`~model.exchange.book_side.Exchanging`.

The names load on first use (PEP 562), as :mod:`model`'s do: the Book's side of
the exchange is a base of every Book, and a quick-log line must not pay for the
formats.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from model.exchange.book_json import FORMAT, VERSION
    from model.exchange.people import Person, Plan, plan_import
    from model.exchange.tabular import KINDS

__all__ = ["FORMAT", "KINDS", "VERSION", "Person", "Plan", "plan_import"]

_HOME = {
    "FORMAT": "book_json",
    "VERSION": "book_json",
    "Person": "people",
    "Plan": "people",
    "plan_import": "people",
    "KINDS": "tabular",
}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'model.exchange' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"model.exchange.{module}"), name)
    globals()[name] = value
    return value
