"""Click's side of what every ``rapport`` sub-command shares (the rest, the
:class:`Context` and its output, is :mod:`tui.cli.core`, here under the same names).

The ways the command line refuses, each one line on stderr (one JSON object with
``--json``): bad input and click's usage errors exit 2 with nothing written; a
runtime failure (a damaged book, a failed write, a lock held too long) exits 1.
The options every sub-command takes after its name (``--db``, ``--locale``,
``--quiet``, ``--json``) are added by :class:`RapportGroup` to each command it holds.
"""

from __future__ import annotations

import functools
import itertools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from model import LOCALES, RapportError, State, default_locale, t
from tui.cli.core import (
    JSON_SCHEMA,
    Context,
    book_path,
    cli_texts,
    default_db,
    echo,
    echo_json,
    echo_safe,
    exit_status,
    output_failed,
    to_json,
)

__all__ = [
    "JSON_SCHEMA",
    "STATES",
    "Context",
    "RapportGroup",
    "complete_client",
    "default_db",
    "echo",
    "echo_json",
    "echo_safe",
    "exit_status",
    "pass_context",
    "refusing",
    "share_options",
    "to_json",
    "yes_option",
]

F = TypeVar("F", bound=Callable[..., Any])
STATES = [s.value for s in State]


def refusing(fn: F) -> F:
    """Turn the model's refusals into one line and their exit status (see :func:`exit_status`)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        c = click.get_current_context().find_object(Context)
        assert c is not None
        try:
            return fn(*args, **kwargs)
        except RapportError as error:
            c.fail(error)

    return wrapper  # type: ignore[return-value]


def _store(attr: str, convert: Callable[[Any], Any] = lambda v: v) -> Any:
    """A shared option's value lands in the Context, over what the group was given."""

    def callback(ctx: click.Context, /, _param: click.Parameter, value: Any) -> None:
        c = ctx.find_object(Context)
        if c is not None and value not in (None, False) and not ctx.resilient_parsing:
            setattr(c, attr, convert(value))

    return callback


def _shared() -> list[click.Option]:
    """Fresh options each time: click keeps a command's params, they must not be shared."""
    return [
        click.Option(
            ["--db"],
            type=click.Path(dir_okay=False),
            expose_value=False,
            callback=_store("db", book_path),
            help="The book file (env RAPPORT_DB).",
        ),
        click.Option(
            ["--locale"],
            type=click.Choice(LOCALES),
            expose_value=False,
            callback=_store("locale"),
            help="Language: en or de (env RAPPORT_LOCALE).",
        ),
        click.Option(
            ["--quiet", "-q"],
            is_flag=True,
            expose_value=False,
            callback=_store("quiet"),
            help="Print nothing when a write succeeded.",
        ),
        click.Option(
            ["--json", "as_json"],
            is_flag=True,
            expose_value=False,
            callback=_store("as_json"),
            help="Print JSON (errors too, on stderr).",
        ),
    ]


def share_options(command: click.Command) -> click.Command:
    """Give ``command`` (and a group's commands) the options every sub-command takes."""
    names = {p.name for p in command.params}
    command.params.extend(o for o in _shared() if o.name not in names)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            share_options(sub)
    return command


def yes_option(fn: F) -> F:
    return click.option("--yes", "-y", is_flag=True, help="Do it without asking (for scripts).")(fn)


def complete_client(ctx: click.Context, /, _param: click.Parameter, incomplete: str) -> list[str]:
    from model import Book

    root = ctx.find_root().params
    try:
        book = Book(book_path(root.get("db")))
        return [c.id for c in book.clients() if c.id.startswith(incomplete)]
    except (RapportError, OSError, click.UsageError):
        return []


class RapportGroup(click.Group):
    """Click's usage errors as one line on stderr, like every other refusal.

    Every command added gets the shared options, so ``rapport demo --db x.json``
    works as ``rapport --db x.json demo`` does.
    """

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(share_options(cmd), name)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        cli_texts(topics=True)  # the command line's texts, known from its start on
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
            if "--json" in argv:
                data = {"key": "cli.usage_error", "message": error.format_message(), "exit": 2}
                echo_json(to_json({"schema": JSON_SCHEMA, "error": data}, pretty=False), err=True)
            else:
                echo(t("cli.usage_error", locale, message=error.format_message()), err=True)
            sys.exit(error.exit_code)  # 2 for usage, 1 for click's own runtime errors
        except OSError as error:
            output_failed(error)


def _locale_from(argv: list[str]) -> str:
    """The language asked for, read by hand: the error came before click parsed it."""
    for flag, value in itertools.pairwise(argv):
        if flag == "--locale" and value in LOCALES:
            return value
    return default_locale()


pass_context = click.make_pass_decorator(Context)
