"""The ``rapport`` command: the board with no sub-command, one-liners with one.

Sub-commands never import textual, so that ``rapport quick`` from another
terminal starts fast; the board is imported only when it is opened.  Every
refusal is one line on stderr and exit status 2, with nothing written.
"""

from __future__ import annotations

import functools
import itertools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
import orjson
import pendulum

from model import (
    LOCALES,
    BoardFilter,
    Book,
    RapportError,
    Receipt,
    Reflection,
    State,
    default_locale,
    t,
)
from model.i18n import register
from tui.messages import cli as _messages

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
        return Book(self.db)

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


pass_context = click.make_pass_decorator(Context)


@main.group()
def client() -> None:
    """Add, list, show and edit clients."""


@client.command("add")
@click.argument("name")
@click.option("--id", "slug", help="The id to type (default: made from the name).")
@click.option("--state", type=click.Choice(STATES), default="new", show_default=True)
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--terms", type=int, default=30, show_default=True, help="Payment terms in days.")
@click.option("--cadence", type=int, default=30, show_default=True, help="Days between contacts.")
@click.option("--contact", "contacts", multiple=True, help='"Name <mail>" (repeatable).')
@click.option("--currency", default="EUR", show_default=True, help="ISO 4217 code.")
@click.option("--scope", default="", help="The agreed scope, in a few words.")
@click.option("--dream", is_flag=True, help="Mark as a dream client.")
@pass_context
@refusing
def client_add(c: Context, name: str, slug: str | None, state: str, **kw: Any) -> None:
    """Add a client.

    \b
    Example:
      rapport client add "ACME GmbH" --id acme --tag retail --contact "Maren Kruse <maren@acme.de>"
    """
    c.done(c.book.add_client(name, c.now(), id=slug, state=State(state), **kw))


@client.command("list")
@pass_context
@refusing
def client_list(c: Context) -> None:
    """List every client with its id and state.

    \b
    Example:
      rapport client list
    """
    for cl in c.book.clients():
        click.echo(f"{cl.id}\t{c.say(f'state.{cl.state.value}')}\t{cl.name}")


@client.command("show")
@click.argument("ref", shell_complete=complete_client)
@pass_context
@refusing
def client_show(c: Context, ref: str) -> None:
    """Show the whole file of one client, health reasons included.

    \b
    Example:
      rapport client show acme
    """
    from tui.listing import client_text

    click.echo(client_text(c.book.client_file(ref, c.now()), c.locale))


@client.command("edit")
@click.argument("ref", shell_complete=complete_client)
@click.option("--name")
@click.option("--tag", "tags", multiple=True, help="Replace the tags (repeatable).")
@click.option("--terms", type=int)
@click.option("--cadence", type=int)
@click.option("--contact", help='A new contact person "Name <mail>"; the current one steps back.')
@click.option("--currency")
@click.option("--scope")
@click.option("--dream/--no-dream", default=None)
@pass_context
@refusing
def client_edit(c: Context, ref: str, tags: tuple[str, ...], **kw: Any) -> None:
    """Change a client's details.

    \b
    Example:
      rapport client edit acme --cadence 14 --contact "Jonas Weber <jonas@acme.de>"
    """
    c.done(c.book.edit_client(ref, c.now(), tags=tags or None, **kw))


@client.command("state")
@click.argument("ref", shell_complete=complete_client)
@click.argument("state", type=click.Choice(STATES))
@click.option("--note", default="", help="Why, in a few words.")
@click.option("--stop", help="Ending: what to stop doing / what went wrong.")
@click.option("--pause", help="Ending: what to value today.")
@click.option("--play", help="Ending: what to take forward.")
@pass_context
@refusing
def client_state(c: Context, ref: str, state: str, note: str, **reflection: str | None) -> None:
    """Set the state of a relationship; ending asks for a Stop / Pause / Play reflection.

    \b
    Example:
      rapport client state acme ended --note "budget cut" --stop "..." --pause "..." --play "..."
    """
    chosen = State(state)
    c.done(c.book.change_state(ref, chosen, c.now(), note, ask_reflection(c, chosen, **reflection)))


def ask_reflection(c: Context, state: State, **given: str | None) -> Reflection | None:
    """Ending a client asks for the reflection; on a terminal, by prompting."""
    if state is not State.ENDED:
        return None
    if any(v is not None for v in given.values()) or not sys.stdin.isatty():
        return Reflection(**{k: v or "" for k, v in given.items()})
    click.echo(c.say("cli.reflection_intro"))
    return Reflection(
        **{
            k: click.prompt(c.say(f"cli.reflection_{k}"), default="", show_default=False)
            for k in given
        }
    )


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
    from tui.listing import board_json, board_table

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
