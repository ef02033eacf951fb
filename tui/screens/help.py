"""The help screen: every key, grouped by the screen it works on, and every mark of the board.

The app hands over groups of ``(key, description)`` pairs from its one key
table (:func:`board_help`), so the help can never list a key the app does not
have; descriptions that are catalog keys are translated here, plain words are
shown as given.  Under the keys, what ★ ☎ ↻ and the health bar mean.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from model import t
from tui import keys
from tui.formats import themed
from tui.safe_text import safe
from tui.screens.client import ClientScreen
from tui.screens.correct import ConfirmDelete, EditForm
from tui.screens.keys import localize_bindings
from tui.screens.kudos import KudosScreen
from tui.screens.reflection import ReflectionScreen
from tui.screens.state_picker import StatePicker
from tui.widgets.cells import health_cell

__all__ = ["HelpGroup", "HelpScreen", "board_help", "key_label", "marks"]

HelpGroup = tuple[str | None, Sequence[tuple[str, str]]]
"""A heading (a catalog key, or ``None`` for none) and its ``(keys, description)`` pairs."""

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


def marks(locale: str) -> list[tuple[Text, str]]:
    """Each mark as the board draws it, and what it means."""
    suggestion = Text("→ ", style="dim")
    suggestion.append(t("state.routine", locale), style=themed("success"))
    return [
        (Text("★", style=themed("secondary", bold=True)), "screens.mark.dream"),
        (Text("☎", style=themed("warning", bold=True)), "screens.mark.call"),
        (Text("↻", style=themed("error")), "screens.mark.late"),
        (health_cell(72), "screens.mark.health"),
        (suggestion, "screens.mark.suggest"),
        (
            Text(t("board.col.contact", locale), style=themed("error", bold=True)),
            "screens.mark.contact",
        ),
        (Text("♡", style=themed("secondary")), "screens.mark.unthanked"),
    ]


class HelpScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "screens.keys.close_help"),
        Binding("question_mark", "back", "screens.keys.close_help", show=False),
    ]

    def __init__(self, groups: Sequence[HelpGroup], locale: str = "en") -> None:
        super().__init__(classes="rapport-screen")
        self._groups = groups
        self._locale = locale
        localize_bindings(self, locale)

    def _table(self, first: str, second: str) -> Table:
        locale = self._locale
        table = Table(box=None, padding=(0, 2), pad_edge=False, header_style="bold")
        table.add_column(Text(t(first, locale)), no_wrap=True, width=12)
        table.add_column(Text(t(second, locale)))
        return table

    def compose(self) -> ComposeResult:
        locale = self._locale
        parts: list[Table | Text] = []
        for title, pairs in self._groups:
            if title is not None:
                parts.append(Text(f"\n{t(title, locale)}", style="bold underline"))
            table = self._table("screens.help.key", "screens.help.action")
            for bound, description in pairs:
                key = Text(key_label(bound), style=themed("primary", bold=True))
                table.add_row(key, safe(t(description, locale)))
            parts.append(table)
        parts.append(Text(f"\n{t('screens.help.marks', locale)}", style="bold underline"))
        legend = self._table("screens.help.mark", "screens.help.meaning")
        for mark, meaning in marks(locale):
            legend.add_row(mark, safe(t(meaning, locale)))
        parts.append(legend)
        yield Static(safe(t("screens.help.title", locale)), id="help-title")
        with VerticalScroll(id="help-body"):
            yield Static(Group(*parts), id="help-keys")
        yield Static(safe(t("screens.help.hint", locale)), id="help-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_back(self) -> None:
        self.dismiss(None)


def _own(screen: type[Screen[None]]) -> list[tuple[str, str]]:
    """The keys a screen binds itself (back, close), not the ones it takes from the table."""
    return [pair for pair in keys.screen_pairs((screen,)) if pair[1].startswith("screens.")]


def board_help() -> list[HelpGroup]:
    """The keys of every screen, each under the screen it works on."""
    return [
        ("screens.help.board", keys.help_pairs(keys.SCREEN, keys.BOARD)),
        (
            "screens.help.panes",
            keys.help_pairs(keys.TODAY, keys.ISSUES, keys.OVERDUE, keys.GRATITUDE),
        ),
        ("screens.help.quicklog", keys.help_pairs(keys.QUICKLOG)),
        ("screens.help.filter", keys.help_pairs(keys.FILTER)),
        ("screens.help.client", keys.help_pairs(keys.CLIENT, keys.TIMELINE) + _own(ClientScreen)),
        ("screens.help.jar", keys.screen_pairs((KudosScreen,))),
        (
            "screens.help.dialogs",
            keys.screen_pairs((StatePicker, ReflectionScreen, EditForm, ConfirmDelete)),
        ),
    ]
