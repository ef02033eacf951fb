"""``e`` and ``d`` / Delete on the board: a small edit form, a confirmation naming the record.

On the client screen they act on the timeline's row, in a pane on the pane's row.
Each test runs the real board (``make_app``) on a real TinyDB file in a temp folder
and reads the result back from the file with a Book of its own.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from model import Book, ClientFile
from tests.tui.conftest import NOW, run, until
from tests.tui.test_app import OpenApp, screen_text
from tui.app import RapportApp
from tui.screens.client import ClientScreen
from tui.screens.correct import ConfirmDelete, EditForm
from tui.widgets.panes import PaneTable
from tui.widgets.timeline import TimelineTable

SIZE = (120, 40)


def _acme(path: Path) -> ClientFile:
    """ACME as the file on disk says, read by a Book of its own."""
    return Book(path).client_file("acme", NOW)


def _notes(path: Path) -> list[str]:
    return [i.text for i in _acme(path).interactions]


async def _open_acme(pilot: Pilot[None], app: RapportApp) -> TimelineTable:
    await pilot.press("enter")  # ACME is the first row of the board
    await until(pilot, lambda: isinstance(app.screen, ClientScreen) and app.screen.timeline)
    screen = app.screen
    assert isinstance(screen, ClientScreen) and screen.timeline is not None
    return screen.timeline


def _first(app: RapportApp) -> str:
    """The text of the timeline's newest row."""
    screen = app.screen
    assert isinstance(screen, ClientScreen) and screen.timeline is not None
    views = screen.timeline.views
    return views[0].data.text if views else ""


def _question(app: RapportApp) -> str:
    screen = app.screen
    assert isinstance(screen, ConfirmDelete)
    return screen.question


def _error(form: EditForm) -> str:
    error = form.query_one("#edit-error", Static)
    return str(error.render()) if error.display else ""


def test_the_timeline_shows_every_record_with_its_ref_newest_first(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        table = await _open_acme(pilot, app)
        events = Book(book_path).timeline("acme")
        assert [v.data for v in table.views] == events
        whens = [e.when[:10] for e in events]
        assert whens == sorted(whens, reverse=True)
        assert [e.what for e in events][:3] == ["mail", "thanks", "issue_opened"]
        assert {"invoice", "state"} <= {e.what for e in events}
        first = table.views[0].cells
        assert [c.plain for c in first] == ["7 Mar 2026", "mail", events[0].ref, "sent the plan"]
        assert [v.cells[2].plain for v in table.views] == [e.ref for e in events]

    run(app, body, size=SIZE)


def test_d_on_the_client_screen_asks_naming_the_record_cancel_writes_nothing(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await _open_acme(pilot, app)
        client = app.screen
        written = book_path.read_bytes()
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        assert _question(app) == "Delete the mail of 7 Mar 2026 with ACME GmbH: 'sent the plan'?"
        await pilot.press("n")
        await until(pilot, lambda: app.screen is client)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is client)
        await pilot.pause(0.1)
        assert book_path.read_bytes() == written  # neither answer wrote a thing
        assert "sent the plan" in _notes(book_path)

        await pilot.press("delete")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        await pilot.press("y")
        await until(pilot, lambda: app.screen is client and _first(app) != "sent the plan")
        assert "sent the plan" not in _notes(book_path)
        await until(pilot, lambda: "Deleted the mail of 7 Mar 2026" in screen_text(app))
        await pilot.press("u")  # undo on the client screen brings it back
        await until(pilot, lambda: _first(app) == "sent the plan")
        assert "sent the plan" in _notes(book_path)

    run(app, body, size=SIZE)


def test_e_on_the_client_screen_edits_in_a_prefilled_form_that_stays_open_on_a_bad_value(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await _open_acme(pilot, app)
        client = app.screen
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, EditForm))
        form = app.screen
        assert isinstance(form, EditForm)
        values = {i.id: i.value for i in form.query(Input)}
        assert values == {
            "edit-text": "sent the plan",
            "edit-date": "2026-03-07",
            "edit-kind": "mail",
            "edit-duration": "",
        }
        assert "call, meeting, mail, message, note" in screen_text(app)
        written = book_path.read_bytes()

        form.field("date").value = "2026-04-01"
        await pilot.press("enter")
        await until(pilot, lambda: bool(_error(form)))
        assert app.screen is form
        assert "1 Apr 2026 is after today" in _error(form)
        assert _error(form).startswith("Date")
        assert form.field("date").has_class("-invalid") and form.field("date").has_focus

        form.field("date").value = "2026-03-06"
        form.field("kind").value = "phone"
        await pilot.press("enter")
        await until(pilot, lambda: "'phone'" in _error(form))
        assert app.screen is form
        assert _error(form).startswith("Kind")
        assert form.field("kind").has_class("-invalid")
        assert not form.field("date").has_class("-invalid")
        assert book_path.read_bytes() == written  # nothing written by either refusal

        form.field("kind").value = "call"
        form.field("text").value = "called about the plan"
        form.field("duration").value = "45m"
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is client)
        await until(pilot, lambda: _first(app) == "called about the plan (45m)")
        call = next(i for i in _acme(book_path).interactions if i.text == "called about the plan")
        assert (call.kind.value, call.when[:10], call.minutes) == ("call", "2026-03-06", 45)
        await until(pilot, lambda: "Corrected the call of 6 Mar 2026" in screen_text(app))

    run(app, body, size=SIZE)


def test_escape_leaves_the_form_and_writes_nothing(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await _open_acme(pilot, app)
        client = app.screen
        written = book_path.read_bytes()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, EditForm))
        form = app.screen
        assert isinstance(form, EditForm)
        form.field("text").value = "never saved"
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is client)
        await pilot.pause(0.1)
        assert book_path.read_bytes() == written

    run(app, body, size=SIZE)


def test_the_timeline_cursor_picks_the_record(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        table = await _open_acme(pilot, app)
        table.focus()
        await pilot.press("j")  # the second newest: thanks owed for the referral
        assert table.event is not None and table.event.what == "thanks"
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, EditForm))
        form = app.screen
        assert isinstance(form, EditForm)
        assert set(form.record.values) == {"text", "date", "by"}
        form.field("text").value = "card for the big referral"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ClientScreen))
        await until(pilot, lambda: table is not app.screen.timeline)
        assert [t.text for t in _acme(book_path).thanks] == ["card for the big referral"]
        screen = app.screen
        assert isinstance(screen, ClientScreen) and screen.timeline is not None
        await until(pilot, lambda: screen.timeline is not None and screen.timeline.cursor_row == 1)

    run(app, body, size=SIZE)


def test_d_in_the_issues_pane_deletes_the_issue_after_asking(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        board = app.board
        issues = board.query_one("#issues", PaneTable)
        issues.focus()
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        assert _question(app) == "Delete issue #1 of ACME GmbH: 'wants extras'?"
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is board)
        await pilot.pause(0.1)
        assert len(Book(book_path).open_issues(NOW)) == 1
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        await pilot.press("y")
        await until(pilot, lambda: not issues.views)
        assert Book(book_path).open_issues(NOW) == []
        await until(pilot, lambda: "Deleted issue #1 of ACME GmbH" in screen_text(app))

    run(app, body, size=(200, 50))


def test_e_in_the_overdue_pane_edits_the_invoice(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        board = app.board
        overdue = board.query_one("#overdue", PaneTable)
        overdue.focus()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, EditForm))
        form = app.screen
        assert isinstance(form, EditForm)
        assert dict(form.record.values) == {
            "amount": "1250.00",
            "date": "2026-01-09",
            "due": "2026-02-08",
        }
        form.field("due").value = "2026-01-01"  # before the invoice's date: refused
        await pilot.press("enter")
        await until(pilot, lambda: "before the issue date" in _error(form))
        assert _error(form).startswith("Due date")
        form.field("due").value = "2026-04-09"
        await pilot.press("enter")
        await until(pilot, lambda: not overdue.views)
        assert Book(book_path).overdue(NOW) == []
        assert app.screen is board

    run(app, body, size=(200, 50))


def test_in_the_today_pane_a_record_is_corrected_and_a_row_of_none_says_so(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        today = app.board.query_one("#today", PaneTable)
        await until(pilot, lambda: bool(today.views))
        rows = [v.data.kind.value for v in today.views]
        today.focus()
        today.move_cursor(row=rows.index("contact"))
        await pilot.press("e")
        await until(pilot, lambda: "stands for no single record" in screen_text(app))
        assert app.screen is app.board
        today.move_cursor(row=rows.index("issue"))  # call rather than mail, about issue #1
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        assert _question(app) == "Delete issue #1 of ACME GmbH: 'wants extras'?"
        await pilot.press("y")
        await until(pilot, lambda: Book(book_path).open_issues(NOW) == [])

    run(app, body, size=(200, 50))


def test_the_confirmation_speaks_german(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path, locale="de")

    async def body(pilot: Pilot[None]) -> None:
        await _open_acme(pilot, app)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        assert _question(app) == "Die Mail vom 7. März 2026 mit ACME GmbH: 'sent the plan' löschen?"
        assert "Ja, löschen" in screen_text(app)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, ClientScreen))
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, EditForm))
        assert "Datum (JJJJ-MM-TT oder TT.MM.JJJJ)" in screen_text(app)

    run(app, body, size=SIZE)


def test_a_mistaken_contact_is_deleted_from_the_timeline(
    book_path: Path, open_app: OpenApp
) -> None:
    Book(book_path).edit_client("acme", NOW, contact="Eve Mistake <eve@example.com>")
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        table = await _open_acme(pilot, app)
        whats = [view.data.what for view in table.views]
        table.move_cursor(row=whats.index("contact"))
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        assert _question(app) == "Delete contact Eve Mistake of ACME GmbH?"
        await pilot.press("y")
        await until(pilot, lambda: not _acme(book_path).client.contacts)

    run(app, body, size=SIZE)
