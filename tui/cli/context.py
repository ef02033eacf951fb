"""What every ``rapport`` sub-command shares: the book, the clock, the language.

Also the ways the command line refuses: the model's refusals and click's usage
errors become one line on stderr, exit status 2 for what was typed and 1 for a
runtime failure (a damaged book, a failed write, a lock held too long).  Every
line goes out through :func:`echo`, which shows control characters instead of
letting the terminal obey them: a client's name may hold an escape sequence.
"""

from __future__ import annotations

import errno
import functools
import itertools
import os
import sys
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
import pendulum

from model import LOCALES, Book, RapportError, Receipt, State, default_locale, t
from model.i18n import register
from model.printable import json_text, terminal
from tui.cli import texts as _messages

__all__ = [
    "STATES",
    "Context",
    "RapportGroup",
    "complete_client",
    "default_db",
    "echo",
    "echo_json",
    "echo_safe",
    "pass_context",
    "refusing",
]

register(_messages.EN, _messages.DE)

F = TypeVar("F", bound=Callable[..., Any])
STATES = [s.value for s in State]


class Context:
    """What every sub-command needs: the book, the clock and the language."""

    def __init__(self, db: str | None, locale: str | None, now: str | None) -> None:
        self.locale = locale or default_locale()
        self.db = book_path(db, self.locale)
        self.fixed_now = fixed_now(now, self.locale) if now else None

    def now(self) -> pendulum.DateTime:
        return self.fixed_now or pendulum.now()

    @functools.cached_property
    def book(self) -> Book:
        return Book(self.db, notice=self.notice)

    def notice(self, key: str, params: dict[str, Any]) -> None:
        """What the book says that is no error (waiting for a lock, read-only): stderr."""
        echo(self.say(key, **params), err=True)

    def say(self, key: str, **params: Any) -> str:
        return t(key, self.locale, **params)

    def fail(self, error: RapportError) -> NoReturn:
        echo(self.say("cli.error", message=error.render(self.locale)), err=True)
        sys.exit(error.exit_status)

    def done(self, receipt: Receipt | None) -> None:
        """Print what a write did; the write is done, so a failing stdout must not undo that."""
        if receipt is None:
            echo(self.say("book.nothing_to_undo"))
        else:
            self.saved(receipt.render(self.locale))

    def saved(self, text: str) -> None:
        """Print ``text`` about a write that is done: a failing stdout says it was saved."""
        try:
            echo(text)
        except OSError as error:
            _quiet_stdout()
            echo(self.say("cli.saved_unprinted", reason=error.strerror or str(error)), err=True)
            sys.exit(0)


def echo(text: str, *, err: bool = False) -> None:
    """The one way the command line prints: user text shown, never obeyed."""
    click.echo(terminal(text), err=err)


def echo_safe(text: str) -> str:
    """``text`` as :func:`echo` would print it, for click's prompts."""
    return terminal(text)


def echo_json(text: str) -> None:
    """JSON exactly as encoded, with what a terminal would obey spelled as escapes."""
    click.echo(json_text(text))


def book_path(given: str | None, locale: str = "en") -> Path:
    """``--db`` / ``RAPPORT_DB`` with ``~`` and ``$VARS`` expanded; empty is refused.

    ``--db "$BOOK"`` with ``BOOK`` unset must not quietly open the default book.
    """
    if given is None and os.environ.get("RAPPORT_DB") == "":
        given = ""
    if given is None:
        return default_db()
    if not given.strip():
        raise click.UsageError(t("cli.db_empty", locale))
    return Path(os.path.expanduser(os.path.expandvars(given)))


def fixed_now(text: str, locale: str = "en") -> pendulum.DateTime:
    """``--now`` / ``RAPPORT_NOW``: a moment within the years the book can count in."""
    try:
        parsed = pendulum.parse(text)
    except (ValueError, OverflowError, TypeError) as error:
        raise click.UsageError(t("cli.now_bad", locale, now=text)) from error
    if not isinstance(parsed, pendulum.DateTime) or not 1970 <= parsed.year <= 2999:
        raise click.UsageError(t("cli.now_bad", locale, now=text))
    return parsed


def _quiet_stdout() -> None:
    """Send what is left for stdout to /dev/null: Python would report it at exit again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


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
        book = Book(book_path(root.get("db")))
        return [c.id for c in book.clients() if c.id.startswith(incomplete)]
    except (RapportError, OSError, click.UsageError):
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
            echo(t("cli.usage_error", locale, message=error.format_message()), err=True)
            sys.exit(error.exit_code)
        except OSError as error:
            # Only output is left to fail here (the book's own errors are RapportErrors):
            # one line, exit 1, and no traceback for a closed pipe or a full disk.
            _quiet_stdout()
            if error.errno != errno.EPIPE:
                with suppress(OSError):
                    reason = error.strerror or str(error)
                    echo(t("cli.output_failed", default_locale(), reason=reason), err=True)
            sys.exit(1)


def _locale_from(argv: list[str]) -> str:
    """The language asked for, read by hand: the error came before click parsed it."""
    for flag, value in itertools.pairwise(argv):
        if flag == "--locale" and value in LOCALES:
            return value
    return default_locale()


pass_context = click.make_pass_decorator(Context)
