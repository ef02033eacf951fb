"""``rapport fold``: the journal folded into the book file now (``model.journal``)."""

from __future__ import annotations

import click

from model import t
from model.receipt import Receipt
from tui.cli.context import Context, pass_context, refusing

__all__ = ["fold"]


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
    lines = c.book.fold()
    key = "store.folded" if lines else "store.fold_nothing"
    c.done(Receipt(key, {"lines": lines, "path": str(c.db)}))
