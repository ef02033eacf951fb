"""The command palette (ctrl+p) offers every act of the board, from the one key table.

A user who forgets a key finds the act by name; what runs is the same screen
action the key runs, so palette and keys cannot drift apart.  Textual's own
entries (theme, quit, keys, maximize, screenshot) are offered in the reader's
language too: :func:`system_commands` yields them for ``App.get_system_commands``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from textual.actions import parse
from textual.app import App, SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from model import t
from tui import keys
from tui.screens.help import key_label

__all__ = ["KeyCommands", "system_commands"]


class KeyCommands(Provider):
    def _commands(self) -> list[tuple[str, str, str]]:
        """``(description, action, keys)`` of what applies now, in the language of the screen."""
        locale = getattr(self.screen, "locale", "en")
        return [
            (t(key.description, locale), key.command, key_label(key.keys))
            for key in keys.palette()
            if key.command is not None and self._applies(key.command)
        ]

    def _applies(self, command: str) -> bool:
        _, name, parameters = parse(command)
        return self.screen.check_action(name, parameters) is not False

    async def discover(self) -> Hits:
        for text, action, shortcut in self._commands():
            yield DiscoveryHit(text, partial(self.screen.run_action, action), help=shortcut)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, action, shortcut in self._commands():
            score = matcher.match(text)
            if score > 0:
                command = partial(self.screen.run_action, action)
                yield Hit(score, matcher.highlight(text), command, help=shortcut)


def system_commands(app: App[Any], screen: Screen[Any], locale: str) -> Iterator[SystemCommand]:
    """Textual's own entries of the palette, the same acts, in ``locale``."""

    def said(name: str) -> tuple[str, str]:
        return t(f"board.palette.{name}", locale), t(f"board.palette.{name}_help", locale)

    yield SystemCommand(*said("theme"), app.action_change_theme)
    yield SystemCommand(*said("quit"), app.action_quit)
    if screen.query("HelpPanel"):
        yield SystemCommand(*said("keys_hide"), app.action_hide_help_panel)
    else:
        yield SystemCommand(*said("keys"), app.action_show_help_panel)
    if screen.maximized is not None:
        yield SystemCommand(*said("minimize"), screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(*said("maximize"), screen.action_maximize)
    yield SystemCommand(*said("screenshot"), lambda: app.set_timer(0.1, app.deliver_screenshot))
