"""The help screen: every key and what it does, from the app's one list of bindings.

The app hands over ``(key, description)`` pairs, so the help can never list a
key the app does not have; descriptions that are catalog keys are translated
here, plain words are shown as given.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from model import t
from tui.formats import themed
from tui.safe_text import safe
from tui.screens.keys import localize_bindings

__all__ = ["HelpScreen", "key_label"]

_KEY_NAMES = {
    "question_mark": "?",
    "colon": ":",
    "slash": "/",
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "tab": "Tab",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}


def key_label(keys: str) -> str:
    """``question_mark`` → ``?``, ``ctrl+p`` → ``ctrl+p``, ``j,down`` → ``j / ↓``."""
    return " / ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


class HelpScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "screens.keys.close_help"),
        Binding("question_mark", "back", "screens.keys.close_help", show=False),
    ]

    def __init__(self, bindings: list[tuple[str, str]], locale: str = "en") -> None:
        super().__init__(classes="rapport-screen")
        self._keys = bindings
        self._locale = locale
        localize_bindings(self, locale)

    def compose(self) -> ComposeResult:
        locale = self._locale
        table = Table(box=None, padding=(0, 2), pad_edge=False, header_style="bold")
        table.add_column(
            Text(t("screens.help.key", locale)), no_wrap=True, style=themed("primary", bold=True)
        )
        table.add_column(Text(t("screens.help.action", locale)))
        for keys, description in self._keys:
            table.add_row(safe(key_label(keys)), safe(t(description, locale)))
        yield Static(safe(t("screens.help.title", locale)), id="help-title")
        with VerticalScroll(id="help-body"):
            yield Static(table, id="help-keys")
        yield Static(safe(t("screens.help.hint", locale)), id="help-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_back(self) -> None:
        self.dismiss(None)
