"""``rapport import`` and ``rapport export``: contacts in, the book out.

The formats are the model's (:mod:`model.exchange`); here are only the file
around them: reading it, a progress bar on a terminal, and writing the output
atomically (a temporary file renamed into place), so that an interrupted export
never leaves half a file.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import click

from model import bookfile
from model.errors import InputError, WriteFailed
from model.exchange import KINDS, Person, Plan
from model.receipt import Receipt
from tui.cli.context import Context, echo, pass_context, refusing
from tui.cli.localized import Localized

__all__ = ["export", "import_"]

T = TypeVar("T")

_SUFFIXES = {".vcf": "vcard", ".vcard": "vcard", ".csv": "csv", ".json": "json"}
#: Below this many cards or rows an import is over before a bar could be read.
_BAR_FROM = 200


def _progress(c: Context, items: list[T], label: str) -> Iterator[T]:
    """``items``, with a bar on stderr when it is a terminal and the file is large."""
    if len(items) < _BAR_FROM or not (sys.stderr and sys.stderr.isatty()):
        yield from items
        return
    with click.progressbar(items, label=c.say(label), file=sys.stderr) as bar:
        yield from bar


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError("exchange.unreadable", path=str(path), reason=reason) from error


def _text(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError("exchange.not_text", path=str(path), reason=str(error)) from error


def _people(c: Context, path: Path, kind: str, text: str) -> list[Person]:
    if kind == "vcard":
        from model.exchange.vcard import read_card, split_cards

        cards = split_cards(text, str(path))
        numbered = list(enumerate(cards, start=1))
        return [read_card(card, n) for n, card in _progress(c, numbered, "cli.exchange.reading")]
    from model.exchange.csvfile import people, read_rows

    rows = read_rows(text, str(path))
    if rows.ignored:
        echo(c.say("cli.exchange.ignored", columns=", ".join(rows.ignored)), err=True)
    return list(_progress(c, list(people(rows)), "cli.exchange.reading"))


def _show_plan(c: Context, plan: Plan) -> None:
    for client in plan.new_clients:
        echo(c.say("cli.exchange.new_client", name=client.name, id=client.id))
        for contact in client.contacts:
            echo(c.say("cli.exchange.new_contact", contact=contact.label(), name=client.name))
    for client_id, contact in plan.new_contacts:
        echo(c.say("cli.exchange.new_contact", contact=contact.label(), name=client_id))


@click.command("import", cls=Localized)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["vcard", "csv", "json"]))
@click.option("--dry-run", is_flag=True)
@pass_context
@refusing
def import_(c: Context, /, file: str, fmt: str | None, dry_run: bool) -> None:
    """Bring contacts in from a vCard or CSV file, or a JSON export back."""
    path = Path(file)
    kind = fmt or _SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError("exchange.unknown_format", path=str(path))
    raw = _read(path)
    if kind == "json":
        c.done(c.book.import_json(raw, source=path.name, dry_run=dry_run))
        return
    found = _people(c, path, kind, _text(path, raw))
    receipt, plan = c.book.import_people(
        found,
        c.now(),
        source=path.name,
        dry_run=dry_run,
        terms=c.config.terms,
        currency=c.config.currency,
    )
    if dry_run and not c.as_json and not c.quiet:
        _show_plan(c, plan)
    c.done(receipt)


def _unwritten(path: Path, error: OSError) -> WriteFailed:
    """An export target that cannot be written: runtime failure (exit 1), not the book's."""
    return WriteFailed("cli.exchange.write_failed", path=str(path), reason=error.strerror or error)


def _write(c: Context, target: Path, payload: bytes, what: str) -> None:
    """``payload`` in place of ``target``, atomically; a receipt on stderr."""
    try:
        bookfile.replace(target.resolve(), payload, keep=False)
    except OSError as error:
        raise _unwritten(target, error) from error
    if not c.quiet:
        echo(
            Receipt("exchange.exported", {"what": what, "path": str(target)}).render(c.locale),
            err=True,
        )


def _out(c: Context, output: str | None, payload: bytes, what: str) -> None:
    if output is not None:
        _write(c, Path(output), payload, what)
    elif sys.stdout.isatty():
        echo(payload.decode("utf-8"))  # a terminal shows user text, never obeys it
    else:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()


def _folder(c: Context, output: str, tables: dict[str, str]) -> None:
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise InputError("cli.exchange.not_folder", path=output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _unwritten(folder, error) from error
    for kind, text in tables.items():
        _write(c, folder / f"{kind}.csv", text.encode(), kind)


@click.command("export", cls=Localized)
@click.option(
    "--format", "fmt", required=True, type=click.Choice(["json", "csv", "vcard", "ics", "md"])
)
@click.option("--client", "client_ref")
@click.option("--kind", type=click.Choice(list(KINDS)))
@click.option("--output", "-o", type=click.Path())
@pass_context
@refusing
def export(
    c: Context, /, fmt: str, client_ref: str | None, kind: str | None, output: str | None
) -> None:
    """Take the book out as JSON, CSV, vCard, iCalendar or Markdown."""
    if kind is not None and fmt != "csv":
        raise click.UsageError(c.say("cli.exchange.kind_only_csv"))
    book = c.book
    if fmt == "csv":
        tables = book.export_csv(client_ref)
        if kind is not None:
            _out(c, output, tables[kind].encode(), kind)
        elif output is None:
            raise click.UsageError(c.say("cli.exchange.csv_needs_folder"))
        else:
            _folder(c, output, tables)
        return
    payload: bytes
    if fmt == "json":
        payload = book.export_json(client_ref)
    elif fmt == "vcard":
        payload = book.export_vcard(client_ref).encode()
    elif fmt == "ics":
        payload = book.export_ics(c.now(), c.locale, client_ref)
    else:
        payload = book.export_md(c.now(), c.locale, client_ref).encode()
    _out(c, output, payload, fmt)
