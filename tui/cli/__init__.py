"""The ``rapport`` command: the board with no sub-command, one-liners with one.

Sub-commands never import textual, so that ``rapport quick`` from another
terminal starts fast; the board is imported only when it is opened.  Every
refusal is one line on stderr and exit status 2, with nothing written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click
import orjson

from model import LOCALES, BoardFilter, State
from tui.cli.clients import ask_reflection, client
from tui.cli.context import STATES, Context, RapportGroup, pass_context, refusing
from tui.cli.correct import client_delete, delete, edit, redo
from tui.cli.sync import merge, merge_driver, sync

F = TypeVar("F", bound=Callable[..., Any])


def filter_options(fn: F) -> F:
    """The board's filters, shared by ``rapport`` and ``rapport list``."""
    options = [
        click.option(
            "--state",
            "states",
            multiple=True,
            type=click.Choice(STATES),
            help="Only clients in this state (repeatable).",
        ),
        click.option(
            "--tag", "tags", multiple=True, help="Only clients with this tag (repeatable)."
        ),
        click.option("--overdue", is_flag=True, help="Only clients with overdue payments."),
        click.option("--open-issues", is_flag=True, help="Only clients with open issues."),
        click.option("--owed-thanks", is_flag=True, help="Only clients owed a thank-you."),
        click.option(
            "--search", default="", help="Only clients whose name, id or tag contains TEXT."
        ),
        click.option("--include-ended", is_flag=True, help="Show ended clients too."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def make_filter(**kw: Any) -> BoardFilter:
    return BoardFilter(
        states=tuple(State(s) for s in kw["states"]),
        tags=tuple(kw["tags"]),
        overdue=kw["overdue"],
        open_issues=kw["open_issues"],
        owed_thanks=kw["owed_thanks"],
        search=kw["search"],
        include_ended=kw["include_ended"],
    )


@click.group(
    cls=RapportGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    envvar="RAPPORT_DB",
    type=click.Path(dir_okay=False),
    help="The book file (env RAPPORT_DB).",
)
@click.option(
    "--locale", type=click.Choice(LOCALES), help="Language: en or de (env RAPPORT_LOCALE)."
)
@click.option("--now", envvar="RAPPORT_NOW", hidden=True, help="Pretend it is this moment (tests).")
@filter_options
@click.pass_context
def main(
    ctx: click.Context, db: str | None, locale: str | None, now: str | None, **filters: Any
) -> None:
    """Rapport: every client relationship in view, strained first.

    With no sub-command it opens the board, filtered by the options given.

    \b
    Example:
      rapport --state strained --overdue
      rapport quick "acme call talked about the Q1 budget"
    """
    ctx.obj = Context(db, locale, now)
    if ctx.invoked_subcommand is None:
        open_board(ctx.obj, make_filter(**filters))


@refusing
def open_board(c: Context, board_filter: BoardFilter) -> None:
    from tui.app import make_app

    make_app(c.book, c.now, locale=c.locale, board_filter=board_filter).run()


@main.command()
@click.argument("words", nargs=-1, required=True)
@pass_context
@refusing
def quick(c: Context, words: tuple[str, ...]) -> None:
    """Log one line in the quick-log language.

    \b
    Examples:
      rapport quick "acme call talked about the Q1 budget"
      rapport quick "acme issue!! landing page outside the scope #scope_creep"
      rapport quick "acme invoice 2026-017 1.250,50 EUR due 2026-12-24"
      rapport quick "acme paid 2026-017"
      rapport quick "acme thanks handwritten card after launch by 2026-12-01"
      rapport quick "acme kudos 'Maren, ich liebe dich!' from Maren"
      rapport quick "acme state strained contact person changed"
    """
    from model import quicklog

    command = quicklog.parse(join_words(words), c.now())
    if isinstance(command, quicklog.ChangeState) and command.state is State.ENDED:
        reflection = ask_reflection(c, State.ENDED, stop=None, pause=None, play=None)
        c.done(
            c.book.change_state(
                command.client, command.state, command.when, command.note, reflection
            )
        )
    else:
        c.done(c.book.apply(command))


def join_words(words: tuple[str, ...]) -> str:
    """The line as typed: a word the shell kept whole (``"ACME GmbH"``) stays quoted."""
    return " ".join(
        f'"{w}"' if len(words) > 1 and any(ch.isspace() for ch in w) else w for w in words
    )


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@filter_options
@pass_context
@refusing
def list_(c: Context, as_json: bool, **filters: Any) -> None:
    """The board as a table or JSON.

    \b
    Example:
      rapport list --state strained --overdue
      rapport list --json --tag retail
    """
    from tui.cli.listing import board_json, board_table

    now = c.now()
    rows = c.book.board(now, make_filter(**filters))
    if as_json:
        click.echo(orjson.dumps(board_json(rows, c.locale), option=orjson.OPT_INDENT_2).decode())
    else:
        click.echo(board_table(rows, now, c.locale))


@main.command()
@pass_context
@refusing
def undo(c: Context) -> None:
    """Take back the last change, from whichever terminal it came.

    \b
    Example:
      rapport undo
    """
    c.done(c.book.undo())


@main.command()
@click.option("--clients", default=24, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--interactions", default=400, show_default=True, type=click.IntRange(0, 10_000_000))
@click.option("--seed", default=7, show_default=True, type=int)
@click.option("--force", is_flag=True, help="Replace a book that already has clients.")
@pass_context
@refusing
def demo(c: Context, clients: int, interactions: int, seed: int, force: bool) -> None:
    """Write a realistic demo book into --db.

    \b
    Example:
      rapport --db /tmp/demo.json demo --clients 1000 --interactions 100000
    """
    from model.demo import build_demo

    if c.book.clients() and not force:
        click.echo(c.say("cli.demo_refused", path=str(c.db)), err=True)
        sys.exit(2)
    build_demo(
        c.book, c.now(), clients=clients, interactions=interactions, seed=seed, replace=force
    )
    click.echo(c.say("cli.demo_done", clients=clients, interactions=interactions, path=str(c.db)))


main.add_command(client)
main.add_command(delete)
main.add_command(edit)
main.add_command(redo)
client.add_command(client_delete)
main.add_command(merge)
main.add_command(merge_driver)
main.add_command(sync)
