"""``rapport delete``, ``edit``, ``redo`` and ``client delete``: repairing mistakes by ref.

A deletion asks first on a terminal; without one it needs ``--yes``, so a script
never deletes by accident.  Every refusal is one line and exit status 2.
"""

from __future__ import annotations

import click

from model import Receipt
from model.corrections import describe
from tui.cli.context import Context, complete_client, pass_context, refusing, yes_option

__all__ = ["client_delete", "delete", "edit", "redo"]


def _confirmed(c: Context, question: str, yes: bool) -> bool:
    """``--yes``, or a yes typed on a terminal (:meth:`Context.confirm`: no terminal and no
    ``--yes`` is exit 2, nothing deleted)."""
    c.confirm(question, yes)
    return True


@click.command()
@click.argument("ref")
@yes_option
@pass_context
@refusing
def delete(c: Context, /, ref: str, yes: bool) -> None:
    """Delete one record by its ref (shown by ``rapport client show``); undo takes it back.

    \b
    Example:
      rapport delete k3mx7qa --yes
    """
    found = c.book.find(ref)
    name = next((x.name for x in c.book.clients() if x.id == found.client), found.client)
    what = Receipt.from_label(describe(found, name)).render(c.locale)
    if _confirmed(c, c.say("cli.delete_asks", what=what), yes):
        c.done(c.book.delete(ref))


@click.command("delete")
@click.argument("ref", shell_complete=complete_client)
@yes_option
@pass_context
@refusing
def client_delete(c: Context, /, ref: str, yes: bool) -> None:
    """Delete a client with all her records, in one step that undo takes back.

    \b
    Example:
      rapport client delete demo-client --yes
    """
    client = c.book.resolve(ref)
    count = c.book.records_of(client.id)
    question = c.say("cli.client_delete_asks", name=client.name, id=client.id, count=count)
    if _confirmed(c, question, yes):
        c.done(c.book.delete_client(client.id))


@click.command()
@click.argument("ref")
@click.option("--text", help="The words (a reason for a credit, a name for a contact).")
@click.option("--date", help="The day it happened (YYYY-MM-DD or DD.MM.YYYY).")
@click.option("--amount", help="An invoice's, payment's or credit's amount.")
@click.option("--due", help="An invoice's due date.")
@click.option("--kind", help="An interaction's or issue's kind.")
@click.option("--severity", help="An issue's severity: low, medium, high.")
@click.option("--by", help="The day a thank-you is due.")
@click.option(
    "--duration", help='How long an interaction took (45m, 1h30m, "1,5 Std"; "" for none).'
)
@pass_context
@refusing
def edit(c: Context, /, ref: str, **fields: str | None) -> None:
    """Correct the fields of one record that fit it; the quick-log's rules apply.

    \b
    Examples:
      rapport edit k3mx7qa --text "budget call with Maren"
      rapport edit y8nd3we --amount 1250 --due 2026-12-24
      rapport edit k3mx7qa --duration 1h30m
    """
    c.done(c.book.edit(ref, c.now(), **fields))


@click.command()
@pass_context
@refusing
def redo(c: Context) -> None:
    """Take back the last undo; any other change since ends what redo can do.

    \b
    Example:
      rapport redo
    """
    receipt = c.book.redo()
    if receipt is None:
        c.done(Receipt("book.nothing_to_redo"))
    else:
        c.done(receipt)
