"""The vocabulary of the quick-log line, and how a line falls apart into words.

Verbs and state words of both languages live in one table each, so the parser,
the error messages and the board's Tab completion can never disagree about
which words exist (a new verb is one more row and one more reader).  Splitting
keeps every word's offset in the line, because an error must point at the word
that failed; :class:`Line` is what each verb's reader works on.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, NamedTuple, NoReturn

from model.client import State
from model.errors import InputError
from model.interaction import InteractionKind
from model.issue import Severity
from model.quicklog_commands import QuickLogError

__all__ = [
    "OPEN_QUOTES",
    "STATE_WORDS",
    "VERBS",
    "Action",
    "Line",
    "Verb",
    "Word",
    "is_gap",
    "line_error",
    "split_words",
    "text_of",
]


class Action(StrEnum):
    """What a verb does; one command class each."""

    INTERACTION = "interaction"
    ISSUE = "issue"
    RESOLVE = "resolve"
    INVOICE = "invoice"
    PAYMENT = "payment"
    THANKS = "thanks"
    THANKED = "thanked"
    KUDOS = "kudos"
    STATE = "state"
    FOLLOWUP = "followup"
    DONE = "done"
    SNOOZE = "snooze"
    VOID = "void"
    CREDIT = "credit"
    WRITEOFF = "writeoff"


@dataclass(frozen=True)
class Verb:
    """One verb; a German word shares the :class:`Verb` of its English twin."""

    action: Action
    word: str
    """The English word."""
    kind: InteractionKind | None = None
    severity: Severity | None = None


def _verb_table() -> dict[str, Verb]:
    english: dict[str, Verb] = {}
    german: dict[str, Verb] = {}
    for kind, de in (
        (InteractionKind.CALL, "anruf"),
        (InteractionKind.MEETING, "treffen"),
        (InteractionKind.MAIL, "mail"),
        (InteractionKind.MESSAGE, "nachricht"),
        (InteractionKind.NOTE, "notiz"),
    ):
        english[kind.value] = german[de] = Verb(Action.INTERACTION, kind.value, kind=kind)
    for marks, severity in (("", Severity.LOW), ("!", Severity.MEDIUM), ("!!", Severity.HIGH)):
        verb = Verb(Action.ISSUE, "issue" + marks, severity=severity)
        english[verb.word] = german["problem" + marks] = verb
    for action, en, *des in (
        (Action.RESOLVE, "resolve", "gelöst", "geloest"),
        (Action.INVOICE, "invoice", "rechnung"),
        (Action.PAYMENT, "paid", "bezahlt"),
        (Action.THANKS, "thanks", "danke"),
        (Action.THANKED, "thanked", "gedankt"),
        (Action.KUDOS, "kudos", "lob"),
        (Action.STATE, "state", "status"),
        (Action.FOLLOWUP, "followup", "nachfassen"),
        (Action.DONE, "done", "erledigt"),
        (Action.SNOOZE, "snooze", "zurückstellen", "zurueckstellen"),
        (Action.VOID, "void", "storno"),
        (Action.CREDIT, "credit", "gutschrift"),
        (Action.WRITEOFF, "writeoff", "abschreiben"),
    ):
        english[en] = Verb(action, en)
        german.update(dict.fromkeys(des, english[en]))
    return english | {word: verb for word, verb in german.items() if word not in english}


VERBS: dict[str, Verb] = _verb_table()
"""Every verb word, English first, then German, each to what it does."""

STATE_WORDS: dict[str, State] = {state.value: state for state in State} | {
    "bewährungsprobe": State.STRAINED,
    "bewaehrungsprobe": State.STRAINED,
    "therapie": State.REPAIR,
    "auseinandergelebt": State.DRIFTING,
    "kennenlernen": State.NEW,
    "neu": State.NEW,
    "vertrauen": State.TRUSTED,
    "trennung": State.ENDED,
    "beendet": State.ENDED,
}
"""State words of both languages (``routine`` is the same in both)."""

OPEN_QUOTES = {'"': '"', "'": "'", "„": "“", "“": "”", "«": "»"}
"""Each opening quote and the quote that closes it."""


class Word(NamedTuple):
    raw: str
    """Exactly as typed, quotes included: what an error points at."""
    start: int
    text: str
    """A quoted phrase without its quotes."""
    quoted: bool

    @property
    def key(self) -> str:
        """How keywords are compared; a quoted phrase is never a keyword."""
        return "" if self.quoted else self.raw.casefold()

    @property
    def shown(self) -> str:
        """The word as it goes into a text: quotes kept, line breaks gone."""
        return f"{self.raw[0]}{self.text}{self.raw[-1]}" if self.quoted else self.raw


@dataclass(frozen=True)
class Line:
    """What every verb's reader needs: the line, the client, the verb, its arguments."""

    line: str
    now: datetime
    client: str
    verb: Verb
    verb_word: Word
    args: list[Word]

    def fail(self, key: str, word: Word | None, expected: Sequence[str]) -> NoReturn:
        raise line_error(self.line, key, word, expected, verb=self.verb_word.raw)

    def relay(self, err: InputError, words: Sequence[Word], expected: Sequence[str]) -> NoReturn:
        """Re-raise an error of the date or money reader, pointed at the word it names."""
        params = dict(err.params)
        named = params.pop("word", "")
        word = next((w for w in words if w.raw == named), words[0])
        raise line_error(self.line, err.key, word, expected, **params) from None


def line_error(
    line: str, key: str, word: Word | None, expected: Sequence[str], **params: Any
) -> QuickLogError:
    if word is None:
        return QuickLogError(key, word="", position=len(line), expected=expected, **params)
    return QuickLogError(key, word=word.raw, position=word.start, expected=expected, **params)


def is_gap(ch: str) -> bool:
    """Whitespace and control characters separate words; they are never text."""
    return ch.isspace() or unicodedata.category(ch) == "Cc"


def split_words(line: str) -> list[Word]:
    """Split on gaps; a word opening with a quote runs to its closing quote.

    The closing quote must end a word, so an apostrophe inside a word (``didn't``)
    closes nothing; a quote that is never closed is an ordinary character.
    """
    words: list[Word] = []
    i, size = 0, len(line)
    while i < size:
        if is_gap(line[i]):
            i += 1
            continue
        end = i
        while end < size and not is_gap(line[end]):
            end += 1
        close = OPEN_QUOTES.get(line[i])
        if close is not None:
            at = line.find(close, i + 1)
            while at != -1 and not (at + 1 == size or is_gap(line[at + 1])):
                at = line.find(close, at + 1)
            if at != -1:
                words.append(Word(line[i : at + 1], i, _squashed(line[i + 1 : at]), True))
                i = at + 1
                continue
        words.append(Word(line[i:end], i, line[i:end], False))
        i = end
    return words


def _squashed(text: str) -> str:
    """Runs of gaps inside a quoted phrase become one space."""
    return " ".join("".join(" " if is_gap(ch) else ch for ch in text).split())


def text_of(words: Sequence[Word]) -> str:
    """The words as one text; a text that is one quoted phrase loses its quotes."""
    if len(words) == 1 and words[0].quoted:
        return words[0].text
    return " ".join(word.shown for word in words)
