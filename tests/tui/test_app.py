"""The board as a user meets it: launch, every key, the screens they open, both sizes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from model import BoardFilter, Book, State
from tests.tui.conftest import cell, row_keys, run, until
from tests.tui.screen_book import visible
from tui.app import RapportApp
from tui.formats import themed
from tui.keys import KEYS
from tui.screens.board import BoardScreen
from tui.screens.client import ClientScreen
from tui.screens.help import HelpScreen
from tui.screens.kudos import KudosScreen
from tui.screens.reflection import ReflectionScreen
from tui.screens.state_picker import StatePicker
from tui.widgets.panes import PaneTable
from tui.widgets.quicklog import QuickLogBar, QuickLogInput

OpenApp = Callable[..., RapportApp]


def screen_text(app: RapportApp) -> str:
    return "\n".join(visible(app))


def selected(app: RapportApp) -> str | None:
    row = app.board.selected_row
    return None if row is None else row.client.id


def test_the_board_lists_clients_strained_first_with_every_signal(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        assert row_keys(app) == ["acme", "initech", "globex"]
        assert cell(app, "acme", "state") == "strained"
        assert cell(app, "acme", "client") == "ACME GmbH ☎"  # an issue, only mails since
        assert cell(app, "acme", "issues") == "1"
        assert cell(app, "acme", "overdue") == "€1,250.00"
        assert cell(app, "acme", "thanks") == "1"
        assert cell(app, "acme", "contact") == "3 days ago"
        assert cell(app, "globex", "contact") == "1 month ago"
        overdue_contact = app.board.board.get_cell("globex", "contact")
        error = themed("error", bold=True)  # the theme's error colour, not a fixed red
        assert any(str(span.style) == error for span in overdue_contact.spans)
        assert cell(app, "globex", "suggest") == "→ drifting"
        assert cell(app, "initech", "health").split()[0] == "100"
        text = screen_text(app)
        for words in ("strained 1", "new 1", "routine 1", "overdue €1,250.00", "thanks owed 1"):
            assert words in text
        assert "Tuesday, March 10, 2026" in text

    run(app, body)


def test_german_board(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path, locale="de")

    async def body(pilot: Pilot[None]) -> None:
        assert cell(app, "acme", "state") == "Bewährungsprobe"
        assert cell(app, "acme", "overdue") == "1.250,00 €"
        assert cell(app, "globex", "contact") == "vor 1 Monat"
        assert cell(app, "globex", "suggest") == "→ auseinandergelebt"
        text = screen_text(app)
        assert "Kund:in" in text and "Offene Probleme (1)" in text
        assert "Dienstag, 10. März 2026" in text
        await pilot.press("c")
        assert app.board.query_one(QuickLogInput).value == "acme anruf "

    run(app, body)


def test_at_80x24_the_panes_fold_into_tabs(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        screen = app.board
        assert screen.query_one("#pane-tabs").display
        shown = [t.id for t in screen.query(PaneTable) if t.display]
        assert shown == ["today"]  # a day with something due opens on Today
        await pilot.click("#tab-overdue")
        await pilot.pause()
        assert [t.id for t in screen.query(PaneTable) if t.display] == ["overdue"]
        assert "2026-001" in screen_text(app)

    run(app, body, size=(80, 24))


def test_at_200x50_the_panes_stand_side_by_side(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        screen = app.board
        assert not screen.query_one("#pane-tabs").display
        tables = list(screen.query(PaneTable))
        assert all(t.display and t.region.width > 40 for t in tables)
        text = screen_text(app)
        for title in ("Open issues (1)", "Overdue payments (1)", "Gratitude backlog (4)"):
            assert title in text

    run(app, body, size=(200, 50))


def test_an_empty_book_says_how_to_start_and_d_loads_the_demo(
    tmp_path: Path, open_app: OpenApp
) -> None:
    path = tmp_path / "new.json"
    app = open_app(path)

    async def body(pilot: Pilot[None]) -> None:
        assert "rapport client add" in screen_text(app)
        assert "press D to load a demo" in screen_text(app)
        assert app.board.check_action("load_demo", ()) is True
        await pilot.press("D")
        await until(pilot, lambda: len(row_keys(app)) > 20)
        assert app.board.check_action("load_demo", ()) is False
        assert not path.exists(), "the user's own book is never written by the demo"
        demo = tmp_path / "new.demo.json"
        clients = Book(demo).clients()
        assert len([c for c in clients if c.state is not State.ENDED]) == len(row_keys(app))
        banner = "".join(f"This is the demo book {demo}".split())
        assert banner in "".join(screen_text(app).split()), "the board says it is the demo"
        await until(pilot, lambda: app.focused is app.board.board)
        await pilot.press("l", *"call from the demo", "enter")
        await until(pilot, lambda: "from the demo" in demo.read_text())
        assert not path.exists()

    run(app, body)


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("l", "acme "),
        ("colon", "acme "),
        ("c", "acme call "),
        ("i", "acme issue "),
        ("v", "acme invoice "),
        ("p", "acme paid "),
        ("t", "acme thanks "),
        ("g", "acme kudos "),
    ],
)
def test_keys_open_the_quick_log_for_the_selected_client(
    book_path: Path, open_app: OpenApp, key: str, line: str
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        bar = app.board.query_one(QuickLogBar)
        assert not bar.display
        await pilot.press(key)
        assert bar.display and app.focused is bar.input
        assert bar.input.value == line
        await pilot.press("escape")
        assert not bar.display and app.focused is app.board.board

    run(app, body)


def test_a_click_selects_a_row_and_a_second_opens_it(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        table = app.board.board
        third = table.region.y + 3  # the header, then acme, initech, globex
        await pilot.click(offset=(table.region.x + 12, third))
        assert selected(app) == "globex"
        await pilot.click(offset=(table.region.x + 12, third))
        await until(pilot, lambda: isinstance(app.screen, ClientScreen))

    run(app, body)


def test_j_and_k_move_like_arrows(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        assert selected(app) == "acme"
        await pilot.press("j", "j")
        assert selected(app) == "globex"
        await pilot.press("k")
        assert selected(app) == "initech"

    run(app, body)


def test_s_changes_the_state_through_the_picker(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, StatePicker))
        # strained is highlighted; routine is four down
        await pilot.press("down", "down", "down", "down", "enter")
        await until(pilot, lambda: cell(app, "acme", "state") == "routine")
        assert Book(book_path).resolve("acme").state is State.ROUTINE
        await until(pilot, lambda: "ACME GmbH is now routine." in screen_text(app))
        assert selected(app) == "acme"

    run(app, body, size=(120, 40))


def test_ending_asks_for_the_reflection(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, StatePicker))
        await pilot.press("end", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        await pilot.press(*"mails", "enter", *"trust", "enter", *"calls", "enter")
        await until(pilot, lambda: "acme" not in row_keys(app))
        client = Book(book_path).resolve("acme")
        assert client.state is State.ENDED
        assert client.reflection is not None
        assert (client.reflection.stop, client.reflection.play) == ("mails", "calls")

    run(app, body, size=(120, 40))


def test_escape_on_the_reflection_keeps_the_state(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)
    before = book_path.read_bytes()

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, StatePicker))
        await pilot.press("end", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await app.workers.wait_for_complete()
        assert row_keys(app)[0] == "acme"

    run(app, body, size=(120, 40))
    assert book_path.read_bytes() == before


def test_a_accepts_the_suggested_state(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("a")
        await until(pilot, lambda: "no change for ACME GmbH" in screen_text(app))
        await pilot.press("j", "j", "a")
        await until(pilot, lambda: cell(app, "globex", "state") == "drifting")
        client = Book(book_path).resolve("globex")
        assert client.state is State.DRIFTING
        assert client.history[-1].note == "no contact for 45 days, cadence 30"

    run(app, body, size=(160, 40))


def test_u_undoes_the_newest_change_and_says_what(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("j", "j", "a")
        await until(pilot, lambda: cell(app, "globex", "state") == "drifting")
        await pilot.press("u")
        await until(pilot, lambda: cell(app, "globex", "state") == "routine")
        await until(pilot, lambda: "Took back: Globex is now drifting." in screen_text(app))
        assert Book(book_path).resolve("globex").state is State.ROUTINE

    run(app, body, size=(120, 40))


def test_enter_opens_the_client_and_escape_returns_to_the_same_row(
    book_path: Path, open_app: OpenApp
) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("j", "enter")
        await until(pilot, lambda: isinstance(app.screen, ClientScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert selected(app) == "initech"

    run(app, body)


def test_the_kudos_jar_and_the_help(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("K")
        await until(pilot, lambda: isinstance(app.screen, KudosScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = screen_text(app)
        for key in ("Quick-log", "Accept suggested state", "Kudos jar", "Resolve issue"):
            assert key in text
        for key in ("Back", "Save", "Cancel"):
            assert key in text, "the other screens' keys are listed too"
        for words in ("The client screen", "Marks on the board", "★", "☎", "↻", "Regularly late"):
            assert words in text, "grouped by screen, every mark explained"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))

    run(app, body, size=(120, 100))


def test_help_lists_every_key() -> None:
    from tui.keys import help_pairs

    described = {description for _, description in help_pairs()}
    assert described == {key.description for key in KEYS}


def test_slash_filters_as_you_type_and_escape_clears(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("slash", *"GLO")
        assert row_keys(app) == ["globex"]
        assert "typed “GLO”" in screen_text(app)
        await pilot.press("escape")
        assert row_keys(app) == ["acme", "initech", "globex"]
        await pilot.press("slash", *"retail", "enter")
        assert row_keys(app) == ["acme"]
        assert app.focused is app.board.board
        await pilot.press("escape")
        assert row_keys(app) == ["acme", "initech", "globex"]
        assert "Filter:" not in screen_text(app)

    run(app, body)


def test_the_launch_filter_is_visible_and_x_clears_it(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path, board_filter=BoardFilter(states=(State.NEW, State.ROUTINE)))

    async def body(pilot: Pilot[None]) -> None:
        assert row_keys(app) == ["initech", "globex"]
        assert "Filter:   state new, routine" in screen_text(app)
        await pilot.press("x")
        await until(pilot, lambda: row_keys(app) == ["acme", "initech", "globex"])
        assert "Filter:" not in screen_text(app)

    run(app, body, size=(120, 30))


@pytest.mark.parametrize(
    ("board_filter", "keys"),
    [
        (BoardFilter(tags=("retail",)), ["acme"]),
        (BoardFilter(overdue=True), ["acme"]),
        (BoardFilter(open_issues=True), ["acme"]),
        (BoardFilter(owed_thanks=True), ["acme"]),
        (BoardFilter(search="glob"), ["globex"]),
        (BoardFilter(states=(State.ENDED,)), []),
    ],
)
def test_the_launch_filters(
    book_path: Path, open_app: OpenApp, board_filter: BoardFilter, keys: list[str]
) -> None:
    app = open_app(book_path, board_filter=board_filter)

    async def body(pilot: Pilot[None]) -> None:
        assert row_keys(app) == keys
        text = screen_text(app)
        assert "Filter:" in text
        if not keys:
            assert "No client matches the filter" in text

    run(app, body, size=(120, 30))


def test_w_shows_the_selected_clients_part_of_the_panes(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        issues = app.board.query_one("#issues", PaneTable)
        await pilot.press("j", "w")
        assert issues.views == []
        assert "Open issues (0) · Initech" in str(issues.border_title)
        await pilot.press("k")
        assert [v.key for v in issues.views] == ["issue-1"]
        await pilot.press("w", "j")
        assert [v.key for v in issues.views] == ["issue-1"]

    run(app, body, size=(200, 50))


def test_pane_rows_are_actionable(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        screen = app.board
        bar = screen.query_one(QuickLogBar)
        screen.query_one("#issues").focus()
        await pilot.press("enter")
        assert bar.input.value == "acme resolve 1 "
        await pilot.press("escape")
        screen.query_one("#overdue").focus()
        await pilot.press("enter")
        assert bar.input.value == "acme paid 2026-001"
        await pilot.press("enter")
        await until(pilot, lambda: not screen.query_one("#overdue", PaneTable).views)
        assert cell(app, "acme", "overdue") == ""
        screen.query_one("#gratitude").focus()
        await pilot.press("enter")
        await until(pilot, lambda: cell(app, "acme", "thanks") == "")
        assert not Book(book_path).gratitude(app.session.now()).owed

    run(app, body, size=(200, 50))


def test_every_screen_act_is_in_the_command_palette(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p")
        await pilot.press(*"kudos jar")
        await until(pilot, lambda: "Kudos jar" in screen_text(app))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, KudosScreen))

    run(app, body, size=(120, 40))


def test_q_quits(book_path: Path, open_app: OpenApp) -> None:
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("q")
        await until(pilot, lambda: not app.is_running)

    run(app, body)
