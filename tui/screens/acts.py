"""What each act of the board writes: one :data:`~tui.screens.live.Do` per act.

The board screen decides *when* to write (a key, Enter in a pane, a dialog's
answer); these say *what*, as a function of the book and the moment, answering
the notice in the reader's language.  They run in the write worker, through the
session.  A new verb of the board is a function here and a key in :mod:`tui.keys`.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress

import pendulum

from model import Book, RapportError, Receipt, Reflection, State, needs_reflection, t
from model.quicklog import ChangeState, Command, parse
from tui.screens.live import Do

__all__ = [
    "apply",
    "change_state",
    "delete",
    "done",
    "edit",
    "ending",
    "quick",
    "redo",
    "thanks_done",
    "undo",
]


def ending(line: str, now: pendulum.DateTime) -> ChangeState | None:
    """The state change of ``line`` when it ends a client: the reflection is asked first.

    A line that does not parse is no ending; its write refuses it, word by word.
    """
    with suppress(RapportError):
        command = parse(line, now)
        if isinstance(command, ChangeState) and needs_reflection(command.state):
            return command
    return None


def quick(line: str, locale: str) -> Do:
    """Parse and write one quick-log line."""
    return lambda book, now: book.quick(line, now).render(locale)


def apply(command: Command, reflection: Reflection | None, locale: str) -> Do:
    """Write a quick-log line parsed already (one that ended a client, with its reflection)."""
    return lambda book, now: book.apply(command, now, reflection).render(locale)


def change_state(
    client: str, state: State, locale: str, note: str = "", reflection: Reflection | None = None
) -> Do:
    return lambda book, now: book.change_state(client, state, now, note, reflection).render(locale)


def thanks_done(client: str, number: int, locale: str) -> Do:
    return lambda book, now: book.thanks_done(client, number, now).render(locale)


def done(client: str, ref: str, locale: str) -> Do:
    """A follow-up (or what ``ref`` names) done, as ``acme done followup:3`` writes it."""
    return lambda book, now: book.done(client, ref, now).render(locale)


def edit(ref: str, fields: Mapping[str, str], locale: str) -> Do:
    """The fields of record ``ref`` the user changed, checked by the book's rules."""
    return lambda book, now: book.edit(ref, now, **fields).render(locale)


def delete(ref: str, locale: str) -> Do:
    """Delete record ``ref`` (a tombstone: ``u`` takes it back)."""
    return lambda book, _now: book.delete(ref).render(locale)


def undo(locale: str) -> Do:
    def undone(book: Book, _now: pendulum.DateTime) -> str:
        receipt: Receipt | None = book.undo()
        return t("book.nothing_to_undo", locale) if receipt is None else receipt.render(locale)

    return undone


def redo(locale: str) -> Do:
    def redone(book: Book, _now: pendulum.DateTime) -> str:
        receipt: Receipt | None = book.redo()
        return t("book.nothing_to_redo", locale) if receipt is None else receipt.render(locale)

    return redone
