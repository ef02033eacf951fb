"""User text is data: markup and control characters show as typed and never reach the terminal."""

from __future__ import annotations

import asyncio
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import OptionList

from model import Book, InteractionKind, Reflection, State
from tests.tui.screen_book import Host, days_ago, flat, on, shown, terminal_output, visible
from tui.safe_text import printable, safe
from tui.screens.client import ClientScreen
from tui.screens.kudos import KudosScreen
from tui.screens.reflection import ReflectionScreen
from tui.screens.state_picker import StatePicker

NASTY = {
    "name": "[/bold] x",
    "contact": "[red]Eve[/red] <eve@example.com>",
    "note": "[link=https://evil.example]click[/link] \x1b[2J\x1b]0;pwned\x07",
    "issue": "[bold]wrong[/] \\[escaped] = [@click=app.quit]",
    "thanks": "for the 🎂 and the Müßiggang \u202eevil",
    "kudos": "[blink]You are great[/blink]\x1b[31m",
    "giver": "Zoë [i]",
    "stop": "[/]",
}


def test_safe_keeps_markup_as_written() -> None:
    for text in ("[/bold] x", "[link=x]y[/link]", "\\[b]", "a = [b]", "[@click=app.quit]"):
        assert safe(text).plain == text
        assert not safe(text).spans


def test_safe_makes_control_characters_visible_and_keeps_emoji() -> None:
    assert printable("a\x1b[2Jb") == "a␛[2Jb"
    assert printable("bell\x07 nul\x00 del\x7f") == "bell␇ nul␀ del␡"
    assert printable("line\nbreak\ttab\r\n") == "line break tab  "
    assert printable("csi\x9b1m") == "csi\ufffd1m"
    assert printable("rtl\u202eevil") == "rtl\ufffdevil"
    assert printable("👩\u200d💻 Müller ÄÖÜß") == "👩\u200d💻 Müller ÄÖÜß"


def nasty_book(path: Path, texts: dict[str, str]) -> Book:
    book = Book(path)
    book.add_client(texts["name"], days_ago(200), id="c", contacts=[NASTY["contact"]])
    book.log("c", InteractionKind.MAIL, texts["note"], days_ago(3))
    book.open_issue("c", texts["issue"], days_ago(2))
    book.owe_thanks("c", texts["thanks"], days_ago(2))
    book.add_kudos("c", texts["kudos"], days_ago(1), giver=texts["giver"])
    book.change_state(
        "c", State.ENDED, days_ago(1), note=texts["note"], reflection=Reflection(stop=texts["stop"])
    )
    return book


def check_every_screen(book: Book, locale: str) -> None:
    """Open the client screen, the jar, the picker and the reflection over one book."""
    client = book.resolve("c")
    stored = [
        client.name,
        client.history[-1].note,
        client.reflection.stop if client.reflection else "",
        *(c.name for c in client.contacts),
    ]

    async def go() -> None:
        screen = ClientScreen(on(book, locale), "c")
        app = Host(screen)
        async with app.run_test(size=(200, 120)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            cf = screen.file
            assert cf is not None
            said = [*stored, cf.interactions[0].text, cf.issues[0].text, cf.thanks[0].text]
            said += [cf.kudos[0].text, cf.kudos[0].giver]
            table = screen.timeline
            assert table is not None
            cells = " ".join(cell.plain for view in table.views for cell in view.cells)
            text = flat(shown(screen)) + " " + flat(cells)  # the texts, and the timeline's rows
            for value in said:
                assert flat(printable(value)) in text, value
            assert_clean(app)

            jar = KudosScreen(on(book, locale))
            await app.push_screen(jar)
            await app.workers.wait_for_complete()
            await pilot.pause()
            jar_text = flat(shown(jar))
            for value in (cf.kudos[0].text, cf.kudos[0].giver, client.name):
                assert flat(printable(value)) in jar_text, value
            assert_clean(app)

            await app.push_screen(ReflectionScreen(client.name, locale))
            await pilot.pause()
            assert flat(printable(client.name)) in flat("\n".join(visible(app)))
            assert_clean(app)

            await app.push_screen(StatePicker(client.state, locale))
            await pilot.pause()
            assert app.screen.query_one(OptionList).option_count == len(State)

    asyncio.run(go())


def assert_clean(app: Host) -> None:
    """No control character is in the text painted: the book's escapes never reach the terminal.

    Every byte Textual writes is either a style or cursor sequence it makes itself
    or the text of a segment; the segments are what ``visible`` joins.
    """
    painted = "".join(visible(app))
    assert not [ch for ch in painted if unicodedata.category(ch) == "Cc"]


def test_markup_and_escapes_on_every_screen(tmp_path: Path) -> None:
    for locale in ("en", "de"):
        check_every_screen(nasty_book(tmp_path / f"{locale}.json", NASTY), locale)


def test_the_escape_in_a_note_is_shown_not_obeyed(tmp_path: Path) -> None:
    book = nasty_book(tmp_path / "book.json", NASTY)

    async def go() -> str:
        app = Host(ClientScreen(on(book, "en"), "c"))
        async with app.run_test(size=(200, 120)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            output = terminal_output(app)
            assert "\x1b[2J" not in output and "\x1b]0;pwned" not in output
            return "\n".join(visible(app))

    screen = asyncio.run(go())
    assert "[link=https://evil.example]click[/link] ␛[2J␛]0;pwned␇" in screen
    assert "[/bold] x" in screen


USER_TEXT = st.text(
    alphabet=st.sampled_from("[]/\\=ab @#:.") | st.characters(max_codepoint=0x20) | st.just("\x7f"),
    min_size=0,
    max_size=24,
)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    texts=st.fixed_dictionaries(
        {key: USER_TEXT for key in ("name", "note", "issue", "thanks", "kudos", "giver", "stop")}
    ),
    locale=st.sampled_from(["en", "de"]),
)
def test_any_markup_or_control_text_is_shown_as_typed(texts: dict[str, str], locale: str) -> None:
    # Every text needs a visible word: the book refuses empty names and kudos.
    texts = {key: f"w{value}" for key, value in texts.items()}
    with tempfile.TemporaryDirectory() as folder:
        check_every_screen(nasty_book(Path(folder) / "book.json", texts), locale)
