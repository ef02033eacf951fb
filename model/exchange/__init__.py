"""Import and export: contacts in from vCard and CSV files, the book out as JSON, CSV,
vCard, iCalendar and Markdown, and a JSON export back in.

One module per format, each a pair of pure functions where it can be; the Book
reaches them through :class:`~model.exchange.book_side.Exchanging`.
"""

from __future__ import annotations

from model.exchange.book_json import FORMAT, VERSION
from model.exchange.people import Person, Plan, plan_import
from model.exchange.tabular import KINDS

__all__ = ["FORMAT", "KINDS", "VERSION", "Person", "Plan", "plan_import"]
