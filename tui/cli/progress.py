"""A progress bar on stderr for a long write (``rapport demo`` of a 1M book), on a terminal only.

The model tells ``(stage, done, total)`` (see :data:`model.book.Progress`); each stage
gets a bar of its own, labelled in the reader's language.  In a script nothing is
shown: stderr is kept for errors.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from tui.cli.context import Context

__all__ = ["Bars", "bars"]


class Bars:
    """One click progress bar per stage, the last one closed when the next begins."""

    def __init__(self, c: Context) -> None:
        self.c = c
        self.stage: str | None = None
        self.bar: Any = None
        self.shown = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.close()
            self.stage, self.shown = stage, 0
            label = self.c.say(f"cli.progress.{stage}")
            self.bar = click.progressbar(length=max(total, 1), label=label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def bars(c: Context, records: int) -> Bars | None:
    """Bars for a write of ``records`` records when a person watches and it takes a while."""
    return Bars(c) if records >= 50_000 and sys.stderr.isatty() else None
