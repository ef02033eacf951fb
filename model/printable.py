"""User text made safe to show: control characters visible, never obeyed.

A client name, note or kudos may hold ``ESC ] 52`` (a clipboard write), a window
title or ``ESC [ 2 J``; printed as it is, the terminal would obey it.  Both front
ends show user text through these functions (the board through
:mod:`tui.safe_text`, the command line through its one echo helper), so what was
typed is what is shown.  No textual here: the command line must start fast.
"""

from __future__ import annotations

import re

__all__ = ["json_text", "printable", "terminal"]

# C0 controls become their Unicode "control picture" (␛ for ESC, ␀ for NUL),
# so a user sees that something odd is in the text rather than nothing at all.
_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}
_BREAKS = str.maketrans({"\r": " ", "\n": " ", "\t": " ", "\u2028": " ", "\u2029": " "})
# The command line's own layout: its lines and columns stay, everything else is shown.
_TERMINAL: dict[int, int] = {**_PICTURES, 0x0A: 0x0A, 0x09: 0x09, 0x2028: 0x20, 0x2029: 0x20}
# Bidi overrides could turn the rest of a row around; the zero-width joiner and
# other format characters stay, because emoji are built from them.  What is shown
# otherwise is found by one regular expression, not a loop over characters:
# ``list --json`` and ``today`` print lines for each of 1,000 clients.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# The categories Cc and Cs (C0, DEL, C1; surrogates) and the bidi overrides.
_UNSAFE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff{_BIDI}]")
_UNSAFE_BUT_LAYOUT = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ud800-\\udfff{_BIDI}]")
# C1 controls, line and paragraph separators, bidi overrides.
_JSON_ESCAPE = re.compile(f"[\\x80-\\x9f\\u2028\\u2029{_BIDI}]")


def printable(text: str) -> str:
    """``text`` as one line: control characters made visible, line breaks as spaces."""
    return _rest(text.translate(_BREAKS).translate(_PICTURES), _UNSAFE)


def terminal(text: str) -> str:
    """``text`` for a terminal: its line breaks and tabs kept, every other control visible.

    For output the program laid out itself, with user text inside it.
    """
    return _rest(text.translate(_TERMINAL), _UNSAFE_BUT_LAYOUT)


def json_text(text: str) -> str:
    """JSON text with C1 controls, bidi overrides and line separators as ``\\uXXXX``.

    JSON keeps the data exact; only these characters, which occur in JSON only
    inside strings, are spelled as escapes a terminal does not obey.
    """
    if text.isascii():
        return text  # orjson escapes every C0 control inside strings; raw ones are layout
    return _JSON_ESCAPE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def _rest(text: str, unsafe: re.Pattern[str]) -> str:
    """Every character ``unsafe`` matches as U+FFFD."""
    if text.isprintable():
        return text
    return unsafe.sub("\ufffd", text)
