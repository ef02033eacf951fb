"""What a quick-log line means: one frozen command per verb, or a QuickLogError.

The commands are plain data so that the parser and the book meet only here: the
parser never touches the book, and the book never reads text.  Dates the line
left out are already filled in from the ``now`` the parser was given.  The checks
that a date makes sense (not ahead of today, due after issued) are the book's, in
:mod:`model.date_checks`, so that every front end gets them.

Every command's ``read`` says how a weekday or a two-digit year was read
(``"on monday = 2026-11-23"``), for the receipt; it is empty when the line names
the day itself, and left out of equality so that it never decides what a line means.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from model.client import State
from model.errors import InputError
from model.interaction import InteractionKind
from model.issue import IssueKind, Severity

__all__ = [
    "AddFollowUp",
    "AddInvoice",
    "AddKudos",
    "ChangeState",
    "Command",
    "CreditInvoice",
    "LogInteraction",
    "MarkDone",
    "OpenIssue",
    "OweThanks",
    "QuickLogError",
    "RecordPayment",
    "ResolveIssue",
    "Snooze",
    "ThanksDone",
    "VoidInvoice",
]


@dataclass(frozen=True)
class LogInteraction:
    client: str
    kind: InteractionKind
    text: str
    when: datetime
    read: str = field(default="", compare=False)
    minutes: int | None = None
    """How long it took (``45m``), when the line says."""


@dataclass(frozen=True)
class OpenIssue:
    client: str
    text: str
    severity: Severity
    kind: IssueKind
    when: datetime
    read: str = field(default="", compare=False)


@dataclass(frozen=True)
class ResolveIssue:
    client: str
    number: int
    note: str
    when: datetime
    read: str = field(default="", compare=False)


@dataclass(frozen=True)
class AddInvoice:
    """``due`` and ``due_in_days`` are both None when the client's terms apply."""

    client: str
    number: str
    amount: Decimal
    currency: str | None
    issued: date
    due: date | None
    due_in_days: int | None
    read: str = field(default="", compare=False)


@dataclass(frozen=True)
class RecordPayment:
    """``amount`` None means "the whole rest"; ``currency`` None, the invoice's."""

    client: str
    number: str
    amount: Decimal | None
    currency: str | None
    on: date
    read: str = field(default="", compare=False)


@dataclass(frozen=True)
class OweThanks:
    client: str
    text: str
    by: date | None
    when: datetime
    read: str = field(default="", compare=False)


@dataclass(frozen=True)
class ThanksDone:
    client: str
    number: int
    when: datetime
    read: str = field(default="", compare=False)


@dataclass(frozen=True)
class AddKudos:
    client: str
    text: str
    giver: str
    when: datetime
    read: str = field(default="", compare=False)


@dataclass(frozen=True)
class ChangeState:
    client: str
    state: State
    note: str
    when: datetime
    read: str = field(default="", compare=False)


@dataclass(frozen=True)
class AddFollowUp:
    client: str
    text: str
    due: date
    when: datetime
    read: str = field(default="", compare=False)


@dataclass(frozen=True)
class MarkDone:
    """``ref`` as typed (``3``, ``#3``, ``followup:3``, ``issue:2``); the book reads it."""

    client: str
    ref: str
    when: datetime
    read: str = field(default="", compare=False)


@dataclass(frozen=True)
class Snooze:
    """``until`` None ends the snooze."""

    client: str
    until: date | None
    reason: str
    when: datetime
    read: str = field(default="", compare=False)


@dataclass(frozen=True)
class VoidInvoice:
    client: str
    number: str
    reason: str
    on: date
    read: str = field(default="", compare=False)


@dataclass(frozen=True)
class CreditInvoice:
    """A credit note, or (``writeoff``) an amount written off; None writes off the rest."""

    client: str
    number: str
    amount: Decimal | None
    reason: str
    on: date
    writeoff: bool = False
    read: str = field(default="", compare=False)


Command = (
    LogInteraction
    | OpenIssue
    | ResolveIssue
    | AddInvoice
    | RecordPayment
    | OweThanks
    | ThanksDone
    | AddKudos
    | ChangeState
    | AddFollowUp
    | MarkDone
    | Snooze
    | VoidInvoice
    | CreditInvoice
)


class QuickLogError(InputError):
    """A line that cannot be read: the word that failed, where, and what fits there.

    ``position`` is the offset of ``word`` in the line; when a word is missing,
    ``word`` is empty and ``position`` is the end of the line.  ``expected`` is
    never empty, so the board always has something to offer.
    """

    key = "quicklog.error"

    def __init__(
        self, key: str, /, *, word: str, position: int, expected: Sequence[str], **params: Any
    ) -> None:
        self.word = word
        self.position = position
        self.expected = list(expected)
        super().__init__(key, word=word, position=position, expected=", ".join(expected), **params)
