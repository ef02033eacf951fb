"""The board's questions, each read in one function with ``push_screen_wait``.

Call them from a ``@work`` method of a screen (``push_screen_wait`` must wait
in a worker).  ``None`` means the user pressed Escape: nothing is to change.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from model import Client, Reflection, State, needs_reflection
from tui.screens.reflection import ReflectionScreen
from tui.screens.state_picker import StatePicker

__all__ = ["ask_reflection", "ask_state"]


async def ask_reflection(app: App[Any], name: str, locale: str) -> Reflection | None:
    """Stop / Pause / Play for the client ``name`` that ends (an empty one for Skip)."""
    return await app.push_screen_wait(ReflectionScreen(name, locale))


async def ask_state(
    app: App[Any], client: Client, locale: str
) -> tuple[State, Reflection | None] | None:
    """The state the user picks and, when it ends the client, the reflection."""
    state = await app.push_screen_wait(StatePicker(client.state, locale))
    if state is None:
        return None
    if not needs_reflection(state):
        return state, None
    reflection = await ask_reflection(app, client.name, locale)
    return None if reflection is None else (state, reflection)
