"""The state picker: the user sets the state; the book only ever suggests one.

A small modal list of the seven states in the domain's order, each in its colour
with what it means, the current one marked and highlighted.  Enter (or a click)
picks; Escape answers ``None`` and nothing changes.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from model import State, t
from tui.formats import state_text, themed
from tui.safe_text import safe
from tui.screens.keys import localize_bindings

__all__ = ["StatePicker", "state_option"]


def state_option(state: State, current: State, locale: str) -> Option:
    """``● Routine   work runs; the relationship is stable  (current)``"""
    prompt = Text.assemble(("● " if state is current else "  ", "bold"))
    name = state_text(state, locale)
    name.pad_right(max(len(t(f"state.{s.value}", locale)) for s in State) - len(name))
    prompt.append_text(name)
    prompt.append(f"  {t(f'screens.meaning.{state.value}', locale)}", style=themed("muted"))
    if state is current:
        prompt.append(f"  ({t('screens.picker.current', locale)})", style="italic")
    return Option(prompt, id=state.value)


class StatePicker(ModalScreen[State | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "screens.keys.cancel")]

    def __init__(self, current: State, locale: str = "en") -> None:
        super().__init__(classes="rapport-modal")
        self._current = current
        self._locale = locale
        localize_bindings(self, locale)

    def compose(self) -> ComposeResult:
        locale = self._locale
        with Vertical(id="picker", classes="dialog"):
            yield Static(safe(t("screens.picker.title", locale)), classes="dialog-title")
            yield OptionList(
                *(state_option(s, self._current, locale) for s in State), id="picker-states"
            )
            yield Static(safe(t("screens.picker.hint", locale)), classes="dialog-hint")

    def on_mount(self) -> None:
        states = self.query_one("#picker-states", OptionList)
        states.highlighted = list(State).index(self._current)
        states.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(State(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
