"""The board's first screen, kept from the last run: painted before the book is parsed.

Parsing a 100,000-interaction book and computing every client's health takes the
better part of a second; the first screenful of rows, the summary and the panes'
counts of the last run take a few kilobytes.  The board writes them here when it
has been idle a moment and when it quits, and paints them at once on the next
start; the live rows replace them as soon as the book is read.

Why the board writes it and not the fold: a small book folds on every write, so
computing the board there would slow ``rapport quick`` down for a screen that only
the board reads.  A first screen from a run a day ago is shown for well under a
second and then replaced, like the last frame of a film before the next one.

The file lies in the book's state folder (:func:`model.identity.book_state_dir`),
private (0600) and written whole (temp file, rename).  It is never trusted
blindly: one of another book, another language, another version, or one that
cannot be read is ignored; cells are rich ``Text`` rebuilt from plain text and
style names, never parsed as markup, and their text goes through
:func:`model.printable.printable` again, so nothing in the file reaches the
terminal as markup or control.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.errors import StyleSyntaxError
from rich.style import Style
from rich.text import Span, Text

from model.bookfile import private_folder
from model.identity import book_state_dir
from model.printable import printable
from tui.widgets.table import RowView

__all__ = ["PANE_ROWS", "ROWS", "FirstScreen", "keep", "load", "path_of", "save"]

VERSION = 1
ROWS = 60
"""Rows of the board kept: more than a tall terminal shows."""
PANE_ROWS = 20
"""Rows of each pane kept: the panes share the screen's lower part (and loading the
first screen is part of the first paint: 240 pane rows took 30 ms of it)."""
_NAME = "board-first-screen.json"
_JUSTIFY = {None, "default", "left", "center", "right", "full"}
_OVERFLOW = {None, "fold", "crop", "ellipsis", "ignore"}


@dataclass(frozen=True)
class FirstScreen:
    """What the board showed: the first rows, the summary, the panes' rows and counts.

    Its rows carry no data (``RowView.data`` is ``None``): they are to look at, and
    the board acts on nothing until the live rows have replaced them.
    """

    book: str
    """The book's real path: a first screen of another book is not shown."""
    locale: str
    revenue: bool
    board: tuple[RowView[None], ...]
    summary: tuple[Text, ...]
    panes: Mapping[str, tuple[RowView[None], ...]]
    counts: Mapping[str, int]
    """How many rows each pane had in all (its title's count)."""

    def fits(self, book: os.PathLike[str], locale: str, revenue: bool) -> bool:
        return (self.book, self.locale, self.revenue) == (_real(book), locale, revenue)


def path_of(book: os.PathLike[str]) -> Path:
    return book_state_dir(Path(book)) / _NAME


def _real(book: os.PathLike[str]) -> str:
    return os.path.realpath(book)


def keep(
    book: os.PathLike[str],
    locale: str,
    revenue: bool,
    board: Sequence[RowView[Any]],
    summary: Sequence[Text],
    panes: Mapping[str, Sequence[RowView[Any]]],
) -> FirstScreen:
    """The first screen of what is on the board now (its first :data:`ROWS` rows, and
    :data:`PANE_ROWS` of each pane)."""

    def bare(views: Sequence[RowView[Any]], rows: int) -> tuple[RowView[None], ...]:
        return tuple(RowView(v.key, v.cells, None) for v in views[:rows])

    return FirstScreen(
        _real(book),
        locale,
        revenue,
        bare(board, ROWS),
        tuple(summary),
        {name: bare(views, PANE_ROWS) for name, views in panes.items()},
        {name: len(views) for name, views in panes.items()},
    )


# -- the file ----------------------------------------------------------------------------


def _cell(text: Text) -> list[Any]:
    spans = [[s.start, s.end, str(s.style)] for s in text.spans]
    return [text.plain, str(text.style), text.justify, text.overflow, text.no_wrap, spans]


def _text(raw: Any) -> Text:
    plain, style, justify, overflow, no_wrap, spans = raw
    if not (isinstance(plain, str) and isinstance(style, str) and no_wrap in (None, True, False)):
        raise ValueError("not a cell")
    if justify not in _JUSTIFY or overflow not in _OVERFLOW:
        raise ValueError("not a cell")
    text = Text(printable(plain), Style.parse(style), justify=justify, overflow=overflow)
    text.no_wrap = no_wrap
    for start, end, span_style in spans:
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(span_style, str)):
            raise ValueError("not a span")
        text.spans.append(Span(start, end, Style.parse(span_style)))
    return text


def _rows(views: Sequence[RowView[None]]) -> list[Any]:
    return [[v.key, [_cell(c) for c in v.cells]] for v in views]


def _views(raw: Any) -> tuple[RowView[None], ...]:
    views = []
    for key, cells in raw:
        if not isinstance(key, str):
            raise ValueError("not a key")
        views.append(RowView(key, tuple(_text(c) for c in cells), None))
    return tuple(views)


def save(first: FirstScreen, path: Path) -> None:
    """Write ``first`` to ``path`` whole (temp file, rename), 0600; an error is let go:
    the next start only paints a little later."""
    body = {
        "version": VERSION,
        "book": first.book,
        "locale": first.locale,
        "revenue": first.revenue,
        "board": _rows(first.board),
        "summary": [_cell(part) for part in first.summary],
        "panes": {name: _rows(views) for name, views in first.panes.items()},
        "counts": dict(first.counts),
    }
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with suppress(OSError):
        private_folder(path.parent)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        with os.fdopen(fd, "wb") as file:
            os.fchmod(fd, 0o600)  # another user's umask cannot make it readable to others
            file.write(data)
        os.replace(temp, path)
    with suppress(OSError):
        temp.unlink(missing_ok=True)


def load(path: Path) -> FirstScreen | None:
    """The first screen kept at ``path``, or ``None`` when there is none that can be read."""
    try:
        with open(path, "rb") as file:
            raw = json.loads(file.read(4 * 1024 * 1024))
        if not isinstance(raw, dict) or raw.get("version") != VERSION:
            return None
        book, locale, revenue = raw["book"], raw["locale"], raw["revenue"]
        if not (isinstance(book, str) and isinstance(locale, str) and isinstance(revenue, bool)):
            return None
        counts = {str(name): int(n) for name, n in raw["counts"].items()}
        panes = {str(name): _views(rows) for name, rows in raw["panes"].items()}
        summary = tuple(_text(part) for part in raw["summary"])
        return FirstScreen(book, locale, revenue, _views(raw["board"]), summary, panes, counts)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, StyleSyntaxError):
        return None
