"""Key descriptions in the reader's language.

Textual declares ``BINDINGS`` on the class, before anyone knows the locale, so
the screens write a catalog key (``screens.keys.back``) as the description and
translate their own copy of the bindings when they are built.  The footer, the
command palette and the help screen then all show the same localized words.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from model import t

__all__ = ["localize_bindings"]


def localize_bindings(node: DOMNode, locale: str) -> None:
    """Give ``node`` its own bindings whose descriptions are translated."""
    # Private Textual API: ``_bindings`` is the node's own copy of its class's
    # BINDINGS (built per instance), the only place that is per instance, so
    # replacing it translates this node's footer and palette without touching
    # the class.  Textual has no public way to set a description at run time.
    translated = [
        replace(binding, description=t(binding.description, locale))
        for bindings in node._bindings.key_to_bindings.values()
        for binding in bindings
    ]
    node._bindings = BindingsMap(translated)
