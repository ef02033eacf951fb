"""One error base class, so every caller can catch what the book refuses.

Each error carries a message key and its parameters rather than a finished
sentence: the CLI and the board render it in the user's language with
:func:`model.i18n.t`.  ``str(error)`` is the English text, for logs and tests.
"""

from __future__ import annotations

import errno
from typing import Any

from model.i18n import t

__all__ = [
    "BookCorrupt",
    "BookTooNew",
    "BookUnusable",
    "InputError",
    "LockTimeout",
    "RapportError",
    "WriteFailed",
    "write_failed",
]


class RapportError(Exception):
    """Base of every error the model raises on purpose."""

    key = "error.generic"
    #: What a command line ends with: 2 for what the user typed, 1 for a runtime failure.
    exit_status = 2

    def __init__(self, key: str | None = None, /, **params: Any) -> None:
        if key is not None:
            self.key = key
        self.params = params
        super().__init__(self.render("en"))

    def render(self, locale: str) -> str:
        return t(self.key, locale, **self.params)


class InputError(RapportError):
    """What the user typed cannot be applied; nothing was written."""

    key = "error.input"


class BookCorrupt(RapportError):
    """The book file does not parse; it is left exactly as it is."""

    key = "store.corrupt"
    exit_status = 1


class BookTooNew(RapportError):
    """The book was written by a newer Rapport; we must not write over it."""

    key = "store.too_new"
    exit_status = 1


class BookUnusable(RapportError):
    """What is at the book's path cannot be a book (a folder, a FIFO, a loop of links…).

    Found before anything is opened for writing, so nothing was changed.
    """

    key = "store.unusable"
    exit_status = 1


class LockTimeout(RapportError):
    """Another process held the book's lock for longer than we wait; nothing was written."""

    key = "store.lock_timeout"
    exit_status = 1


class WriteFailed(RapportError):
    """The disk refused the write; the book on disk and in memory is unchanged."""

    key = "store.write_failed"
    exit_status = 1

    @property
    def may_not_write(self) -> bool:
        """Refused for who we are or where the book lies, not for want of space."""
        return self.key in ("store.write_failed.permission", "store.write_failed.read_only")


# The advice follows the cause: "free some disk space" is no help for a book
# that belongs to another user or lies on a read-only mount.
_ADVICE = {
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.EROFS: "read_only",
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EFBIG: "disk_full",
}


def write_failed(path: object, error: OSError) -> WriteFailed:
    """The :class:`WriteFailed` for ``error``, with advice that fits its cause."""
    advice = _ADVICE.get(error.errno or 0, "other")
    return WriteFailed(
        f"store.write_failed.{advice}", path=str(path), reason=error.strerror or str(error)
    )
