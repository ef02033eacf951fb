"""User text as the screen shows it: literally, and without terminal control.

A client name like ``[/bold] x`` is markup to Textual if passed as a plain
string, and crashes the app; a note holding ``ESC [ 2 J`` would reach the
terminal.  :func:`safe` turns any text from the book into a rich ``Text``
(never parsed as markup) in which every control character is replaced by a
visible stand-in (:func:`model.printable.printable`, shared with the command
line), so what was typed is what is shown.
"""

from __future__ import annotations

from rich.text import Text

from model.printable import printable

__all__ = ["printable", "safe"]


def safe(text: str, style: str = "") -> Text:
    """A ``Text`` that shows ``text`` exactly as typed, never as markup or escapes."""
    return Text(printable(text), style=style)
