"""Editing and deleting one record from the board: ask, then write in a thread.

Shared by the client screen and the panes.  Each runs as a worker that waits for
its dialog (``push_screen_wait``) and does the book's reading and writing in a
thread; a refused edit opens the form again with the book's words in it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pendulum
from textual.screen import Screen

from model import Book, RapportError, Receipt, t
from model.corrections import describe
from model.records import current_values

__all__ = ["delete_record", "edit_record", "pane_ref"]


def _words(book: Book, ref: str, locale: str) -> tuple[str, dict[str, str]]:
    """The record in words and its fields as they are now."""
    found = book.find(ref)
    name = next((c.name for c in book.clients() if c.id == found.client), found.client)
    return Receipt.from_label(describe(found, name)).render(locale), current_values(found)


def pane_ref(book: Book, row: object) -> str | None:
    """The ref of what a pane row shows: its issue, invoice or owed thanks."""
    from model.board import IssueRow, OverdueRow, ThanksRow

    if isinstance(row, IssueRow):
        kind, number = "issues", str(row.issue.number)
    elif isinstance(row, OverdueRow):
        kind, number = "invoices", row.invoice.number
    elif isinstance(row, ThanksRow):
        kind, number = "thanks", str(row.thanks.number)
    else:
        return None
    records = book.client_json(row.client.id)[kind]
    return next((r["ref"] for r in records if str(r["number"]) == number), None)


def delete_record(
    screen: Screen[object], book: Book, ref: str, locale: str, done: Callable[[], None]
) -> None:
    """Ask "Delete the call of 18 Nov 2026 with ACME GmbH: 'test'?", then delete."""
    from tui.screens.correct import ConfirmDelete

    async def run() -> None:
        app = screen.app
        try:
            what, _ = await asyncio.to_thread(_words, book, ref, locale)
            question = t("screens.confirm.delete", locale, what=what)
            if not await app.push_screen_wait(ConfirmDelete(question, locale)):
                return
            receipt = await asyncio.to_thread(book.delete, ref)
        except RapportError as error:
            app.notify(error.render(locale), severity="error", markup=False)
            return
        app.notify(receipt.render(locale), markup=False)
        done()

    screen.run_worker(run(), name="delete-record", exit_on_error=False)


def edit_record(
    screen: Screen[object],
    book: Book,
    ref: str,
    clock: Callable[[], pendulum.DateTime],
    locale: str,
    done: Callable[[], None],
) -> None:
    """The edit form for the fields that fit the record, prefilled; written on Enter."""
    from tui.screens.correct import EditForm

    async def run() -> None:
        app = screen.app
        try:
            what, values = await asyncio.to_thread(_words, book, ref, locale)
        except RapportError as error:
            app.notify(error.render(locale), severity="error", markup=False)
            return
        if not values:
            app.notify(t("screens.edit.nothing", locale, what=what), markup=False)
            return
        error_text = ""
        while True:
            changed = await app.push_screen_wait(EditForm(what, values, locale, error_text))
            if not changed:
                return
            try:
                receipt = await asyncio.to_thread(book.edit, ref, clock(), **changed)
            except RapportError as error:
                error_text, values = error.render(locale), {**values, **changed}
                continue
            app.notify(receipt.render(locale), markup=False)
            done()
            return

    screen.run_worker(run(), name="edit-record", exit_on_error=False)
