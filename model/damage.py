"""The words for a damaged book: where the damage is, and which backup to restore.

A damaged book is the moment a user is most worried, so each error names the
file, the place (a line and column, or a JSON path such as ``/clients/3/name``),
that nothing was changed, and the newest backup to copy over it.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from model import bookfile
from model.errors import BookCorrupt
from model.i18n import Phrase
from model.storage import LayoutError

__all__ = ["misshapen", "parser_reason", "unreadable"]

#: What orjson says, by how its message begins, and the catalog text for it: the
#: reason is the one part of the damaged-book error a German reader would else get
#: in English.  A message not listed here is shown as the parser wrote it.
_PARSER_REASONS = (
    ("Input is a zero-length", "json.empty"),
    ("unexpected end of data", "json.end"),
    ("unexpected character, expected ':'", "json.colon"),
    ("unexpected character, expected ',' or '}'", "json.comma_brace"),
    ("unexpected character, expected ',' or ']'", "json.comma_bracket"),
    ("unexpected character, expected a string key", "json.key"),
    ("unexpected character, expected a JSON value", "json.value"),
    ("invalid literal", "json.literal"),
    ("invalid escaped sequence", "json.escape"),
    ("unexpected control character", "json.control"),
    ("trailing comma", "json.trailing_comma"),
    ("unexpected content after document", "json.after"),
    ("no digit after", "json.number"),
    ("number ", "json.number"),
)


def parser_reason(message: str) -> str:
    """The JSON parser's ``message`` as a :class:`Phrase` where it is a known one."""
    for start, key in _PARSER_REASONS:
        if message.startswith(start):
            return Phrase(key)
    return message


def _backup(path: Path, *, versioned: bool) -> tuple[str, str]:
    """The key suffix and the newest backup, ``("_no_backup", "")`` when there is none."""
    backups = bookfile.backups(path)
    if not backups and versioned:
        backups = sorted(path.parent.glob(f"{path.name}.v*.bak"))
    return ("", str(backups[0])) if backups else ("_no_backup", "")


def _printable(where: str) -> str:
    return where.encode("utf-8", "backslashreplace").decode("utf-8")


def unreadable(path: Path, error: orjson.JSONDecodeError | LayoutError) -> BookCorrupt:
    """The book does not parse, or is not laid out as ``{table: {number: document}}``."""
    suffix, backup = _backup(path, versioned=True)
    if isinstance(error, LayoutError):
        return BookCorrupt(
            f"store.corrupt_layout{suffix}",
            path=str(path),
            where=_printable(error.where),
            backup=backup,
        )
    return BookCorrupt(
        f"store.corrupt{suffix}",
        path=str(path),
        line=error.lineno,
        column=error.colno,
        char=error.pos,
        reason=parser_reason(error.msg),
        backup=backup,
    )


def misshapen(path: Path, where: str, expected: str) -> BookCorrupt:
    """A document not as Rapport writes it, at ``where``; see :mod:`model.shapes`."""
    suffix, backup = _backup(path, versioned=False)
    return BookCorrupt(
        f"store.corrupt_shape{suffix}",
        path=str(path),
        where=_printable(where),
        expected=expected,
        backup=backup,
    )
