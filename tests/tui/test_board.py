"""Board cells, in-place updates, and user text shown literally in every board widget."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text
from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.widgets import Input

from model import (
    BoardFilter,
    BoardRow,
    Book,
    Client,
    Health,
    Invoice,
    Issue,
    IssueRow,
    OverdueRow,
    Reason,
    State,
    Suggestion,
    Thanks,
    ThanksRow,
    Unthanked,
)
from model.demo import build_demo
from tests.tui.conftest import NOW, Clock, cell, run, until
from tests.tui.screen_book import terminal_output, visible
from tui.app import RapportApp, make_app
from tui.formats import STATE_STYLES, themed
from tui.safe_text import printable
from tui.session import Session
from tui.widgets.board_table import BoardTable, board_view, matches
from tui.widgets.cells import contact_text, health_cell
from tui.widgets.panes import issue_view, overdue_view, thanks_view, unthanked_view
from tui.widgets.quicklog import QuickLogBar
from tui.widgets.table import RowView

OpenApp = Callable[..., RapportApp]

# What markup, paths and escapes are made of, and the controls a terminal obeys.
NASTY = "[]/\\=ab x" + "\x00\x07\x08\x1b\x7f\x9b\u202e\n\t"
NAME = "[/bold] x \x1b[2J\x1b]0;pwned\x07 [link=http://e]y[/link] =\\"


def row_for(client: Client, **overrides: object) -> BoardRow:
    fields: dict[str, object] = {
        "client": client,
        "health": Health(50, ()),
        "suggestion": None,
        "last_contact": None,
        "contact_overdue": False,
        "open_issues": 0,
        "overdue": (),
        "thanks_owed": 0,
        "needs_call": False,
        "regularly_late": False,
    }
    fields.update(overrides)
    return BoardRow(**fields)  # type: ignore[arg-type]


def every_view(text: str) -> list[RowView[Any]]:
    """Each kind of row the board and its panes show, with ``text`` wherever users type."""
    client = Client(id="c", name=text, tags=[text])
    invoice = Invoice(text, "c", Decimal("10"), "EUR", "2026-01-01", "2026-01-31")
    return [
        board_view(row_for(client), NOW, "en"),
        issue_view(
            IssueRow(Issue(1, "c", text, opened="2026-03-01T00:00:00+00:00"), client, 9), "en"
        ),
        overdue_view(OverdueRow(invoice, client, 38, "31-60", True), "en"),
        thanks_view(
            ThanksRow(Thanks(2, "c", text, "2026-03-01T00:00:00+00:00"), client, False), "en"
        ),
        unthanked_view(Unthanked(client, None), "en"),
    ]


def test_health_is_a_number_and_a_small_bar() -> None:
    assert health_cell(100).plain == "100 █████"
    assert health_cell(0).plain == "  0      "
    assert health_cell(50).plain == " 50 ██▌  "
    assert str(health_cell(20).style) == themed("error", bold=True)


def test_a_row_says_every_signal() -> None:
    client = Client(id="acme", name="ACME", dream=True, currency="EUR")
    invoice = Invoice("1", "acme", Decimal("1250"), "EUR", "2026-01-01", "2026-01-31")
    suggestion = Suggestion(State.DRIFTING, Reason("suggest.drifting", {"days": 40, "cadence": 30}))
    row = row_for(
        client,
        needs_call=True,
        regularly_late=True,
        overdue=(OverdueRow(invoice, client, 38, "31-60", True),),
        last_contact=NOW.subtract(days=40),
        contact_overdue=True,
        suggestion=suggestion,
    )
    en, de = (
        {
            c: t.plain
            for c, t in zip(BoardTable.COLUMNS, board_view(row, NOW, lang).cells, strict=True)
        }
        for lang in ("en", "de")
    )
    assert en["client"] == "ACME ★ ☎"
    assert (en["contact"], de["contact"]) == ("1 month ago", "vor 1 Monat")
    assert (en["overdue"], de["overdue"]) == ("€1,250.00 ↻", "1.250,00 € ↻")
    assert (en["suggest"], de["suggest"]) == ("→ drifting", "→ auseinandergelebt")


def test_the_typed_filter_looks_at_id_name_tags_and_contacts() -> None:
    row = row_for(Client(id="acme", name="ACME GmbH", tags=["retail"]))
    assert all(matches(row, text) for text in ("", "acm", "gmbh", "RETAIL"))
    assert not matches(row, "globex")


@settings(max_examples=150)
@given(st.text(alphabet=NASTY, max_size=30))
def test_user_text_reaches_the_cells_literally_and_without_controls(text: str) -> None:
    shown = printable(text)
    console = Console(file=io.StringIO(), width=120, force_terminal=True, color_system="truecolor")
    for view in every_view(text):
        for cell_text in view.cells:
            assert all(ch.isprintable() for ch in cell_text.plain)
            console.print(cell_text)
        assert any(c.plain.startswith(shown) for c in view.cells[:3])
    written = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x07" not in written and "\x1b]" not in written and "\x1b[2J" not in written


def _control_free(output: str) -> str:
    """The terminal output without the colour and cursor sequences Textual itself writes
    (only those: a screen-clearing ``ESC [ 2 J`` from the book would remain)."""
    return re.sub(r"\x1b\[[0-9;]*[mH]", "", output)


def nasty_book(path: Path, text: str) -> None:
    book = Book(path)
    book.add_client(text, NOW.subtract(days=90), id="nasty", tags=["vip"])
    book.add_client("Plain", NOW.subtract(days=90), id="plain")
    book.open_issue("nasty", text, NOW.subtract(days=3))
    book.owe_thanks("nasty", text, NOW.subtract(days=3))
    book.add_invoice("nasty", "[b]1", Decimal("10"), NOW.subtract(days=60).date())


async def _every_widget(pilot: Pilot[None], app: RapportApp, typed: str) -> list[str]:
    """Walk the board through every widget that shows user text; the screens seen.

    Lines are put into the inputs whole: typing them key by key only costs time.
    """
    seen = ["\n".join(visible(app))]
    await pilot.press("w", "slash")  # pane titles name the selected client
    app.board.query_one("#search", Input).value = typed
    await pilot.press("enter")
    seen.append("\n".join(visible(app)))
    bar = app.board.query_one(QuickLogBar)
    await pilot.press("l")
    bar.input.value = f"nasty cal {typed}"
    await pilot.press("enter")
    await until(pilot, lambda: "cal" in bar.said.plain and not bar.busy)
    seen.append("\n".join(visible(app)))
    bar.input.value = "nasty note hello"
    await pilot.press("enter")
    await until(pilot, lambda: "logged for" in "\n".join(visible(app)))
    seen.append("\n".join(visible(app)))
    return seen


def test_markup_and_escapes_in_user_text_are_shown_as_typed(
    tmp_path: Path, open_app: OpenApp
) -> None:
    path = tmp_path / "book.json"
    nasty_book(path, NAME)
    app = open_app(path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("k")
        seen = await _every_widget(pilot, app, "[/b] =\\")
        shown = printable(NAME)
        assert shown.startswith("[/bold] x ␛[2J␛]0;pwned␇ [link")
        # as typed, to where the column cuts it off
        width = app.board.board.width_of("client")
        assert width is not None and len(shown) > width
        assert f"{shown[: width - 1]}…" in seen[0]
        assert "[b]1" in "\n".join(seen)
        assert "typed “[/b] =\\”" in seen[1]
        assert "nasty cal [/b] =\\" in seen[2]
        output = _control_free(terminal_output(app))
        assert "\x07" not in output and "\x1b" not in output

    run(app, body, size=(160, 40))


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(alphabet=NASTY, min_size=1, max_size=12).filter(lambda s: s.strip()),
    typed=st.text(alphabet="[]/\\=ab x", min_size=1, max_size=6),
)
def test_any_user_text_in_every_widget(tmp_path_factory, name: str, typed: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("book") / "book.json"
    nasty_book(path, name)
    app = make_app(Book(path), Clock(), history_path=path.parent / "history")

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("k")
        seen = await _every_widget(pilot, app, typed)
        assert printable(name.strip()) in seen[0]
        output = _control_free(terminal_output(app))
        assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output

    run(app, body, size=(200, 40))


def test_scroll_position_and_selection_survive_an_update(tmp_path: Path, open_app: OpenApp) -> None:
    path = tmp_path / "book.json"
    build_demo(Book(path), NOW, clients=60, interactions=120, seed=3)
    app = open_app(path, poll_interval=0.05)

    async def body(pilot: Pilot[None]) -> None:
        table = app.board.board
        await pilot.press("pagedown", "pagedown", "j")
        chosen = app.board.selected_row
        assert chosen is not None and table.scroll_y > 0
        scroll = table.scroll_y
        other = next(v.key for v in table.views[:3] if v.key != chosen.client.id)
        Book(path).edit_client(other, NOW, name="Renamed Elsewhere")
        await until(pilot, lambda: cell(app, other, "client").startswith("Renamed Elsewhere"))
        assert table.scroll_y == scroll
        assert app.board.selected_row is not None
        assert app.board.selected_row.client.id == chosen.client.id

    run(app, body)


def test_a_long_filter_rebuilds_instead_of_removing_row_by_row(
    tmp_path: Path, open_app: OpenApp
) -> None:
    path = tmp_path / "book.json"
    build_demo(Book(path), NOW, clients=120, interactions=120, seed=3)
    app = open_app(path)

    async def body(pilot: Pilot[None]) -> None:
        # The whole book, not the first look (on a busy machine the rest may come later).
        await until(pilot, lambda: app.board.snapshot is not None and app.board.snapshot.complete)
        table = app.board.board
        everyone = [v.key for v in table.views]
        await pilot.press("slash")
        app.board.query_one("#search", Input).value = "zzz-no-such"
        await pilot.pause()
        assert table.row_count == 0 and table.views == []
        await pilot.press("escape")
        assert [v.key for v in table.views] == everyone
        shown = [table.coordinate_to_cell_key(Coordinate(i, 0)).row_key.value for i in range(3)]
        assert shown == everyone[:3]

    run(app, body)


def test_the_state_colours_of_the_board_are_the_screens_colours() -> None:
    client = Client(id="a", name="A", state=State.STRAINED)
    state_cell: Text = board_view(row_for(client), NOW, "en").cells[0]
    assert str(state_cell.style) == STATE_STYLES[State.STRAINED] == themed("error", bold=True)


def test_the_last_contact_is_told_by_the_calendar_day() -> None:
    now = pendulum.datetime(2026, 3, 10, 0, 30, tz="Europe/Berlin")
    assert contact_text(None, now, "en") == "never"
    assert contact_text(now.subtract(minutes=20), now, "en") == "today"
    assert contact_text(now.subtract(minutes=40), now, "en") == "1 day ago"
    assert contact_text(now.subtract(days=3), now, "de") == "vor 3 Tagen"


def test_a_first_look_builds_a_screenful_and_the_full_read_reuses_it(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    build_demo(Book(path), NOW, clients=80, interactions=100, seed=5)
    session = Session(Book(path), Clock(), "en")
    first = session.read(BoardFilter(), force=True, limit=10)
    assert first is not None and not first.complete
    assert len(first.board) == len(first.panes["issues"]) == 10
    full = session.read(BoardFilter(), force=True)
    assert full is not None and full.complete and len(full.board) > 10
    assert all(a is b for a, b in zip(first.board, full.board, strict=False))
    assert session.read(BoardFilter()) is None  # nothing changed on disk


def test_a_large_book_ends_up_whole_on_screen(tmp_path: Path, open_app: OpenApp) -> None:
    path = tmp_path / "book.json"
    build_demo(Book(path), NOW, clients=260, interactions=300, seed=5)
    app = open_app(path)

    async def body(pilot: Pilot[None]) -> None:
        table = app.board.board
        await until(pilot, lambda: app.board.snapshot is not None and app.board.snapshot.complete)
        await until(pilot, lambda: not table.filling)
        active = [c for c in Book(path).clients() if c.state is not State.ENDED]
        assert table.row_count == len(active) > 200
        assert "(…)" not in "\n".join(visible(app))

    run(app, body, size=(200, 50))


def test_a_large_fill_keeps_the_selected_row(tmp_path: Path, open_app: OpenApp) -> None:
    path = tmp_path / "book.json"
    build_demo(Book(path), NOW, clients=260, interactions=300, seed=5)
    app = open_app(path)

    async def body(pilot: Pilot[None]) -> None:
        table = app.board.board
        await until(pilot, lambda: app.board.snapshot is not None and app.board.snapshot.complete)
        await until(pilot, lambda: not table.filling)
        await pilot.press("end", "k")
        chosen = app.board.selected_row
        assert chosen is not None
        await pilot.press("slash")
        app.board.query_one("#search", Input).value = "zz-none"
        await pilot.pause()
        await pilot.press("escape")
        await until(pilot, lambda: not table.filling)
        assert app.board.selected_row is not None
        assert app.board.selected_row.client.id == chosen.client.id

    run(app, body, size=(120, 30))


def test_the_typed_filter_ignores_accents_and_case(tmp_path: Path) -> None:
    from model import Book
    from tui.widgets.board_table import matches

    book = Book(tmp_path / "accents.json")
    book.add_client("Café Olé", NOW, tags=["Retail"])
    book.add_client("Müller", NOW)
    rows = {r.client.name: r for r in book.board(NOW)}
    assert matches(rows["Café Olé"], "cafe") and matches(rows["Café Olé"], "OLÉ")
    assert matches(rows["Müller"], "muller") and matches(rows["Müller"], "mueller")
    assert not matches(rows["Müller"], "cafe")
