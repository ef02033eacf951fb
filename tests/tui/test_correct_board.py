"""``e`` and ``d`` on the client screen and in the panes: a small edit form, a confirmation."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from model import Book
from tests.tui.conftest import run
from tests.tui.screen_book import NOW, Host, build_book
from tests.tui.test_app import OpenApp
from tui.screens.client import ClientScreen
from tui.screens.correct import ConfirmDelete, EditForm
from tui.widgets.panes import PaneTable


async def settled(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot: Pilot[None], check) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        if check():
            return
        await pilot.pause(0.02)
    raise AssertionError("never happened")


def test_d_asks_naming_the_record_and_deletes_it(tmp_path: Path) -> None:
    book = build_book(tmp_path / "book.json")

    async def go() -> None:
        screen = ClientScreen(book, "acme", NOW, "en")
        app = Host(screen)
        async with app.run_test(size=(150, 80)) as pilot:
            await settled(pilot)
            assert screen.events[0].text == "sent the plan"
            await pilot.press("d")
            await until(pilot, lambda: isinstance(app.screen, ConfirmDelete))
            question = str(app.screen.query_one(".dialog-title", Static).render())
            assert question == "Delete the mail of 20 Nov 2026 with ACME GmbH: 'sent the plan'?"
            await pilot.press("n")
            await until(pilot, lambda: app.screen is screen)
            assert any(
                i.text == "sent the plan" for i in book.client_file("acme", NOW).interactions
            )
            await pilot.press("delete")
            await until(pilot, lambda: isinstance(app.screen, ConfirmDelete))
            await pilot.press("y")
            await until(pilot, lambda: screen.events and screen.events[0].text != "sent the plan")
            texts = [i.text for i in book.client_file("acme", NOW).interactions]
            assert "sent the plan" not in texts
            assert book.undo() is not None

    asyncio.run(go())


def test_e_edits_in_a_prefilled_form_and_keeps_it_open_on_a_refusal(tmp_path: Path) -> None:
    book = build_book(tmp_path / "book.json")

    async def go() -> None:
        screen = ClientScreen(book, "acme", NOW, "en")
        app = Host(screen)
        async with app.run_test(size=(150, 80)) as pilot:
            await settled(pilot)
            await pilot.press("e")
            await until(pilot, lambda: isinstance(app.screen, EditForm))
            form = app.screen
            assert form.query_one("#edit-text", Input).value == "sent the plan"
            assert form.query_one("#edit-date", Input).value == "2026-11-20"
            assert not form.query("#edit-amount")
            form.query_one("#edit-date", Input).value = "2027-01-01"
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, EditForm) and app.screen is not form)
            error = str(app.screen.query_one("#edit-error", Static).render())
            assert "after today" in error
            app.screen.query_one("#edit-date", Input).value = "2026-11-19"
            app.screen.query_one("#edit-text", Input).value = "sent the real plan"
            await pilot.press("enter")
            await until(pilot, lambda: app.screen is screen)
            await until(
                pilot, lambda: screen.events and screen.events[0].text == "sent the real plan"
            )
            mail = next(i for i in book.client_file("acme", NOW).interactions if i.kind == "mail")
            assert (mail.text, mail.when[:10]) == ("sent the real plan", "2026-11-19")

    asyncio.run(go())


def test_d_and_e_in_the_panes_delete_an_issue_and_edit_an_invoice(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        screen = app.board
        screen.query_one("#issues").focus()
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        question = str(app.screen.query_one(".dialog-title", Static).render())
        assert question.startswith("Delete issue #1 of ACME GmbH")
        await pilot.press("y")
        await until(pilot, lambda: not screen.query_one("#issues", PaneTable).views)
        assert Book(book_path).open_issues(app.session.now()) == []
        screen.query_one("#overdue").focus()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, EditForm))
        assert set(app.screen.query(Input).results()) and app.screen.query_one("#edit-due")
        due = app.screen.query_one("#edit-due", Input)
        due.value = app.session.now().add(days=30).date().isoformat()
        await pilot.press("enter")
        await until(pilot, lambda: not screen.query_one("#overdue", PaneTable).views)
        assert Book(book_path).overdue(app.session.now()) == []

    run(app, body, size=(200, 50))
