"""How the screens write states, days, moments, money and health in the reader's language.

One place for these so that the board, the panes, the client screen, the kudos
jar and the state picker say "7. März 2026" and "vor 3 Tagen" alike, and colour
states, severities and health the same.  Everything returns rich ``Text`` or
plain strings meant to be wrapped by :func:`tui.safe_text.safe`: never markup,
because names and notes from the book are shown as typed.
"""

from __future__ import annotations

from decimal import Decimal

import pendulum
from rich.text import Text

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
]

# Most urgent in the hottest colour, calm states in greens, the ended in grey.
STATE_STYLES: dict[State, str] = {
    State.STRAINED: "bold red",
    State.REPAIR: "bold dark_orange",
    State.DRIFTING: "gold1",
    State.NEW: "cyan",
    State.ROUTINE: "green",
    State.TRUSTED: "bold green",
    State.ENDED: "grey50",
}

SEVERITY_STYLES: dict[Severity, str] = {
    Severity.LOW: "",
    Severity.MEDIUM: "yellow",
    Severity.HIGH: "bold red",
}

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
    """Red below 40, yellow below 70, green above: the board's cell and the client's bar."""
    return "red" if score < 40 else "yellow" if score < 70 else "green"


def health_bar(score: int) -> Text:
    """``███████░░░ 70`` in the colour of :func:`health_style`."""
    filled = round(max(0, min(100, score)) * _BAR_WIDTH / 100)
    style = health_style(score)
    return Text.assemble(
        ("█" * filled, style),
        ("░" * (_BAR_WIDTH - filled), "grey37"),
        (f" {score:>3}", f"bold {style}"),
    )
