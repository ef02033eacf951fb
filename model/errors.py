"""One error base class, so every caller can catch what the book refuses.

Each error carries a message key and its parameters rather than a finished
sentence: the CLI and the board render it in the user's language with
:func:`model.i18n.t`.  ``str(error)`` is the English text, for logs and tests.
"""

from __future__ import annotations

from typing import Any

from model.i18n import t

__all__ = [
    "BookCorrupt",
    "BookTooNew",
    "InputError",
    "RapportError",
    "WriteFailed",
]


class RapportError(Exception):
    """Base of every error the model raises on purpose."""

    key = "error.generic"

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


class BookTooNew(RapportError):
    """The book was written by a newer Rapport; we must not write over it."""

    key = "store.too_new"


class WriteFailed(RapportError):
    """The disk refused the write; the book on disk and in memory is unchanged."""

    key = "store.write_failed"
