"""Sub-commands imported when they run, not when ``rapport`` starts.

``rapport quick`` from another terminal must not pay for merge, sync, the
listings and their libraries: the group knows each command by name and where it
lives (``"module:attribute"``), and imports it only when it is asked for.
``rapport --help`` asks for every one of them, so it still lists them all.  A
name with a space (``"client delete"``) is a command of a group, added to that
group when the group is loaded.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

import click

from tui.cli.context import RapportGroup

__all__ = ["LazyGroup"]


def _load(spec: str) -> click.Command:
    module, _, attribute = spec.partition(":")
    command = getattr(importlib.import_module(module), attribute)
    assert isinstance(command, click.Command), spec
    return command


class LazyGroup(RapportGroup):
    """A :class:`RapportGroup` whose commands are imported on first use."""

    def __init__(self, *args: Any, lazy: Mapping[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        own = super().list_commands(ctx)
        return sorted({*own, *(name for name in self.lazy if " " not in name)})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            command = _load(self.lazy[cmd_name])
            if isinstance(command, click.Group):
                prefix = f"{cmd_name} "
                for name, spec in self.lazy.items():
                    if not name.startswith(prefix):
                        continue
                    if isinstance(command, LazyGroup):  # imported in its turn, when it runs
                        command.lazy[name.removeprefix(prefix)] = spec
                    else:
                        command.add_command(_load(spec), name.removeprefix(prefix))
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)
