"""Commands whose ``--help`` speaks the reader's language.

click reads a command's help from its docstring, in one language; a
:class:`Localized` command looks its texts up in the catalogs instead, as
``cli.help.<command>`` and ``cli.help.<command>.<option>``, when help is shown.
"""

from __future__ import annotations

import click

from model import default_locale, t

__all__ = ["Localized"]


def _locale(ctx: click.Context) -> str:
    from tui.cli.context import Context

    c = ctx.find_object(Context)
    return c.locale if c is not None else default_locale()


class Localized(click.Command):
    def _translate(self, locale: str) -> None:
        key = f"cli.help.{self.name}"
        self.help = t(key, locale)
        for param in self.params:
            if isinstance(param, click.Option) and param.name is not None:
                found = t(f"{key}.{param.name}", locale)
                if found != f"{key}.{param.name}":
                    param.help = found

    def get_help(self, ctx: click.Context) -> str:
        self._translate(_locale(ctx))
        return super().get_help(ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        ctx = click.get_current_context(silent=True)
        self._translate(_locale(ctx) if ctx is not None else default_locale())
        return super().get_short_help_str(limit)
