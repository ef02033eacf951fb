"""Rapport's model: client relationships, their rules, and the book that keeps them.

Everything a caller needs is importable from here; the :class:`Book` is the one
way in.  This package never imports textual: the CLI must start fast, and a test
checks the boundary.
"""

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
from model.book import Book, ClientFile, KudosRow
from model.client import Client, Contact, Reflection, State, StateChange
from model.errors import BookCorrupt, BookTooNew, InputError, RapportError, WriteFailed
from model.gratitude import Kudos, Thanks
from model.health import WEIGHTS, Health, Reason, Suggestion
from model.i18n import LOCALES, default_locale, t
from model.interaction import Interaction, InteractionKind
from model.invoice import Invoice, Payment, aging_bucket
from model.issue import Issue, IssueKind, Severity
from model.receipt import Receipt
from model.words import fold, folds

__all__ = [
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
    "Severity",
    "State",
    "StateChange",
    "Suggestion",
    "Summary",
    "Thanks",
    "ThanksRow",
    "Unthanked",
    "WriteFailed",
    "aging_bucket",
    "default_locale",
    "fold",
    "folds",
    "matches_search",
    "t",
]
