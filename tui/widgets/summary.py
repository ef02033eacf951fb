"""The lines around the board that say where things stand.

* the summary: clients per state, overdue money per currency, thanks owed, today;
* the filter line: what the board is narrowed to, always visible while it is;
* the status line: why the book cannot be read or written right now.

Each is one line when there is room and wraps between its parts when not.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from model import BoardFilter, BookTooNew, RapportError, State, Summary, t
from tui.formats import STATE_STYLES, money, themed
from tui.locale import locale_of
from tui.safe_text import safe

__all__ = ["FilterLine", "InfoLine", "StatusLine", "SummaryLine", "filter_parts", "summary_parts"]

_GAP = "   "


def summary_parts(summary: Summary, locale: str) -> list[Text]:
    parts = []
    for state in State:
        if state is State.ENDED:
            continue
        count = summary.per_state.get(state, 0)
        part = Text("● ", STATE_STYLES[state] if count else "dim")
        part.append(f"{t(f'state.{state.value}', locale)} {count}", "" if count else "dim")
        parts.append(part)
    amounts = " + ".join(money(a, cur, locale) for cur, a in sorted(summary.overdue.items()))
    if amounts:
        parts.append(
            Text(t("board.summary.overdue", locale, amounts=amounts), themed("error", bold=True))
        )
    else:
        parts.append(Text(t("board.summary.no_overdue", locale), "dim"))
    parts.append(Text(t("board.summary.thanks", locale, count=summary.thanks_owed)))
    today = summary.today.format(t("board.summary.date_format", locale), locale=locale)
    parts.append(Text(today, "bold"))
    return parts


def filter_parts(board_filter: BoardFilter, typed: str, locale: str) -> list[Text]:
    """What narrows the board, in words; empty when nothing does."""
    f = board_filter
    words = []
    if f.states:
        names = ", ".join(t(f"state.{s.value}", locale) for s in f.states)
        words.append(t("board.filter.states", locale, states=names))
    if f.tags:
        words.append(t("board.filter.tags", locale, tags=", ".join(f.tags)))
    for flag in ("overdue", "open_issues", "owed_thanks", "include_ended"):
        if getattr(f, flag):
            words.append(t(f"board.filter.{flag}", locale))
    if f.search:
        words.append(t("board.filter.search", locale, text=f.search))
    if typed:
        words.append(t("board.filter.typed", locale, text=typed))
    if not words:
        return []
    return [Text(t("board.filter.title", locale), "bold"), *map(safe, words)]


def _wrap(parts: list[Text], width: int) -> Text:
    """Parts on one line, or on as few lines as fit, never breaking inside a part."""
    out = Text()
    line = 0
    for part in parts:
        if line and line + len(_GAP) + part.cell_len > width:
            out.append("\n")
            line = 0
        elif line:
            out.append(_GAP)
            line += len(_GAP)
        out.append_text(part)
        line += part.cell_len
    return out


class InfoLine(Widget):
    DEFAULT_CSS = "InfoLine { height: auto; padding: 0 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.locale = locale_of(self)
        self.parts: list[Text] = []

    def render(self) -> Text:
        return _wrap(self.parts, max(self.size.width, 20))

    def _set(self, parts: list[Text]) -> None:
        self.parts = parts
        self.display = bool(parts)
        self.refresh(layout=True)


class SummaryLine(InfoLine):
    def show(self, summary: Summary) -> None:
        self._set(summary_parts(summary, self.locale))

    def show_parts(self, parts: Sequence[Text]) -> None:
        """Parts made before (the first screen kept from the last run)."""
        self._set(list(parts))


class FilterLine(InfoLine):
    def show(self, board_filter: BoardFilter, typed: str) -> None:
        parts = filter_parts(board_filter, typed, self.locale)
        if parts:
            parts.append(Text(t("board.filter.hint", self.locale), "dim italic"))
        self._set(parts)


class StatusLine(InfoLine):
    """Says why the book cannot be read or written; hidden while all is well.

    It also keeps the trouble it shows: while the book cannot be read (or is
    read-only, written by a newer Rapport) the board writes nothing, and
    :meth:`refusal` says why in a notice.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.trouble: str | None = None
        self.read_only = False

    def show(self, text: str | None, *, error: bool = True) -> None:
        self.set_class(error, "-error")
        self._set([] if text is None else [safe(text)])

    def unreadable(self, error: RapportError) -> None:
        """The book cannot be read (or only read): say why; writes wait."""
        self.read_only = isinstance(error, BookTooNew)
        key = "board.status.read_only" if self.read_only else "board.status.unreadable"
        self.set_trouble(t(key, self.locale, error=error.render(self.locale)))

    def set_trouble(self, text: str | None) -> None:
        """Say why the book cannot be read (``None``: it can); writes wait until it can."""
        self.trouble = text
        self.show(text)

    def clear(self) -> None:
        self.read_only = False
        self.set_trouble(None)

    def refusal(self) -> str | None:
        """Why nothing can be written now, politely; ``None`` when all is well."""
        if self.read_only:
            return t("board.refuse.read_only", self.locale)
        if self.trouble is not None:
            return t("board.refuse.trouble", self.locale)
        return None
