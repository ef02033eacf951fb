"""``rapport merge``, ``rapport merge-driver`` and ``rapport sync``: one book on many devices."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import click

from model import bookfile
from model.book_sync import merged_files
from model.errors import RapportError
from model.gitsync import GitFailed, NoRemote, NoRepository
from model.receipt import Receipt
from tui.cli.context import Context, echo, pass_context, refusing

__all__ = ["merge", "merge_driver", "sync"]


@click.command()
@click.argument("other", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Say what would come in; write nothing.")
@pass_context
@refusing
def merge(c: Context, /, other: str, dry_run: bool) -> None:
    """Fold another copy of the book into this one, record by record (undoable).

    \b
      rapport merge ~/Downloads/book.json --dry-run
      rapport merge "book (Anna's conflicted copy 2026-12-01).json"
    """
    c.done(c.book.merge(other, dry_run=dry_run))


@click.command("merge-driver", hidden=False)
@click.argument("ancestor", type=click.Path())
@click.argument("ours", type=click.Path(dir_okay=False))
@click.argument("theirs", type=click.Path(dir_okay=False))
def merge_driver(ancestor: str, ours: str, theirs: str) -> None:
    """git's merge driver for a book: the merge of OURS and THEIRS is written to OURS.

    Set up by ``rapport sync --setup``; git calls it as ``rapport merge-driver %O %A %B``.
    """
    del ancestor  # each record carries its own stamps: the common ancestor adds nothing
    try:
        payload = merged_files(Path(ours), Path(theirs))
        bookfile.replace(Path(ours).resolve(), payload, keep=False)
    except (RapportError, OSError) as error:
        message = error.render("en") if isinstance(error, RapportError) else str(error)
        echo(f"rapport merge-driver: {message}", err=True)
        sys.exit(1)  # git keeps the conflict for the user instead


def _driver() -> str:
    """How git should call this Rapport: the program that runs now, wherever it lives."""
    here = Path(sys.argv[0])
    if here.name == "rapport" and here.exists():
        return shlex.quote(str(here.resolve()))
    found = shutil.which("rapport")
    return shlex.quote(found) if found else "rapport"


@click.command()
@click.option("--setup", is_flag=True, help="Only set up the repository (.gitattributes, driver).")
@pass_context
@refusing
def sync(c: Context, /, setup: bool) -> None:
    """Sync a book kept in a git repository: commit it, pull (merging), push.

    \b
      cd ~/book && git init && rapport --db ~/book/book.json sync --setup
      rapport sync
    """
    try:
        if setup:
            root = c.book.sync_setup(_driver())
            c.done(Receipt("sync.set_up", {"folder": str(root)}))
        else:
            c.done(c.book.sync(_driver()))
    except (NoRemote, NoRepository, GitFailed) as error:
        c.report(error)
        sys.exit(1)
