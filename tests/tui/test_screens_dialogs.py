"""The state picker, the Stop / Pause / Play dialog and the help: keyboard paths, both locales."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList

from model import Reflection, State
from tests.tui.screen_book import UNSET, Host, flat, shown, visible
from tui.screens.help import HelpScreen, key_label
from tui.screens.reflection import ReflectionScreen
from tui.screens.state_picker import StatePicker


def drive(
    screen: Screen[Any],
    steps: Callable[[Pilot[None]], Awaitable[None]],
    size: tuple[int, int] = (100, 34),
) -> Any:
    """Run ``steps`` against the screen; answer what it dismissed with (or UNSET)."""

    async def go() -> Any:
        app = Host(screen)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(pilot)
            await pilot.pause()
            return app.result

    return asyncio.run(go())


def keys(*pressed: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press(*pressed)

    return steps


# -- state picker -----------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "pressed", "picked"),
    [
        (State.ROUTINE, ["enter"], State.ROUTINE),
        (State.ROUTINE, ["down", "enter"], State.TRUSTED),
        (State.NEW, ["up", "up", "up", "enter"], State.STRAINED),
        (State.STRAINED, ["end", "enter"], State.ENDED),
        (State.TRUSTED, ["escape"], None),
    ],
)
def test_picker_enter_picks_from_the_current_state_and_escape_cancels(
    current: State, pressed: list[str], picked: State | None
) -> None:
    assert drive(StatePicker(current, "en"), keys(*pressed)) == picked


@pytest.mark.parametrize(
    ("locale", "names", "marker"),
    [
        ("en", ["strained", "repair", "drifting", "new", "routine", "trusted", "ended"], "current"),
        (
            "de",
            [
                "Bewährungsprobe",
                "Therapie",
                "auseinandergelebt",
                "Kennenlernen",
                "Routine",
                "Vertrauen",
                "Trennung",
            ],
            "aktuell",
        ),
    ],
)
def test_picker_lists_the_seven_states_in_order_and_marks_the_current(
    locale: str, names: list[str], marker: str
) -> None:
    async def look(pilot: Pilot[None]) -> None:
        options = pilot.app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert [p.split()[0] for p in prompts if not p.startswith("●")] == [
            n for n in names if n != names[2]
        ]
        assert prompts[2].startswith(f"● {names[2]}") and f"({marker})" in prompts[2]
        assert options.highlighted == 2

    drive(StatePicker(State.DRIFTING, locale), look)


def test_picker_answers_a_click() -> None:
    async def click(pilot: Pilot[None]) -> None:
        options = pilot.app.screen.query_one(OptionList)
        await pilot.click(OptionList, offset=(6, 1 + 5))
        assert options.highlighted == 5

    assert drive(StatePicker(State.NEW, "en"), click) == State.TRUSTED


# -- reflection -------------------------------------------------------------


def test_reflection_tab_between_fields_and_enter_on_the_last_saves() -> None:
    pressed = [*"yes", "tab", *"team", "tab", *"scope", "enter"]
    assert drive(ReflectionScreen("ACME", "en"), keys(*pressed)) == Reflection(
        stop="yes", pause="team", play="scope"
    )


def test_reflection_enter_moves_on_and_ctrl_s_saves_from_anywhere() -> None:
    pressed = [*" late ", "enter", *"calls", "ctrl+s"]
    assert drive(ReflectionScreen("ACME", "de"), keys(*pressed)) == Reflection(
        stop="late", pause="calls", play=""
    )


def test_reflection_buttons_save_by_keyboard() -> None:
    pressed = [*"x", "tab", "tab", "tab", "enter"]
    assert drive(ReflectionScreen("ACME", "en"), keys(*pressed)) == Reflection(stop="x")


def test_reflection_skip_answers_an_empty_reflection() -> None:
    pressed = [*"odd", "tab", "tab", "tab", "tab", "enter"]
    answer = drive(ReflectionScreen("ACME", "en"), keys(*pressed))
    assert answer == Reflection() and answer.is_empty()


@pytest.mark.parametrize("pressed", [["escape"], [*"half", "escape"]])
def test_reflection_escape_cancels(pressed: list[str]) -> None:
    assert drive(ReflectionScreen("ACME", "en"), keys(*pressed)) is None


def test_reflection_cancel_button_by_mouse() -> None:
    async def click(pilot: Pilot[None]) -> None:
        await pilot.click("#cancel")

    assert drive(ReflectionScreen("ACME", "en"), click) is None


@pytest.mark.parametrize(
    ("locale", "phrases"),
    [
        (
            "en",
            [
                "Ending the relationship with ACME GmbH",
                "Stop What to stop doing; what went wrong.",
                "Pause What to value today; what was good.",
                "Play What to take forward into the next relationship.",
                "Save",
                "Skip",
                "Cancel",
            ],
        ),
        (
            "de",
            [
                "Trennung von ACME GmbH",
                "Stop Was du nicht mehr tun willst; was schiefging.",
                "Pause Was du heute wertschätzt; was gut war.",
                "Play Was du in die nächste Beziehung mitnimmst.",
                "Speichern",
                "Überspringen",
                "Abbrechen",
            ],
        ),
    ],
)
def test_reflection_explains_each_field(locale: str, phrases: list[str]) -> None:
    async def look(pilot: Pilot[None]) -> None:
        text = flat("\n".join(visible(pilot.app)))
        for phrase in phrases:
            assert phrase in text, phrase
        assert isinstance(pilot.app.focused, Input)
        assert pilot.app.focused.id == "reflection-stop"

    assert drive(ReflectionScreen("ACME GmbH", locale), look) is UNSET


# -- help -------------------------------------------------------------------

BINDINGS = [
    ("question_mark", "Show the keys"),
    ("l,colon", "Quick log"),
    ("j,down", "Down"),
    ("ctrl+p", "screens.keys.back"),
]


@pytest.mark.parametrize(
    ("locale", "phrases"),
    [
        ("en", ["Keys", "? Show the keys", "l / : Quick log", "j / ↓ Down", "ctrl+p Back"]),
        ("de", ["Tasten", "Taste Was sie tut", "ctrl+p Zurück", "Escape oder ? schließt"]),
    ],
)
def test_help_lists_every_key_with_its_description(locale: str, phrases: list[str]) -> None:
    async def look(pilot: Pilot[None]) -> None:
        text = flat(shown(pilot.app.screen))
        for phrase in phrases:
            assert phrase in text, phrase

    drive(HelpScreen([(None, BINDINGS)], locale), look)


@pytest.mark.parametrize("key", ["escape", "question_mark"])
def test_help_closes_with_escape_or_question_mark(key: str) -> None:
    async def close(pilot: Pilot[None]) -> None:
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HelpScreen)

    assert drive(HelpScreen([(None, BINDINGS)], "en"), close) is None


def test_key_labels_read_like_keys() -> None:
    assert key_label("question_mark") == "?"
    assert key_label("j,down") == "j / ↓"
    assert key_label("ctrl+s") == "ctrl+s"
