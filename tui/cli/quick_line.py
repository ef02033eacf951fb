"""What ``rapport quick`` does with its words, without click: one quick-log line read
by :mod:`model.quicklog` and applied by the Book, or many from a stream.

The click command (:mod:`tui.cli.quick`) and the start before click (:mod:`tui.fast`)
both come here, so a line means the same whichever way it came in.  From a stream
each line is its own write, so a refused line costs only itself: it is reported with
its number and the rest still run, as a script expects of a batch.
"""

from __future__ import annotations

import dataclasses
import enum
import os
import re
import sys
from datetime import datetime
from typing import Any, TextIO

from model import InputError, IssueKind, needs_reflection
from tui.cli.core import Context, echo, usage_error

__all__ = ["join_words", "leave", "log_line", "log_lines", "quick_words"]


def quick_words(c: Context, /, words: tuple[str, ...], dry_run: bool = False) -> None:
    """``rapport quick WORDS``: the words as one line; ``-``, or none with stdin not a
    terminal, reads one line per command from stdin."""
    stdin = sys.stdin
    if words == ("-",) or (not words and not stdin.isatty()):
        log_lines(c, stdin, dry_run)
    elif not words:
        raise usage_error(c.say("cli.quick_needs_words"))
    else:
        log_line(c, join_words(words), dry_run)
    leave()


def leave() -> None:
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


def log_lines(c: Context, /, stream: TextIO, dry_run: bool) -> None:
    """Every line its own write; a runtime failure (the book itself) stops the batch."""
    refused = 0
    for number, raw in enumerate(stream, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            log_line(c, line, dry_run)
        except InputError as error:
            refused += 1
            c.report(error, line=number)
    if refused:
        sys.exit(2)


def log_line(c: Context, /, line: str, dry_run: bool) -> None:
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
