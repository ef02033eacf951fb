"""The ``rapport`` script: the one-line commands before click, everything else by click.

``rapport quick "acme call …"`` from another terminal is the command typed most, and
importing click and building the whole command group cost it more than the write.
So the script reads the command line by hand first, from a table of the one-line
commands, and only when it has exactly a shape click accepts for that command:
``rapport [--db BOOK] [--locale en|de] [-q|--quiet] [--json] [--now MOMENT] quick
[--db BOOK] [--locale en|de] [-q|--quiet] [--json] WORDS...`` (``--opt=value`` too;
``--db`` from ``RAPPORT_DB`` and ``--now`` from ``RAPPORT_NOW`` as click reads them).
Anything else goes to click untouched: help, a filter, ``--dry-run``, an option the
table does not know, a missing word, an empty ``--db``, a ``--now`` that is no ISO
moment.  Click then reports it in its own words (en/de, one line, exit 2), so the
fast path never has an error message of its own.

What the command does is the click command's own function (:mod:`tui.cli.quick_line`)
on the same :class:`~tui.cli.core.Context`: the line is read by the one quick-log
parser and written by the Book, exactly as from click or the board.  A test runs
both ways on the same argv and compares output, status and book.

Why the package trick: ``tui.cli``'s ``__init__`` is the click group, and Python runs
a package's ``__init__`` before any of its modules.  The modules the fast path uses
(the Context, the catalogs, ``quick_line``) never import click, so when the table
takes the command line, ``tui.cli`` is registered as a package whose ``__init__`` has
not run.  The decision is made before any of them is imported, and a process that
took the fast path never goes back to click's group, so the two are never mixed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from tui.cli.core import Context

__all__ = ["ONE_LINERS", "WITHOUT_WORDS", "OneLiner", "Parsed", "main", "parse"]

_VALUES = {"--db": "db", "--locale": "locale"}
_FLAGS = {"--quiet": "quiet", "-q": "quiet", "--json": "as_json"}
_GROUP_VALUES = {**_VALUES, "--now": "now"}


def _quick(c: Context, words: tuple[str, ...]) -> None:
    from tui.cli.quick_line import quick_words

    quick_words(c, words)


OneLiner = Callable[["Context", tuple[str, ...]], None]
"""What a one-line command does with the Context and its words."""

ONE_LINERS: dict[str, OneLiner] = {"quick": _quick}
"""The one-line commands by name; a command joins with one line here if it takes the
options every sub-command takes and words, and nothing else."""

WITHOUT_WORDS = frozenset({"quick"})
"""Those that read stdin when given no words and stdin is not a terminal."""


class Parsed(NamedTuple):
    """A command line the table takes: the group's options, the command's, its words.

    (A named tuple, not a dataclass: the script builds no class it can do without.)
    """

    command: str
    group: dict[str, str | bool]
    own: dict[str, str | bool]
    words: tuple[str, ...]


def parse(argv: Sequence[str], env: Mapping[str, str]) -> Parsed | None:
    """``argv`` read as click would read it, or None for anything click should read."""
    if "_RAPPORT_COMPLETE" in env:
        return None  # the shell asks click for completions
    group: dict[str, str | bool] = {}
    rest = _options(list(argv), _GROUP_VALUES, group, stop_at_word=True)
    if rest is None or not rest or rest[0] not in ONE_LINERS:
        return None
    own: dict[str, str | bool] = {}
    words: list[str] = []
    tail = _options(rest[1:], _VALUES, own, stop_at_word=False, words=words)
    if tail is None:
        return None
    parsed = Parsed(rest[0], group, own, (*words, *tail))
    if not parsed.words and not (parsed.command in WITHOUT_WORDS and not _tty(sys.stdin)):
        return None  # click says which words are missing
    return parsed if _acceptable(parsed, env) else None


def _options(
    args: list[str],
    values: dict[str, str],
    found: dict[str, str | bool],
    *,
    stop_at_word: bool,
    words: list[str] | None = None,
) -> list[str] | None:
    """Take the options in ``values`` and the flags from ``args``; what follows the
    first word (a group) or ``--`` (a command) is returned.  None: not for the table."""
    while args:
        arg = args[0]
        if arg == "--" and not stop_at_word:
            return args[1:]
        if arg == "-" or not arg.startswith("-"):
            if stop_at_word:
                return args
            assert words is not None
            words.append(args.pop(0))
            continue
        args.pop(0)
        name, eq, value = arg.partition("=")
        if name in _FLAGS and not eq:
            found[_FLAGS[name]] = True
        elif name in values and eq:
            found[values[name]] = value
        elif name in values and args and not args[0].startswith("-"):
            found[values[name]] = args.pop(0)
        else:
            return None  # help, a filter, --dry-run, a value missing, a short flag cluster
    return []


def _acceptable(parsed: Parsed, env: Mapping[str, str]) -> bool:
    """The values click would refuse go to click, which says why."""
    from model.i18n import LOCALES  # the catalogs: the command needs them next anyway

    if "db" not in parsed.group and env.get("RAPPORT_DB") == "":
        return False
    books = [parsed.group.get("db", env.get("RAPPORT_DB") or None), parsed.own.get("db")]
    for book in books:
        if isinstance(book, str) and (not book.strip() or os.path.isdir(book)):
            return False  # empty (Context.book_path), or a folder (click.Path(dir_okay=False))
    for options in (parsed.group, parsed.own):
        locale = options.get("locale")
        if locale is not None and locale not in LOCALES:
            return False
    now = parsed.group.get("now", env.get("RAPPORT_NOW") or None)
    if isinstance(now, str):
        try:
            moment = datetime.fromisoformat(now)
        except ValueError:
            return False
        if not 1970 <= moment.year <= 2999:
            return False
    return True


def _tty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


def main(argv: Sequence[str] | None = None) -> None:
    """The script's entry point (``rapport = "tui.fast:main"`` in pyproject.toml)."""
    args = sys.argv[1:] if argv is None else list(argv)
    parsed = parse(args, os.environ)
    if parsed is None:
        from tui.cli import main as click_main

        click_main(args)
        return
    _cli_package_without_click()
    _run(parsed)


def _run(parsed: Parsed) -> None:
    """The command as the click group and its command would run it (see ``tui.cli``)."""
    from model import RapportError
    from tui.cli.core import book_path, cli_texts, open_context, output_failed

    cli_texts()
    g, own = parsed.group, parsed.own
    try:
        c = open_context(
            _text(g.get("db", os.environ.get("RAPPORT_DB") or None)),
            _text(g.get("locale")),
            _text(g.get("now", os.environ.get("RAPPORT_NOW") or None)),
            quiet=bool(g.get("quiet")),
            as_json=bool(g.get("as_json")),
        )
        # the command's own --db/--locale/-q/--json, over the group's (tui.cli.context._store)
        if isinstance(db := own.get("db"), str):
            c.db = book_path(db)
        if isinstance(locale := own.get("locale"), str):
            c.locale = locale
        c.quiet = c.quiet or bool(own.get("quiet"))
        c.as_json = c.as_json or bool(own.get("as_json"))
        try:
            ONE_LINERS[parsed.command](c, parsed.words)
        except RapportError as error:
            c.fail(error)
    except OSError as error:
        output_failed(error)
    except (EOFError, KeyboardInterrupt):
        sys.stderr.write("\n")  # as click's Abort: a new line, exit 1
        sys.exit(1)


def _text(value: str | bool | None) -> str | None:
    return value if isinstance(value, str) else None


def _cli_package_without_click() -> None:
    """Register ``tui.cli`` as its package, without running its ``__init__``."""
    if "tui.cli" in sys.modules:
        return
    import tui

    package = ModuleType("tui.cli", "Rapport's command line, without its click group.")
    package.__path__ = [os.path.join(os.path.dirname(tui.__file__ or ""), "cli")]
    package.__package__ = "tui.cli"
    sys.modules["tui.cli"] = package
    tui.cli = package
