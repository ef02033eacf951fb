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
from model.cadence import CADENCE_DEFAULTS
from model.client import Client, Contact, Reflection, State, StateChange, needs_reflection
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
