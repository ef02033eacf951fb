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

__all__ = [
    "BOARD",
    "CLIENT",
    "FILTER",
    "GRATITUDE",
    "ISSUES",
    "KEYS",
    "OVERDUE",
    "QUICKLOG",
    "SCREEN",
    "TIMELINE",
    "TODAY",
    "Key",
    "bindings",
    "help_pairs",
    "palette",
    "screen_pairs",
]

# Where a key is bound: the widget that must have focus (or contain it).
SCREEN = "screen"
BOARD = "board"
TODAY = "today"
ISSUES = "issues"
OVERDUE = "overdue"
GRATITUDE = "gratitude"
QUICKLOG = "quicklog"
FILTER = "filter"
CLIENT = "client"
TIMELINE = "timeline"


@dataclass(frozen=True)
class Key:
    """One act: its keys, the action they run, and where they are bound.

    ``command`` is the screen action the command palette runs for it (``None``
    keeps it out of the palette: moving a cursor is not a command).  ``opens``
    marks a key that opens an input: it is a priority binding, run the moment
    the app reads the key, so that keys typed right after it already find the
    input focused and land there in order (the action steps aside with
    ``SkipAction`` while an input has the focus, so the letter is typed).
    """

    id: str
    keys: str
    action: str
    where: str
    show: bool = True
    command: str | None = None
    opens: bool = False

    @property
    def description(self) -> str:
        return f"board.key.{self.id}"

    def bindings(self) -> list[Binding]:
        """The first key shows in the footer; the others are quiet aliases."""
        first, *aliases = self.keys.split(",")
        return [
            Binding(
                key,
                self.action,
                self.description,
                show=self.show and i == 0,
                id=self.id,
                priority=self.opens,
            )
            for i, key in enumerate((first, *aliases))
        ]


def _act(id: str, keys: str, action: str, show: bool = True, opens: bool = False) -> Key:
    """A screen key that is also a command of the palette."""
    return Key(id, keys, action, SCREEN, show, command=action, opens=opens)


def _opens(id: str, keys: str, action: str, show: bool = True) -> Key:
    """A screen key that opens an input (the quick-log, the filter)."""
    return _act(id, keys, action, show, opens=True)


def _pane(id: str, keys: str, where: str) -> Key:
    """Enter on a pane row: the screen acts at once (it may open the quick-log)."""
    act = f"pane_act('{where}')"
    return Key(id, keys, f"screen.{act}", where, command=act, opens=True)


def _client(id: str, keys: str, action: str, show: bool = False, opens: bool = True) -> Key:
    """A board act on the client screen, for the client shown there (the same id, so a
    ``[keys]`` remap moves both)."""
    return Key(id, keys, action, CLIENT, show, opens=opens)


def _corrects(where: str) -> list[Key]:
    """``e`` edits and ``d`` / Delete deletes the record of the row (after asking).

    The palette runs them on the pane that has the focus, so it offers each once.
    """
    return [
        Key(
            "edit_record",
            "e",
            f"screen.correct('edit', '{where}')",
            where,
            False,
            "correct('edit')",
        ),
        Key(
            "delete_record",
            "d,delete",
            f"screen.correct('delete', '{where}')",
            where,
            False,
            "correct('delete')",
        ),
    ]


def _moves(where: str) -> list[Key]:
    return [
        Key("down", "j", "cursor_down", where, show=False),
        Key("up", "k", "cursor_up", where, show=False),
    ]


KEYS: tuple[Key, ...] = (
    _opens("quicklog", "l,colon", "quicklog"),
    _act("demo", "D", "load_demo"),
    _act("state", "s", "change_state"),
    _act("undo", "u", "undo"),
    _act("redo", "U,ctrl+y", "redo", show=False),
    _act("help", "question_mark", "help"),
    _opens("search", "slash", "search"),
    _act("find", "ctrl+f", "app.find", show=False),
    _opens("call", "c", "prefill('call')", show=False),
    _opens("issue", "i", "prefill('issue')", show=False),
    _opens("invoice", "v", "prefill('invoice')", show=False),
    _opens("paid", "p", "prefill('paid')", show=False),
    _opens("thanks", "t", "prefill('thanks')", show=False),
    _opens("kudos", "g", "prefill('kudos')", show=False),
    _act("accept", "a", "accept_suggestion", show=False),
    _act("clear", "x", "clear_filter", show=False),
    _act("scope", "w", "toggle_scope", show=False),
    _act("jar", "K", "kudos_jar", show=False),
    _act("report", "R", "report", show=False),
    _act("revenue", "M", "toggle_revenue", show=False),
    _act("quit", "q", "quit", show=False),
    Key("back", "escape", "back", SCREEN, show=False),
    Key("open", "enter", "select_cursor", BOARD, command="open_client"),
    *_moves(BOARD),
    _pane("act", "enter", TODAY),
    *_moves(TODAY),
    *_corrects(TODAY),
    _pane("resolve", "enter,r", ISSUES),
    *_moves(ISSUES),
    *_corrects(ISSUES),
    _pane("pay", "enter", OVERDUE),
    *_moves(OVERDUE),
    *_corrects(OVERDUE),
    _pane("thank", "enter", GRATITUDE),
    *_moves(GRATITUDE),
    *_corrects(GRATITUDE),
    Key("write", "enter", "submit", QUICKLOG),
    Key("complete", "tab", "complete", QUICKLOG),
    Key("older", "up", "history(-1)", QUICKLOG, show=False),
    Key("newer", "down", "history(1)", QUICKLOG, show=False),
    Key("close", "escape", "close", QUICKLOG),
    Key("editor", "ctrl+e", "editor", QUICKLOG),
    Key("keep", "enter", "submit", FILTER),
    Key("drop", "escape", "drop", FILTER),
    _client("quicklog", "l,colon", "quicklog", show=True),
    _client("call", "c", "prefill('call')"),
    _client("issue", "i", "prefill('issue')"),
    _client("invoice", "v", "prefill('invoice')"),
    _client("paid", "p", "prefill('paid')"),
    _client("thanks", "t", "prefill('thanks')"),
    _client("kudos", "g", "prefill('kudos')"),
    _client("state", "s", "change_state", show=True, opens=False),
    _client("edit_record", "e", "correct('edit')", show=True, opens=False),
    _client("delete_record", "d,delete", "correct('delete')", show=True, opens=False),
    _client("undo", "u", "undo", opens=False),
    _client("redo", "U,ctrl+y", "redo", opens=False),
    *_moves(TIMELINE),
)


def bindings(where: str) -> list[BindingType]:
    """The ``BINDINGS`` of the widget bound at ``where``."""
    return [b for key in KEYS if key.where == where for b in key.bindings()]


def help_pairs(*wheres: str) -> list[tuple[str, str]]:
    """``(keys, description key)`` of the keys bound at ``wheres`` (every key when none),
    once each, for the help screen."""
    seen: set[tuple[str, str]] = set()
    pairs = []
    for key in KEYS:
        if wheres and key.where not in wheres:
            continue
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
    """The keys that are also commands of the command palette, each command once."""
    seen: set[str] = set()
    found = []
    for key in KEYS:
        if key.command is not None and key.command not in seen:
            seen.add(key.command)
            found.append(key)
    return found
