"""An input whose own keys act in the order they were read."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

__all__ = ["KeyedInput"]


class KeyedInput(Input):
    """:class:`~textual.widgets.Input`, with its bindings run when their key comes.

    Textual (8.2) queues a binding's action behind the keys read with it, so
    ``ctrl+u abc`` from one read (fast typing, a paste without bracketed paste,
    tmux, the served board) inserted ``abc`` and then deleted everything to its
    left, and ``abc``, Backspace, ``d`` ended as ``abc``.  The input's own actions
    run here instead, at once; priority bindings stay the app's.
    """

    async def _on_key(self, event: events.Key) -> None:
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            name = binding.action.partition("(")[0]
            if not binding.priority and hasattr(self, f"action_{name}"):
                event.stop()
                event.prevent_default()
                await self.run_action(binding.action)
                return
        await super()._on_key(event)
