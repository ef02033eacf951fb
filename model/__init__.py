"""Rapport's model: client relationships, their rules, and the book that keeps them.

Everything a caller needs is importable from here; the :class:`Book` is the one
way in.  This package never imports textual: the CLI must start fast, and a test
checks the boundary.

The names are loaded on first use (PEP 562): ``rapport quick`` needs the book
and the quick-log, not the board, the health rules or the search index, and
importing every module up front cost more than the write itself.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from model.board import (
        BoardFilter,
        BoardRow,
        Gratitude,
        IssueRow,
        OverdueRow,
        Summary,
        ThanksRow,
        Unthanked,
        matches_search,
    )
    from model.book import Book, KudosRow
    from model.cadence import CADENCE_DEFAULTS
    from model.client import Client, Contact, Reflection, State, StateChange, needs_reflection
    from model.client_file import ClientFile
    from model.errors import BookCorrupt, BookTooNew, InputError, RapportError, WriteFailed
    from model.followup import FollowUp
    from model.gratitude import Kudos, Thanks
    from model.health import WEIGHTS, Health, Reason, Suggestion
    from model.i18n import LOCALES, default_locale, t
    from model.interaction import Interaction, InteractionKind
    from model.invoice import Invoice, Payment, aging_bucket
    from model.issue import Issue, IssueKind, Severity
    from model.receipt import Receipt
    from model.refs import ref_of
    from model.search import SearchHit
    from model.today import TodayItem, TodayKind
    from model.words import fold, folds

__all__ = [
    "CADENCE_DEFAULTS",
    "LOCALES",
    "WEIGHTS",
    "BoardFilter",
    "BoardRow",
    "Book",
    "BookCorrupt",
    "BookTooNew",
    "Client",
    "ClientFile",
    "Contact",
    "FollowUp",
    "Gratitude",
    "Health",
    "InputError",
    "Interaction",
    "InteractionKind",
    "Invoice",
    "Issue",
    "IssueKind",
    "IssueRow",
    "Kudos",
    "KudosRow",
    "OverdueRow",
    "Payment",
    "RapportError",
    "Reason",
    "Receipt",
    "Reflection",
    "SearchHit",
    "Severity",
    "State",
    "StateChange",
    "Suggestion",
    "Summary",
    "Thanks",
    "ThanksRow",
    "TodayItem",
    "TodayKind",
    "Unthanked",
    "WriteFailed",
    "aging_bucket",
    "default_locale",
    "fold",
    "folds",
    "matches_search",
    "needs_reflection",
    "ref_of",
    "t",
]

# Where each public name lives; a test checks it against ``__all__``.
_HOMES: dict[str, tuple[str, ...]] = {
    "model.board": (
        "BoardFilter",
        "BoardRow",
        "Gratitude",
        "IssueRow",
        "OverdueRow",
        "Summary",
        "ThanksRow",
        "Unthanked",
        "matches_search",
    ),
    "model.book": ("Book", "KudosRow"),
    "model.cadence": ("CADENCE_DEFAULTS",),
    "model.client": ("Client", "Contact", "Reflection", "State", "StateChange", "needs_reflection"),
    "model.client_file": ("ClientFile",),
    "model.errors": ("BookCorrupt", "BookTooNew", "InputError", "RapportError", "WriteFailed"),
    "model.followup": ("FollowUp",),
    "model.gratitude": ("Kudos", "Thanks"),
    "model.health": ("WEIGHTS", "Health", "Reason", "Suggestion"),
    "model.i18n": ("LOCALES", "default_locale", "t"),
    "model.interaction": ("Interaction", "InteractionKind"),
    "model.invoice": ("Invoice", "Payment", "aging_bucket"),
    "model.issue": ("Issue", "IssueKind", "Severity"),
    "model.receipt": ("Receipt",),
    "model.refs": ("ref_of",),
    "model.search": ("SearchHit",),
    "model.today": ("TodayItem", "TodayKind"),
    "model.words": ("fold", "folds"),
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` the first time it is asked for."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'model' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
