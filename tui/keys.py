"""Every key of the board, declared once.

The footer, the help screen and the command palette all read this one table, so
a key cannot be bound without being explained, nor explained without being
bound.  Descriptions are catalog keys (``board.key.*``); each widget translates
its own copy of the bindings with :func:`tui.screens.keys.localize_bindings`.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

import tui.texts  # noqa: F401  (registers the board's texts)

__all__ = [
    "BOARD",
    "FILTER",
    "GRATITUDE",
    "ISSUES",
    "KEYS",
    "OVERDUE",
    "QUICKLOG",
    "SCREEN",
    "TABLES",
    "Key",
    "bindings",
    "help_pairs",
    "palette",
    "screen_pairs",
]

# Where a key is bound: the widget that must have focus (or contain it).
SCREEN = "screen"
BOARD = "board"
ISSUES = "issues"
OVERDUE = "overdue"
GRATITUDE = "gratitude"
QUICKLOG = "quicklog"
FILTER = "filter"
TABLES = (BOARD, ISSUES, OVERDUE, GRATITUDE)


@dataclass(frozen=True)
class Key:
    """One act: its keys, the action they run, and where they are bound.

    ``command`` is the screen action the command palette runs for it (``None``
    keeps it out of the palette: moving a cursor is not a command).
    """

    id: str
    keys: str
    action: str
    where: str
    show: bool = True
    command: str | None = None

    @property
    def description(self) -> str:
        return f"board.key.{self.id}"

    def bindings(self) -> list[Binding]:
        """The first key shows in the footer; the others are quiet aliases."""
        first, *aliases = self.keys.split(",")
        return [
            Binding(key, self.action, self.description, show=self.show and i == 0, id=self.id)
            for i, key in enumerate((first, *aliases))
        ]


def _act(id: str, keys: str, action: str, show: bool = True) -> Key:
    """A screen key that is also a command of the palette."""
    return Key(id, keys, action, SCREEN, show, command=action)


def _corrections(where: str) -> list[Key]:
    """``e`` edits and ``d``/Delete deletes the record of the pane's row."""
    return [
        Key("edit_record", "e", f"screen.pane_correct('{where}', 'edit')", where, show=False),
        Key("delete_record", "d,delete", f"screen.pane_correct('{where}', 'delete')", where, False),
    ]


def _moves(where: str) -> list[Key]:
    return [
        Key("down", "j", "cursor_down", where, show=False),
        Key("up", "k", "cursor_up", where, show=False),
    ]


KEYS: tuple[Key, ...] = (
    _act("quicklog", "l,colon", "quicklog"),
    _act("demo", "D", "load_demo"),
    _act("state", "s", "change_state"),
    _act("undo", "u", "undo"),
    _act("redo", "U,ctrl+y", "redo", show=False),
    _act("help", "question_mark", "help"),
    _act("search", "slash", "search"),
    _act("call", "c", "prefill('call')", show=False),
    _act("issue", "i", "prefill('issue')", show=False),
    _act("invoice", "v", "prefill('invoice')", show=False),
    _act("paid", "p", "prefill('paid')", show=False),
    _act("thanks", "t", "prefill('thanks')", show=False),
    _act("kudos", "g", "prefill('kudos')", show=False),
    _act("accept", "a", "accept_suggestion", show=False),
    _act("clear", "x", "clear_filter", show=False),
    _act("scope", "w", "toggle_scope", show=False),
    _act("jar", "K", "kudos_jar", show=False),
    _act("quit", "q", "quit", show=False),
    Key("back", "escape", "back", SCREEN, show=False),
    Key("open", "enter", "select_cursor", BOARD, command="open_client"),
    *_moves(BOARD),
    Key("resolve", "enter,r", "select_cursor", ISSUES, command="pane_act('issues')"),
    *_moves(ISSUES),
    *_corrections(ISSUES),
    Key("pay", "enter", "select_cursor", OVERDUE, command="pane_act('overdue')"),
    *_moves(OVERDUE),
    *_corrections(OVERDUE),
    Key("thank", "enter", "select_cursor", GRATITUDE, command="pane_act('gratitude')"),
    *_moves(GRATITUDE),
    *_corrections(GRATITUDE),
    Key("write", "enter", "submit", QUICKLOG),
    Key("complete", "tab", "complete", QUICKLOG),
    Key("older", "up", "history(-1)", QUICKLOG, show=False),
    Key("newer", "down", "history(1)", QUICKLOG, show=False),
    Key("close", "escape", "close", QUICKLOG),
    Key("keep", "enter", "submit", FILTER),
    Key("drop", "escape", "drop", FILTER),
)


def bindings(where: str) -> list[BindingType]:
    """The ``BINDINGS`` of the widget bound at ``where``."""
    return [b for key in KEYS if key.where == where for b in key.bindings()]


def help_pairs() -> list[tuple[str, str]]:
    """``(keys, description key)`` of every key, once each, for the help screen."""
    seen: set[tuple[str, str]] = set()
    pairs = []
    for key in KEYS:
        pair = (key.keys, key.description)
        if pair not in seen:
            seen.add(pair)
            pairs.append(pair)
    return pairs


def screen_pairs(screens: tuple[type[DOMNode], ...]) -> list[tuple[str, str]]:
    """The keys of the other screens (back, save, cancel), once each, for the help."""
    pairs: list[tuple[str, str]] = []
    for screen in screens:
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and (binding.key, binding.description) not in pairs:
                pairs.append((binding.key, binding.description))
    return pairs


def palette() -> list[Key]:
    """The keys that are also commands of the command palette."""
    return [key for key in KEYS if key.command is not None]
