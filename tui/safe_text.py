"""User text as the screen shows it: literally, and without terminal control.

A client name like ``[/bold] x`` is markup to Textual if passed as a plain
string, and crashes the app; a note holding ``ESC [ 2 J`` would reach the
terminal.  :func:`safe` turns any text from the book into a rich ``Text``
(never parsed as markup) in which every control character is replaced by a
visible stand-in, so what was typed is what is shown.
"""

from __future__ import annotations

import unicodedata

from rich.text import Text

__all__ = ["printable", "safe"]

# C0 controls become their Unicode "control picture" (␛ for ESC, ␀ for NUL),
# so a user sees that something odd is in the text rather than nothing at all.
_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}
_BREAKS = str.maketrans({"\r": " ", "\n": " ", "\t": " ", "\u2028": " ", "\u2029": " "})
# Bidi overrides could turn the rest of a row around; the zero-width joiner and
# other format characters stay, because emoji are built from them.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """``text`` with control characters made visible and line breaks as spaces."""
    text = text.translate(_BREAKS).translate(_PICTURES)
    if text.isprintable():
        return text
    return "".join("\ufffd" if _unsafe(ch) else ch for ch in text)


def _unsafe(ch: str) -> bool:
    return ch in _BIDI or unicodedata.category(ch) in ("Cc", "Cs")


def safe(text: str, style: str = "") -> Text:
    """A ``Text`` that shows ``text`` exactly as typed, never as markup or escapes."""
    return Text(printable(text), style=style)
