"""User text made safe, checked character by character against the rule it implements."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from model.printable import json_text, printable, terminal

_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}


def _shown(ch: str, keep: str) -> str:
    """The rule: a control or surrogate left over, or a bidi override, is U+FFFD."""
    unsafe = ch in _BIDI or unicodedata.category(ch) in ("Cc", "Cs")
    return "\ufffd" if unsafe and ch not in keep else ch


def _printable(text: str) -> str:
    one_line = "".join(" " if ch in "\r\n\t\u2028\u2029" else ch for ch in text)
    return "".join(_shown(ch, "") for ch in one_line.translate(_PICTURES))


def _terminal(text: str) -> str:
    table = {**_PICTURES, 0x0A: 0x0A, 0x09: 0x09, 0x2028: 0x20, 0x2029: 0x20}
    return "".join(_shown(ch, "\n\t") for ch in text.translate(table))


def _json_text(text: str) -> str:
    escape = _BIDI | {"\u2028", "\u2029"} | {chr(c) for c in range(0x80, 0xA0)}
    return "".join(f"\\u{ord(ch):04x}" if ch in escape else ch for ch in text)


# Plain letters and every kind of character the rule treats apart.
_OTHERS = ["\u2028", "\u2029", "\ud800", "\udfff", "\u200d", "é", "€", "😀", "\ufffd", "\u2400"]
_ODD = st.sampled_from(
    [*map(chr, range(0x00, 0x21)), *map(chr, range(0x7F, 0xA1)), *sorted(_BIDI), *_OTHERS]
)
TEXT = st.lists(st.one_of(_ODD, st.characters()), max_size=40).map("".join)


@given(TEXT)
def test_printable_follows_the_rule(text: str) -> None:
    assert printable(text) == _printable(text)


@given(TEXT)
def test_terminal_follows_the_rule(text: str) -> None:
    assert terminal(text) == _terminal(text)


@given(TEXT)
def test_json_text_follows_the_rule(text: str) -> None:
    assert json_text(text) == _json_text(text)


def test_every_code_point_the_rule_names_alone() -> None:
    # Controls, separators and bidi overrides all lie below U+2100; surrogates at the ends.
    edges = [0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFEFF, 0xFFFD, 0x10FFFF]
    for code in [*range(0x2100), *edges]:
        ch = chr(code)
        assert printable(ch) == _printable(ch), hex(code)
        assert terminal(ch) == _terminal(ch), hex(code)
        assert json_text(ch) == _json_text(ch), hex(code)
