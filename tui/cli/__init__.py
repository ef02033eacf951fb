"""The ``rapport`` command: the board with no sub-command, one-liners with one.

Sub-commands never import textual, so that ``rapport quick`` from another
terminal starts fast; the board is imported only when it is opened.  Every
refusal is one line on stderr: exit status 2 for bad input (nothing written),
1 for a runtime failure (see :func:`tui.cli.context.exit_status`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from model import LOCALES, Receipt
from tui.cli.context import STATES, Context, echo, pass_context, refusing, yes_option
from tui.cli.core import open_context
from tui.cli.lazy import LazyGroup
from tui.cli.topics import TOPICS

if TYPE_CHECKING:
    from model import BoardFilter

# Each command by name and where it lives, imported when it runs (tui/cli/lazy.py):
# adding a command is one line here.
COMMANDS = {
    "quick": "tui.cli.quick:quick",
    "client": "tui.cli.clients:client",
    "client delete": "tui.cli.correct:client_delete",
    "today": "tui.cli.today:today",
    "search": "tui.cli.today:search",
    "delete": "tui.cli.correct:delete",
    "edit": "tui.cli.correct:edit",
    "redo": "tui.cli.correct:redo",
    "merge": "tui.cli.sync:merge",
    "merge-driver": "tui.cli.sync:merge_driver",
    "sync": "tui.cli.sync:sync",
    "fold": "tui.cli.fold:fold",
    "import": "tui.cli.exchange:import_",
    "export": "tui.cli.exchange:export",
    "serve": "tui.cli.serve:serve",
    "report": "tui.cli.report:report",
}

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


_GROUP_FILTERS = "rapport.filters"


def make_filter(**kw: Any) -> BoardFilter:
    from model import BoardFilter, State

    return BoardFilter(
        states=tuple(State(s) for s in kw["states"]),
        tags=tuple(kw["tags"]),
        overdue=kw["overdue"],
        open_issues=kw["open_issues"],
        owed_thanks=kw["owed_thanks"],
        search=kw["search"],
        include_ended=kw["include_ended"],
    )


EXIT_STATUS = """\b
Exit status: 0 done; 2 bad input or usage (nothing written);
1 runtime failure (book damaged or too new, write failed, lock not obtained).
Help topics: rapport help quicklog|dates|amounts|files|sync
"""


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_STATUS,
)
@click.version_option(package_name="rapport", prog_name="rapport", message="%(prog)s %(version)s")
@click.option(
    "--db",
    envvar="RAPPORT_DB",
    type=click.Path(dir_okay=False),
    help="The book file (env RAPPORT_DB).",
)
@click.option(
    "--locale", type=click.Choice(LOCALES), help="Language: en or de (env RAPPORT_LOCALE)."
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing when a write succeeded.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (errors too, on stderr).")
@click.option("--now", envvar="RAPPORT_NOW", hidden=True, help="Pretend it is this moment (tests).")
@filter_options
@click.pass_context
def main(
    ctx: click.Context,
    /,
    db: str | None,
    locale: str | None,
    quiet: bool,
    as_json: bool,
    now: str | None,
    **filters: Any,
) -> None:
    """Rapport: every client relationship in view, strained first.

    With no sub-command it opens the board, filtered by the options given.

    \b
    Example:
      rapport --state strained --overdue
      rapport quick "acme call talked about the Q1 budget"
    """
    ctx.obj = open_context(db, locale, now, quiet=quiet, as_json=as_json)
    if ctx.invoked_subcommand is None:
        open_board(ctx.obj, make_filter(**filters))
    elif any(filters.values()):
        # ``rapport --search cafe list`` filters the list; on any other command a filter
        # would be ignored without a word, so it is refused.
        if ctx.invoked_subcommand != "list":
            raise click.UsageError(ctx.obj.say("cli.filter_without_board"))
        ctx.meta[_GROUP_FILTERS] = filters


@refusing
def open_board(c: Context, /, board_filter: BoardFilter) -> None:
    # textual-serve (rapport serve) runs the board on pipes, with its web driver
    served = bool(os.environ.get("TEXTUAL_DRIVER"))
    if not served and not (sys.stdin and sys.stdin.isatty() and sys.stdout and sys.stdout.isatty()):
        click.echo(c.say("cli.board_needs_terminal"), err=True)
        sys.exit(2)
    from tui.app import make_app
    from tui.board_config import configure

    app = make_app(c.book, c.now, locale=c.locale, board_filter=board_filter)
    configure(app, c.config)
    app.run()


@main.command("list")
@filter_options
@pass_context
@refusing
def list_(c: Context, /, **filters: Any) -> None:
    """The board as a table or JSON.

    \b
    Example:
      rapport list --state strained --overdue
      rapport list --json --tag retail
    """
    from tui.cli.listing import board_json, board_table

    now = c.now()
    given = click.get_current_context().meta.get(_GROUP_FILTERS, {})
    filters = {name: value or given.get(name, value) for name, value in filters.items()}
    rows = c.book.board(now, make_filter(**filters))
    if c.as_json:
        c.emit({"clients": board_json(rows, c.locale)})
    else:
        echo(board_table(rows, now, c.locale, book_empty=not rows and not c.book.clients()))


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
@yes_option
@pass_context
@refusing
def demo(c: Context, /, clients: int, interactions: int, seed: int, force: bool, yes: bool) -> None:
    """Write a realistic demo book into --db.

    Replacing a book that has clients takes --force; on a terminal it asks
    first, in a script add --yes.

    \b
    Example:
      rapport demo --clients 1000 --interactions 100000 --db /tmp/demo.json
    """
    from model.demo import before_demo_path, build_demo
    from tui.cli.progress import bars

    if force and c.book.clients():
        # A slip of the hand must not replace a real book: ask, on a terminal.
        kept = before_demo_path(c.book)
        c.confirm(c.say("cli.demo_confirm", path=str(c.db), kept=str(kept)), yes)
    progress = bars(c, interactions)
    try:
        build_demo(
            c.book,
            c.now(),
            clients=clients,
            interactions=interactions,
            seed=seed,
            replace=force,
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.close()
    params = {"clients": clients, "interactions": interactions, "path": str(c.db)}
    c.done(Receipt("cli.demo_done", params))


@main.command("help")
@click.argument("topic", required=False)
@click.pass_context
def help_(ctx: click.Context, /, topic: str | None) -> None:
    """Explain a topic (quicklog, dates, amounts, files, sync) or a command.

    \b
    Example:
      rapport help quicklog
      rapport help quick
      rapport --locale de help dates
    """
    c = ctx.find_object(Context)
    assert c is not None
    command = main.get_command(ctx, topic) if topic else None
    if topic in TOPICS:
        click.echo(c.say(f"cli.topic.{topic}"))
    elif command is not None:
        click.echo(command.get_help(click.Context(command, info_name=topic, parent=ctx.parent)))
    elif topic is None:
        click.echo(c.say("cli.topic.list"))
        for name in TOPICS:
            click.echo(f"  {name:<10} {c.say(f'cli.topic.{name}.title')}")
    else:
        raise click.UsageError(c.say("cli.topic.unknown", topic=topic, topics=", ".join(TOPICS)))
