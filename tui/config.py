"""The user's settings: ``config.toml`` in the user's config folder.

Read with :mod:`tomllib` on every command (a small file, a cheap parse), so the
defaults it holds (locale, currency, payment terms, cadence) reach the CLI as
well as the board.  Precedence is command line, then environment, then this
file, then the built-in default; a value that is wrong in the file is refused
with its line, because a setting silently ignored is worse than an error.

It imports no textual: the board's side (theme, key map) lives in
:mod:`tui.board_config`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from model import LOCALES
from model.errors import InputError

if TYPE_CHECKING:
    import tomllib

__all__ = ["Config", "ConfigError", "config_path", "line_of", "load_config", "save_theme"]

_KNOWN = ("locale", "currency", "terms", "cadence", "theme", "keys", "board_revenue")
_CURRENCY = re.compile(r"[A-Z]{3}")


class ConfigError(InputError):
    """The config file cannot be used; nothing was written anywhere."""

    key = "config.error"

    def render(self, locale: str) -> str:
        """The problem in the reader's language when it is one of ours, else as TOML said it."""
        from model.i18n import t, use
        from tui.texts import config as texts

        use(texts)  # its own sentences, also where no front end has started (a test, a script)
        params = dict(self.params)
        if "problem_key" in params:
            params["problem"] = t(params["problem_key"], locale, **params)
        return t(self.key, locale, **params)


@dataclass(frozen=True)
class Config:
    """The settings that apply, whoever supplied them (``None``: the built-in default)."""

    path: Path
    locale: str | None = None
    currency: str = "EUR"
    terms: int = 30
    cadence: dict[str, int] = field(default_factory=dict)
    """Days between contacts by state (``cadence = 21`` sets every state); a client's own wins."""
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    board_revenue: bool = False
    """The board opens with its revenue column (``M`` toggles it)."""


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """``RAPPORT_CONFIG``, else ``config.toml`` in the user's config folder (XDG on Linux)."""
    env = os.environ if env is None else env
    if env.get("RAPPORT_CONFIG"):
        return Path(env["RAPPORT_CONFIG"])
    from platformdirs import user_config_dir

    return Path(user_config_dir("rapport")) / "config.toml"


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """The file's settings under the environment's (``RAPPORT_LOCALE``, ``RAPPORT_CURRENCY``,
    ``RAPPORT_TERMS``, ``RAPPORT_CADENCE``, ``RAPPORT_THEME``); a missing file is no error."""
    env = os.environ if env is None else env
    path = config_path(env) if path is None else path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(path=str(path), line=1, problem=str(error)) from None
    data: dict[str, Any] = {}
    if text:
        import tomllib  # for a file that is there: without one a command starts without it

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            line = _decode_line(error)
            problem = str(error).split(" (at")[0]
            raise ConfigError(path=str(path), line=line, problem=problem) from None
    file = _Reader(path, text, data)
    return Config(
        path=path,
        locale=_env_or(env, "RAPPORT_LOCALE", file.choice("locale", LOCALES), str.lower, LOCALES),
        currency=_env_or(env, "RAPPORT_CURRENCY", file.currency(), str.upper) or "EUR",
        terms=_env_or(env, "RAPPORT_TERMS", file.days("terms"), int) or 30,
        cadence=_cadence(env, file),
        theme=_env_or(env, "RAPPORT_THEME", file.text("theme"), str),
        keys=file.keys(),
        board_revenue=file.flag("board_revenue"),
    )


def _cadence(env: Mapping[str, str], file: _Reader) -> dict[str, int]:
    from model import State

    table = file.cadence()
    if env.get("RAPPORT_CADENCE"):
        days = _env_or(env, "RAPPORT_CADENCE", None, int)
        if days is not None:
            table = {s.value: days for s in State}
    return table


def save_theme(path: Path, theme: str) -> None:
    """Set ``theme = ...`` in the file, every other line and comment kept as it was.

    tomlkit (style-preserving, unlike tomllib which only reads) edits the one
    value; the file is replaced atomically, as the book is, so a crash leaves the
    old settings or the new, never half a file.  Raises ConfigError on a file that
    does not parse (it is left alone) and OSError when the disk refuses.
    """
    import tomlkit
    from tomlkit.exceptions import ParseError

    from model.bookfile import private_folder, replace

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    try:
        document = tomlkit.parse(text)
    except ParseError as error:
        raise ConfigError(path=str(path), line=error.line, problem=str(error)) from None
    document["theme"] = theme
    private_folder(path.parent)
    replace(path, tomlkit.dumps(document).encode("utf-8"), keep=False)


def line_of(path: Path, name: str, table: str | None = None) -> int:
    """The line where ``name =`` is set (inside ``[table]`` if given); 1 if not found."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    return _find(lines, name, table)


def _find(lines: list[str], name: str, table: str | None) -> int:
    current: str | None = None
    pattern = re.compile(rf"""\s*["']?{re.escape(name)}["']?\s*=""")
    for number, line in enumerate(lines, 1):
        header = re.match(r"\s*\[([^\]]+)\]", line)
        if header:
            current = header.group(1).strip()
        elif current == table and pattern.match(line):
            return number
    return 1


def _decode_line(error: tomllib.TOMLDecodeError) -> int:
    found = re.search(r"line (\d+)", str(error))
    return int(found.group(1)) if found else 1


def _env_or(
    env: Mapping[str, str],
    var: str,
    from_file: Any,
    convert: Any,
    allowed: tuple[str, ...] | None = None,
) -> Any:
    """The environment variable if it is set and valid, else the file's value."""
    raw = env.get(var, "").strip()
    if not raw:
        return from_file
    try:
        value = convert(raw)
    except ValueError:
        return from_file
    if allowed is not None and value not in allowed:
        return from_file
    return value


class _Reader:
    """The file's values, each checked, an error naming its line."""

    def __init__(self, path: Path, text: str, data: dict[str, Any]) -> None:
        self.path, self.lines, self.data = path, text.splitlines(), data
        for name in data:
            if name not in _KNOWN:
                self.fail(name, None, "config.unknown", known=", ".join(_KNOWN))

    def fail(self, name: str, table: str | None, key: str, **params: Any) -> NoReturn:
        line = _find(self.lines, name, table)
        raise ConfigError(path=str(self.path), line=line, problem_key=key, name=name, **params)

    def text(self, name: str) -> str | None:
        value = self.data.get(name)
        if value is not None and not (isinstance(value, str) and value.strip()):
            self.fail(name, None, "config.text")
        return value

    def choice(self, name: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(name)
        if value is not None and value not in allowed:
            self.fail(name, None, "config.choice", allowed=", ".join(allowed))
        return value

    def currency(self) -> str | None:
        value = self.text("currency")
        if value is not None and not _CURRENCY.fullmatch(value):
            self.fail("currency", None, "config.currency")
        return value

    def days(self, name: str) -> int | None:
        value = self.data.get(name)
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= 3650
        ):
            self.fail(name, None, "config.days")
        return value

    def cadence(self) -> dict[str, int]:
        """``cadence = 21`` for every state, or a ``[cadence]`` table by state."""
        from model import State

        value = self.data.get("cadence")
        if not isinstance(value, dict):
            days = self.days("cadence")
            return {} if days is None else {s.value: days for s in State}
        states = [s.value for s in State]
        for name, days in value.items():
            if name not in states:
                self.fail(name, "cadence", "config.choice", allowed=", ".join(states))
            if not isinstance(days, int) or isinstance(days, bool) or not 0 < days <= 3650:
                self.fail(name, "cadence", "config.days")
        return dict(value)

    def flag(self, name: str) -> bool:
        value = self.data.get(name, False)
        if not isinstance(value, bool):
            self.fail(name, None, "config.flag")
        return value

    def keys(self) -> dict[str, str]:
        table = self.data.get("keys", {})
        if not isinstance(table, dict):
            self.fail("keys", None, "config.keys_table")
        for name, value in table.items():
            if not (isinstance(value, str) and value.strip()):
                self.fail(name, "keys", "config.key_value")
        return dict(table)
