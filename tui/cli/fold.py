"""``rapport fold``: the journal folded into the book file now (``model.journal``).

A fold parses and rewrites the whole book: a second or more from about 4 MiB on a
loaded machine (16 MiB is a 100k-interaction book), so there a terminal shows a bar
per stage (``tui.cli.progress``); a script sees nothing on stderr but errors.
"""

from __future__ import annotations

import os
import sys

import click

from model import t
from model.journal import journals
from model.receipt import Receipt
from tui.cli.context import Context, pass_context, refusing
from tui.cli.progress import Bars

__all__ = ["BARS_FROM", "fold"]

#: Book file and journals together from this size on, a fold shows its progress.
BARS_FROM = 4 * 1024 * 1024


def _bars(c: Context) -> Bars | None:
    if not sys.stderr.isatty():
        return None
    size = 0
    for path in (c.db, *journals(c.db)):
        try:
            size += os.stat(path).st_size
        except OSError:
            continue
    return Bars(c) if size >= BARS_FROM else None


class _TranslatedHelp(click.Command):
    """``--help`` in the language of ``--locale`` (the group has run by then)."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        found = ctx.find_object(Context)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(t("cli.fold.help", found.locale if found else "en"))


@click.command(cls=_TranslatedHelp, short_help="Fold the journal into the book file now.")
@pass_context
@refusing
def fold(c: Context, /) -> None:
    progress = _bars(c)
    try:
        lines = c.book.fold(progress=progress)
    finally:
        if progress is not None:
            progress.close()
    key = "store.folded" if lines else "store.fold_nothing"
    c.done(Receipt(key, {"lines": lines, "path": str(c.db)}))
