"""How one value looks in a table cell, the same in the board and in the panes.

A 1,000-client book fills thousands of cells, and two formatters are costly:
babel's currency format (~0.1 ms) and pendulum's humanized difference (~0.15
ms).  Both take few distinct inputs (amounts repeat, contacts are so many days
ago), so their results are kept.  The last contact is humanized by the day,
which also keeps a row unchanged from one minute to the next: it changes at
midnight, when the board re-reads anyway.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import pendulum
from rich.text import Text

from model import t
from model.timestamps import ago
from tui.formats import health_style, money
from tui.safe_text import safe

__all__ = ["clipped", "contact_text", "count_cell", "health_cell", "money_text", "user_text"]

_EIGHTHS = " ▏▎▍▌▋▊▉█"
_BAR = 5
_EPOCH = pendulum.datetime(2000, 1, 1)


def health_cell(score: int) -> Text:
    """``72 ███▋ ``: the number and a five-cell bar in the colour of its health."""
    style = health_style(score)
    eighths = round(max(0, min(100, score)) * _BAR * 8 / 100)
    full, rest = divmod(eighths, 8)
    bar = "█" * full + (_EIGHTHS[rest] if rest else "")
    cell = Text(f"{score:>3} ", style=f"bold {style}")
    cell.append(bar.ljust(_BAR), style=style)
    return cell


def user_text(text: str) -> Text:
    """Text someone typed, shown literally; cut with "…" where its column ends."""
    return clipped(safe(text))


def clipped(cell: Text) -> Text:
    cell.no_wrap = True
    cell.overflow = "ellipsis"
    return cell


def count_cell(n: int, style: str) -> Text:
    """A count, or nothing when it is zero: empty cells let the real ones stand out."""
    return Text(str(n), style=style) if n else Text("")


@lru_cache(maxsize=4096)
def money_text(amount: Decimal, currency: str, locale: str) -> str:
    return money(amount, currency, locale)


@lru_cache(maxsize=1024)
def _days_ago(days: int, locale: str) -> str:
    if days <= 0:
        return t("board.today", locale)
    return ago(_EPOCH, _EPOCH.add(days=days), locale)


def contact_text(last: pendulum.DateTime | None, now: pendulum.DateTime, locale: str) -> str:
    """``today``, ``3 days ago``, ``1 month ago`` (by the calendar day in ``now``'s zone)."""
    if last is None:
        return t("board.never", locale)
    days = (now.date() - last.in_timezone(now.timezone or "UTC").date()).days
    return _days_ago(days, locale)
