"""What every ``rapport`` sub-command shares: the book, the clock, the language.

Also the two ways the command line refuses: the model's refusals and click's
usage errors both become one line on stderr and exit status 2, nothing written.
"""

from __future__ import annotations

import functools
import itertools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
import pendulum

from model import LOCALES, Book, RapportError, Receipt, State, default_locale, t
from model.i18n import register
from tui.cli import texts as _messages

__all__ = [
    "STATES",
    "Context",
    "RapportGroup",
    "complete_client",
    "default_db",
    "pass_context",
    "refusing",
]

register(_messages.EN, _messages.DE)

F = TypeVar("F", bound=Callable[..., Any])
STATES = [s.value for s in State]


class Context:
    """What every sub-command needs: the book, the clock and the language."""

    def __init__(self, db: str | None, locale: str | None, now: str | None) -> None:
        self.db = Path(db) if db else default_db()
        self.locale = locale or default_locale()
        self.fixed_now = pendulum.parse(now) if now else None

    def now(self) -> pendulum.DateTime:
        fixed = self.fixed_now
        return fixed if isinstance(fixed, pendulum.DateTime) else pendulum.now()

    @functools.cached_property
    def book(self) -> Book:
        return Book(self.db, on_fold=self.folded)

    def folded(self, receipt: Receipt) -> None:
        """A conflict copy was folded in (or left alone): said on stderr, not in the output."""
        click.echo(receipt.render(self.locale), err=True)

    def say(self, key: str, **params: Any) -> str:
        return t(key, self.locale, **params)

    def fail(self, error: RapportError) -> NoReturn:
        click.echo(self.say("cli.error", message=error.render(self.locale)), err=True)
        sys.exit(2)

    def done(self, receipt: Receipt | None) -> None:
        text = receipt.render(self.locale) if receipt else self.say("book.nothing_to_undo")
        click.echo(text)


def default_db() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("rapport")) / "book.json"


def refusing(fn: F) -> F:
    """Turn the model's refusals into one line and exit status 2."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except RapportError as error:
            click.get_current_context().find_object(Context).fail(error)  # type: ignore[union-attr]

    return wrapper  # type: ignore[return-value]


def complete_client(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[str]:
    root = ctx.find_root().params
    try:
        book = Book(Path(root["db"]) if root.get("db") else default_db())
        return [c.id for c in book.clients() if c.id.startswith(incomplete)]
    except (RapportError, OSError):
        return []


class RapportGroup(click.Group):
    """Click's usage errors as one line on stderr, like every other refusal."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.Abort:
            sys.exit(1)
        except click.ClickException as error:
            argv = kwargs.get("args") or (args[0] if args else None) or sys.argv[1:]
            locale = _locale_from(list(argv))
            click.echo(t("cli.usage_error", locale, message=error.format_message()), err=True)
            sys.exit(error.exit_code)


def _locale_from(argv: list[str]) -> str:
    """The language asked for, read by hand: the error came before click parsed it."""
    for flag, value in itertools.pairwise(argv):
        if flag == "--locale" and value in LOCALES:
            return value
    return default_locale()


pass_context = click.make_pass_decorator(Context)
