"""The reader's language, carried once: by the session, read through the app.

The board's widgets do not take a ``locale`` each; they ask the app they are
composed in (:attr:`tui.app.RapportApp.locale`, the session's).  Outside the
board (a screen under test in a bare app) they speak English.
"""

from __future__ import annotations

from textual.dom import DOMNode

__all__ = ["locale_of"]


def locale_of(node: DOMNode) -> str:
    """The language of the app ``node`` is composed in (``"en"`` when it names none)."""
    locale = getattr(node.app, "locale", "en")
    return locale if isinstance(locale, str) else "en"
