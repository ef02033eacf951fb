"""``rapport quick``: one quick-log line from the arguments, or many from stdin.

From stdin each line is its own write, so a refused line costs only itself: it
is reported with its number and the rest still run, as a script expects of a
batch.  ``--dry-run`` reads the line, finds the client and writes nothing.
"""

from __future__ import annotations

import dataclasses
import enum
import os
import re
import sys
from datetime import datetime
from typing import Any, TextIO

import click

from model import InputError, IssueKind, needs_reflection
from tui.cli.context import Context, echo, pass_context, refusing

__all__ = ["join_words", "quick"]


@click.command(epilog="Every verb, date and amount form: rapport help quicklog")
@click.argument("words", nargs=-1)
@click.option("--dry-run", is_flag=True, help="Show how the line is read; write nothing.")
@pass_context
@refusing
def quick(c: Context, /, words: tuple[str, ...], dry_run: bool) -> None:
    """Log one line in the quick-log language: CLIENT VERB [ARGS].

    \b
    CLIENT  an id, a unique prefix of one, or part of the name ("ACME GmbH")
    call|meeting|mail|message|note TEXT [WHEN]
    issue[!|!!] TEXT [#KIND] [WHEN]        resolve N [NOTE]
    invoice NUMBER AMOUNT [CUR] [on DATE] [due DATE | in 14d]
    paid NUMBER [AMOUNT [CUR]] [on DATE]   thanks TEXT [by DATE]   thanked N
    kudos "TEXT" [from NAME]               state STATE [NOTE]
    WHEN    today | yesterday | 3d ago | on 2026-11-20 | am 20.11.2026
    AMOUNT  1250 | 1250.50 | 1.250,50 | 1,250.50; German verbs work too

    With - (or no words and stdin not a terminal) it reads one line per command
    from stdin; a refused line is reported with its number, the others still
    run, and the exit status is 2 if any line was refused.

    \b
    Examples:
      rapport quick "acme call talked about the Q1 budget"
      rapport quick "acme issue!! landing page outside the scope #scope_creep"
      rapport quick "acme invoice 2026-017 1.250,50 EUR due 2026-12-24"
      rapport quick "acme paid 2026-017"
      rapport quick "acme thanks handwritten card after launch by 2026-12-01"
      rapport quick "acme kudos 'Maren, ich liebe dich!' from Maren"
      rapport quick --dry-run "acme state strained contact person changed"
      printf 'acme call\\nglobex mail sent the offer\\n' | rapport quick -
    """
    stdin = sys.stdin
    if words == ("-",) or (not words and not stdin.isatty()):
        _lines(c, stdin, dry_run)
    elif not words:
        raise click.UsageError(c.say("cli.quick_needs_words"))
    else:
        _one(c, join_words(words), dry_run)
    _leave()


def _leave() -> None:
    """Written, synced and said: end the process without the interpreter's teardown.

    Freeing every object of a parsed book and running the finalizers costs a
    one-line write tens of milliseconds; nothing is left to do (the lock is
    released, the file synced and closed).  Only as a process of its own: under
    a test runner stdout is not the real one, and the runner goes on.
    """
    real = sys.__stdout__
    if real is None or sys.stdout is not real:
        return
    try:
        real.flush()
        sys.stderr.flush()
    except OSError:
        return  # let the normal exit report the failed output
    os._exit(0)


def join_words(words: tuple[str, ...]) -> str:
    """The line as typed: a word the shell kept whole (``"ACME GmbH"``) stays quoted."""
    return " ".join(
        f'"{w}"' if len(words) > 1 and any(ch.isspace() for ch in w) else w for w in words
    )


def _lines(c: Context, /, stream: TextIO, dry_run: bool) -> None:
    """Every line its own write; a runtime failure (the book itself) stops the batch."""
    refused = 0
    for number, raw in enumerate(stream, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            _one(c, line, dry_run)
        except InputError as error:
            refused += 1
            c.report(error, line=number)
    if refused:
        sys.exit(2)


def _one(c: Context, /, line: str, dry_run: bool) -> None:
    from model import quicklog

    command = quicklog.parse(line, c.moment())
    if dry_run:
        _describe(c, command)
    elif isinstance(command, quicklog.ChangeState) and needs_reflection(command.state):
        from tui.cli.clients import ask_reflection

        reflection = ask_reflection(c, command.state, stop=None, pause=None, play=None)
        c.done(c.book.apply(command, c.moment(), reflection))
    else:
        c.done(c.book.apply(command, c.moment()))


def _describe(c: Context, /, command: Any) -> None:
    """How the line was read, and for which client: the book is read, never written."""
    from tui.cli.listing import clean

    client = c.book.resolve(command.client)
    fields = {
        f.name: getattr(command, f.name)
        for f in dataclasses.fields(command)
        if f.name != "client" and getattr(command, f.name) not in (None, "")
    }
    action = type(command).__name__
    if c.as_json:
        data = {name: _plain(value) for name, value in fields.items()}
        key = re.sub(r"(?<!^)(?=[A-Z])", "_", action).lower()  # OpenIssue -> open_issue
        c.emit({"dry_run": True, "action": key, "client": client.id, "command": data})
        return
    echo(
        c.say(
            "cli.dry_run",
            action=c.say(f"cli.action.{action}"),
            client=clean(client.name),
            id=client.id,
        )
    )
    for name, value in fields.items():
        echo(f"  {c.say(f'cli.field.{name}')}: {_shown(c, name, value)}")


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value if isinstance(value, int | str) else str(value)


def _shown(c: Context, /, name: str, value: Any) -> str:
    if isinstance(value, IssueKind):
        return c.say(f"issue_kind.{value.value}")
    if isinstance(value, enum.Enum):
        return c.say(f"{name}.{value.value}")
    if name == "when" and isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    from tui.cli.listing import clean

    return clean(str(_plain(value)))
