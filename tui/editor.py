"""Long text in the user's own editor, as jrnl and git do: ``$VISUAL``, else ``$EDITOR``, else vi.

The reflection and a quick-log note can be more than an input line holds.  The
text goes to a temp file only the user can read (0600, ``mkstemp``), the board
steps aside (``App.suspend``) while the editor owns the terminal, and the file's
text comes back; the file is removed either way.  Where the board cannot step
aside (a terminal Textual cannot suspend) the user is told so in words.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from textual.app import App, SuspendNotSupported

from model import t

__all__ = ["Runner", "edit_text", "editor_command", "in_editor"]

Runner = Callable[[Sequence[str]], int]
"""Runs the editor's command line; answers its exit status."""


def editor_command(env: Mapping[str, str] | None = None) -> list[str]:
    """``$VISUAL``, else ``$EDITOR``, else ``vi``, split as a shell would (``code --wait``)."""
    env = os.environ if env is None else env
    for name in ("VISUAL", "EDITOR"):
        words = shlex.split(env.get(name, ""))
        if words:
            return words
    return ["vi"]


def _run(command: Sequence[str]) -> int:
    return subprocess.call(list(command))


def edit_text(
    text: str, *, run: Runner = _run, env: Mapping[str, str] | None = None, suffix: str = ".md"
) -> str | None:
    """``text`` after the user edited it; ``None`` when the editor failed (its exit status)."""
    handle, path = tempfile.mkstemp(prefix="rapport-", suffix=suffix)  # 0600: notes are private
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        if run([*editor_command(env), path]) != 0:
            return None
        with open(path, encoding="utf-8", errors="replace") as file:
            return file.read()
    finally:
        os.unlink(path)


def in_editor(app: App[Any], text: str, locale: str, *, suffix: str = ".md") -> str | None:
    """Suspend ``app``, let the user edit ``text``, resume; ``None`` (and a notice) if not."""
    try:
        with app.suspend():
            edited = edit_text(text, suffix=suffix)
    except SuspendNotSupported:
        app.notify(t("board.editor.no_suspend", locale), severity="warning", markup=False)
        return None
    except OSError as error:  # no such editor, or the temp folder refused the file
        said = t("board.editor.failed", locale, editor=" ".join(editor_command()), error=str(error))
        app.notify(said, severity="error", markup=False)
        return None
    if edited is None:
        app.notify(t("board.editor.gave_up", locale), severity="warning", markup=False)
    return edited
