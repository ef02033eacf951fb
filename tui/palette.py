"""The command palette (ctrl+p) offers every act of the board, from the one key table.

A user who forgets a key finds the act by name; what runs is the same screen
action the key runs, so palette and keys cannot drift apart.
"""

from __future__ import annotations

from functools import partial

from textual.actions import parse
from textual.command import DiscoveryHit, Hit, Hits, Provider

from model import t
from tui import keys
from tui.screens.help import key_label

__all__ = ["KeyCommands"]


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
