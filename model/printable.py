"""User text made safe for a terminal: every control character made visible.

A note holding ``ESC [ 2 J`` would clear the screen it is printed on, a bidi
override would turn the rest of a row around.  The board (through
:func:`tui.safe_text.safe`) and the command line (``rapport list``, ``client
show``) show book text through :func:`printable`, the one rule for both.
"""

from __future__ import annotations

import unicodedata

__all__ = ["printable"]

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
