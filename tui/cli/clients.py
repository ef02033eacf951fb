"""``rapport client ...``: add, list, show, edit a client and set its state."""

from __future__ import annotations

import sys
from typing import Any

import click

from model import Reflection, State, needs_reflection
from tui.cli.context import (
    STATES,
    Context,
    complete_client,
    echo,
    pass_context,
    refusing,
    yes_option,
)
from tui.cli.lazy import LazyGroup

__all__ = ["ask_reflection", "client"]


@click.group(cls=LazyGroup)
def client() -> None:
    """Add, list, show and edit clients."""


@client.command("add")
@click.argument("name")
@click.option("--id", "slug", help="The id to type (default: made from the name).")
@click.option("--state", type=click.Choice(STATES), default="new", show_default=True)
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--terms", type=int, help="Payment terms in days (default: config.toml, else 30).")
@click.option(
    "--cadence",
    type=int,
    help="Days between contacts (default: by state, e.g. new 21; config.toml).",
)
@click.option("--contact", "contacts", multiple=True, help='"Name <mail>" (repeatable).')
@click.option("--currency", help="ISO 4217 code (default: config.toml, else EUR).")
@click.option("--scope", default="", help="The agreed scope, in a few words.")
@click.option("--dream", is_flag=True, help="Mark as a dream client.")
@pass_context
@refusing
def client_add(c: Context, /, name: str, slug: str | None, state: str, **kw: Any) -> None:
    """Add a client.

    \b
    Example:
      rapport client add "ACME GmbH" --id acme --tag retail --contact "Maren Kruse <maren@acme.de>"
    """
    # command line > RAPPORT_TERMS etc. > config.toml > built-in (merged in c.config)
    for setting in ("terms", "currency"):
        if kw[setting] is None:
            kw[setting] = getattr(c.config, setting)
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
    clients = c.book.clients()
    if c.as_json:
        rows = [
            {"id": x.id, "name": x.name, "state": x.state.value, "tags": x.tags} for x in clients
        ]
        c.emit({"clients": rows})
        return
    for cl in clients:
        echo(f"{cl.id}\t{c.say(f'state.{cl.state.value}')}\t{cl.name}")


@client.command("show")
@click.argument("ref", shell_complete=complete_client)
@pass_context
@refusing
def client_show(c: Context, /, ref: str) -> None:
    """Show the whole file of one client, health reasons included, each record with its ref.

    \b
    Example:
      rapport client show acme
      rapport client show acme --json
    """
    from tui.cli.listing import client_text
    from tui.cli.records import client_json
    from tui.cli.refs import Refs

    data = c.book.client_json(ref)
    file = c.book.client_file(ref, c.now())
    if c.as_json:
        # the records with their refs, and what the book reads from them (health, acts...)
        derived = client_json(file, c.locale)
        keep = ("health", "reasons", "suggestion", "needs_call", "cadence", "snoozed_until")
        data["client"].update({key: derived[key] for key in keep})
        data.setdefault("followups", derived["followups"])
        c.emit(data)
    else:
        echo(client_text(file, c.locale, Refs(data)))


@client.command("edit")
@click.argument("ref", shell_complete=complete_client)
@click.option("--name")
@click.option("--tag", "tags", multiple=True, help="Replace the tags (repeatable).")
@click.option("--terms", type=int)
@click.option("--cadence", type=int)
@click.option("--contact", help='A new contact person "Name <mail>"; the current one steps back.')
@click.option("--phone", help="The contact person's phone number (with --contact: the new one's).")
@click.option("--role", help="The contact person's role, e.g. CTO (with --contact: the new one's).")
@click.option("--currency")
@click.option("--scope")
@click.option("--dream/--no-dream", default=None)
@click.option("--id", "new_id", help="A new id; every record of the client follows it.")
@click.option("--remove-contact", help="Remove a mistaken contact, by name or ref.")
@pass_context
@refusing
def client_edit(
    c: Context,
    /,
    ref: str,
    tags: tuple[str, ...],
    new_id: str | None,
    remove_contact: str | None,
    **kw: Any,
) -> None:
    """Change a client's details, her id, or remove a mistaken contact.

    \b
    Example:
      rapport client edit acme --cadence 14 --contact "Jonas Weber <jonas@acme.de>"
      rapport client edit acme --id acme-gmbh --remove-contact "Jonas Weber"
    """
    if tags or any(v is not None for v in kw.values()) or not (new_id or remove_contact):
        c.done(c.book.edit_client(ref, c.now(), tags=tags or None, **kw))
    if remove_contact is not None:
        c.done(c.book.remove_contact(ref, remove_contact))
    if new_id is not None:
        c.done(c.book.rename_client(ref, new_id))


@client.command("state")
@click.argument("ref", shell_complete=complete_client)
# STATE as the metavar: the list of choices would break the usage line inside a word.
@click.argument("state", type=click.Choice(STATES), metavar="STATE")
@click.option("--note", default="", help="Why, in a few words.")
@click.option("--stop", help="Ending: what to stop doing / what went wrong.")
@click.option("--pause", help="Ending: what to value today.")
@click.option("--play", help="Ending: what to take forward.")
@yes_option
@pass_context
@refusing
def client_state(
    c: Context, /, ref: str, state: str, note: str, yes: bool, **reflection: str | None
) -> None:
    """Set the state of a relationship; ending asks for a Stop / Pause / Play reflection.

    Ending asks first on a terminal; in a script add --yes.
    STATE is one of: strained, repair, drifting, new, routine, trusted, ended.

    \b
    Example:
      rapport client state acme ended --yes --note "budget cut" --stop "..." --play "..."
    """
    chosen = State(state)
    if chosen is State.ENDED:
        c.confirm(c.say("cli.confirm_end", client=c.book.resolve(ref).name), yes)
    c.done(c.book.change_state(ref, chosen, c.now(), note, ask_reflection(c, chosen, **reflection)))


def ask_reflection(c: Context, /, state: State, **given: str | None) -> Reflection | None:
    """Ending a client asks for the reflection; on a terminal, by prompting."""
    if not needs_reflection(state):
        return None
    if any(v is not None for v in given.values()) or not (sys.stdin and sys.stdin.isatty()):
        return Reflection(**{k: v or "" for k, v in given.items()})
    click.echo(c.say("cli.reflection_intro"))
    return Reflection(
        **{
            k: click.prompt(c.say(f"cli.reflection_{k}"), default="", show_default=False)
            for k in given
        }
    )
