"""The board's and the screens' texts; :func:`register` makes them known to ``t``.

Nothing registers on import: the board calls :func:`register` when it is built
(:func:`tui.app.make_app`); the command line registers its own catalog
(``tui.cli.texts``) when it starts.
"""

from __future__ import annotations

from types import ModuleType

from model.i18n import use
from tui.texts import board, config, day, screens

__all__ = ["CATALOGS", "register"]

CATALOGS: tuple[ModuleType, ...] = (board, config, screens, day)
"""Every catalog in ``tui/texts/``; a test fails when one is missing here."""


def register() -> None:
    use(*CATALOGS)
