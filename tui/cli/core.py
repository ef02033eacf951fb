"""What every ``rapport`` command shares, without click: the book, the clock, the language.

The :class:`Context` and the way a command prints and refuses live here, apart from
click's side (:mod:`tui.cli.context`), so that the one-line commands run before click
is imported (:mod:`tui.fast`) with the very same Context as the click commands.
Every line goes out through :func:`echo` (or :func:`echo_json`), which shows control
characters instead of letting the terminal obey them: a client's name may hold an
escape sequence.  A refusal is one line on stderr (one JSON object with ``--json``):
bad input exits 2 with nothing written, a runtime failure (a damaged book, a failed
write, a lock held too long) exits 1.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from contextlib import suppress
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import orjson

from model import RapportError, Receipt, default_locale, t
from model.errors import InputError
from model.printable import json_text, terminal
from tui.config import Config, ConfigError, config_path, load_config

if TYPE_CHECKING:
    import pendulum

    from model import Book

__all__ = [
    "JSON_SCHEMA",
    "Context",
    "book_path",
    "cli_texts",
    "default_db",
    "echo",
    "echo_json",
    "echo_safe",
    "exit_status",
    "fixed_now",
    "local_zone",
    "open_context",
    "output_failed",
    "to_json",
    "usage_error",
]

JSON_SCHEMA = 1
"""The version of every ``--json`` output; raised only when a key changes meaning or goes."""


class Context:
    """What every sub-command needs: the book, the clock and the language."""

    def __init__(
        self,
        db: str | None,
        locale: str | None,
        now: str | None,
        config: Config | None = None,
        *,
        quiet: bool = False,
        as_json: bool = False,
    ) -> None:
        self.config = config or load_config()
        # command line > RAPPORT_LOCALE > config file > LANG (default_locale)
        self.locale = locale or self.config.locale or default_locale()
        self.db = book_path(db, self.locale)
        self.fixed_now = fixed_now(now, self.locale) if now else None
        self._now_text = now
        self._fixed_pendulum: pendulum.DateTime | None = None
        self.quiet = quiet
        self.as_json = as_json

    def now(self) -> pendulum.DateTime:
        """Now, as the queries and the board count with it (pendulum, loaded here)."""
        import pendulum
        from pendulum.tz import get_local_timezone

        if not self._now_text:
            return pendulum.now()
        if self._fixed_pendulum is None:
            parsed = pendulum.parse(self._now_text, tz=get_local_timezone())
            assert isinstance(parsed, pendulum.DateTime)  # fixed_now checked it
            self._fixed_pendulum = parsed
        return self._fixed_pendulum

    def moment(self) -> datetime:
        """Now as a plain :class:`datetime` in this machine's zone, for a write: the
        quick-log and the commands compute with it, and no pendulum is loaded."""
        return self.fixed_now or datetime.now(local_zone())

    @functools.cached_property
    def book(self) -> Book:
        from model import Book  # on first use: the board's modules come with it

        return Book(
            self.db, cadence=self.config.cadence or None, notice=self.notice, on_fold=self.folded
        )

    def notice(self, key: str, params: dict[str, Any]) -> None:
        """What the book says that is no error (waiting for a lock, read-only): stderr."""
        echo(self.say(key, **params), err=True)

    def folded(self, receipt: Receipt) -> None:
        """A conflict copy was folded in (or left alone): said on stderr, not in the output."""
        echo(receipt.render(self.locale), err=True)

    def say(self, key: str, **params: Any) -> str:
        return t(key, self.locale, **params)

    def fail(self, error: RapportError) -> NoReturn:
        self.report(error)
        sys.exit(exit_status(error))

    def report(self, error: RapportError, *, line: int | None = None) -> None:
        """One line on stderr: the message, or with ``--json`` the object a script reads."""
        message = error.render(self.locale)
        if self.as_json:
            error_json = _error_json(error, message, line)
            echo_json(to_json({"schema": JSON_SCHEMA, "error": error_json}, pretty=False), err=True)
            return
        if line is not None:
            message = self.say("cli.line_error", line=line, message=message)
        echo(self.say("cli.error", message=message), err=True)

    def done(self, receipt: Receipt | None) -> None:
        """What a write did (nothing with ``--quiet``); a failing stdout must not undo that."""
        if self.quiet:
            return
        if self.as_json:
            data = {"receipt": None if receipt is None else self.receipt_json(receipt)}
            self.saved(to_json({"schema": JSON_SCHEMA, **data}, pretty=False), as_json=True)
        elif receipt is None:
            echo(self.say("book.nothing_to_undo"))
        else:
            self.saved(receipt.render(self.locale))

    def saved(self, text: str, *, as_json: bool = False) -> None:
        """Print ``text`` about a write that is done: a failing stdout says it was saved."""
        try:
            echo_json(text) if as_json else echo(text)
        except OSError as error:
            _quiet_stdout()
            echo(self.say("cli.saved_unprinted", reason=error.strerror or str(error)), err=True)
            sys.exit(0)

    def receipt_json(self, receipt: Receipt) -> dict[str, Any]:
        return {**receipt.label(), "text": receipt.render(self.locale)}

    def emit(self, data: dict[str, Any]) -> None:
        """A list or a record as JSON on stdout, under the schema version."""
        echo_json(to_json({"schema": JSON_SCHEMA, **data}))

    def confirm(self, question: str, yes: bool) -> None:
        """A destructive act: ``--yes`` says so in a script; on a terminal, we ask."""
        if yes:
            return
        if not (_is_tty(sys.stdin) and _is_tty(sys.stdout)):
            raise InputError("cli.needs_yes")
        import click  # a question on a terminal: never on a one-line write

        if not click.confirm(echo_safe(question), default=False):
            raise InputError("cli.not_confirmed")


def open_context(
    db: str | None, locale: str | None, now: str | None, *, quiet: bool, as_json: bool
) -> Context:
    """The Context of the options before the sub-command's name; a config file that does
    not read is refused (one line, exit 2) before anything else is done."""
    try:
        config = load_config()
    except ConfigError as error:
        Context(db, locale, now, Config(config_path()), as_json=as_json).fail(error)
    return Context(db, locale, now, config, quiet=quiet, as_json=as_json)


def exit_status(error: RapportError) -> int:
    """2: the input was refused, nothing written; 1: the book, the disk or the lock failed us."""
    return error.exit_status


def to_json(data: Any, *, pretty: bool = True) -> str:
    """Records and lists indented; receipts and errors one line each, so a batch is JSON Lines."""
    option = orjson.OPT_INDENT_2 if pretty else 0
    return orjson.dumps(data, option=option, default=str).decode()


def _error_json(error: RapportError, message: str, line: int | None) -> dict[str, Any]:
    params = error.params
    out: dict[str, Any] = {
        "key": error.key,
        "message": message,
        "exit": exit_status(error),
        "word": params.get("word"),
        "position": params.get("position"),
        "expected": getattr(error, "expected", None),
        "params": {k: v for k, v in params.items() if k not in ("word", "position", "expected")},
    }
    if line is not None:
        out["line"] = line
    return out


def _is_tty(stream: Any) -> bool:
    return bool(stream is not None and stream.isatty())


def echo(text: str, *, err: bool = False) -> None:
    """The one way the command line prints: user text shown, never obeyed."""
    _write(terminal(text), err)


def echo_safe(text: str) -> str:
    """``text`` as :func:`echo` would print it, for click's prompts."""
    return terminal(text)


def echo_json(text: str, *, err: bool = False) -> None:
    """JSON exactly as encoded, with what a terminal would obey spelled as escapes."""
    _write(json_text(text), err)


def _write(text: str, err: bool) -> None:
    """One line and a flush, as :func:`click.echo` writes it, without loading click: what
    the stream cannot encode is replaced rather than raised, as click does."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    line = f"{text}\n"
    try:
        stream.write(line)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(line.encode(encoding, "replace").decode(encoding))
    stream.flush()


def usage_error(message: str) -> Exception:
    """Click's usage error (exit 2, one line): the bad option or variable is click's to report."""
    import click

    return click.UsageError(message)


def book_path(given: str | None, locale: str = "en") -> Path:
    """``--db`` / ``RAPPORT_DB`` with ``~`` and ``$VARS`` expanded; empty is refused.

    ``--db "$BOOK"`` with ``BOOK`` unset must not quietly open the default book.
    """
    if given is None and os.environ.get("RAPPORT_DB") == "":
        given = ""
    if given is None:
        return default_db()
    if not given.strip():
        raise usage_error(t("cli.db_empty", locale))
    return Path(os.path.expanduser(os.path.expandvars(given)))


def fixed_now(text: str, locale: str = "en") -> datetime:
    """``--now`` / ``RAPPORT_NOW``: a moment within the years the book can count in; one
    without an offset is on this machine's clock (``TZ``), as the real now would be.

    The ISO forms (all a test or a script writes) are read by :mod:`datetime`; only
    another form pays for pendulum's parser, which reads what it always read.
    """
    try:
        parsed: object = datetime.fromisoformat(text)
    except ValueError:
        import pendulum

        try:
            parsed = pendulum.parse(text, tz=local_zone())
        except (ValueError, OverflowError, TypeError) as error:
            raise usage_error(t("cli.now_bad", locale, now=text)) from error
    if not isinstance(parsed, datetime) or not 1970 <= parsed.year <= 2999:
        raise usage_error(t("cli.now_bad", locale, now=text))
    if parsed.tzinfo is not None:
        return parsed
    from model.dates import on_the_wall  # pendulum's rules for a skipped or doubled hour

    return on_the_wall(parsed, local_zone())


@functools.cache
def local_zone() -> tzinfo:
    """This machine's time zone, with its clock changes: ``TZ`` if it names one, else
    ``/etc/localtime`` (as pendulum finds it), else today's offset from the C library."""
    import zoneinfo

    name = os.environ.get("TZ", "").removeprefix(":")
    try:
        if name.startswith("/"):
            with open(name, "rb") as file:
                return zoneinfo.ZoneInfo.from_file(file, key=name)
        if name:
            return zoneinfo.ZoneInfo(name)
    except (OSError, ValueError, zoneinfo.ZoneInfoNotFoundError):
        pass
    _, found, key = os.path.realpath("/etc/localtime").partition("/zoneinfo/")
    try:
        if found:
            return zoneinfo.ZoneInfo(key)
    except (OSError, ValueError, zoneinfo.ZoneInfoNotFoundError):
        pass
    try:
        with open("/etc/localtime", "rb") as file:
            return zoneinfo.ZoneInfo.from_file(file, key="localtime")
    except (OSError, ValueError):
        fallback = datetime.now().astimezone().tzinfo
        assert fallback is not None
        return fallback


def _quiet_stdout() -> None:
    """Send what is left for stdout to /dev/null: Python would report it at exit again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def default_db() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("rapport")) / "book.json"


def output_failed(error: OSError) -> NoReturn:
    """Only output is left to fail here (the book's own errors are RapportErrors):
    one line, exit 1, and no traceback for a closed pipe or a full disk."""
    _quiet_stdout()
    if error.errno != errno.EPIPE:
        with suppress(OSError):
            reason = error.strerror or str(error)
            echo(t("cli.output_failed", default_locale(), reason=reason), err=True)
    sys.exit(1)


def cli_texts(*, topics: bool = False) -> None:
    """Make the command line's catalogs known to :func:`model.t`; the help topics only
    where help can be asked for (a one-line write never shows one)."""
    from model.i18n import use
    from tui.cli import texts as _messages
    from tui.texts import config as _config_texts

    if topics:
        from tui.cli import topics as _topics

        use(_messages, _topics, _config_texts)
    else:
        use(_messages, _config_texts)
