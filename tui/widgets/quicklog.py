"""The quick-log line: the CLI's one-line language, a keystroke away on the board.

A relationship stays healthy through small acts, so logging one must take
seconds: ``l``, the selected client is already there, Tab completes (from what
the book knows: ids, verbs and the nearest one for a typo, and after a verb its
invoice, issue and thanks numbers, refs and states), Up recalls
what was typed before (kept in a small history file, never in the book), Enter
writes.  A line the book refuses keeps the input open with the failing word
marked and what would be valid there; nothing is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from model import RapportError, bookfile, t
from model.quicklog import QuickLogError
from tui import keys
from tui.editor import in_editor
from tui.formats import themed
from tui.locale import locale_of
from tui.safe_text import printable, safe
from tui.screens.keys import localize_bindings
from tui.widgets.keyed_input import KeyedInput

__all__ = ["Completer", "History", "QuickLogBar", "QuickLogInput", "error_text"]

Completer = Callable[[str, int], list[str]]
"""``(line, cursor) -> words`` for the word at the cursor: the session's
:meth:`~tui.session.Session.completions`, called in a worker thread."""


class History:
    """Lines written before, oldest first, in a file of one line each."""

    LIMIT = 500

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def load(self) -> list[str]:
        """The last :attr:`LIMIT` lines; trims the file when it has grown to twice that."""
        if self.path is None:
            return []
        try:
            lines = self.path.read_text("utf-8", errors="replace").splitlines()
        except OSError:
            return []  # a convenience, never a reason to fail
        if len(lines) > 2 * self.LIMIT:
            lines = lines[-self.LIMIT :]
            with suppress(OSError):
                payload = "".join(f"{line}\n" for line in lines).encode("utf-8", "replace")
                bookfile.replace(self.path, payload, keep=False)
        # Recalled into the input as the text it was, never as terminal control.
        return [printable(line) for line in lines if line.strip()][-self.LIMIT :]

    def append(self, line: str) -> None:
        """Add ``line``; the file is private (0600 in a 0700 folder) whatever the umask:
        it holds what was said about clients."""
        if self.path is None:
            return
        bookfile.private_folder(self.path.parent)
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW
        fd = os.open(self.path, flags, 0o600)
        with open(fd, "a", encoding="utf-8") as handle:
            os.fchmod(fd, 0o600)
            handle.write(" ".join(line.splitlines()) + "\n")

    def remember(self, line: str) -> None:
        """:meth:`append`, for a line that was written: the history is a convenience, so a
        home folder that refuses it must not turn a write that happened into an error."""
        with suppress(OSError):
            self.append(line)


class QuickLogInput(KeyedInput):
    """An input with completion (Tab) and history (Up / Down)."""

    BINDINGS = keys.bindings(keys.QUICKLOG)

    class Closed(Message):
        """Escape: the user gave up on the line."""

    class Completions(Message):
        def __init__(self, words: list[str]) -> None:
            super().__init__()
            self.words = words

    class Completed(Message):
        """What the book offers for the word at ``position`` of ``line``."""

        def __init__(self, line: str, position: int, words: list[str]) -> None:
            super().__init__()
            self.line, self.position, self.words = line, position, words

    def __init__(self, completer: Completer, *, id: str | None = None) -> None:
        locale = locale_of(self)
        placeholder = t("board.quicklog.placeholder", locale)
        super().__init__(placeholder=placeholder, select_on_focus=False, id=id)
        self.locale = locale
        self.history: list[str] = []
        self.completer = completer
        self._index = 0
        self._draft = ""
        self._cycle: tuple[list[str], int, str] | None = None
        localize_bindings(self, locale)

    def start(self, text: str) -> None:
        self.value = text
        self.cursor_position = len(text)
        self._index = len(self.history)
        self._draft = text
        self._cycle = None

    def remember(self, line: str) -> None:
        if not self.history or self.history[-1] != line:
            self.history.append(line)

    def action_history(self, step: int) -> None:
        """Up (-1) goes back in history, Down (+1) forward, and past the end to the draft."""
        if self._index == len(self.history):
            self._draft = self.value
        index = max(0, min(len(self.history), self._index + step))
        if index == self._index:
            return
        self._index = index
        text = self._draft if index == len(self.history) else self.history[index]
        self.value = text
        self.cursor_position = len(text)

    def action_complete(self) -> None:
        """Complete the word at the cursor; Tab again cycles through the candidates.

        The candidates come from the book in a worker (a big book is never read on
        the event loop); an answer for a line the user has typed on from is dropped.
        """
        if self._cycle is not None and self._cycle[2] == self.value:
            words, index = self._cycle[0], (self._cycle[1] + 1) % len(self._cycle[0])
            self._put(words, index, words[index])
            return
        self._ask(self.value, self.cursor_position)

    @work(thread=True, group="complete", exclusive=True, exit_on_error=False)
    def _ask(self, line: str, position: int) -> None:
        try:
            words = self.completer(line, position)
        except RapportError:  # a book that cannot be read offers nothing; the board says why
            words = []
        self.post_message(self.Completed(line, position, words))

    def on_quick_log_input_completed(self, message: Completed) -> None:
        message.stop()
        if (self.value, self.cursor_position) != (message.line, message.position):
            return
        words = message.words
        self.post_message(self.Completions(words))
        if not words:
            return
        head = self.value[: self.cursor_position]
        start = len(head) - len(head.split(" ")[-1])
        common = os.path.commonprefix(words)  # noqa: RUF071 (characters are meant)
        if len(words) == 1:
            word = words[0] + " "
        else:
            word = common if len(common) > len(head) - start else words[0]
        self._put(words, 0, word)

    def _put(self, words: list[str], index: int, word: str) -> None:
        """Replace the word at the cursor with ``word`` (candidate ``index`` of ``words``)."""
        head, tail = self.value[: self.cursor_position], self.value[self.cursor_position :]
        start = len(head) - len(head.split(" ")[-1])
        self.value = head[:start] + word + tail
        self.cursor_position = start + len(word)
        cycling = len(words) > 1 and word in words
        self._cycle = (words, index, self.value) if cycling else None

    def action_editor(self) -> None:
        """ctrl+e: a long note in ``$EDITOR``; it comes back as the line, to read and Enter."""
        edited = in_editor(self.app, self.value, self.locale, suffix=".txt")
        if edited is not None:
            self.start(" ".join(edited.split()))  # one line: the quick-log reads one

    def action_close(self) -> None:
        self.post_message(self.Closed())


def error_text(line: str, error: RapportError, locale: str) -> Text:
    """Carets under the failing word of the line above, then what went wrong and what fits."""
    said = safe(error.render(locale), themed("error"))
    if isinstance(error, QuickLogError):
        start, word = error.position, error.word
    elif error.key.startswith("client."):
        start, word = 0, line.split(" ", 1)[0]
    else:
        return said
    carets = Text(" " * cell_len(printable(line[:start])))
    carets.append("^" * max(1, cell_len(printable(word))), themed("error", bold=True))
    return Text("\n").join([carets, said])


class QuickLogBar(Vertical):
    """The input and, under it, what the book said about the line or what Tab found."""

    class Submitted(Message):
        def __init__(self, line: str) -> None:
            super().__init__()
            self.line = line

    class Loaded(Message):
        """The lines of earlier sessions, oldest first, read from the history file."""

        def __init__(self, lines: list[str]) -> None:
            super().__init__()
            self.lines = lines

    def __init__(self, history: History, completer: Completer, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.history = history
        self.locale = locale_of(self)
        self.input = QuickLogInput(completer, id="quicklog-input")
        self.note = Static("", id="quicklog-note")
        self.busy = False
        self.said = Text()

    def compose(self) -> ComposeResult:
        yield self.input
        yield self.note

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exit_on_error=False)
    def _load(self) -> None:
        self.post_message(self.Loaded(self.history.load()))

    def on_quick_log_bar_loaded(self, message: Loaded) -> None:
        message.stop()
        self.input.history[:0] = message.lines

    def open(self, text: str) -> None:
        self.display = True
        self.busy = False
        self.input.start(text)
        self.say(Text(t("board.quicklog.hint", self.locale), "dim"))
        # At once, not focus()'s call_later: the keys typed right after ``l`` are
        # already queued and must find the input focused (type-ahead).
        self.screen.set_focus(self.input)

    def close(self) -> None:
        self.display = False
        self.busy = False

    def say(self, text: Text) -> None:
        self.said = text
        self.note.update(text)

    def refuse(self, line: str, error: RapportError) -> None:
        self.busy = False
        self.say(error_text(line, error, self.locale))
        if isinstance(error, QuickLogError):
            self.input.cursor_position = error.position

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        line = event.value.strip()
        if self.busy:
            return
        if not line:
            self.post_message(QuickLogInput.Closed())
            return
        self.busy = True
        self.say(Text(t("board.quicklog.writing", self.locale), "dim"))
        self.post_message(self.Submitted(line))

    def on_quick_log_input_completions(self, event: QuickLogInput.Completions) -> None:
        event.stop()
        if event.words:
            self.say(Text(" · ".join(event.words[:12]), themed("primary")))
        else:
            self.say(Text(t("board.quicklog.no_completion", self.locale), "dim"))
