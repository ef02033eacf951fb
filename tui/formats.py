"""How the screens write states, days, moments, money and health in the reader's language.

One place for these so that the board, the panes, the client screen, the kudos
jar and the state picker say "7. März 2026" and "vor 3 Tagen" alike, and colour
states, severities and health the same.  Everything returns rich ``Text`` or
plain strings meant to be wrapped by :func:`tui.safe_text.safe`: never markup,
because names and notes from the book are shown as typed.  The colours are the
theme's, in this one place (:func:`themed`, :func:`use_theme`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TypeVar

import pendulum
from rich.text import Text
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from model import Severity, State, t
from model.money import format_money
from model.timestamps import ago, local_day, parse_day, parse_moment

__all__ = [
    "SEVERITY_STYLES",
    "STATE_STYLES",
    "day",
    "health_bar",
    "health_style",
    "moment",
    "money",
    "state_text",
    "themed",
    "use_theme",
]

# The colours come from the app's theme (``App.get_css_variables``), so that a
# state is as readable on textual-light as on textual-dark: the theme's ``text-*``
# variables are the ones it makes legible on its own background.  Each role names
# one variable; :func:`use_theme` reads them when the theme changes.
_ROLES = {
    "error": "text-error",
    "warning": "text-warning",
    "success": "text-success",
    "primary": "text-primary",
    "secondary": "text-secondary",
    "accent": "text-accent",
    "muted": "foreground-muted",
}
_DEFAULT_THEME = "textual-dark"

# Most urgent in the hottest colour, calm states in greens, the ended muted.
_STATE_ROLES: dict[State, tuple[str, bool]] = {
    State.STRAINED: ("error", True),
    State.REPAIR: ("warning", True),
    State.DRIFTING: ("accent", False),
    State.NEW: ("primary", False),
    State.ROUTINE: ("success", False),
    State.TRUSTED: ("success", True),
    State.ENDED: ("muted", False),
}
_SEVERITY_ROLES: dict[Severity, tuple[str, bool] | None] = {
    Severity.LOW: None,
    Severity.MEDIUM: ("warning", False),
    Severity.HIGH: ("error", True),
}


def _colours(variables: Mapping[str, str]) -> dict[str, str]:
    """Each role's colour as ``#rrggbb``; a translucent one is laid over the background."""
    background = Color.parse(variables.get("background", "#000000"))
    colours = {}
    for role, name in _ROLES.items():
        colour = Color.parse(variables.get(name, variables.get("foreground", "#808080")))
        colours[role] = (background + colour).hex if colour.a < 1 else colour.hex
    return colours


_current: dict[str, str] = _colours(BUILTIN_THEMES[_DEFAULT_THEME].to_color_system().generate())


def use_theme(variables: Mapping[str, str]) -> None:
    """Take the colours of the theme whose CSS variables are ``variables``.

    One dict, swapped whole: the row views are built in worker threads, which
    read it while the event loop may set a new one.
    """
    global _current
    _current = _colours(variables)


def themed(role: str, *, bold: bool = False) -> str:
    """The rich style of ``role`` (``error``, ``warning``, ``muted``...) in the current theme."""
    colour = _current[role]
    return f"bold {colour}" if bold else colour


K = TypeVar("K")


class _Themed(Mapping[K, str]):
    """``STATE_STYLES[state]``: a style looked up in the current theme on every read."""

    def __init__(self, roles: Mapping[K, tuple[str, bool] | None]) -> None:
        self._roles = roles

    def __getitem__(self, key: K) -> str:
        role = self._roles[key]
        return "" if role is None else themed(role[0], bold=role[1])

    def __iter__(self) -> Iterator[K]:
        return iter(self._roles)

    def __len__(self) -> int:
        return len(self._roles)


STATE_STYLES: Mapping[State, str] = _Themed(_STATE_ROLES)
SEVERITY_STYLES: Mapping[Severity, str] = _Themed(_SEVERITY_ROLES)

_DAY_FORMATS = {"en": "D MMM YYYY", "de": "D. MMM YYYY"}

_BAR_WIDTH = 10


def state_text(state: State, locale: str) -> Text:
    """The state's name in ``locale``, in its colour."""
    return Text(t(f"state.{state.value}", locale), style=STATE_STYLES[state])


def day(
    stored: str, locale: str, now: pendulum.DateTime | None = None, zone: str | None = None
) -> str:
    """A stored day (``2026-03-07``) or moment, as the reader writes a date; a moment on
    the user's day (the writer's ``zone``, else ``now``'s, see ``local_day``)."""
    date = parse_day(stored) if len(stored) == 10 else local_day(stored, zone, now)
    return date.format(_DAY_FORMATS.get(locale, _DAY_FORMATS["en"]), locale=locale)


def moment(stored: str, now: pendulum.DateTime, locale: str, zone: str | None = None) -> str:
    """``7 Mar 2026 (3 days ago)`` for a stored moment, measured from ``now``."""
    return f"{day(stored, locale, now, zone)} ({ago(parse_moment(stored), now, locale)})"


def money(amount: Decimal, currency: str, locale: str) -> str:
    return format_money(amount, currency, locale)


def health_style(score: int) -> str:
    """Error below 40, warning below 70, success above: the board's cell and the client's bar."""
    return themed("error" if score < 40 else "warning" if score < 70 else "success")


def health_bar(score: int) -> Text:
    """``███████░░░ 70`` in the colour of :func:`health_style`."""
    filled = round(max(0, min(100, score)) * _BAR_WIDTH / 100)
    style = health_style(score)
    return Text.assemble(
        ("█" * filled, style),
        ("░" * (_BAR_WIDTH - filled), themed("muted")),
        (f" {score:>3}", f"bold {style}"),
    )
