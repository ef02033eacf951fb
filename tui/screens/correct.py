"""The two dialogs of a correction: a small edit form and a delete confirmation.

Both are typed by their result and read with ``push_screen_wait``
(:mod:`tui.screens.correcting`).  The form shows only the fields that fit the
record (:data:`model.records.EDITABLE`), prefilled, and writes the fields the
user changed itself, in a thread worker through the session, by the book's own
rules: a refusal keeps the form open with the field that failed marked and the
book's words (which name the word) under it, and nothing is written.  Its answer
is the write's :class:`~tui.screens.live.Written`, or ``None`` when cancelled.
The confirmation answers ``True`` (delete) or ``False``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from model import BoardFilter, InteractionKind, IssueKind, RapportError, t
from tui.safe_text import safe
from tui.screens import acts, live
from tui.screens.keys import localize_bindings
from tui.session import Session
from tui.widgets.keyed_input import KeyedInput

__all__ = ["ConfirmDelete", "EditForm", "Record", "failed_field", "sentence"]

_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("interaction", "kind"): tuple(k.value for k in InteractionKind),
    ("issue", "kind"): tuple(k.value for k in IssueKind),
}
# The model's refusals of an edit that name no word of it: the field they are about.
_FIELD_OF_ERROR = {
    "edit.empty_text": "text",
    "edit.future": "date",
    "edit.opened_after_resolved": "date",
    "edit.below_paid": "amount",
    "edit.over_amount": "amount",
}


@dataclass(frozen=True)
class Record:
    """The record a correction is about: its ref and kind, itself in words, its fields now."""

    ref: str
    kind: str
    what: str
    values: Mapping[str, str]


def sentence(text: str) -> str:
    """A question that begins with a record in words begins with a capital ("Die Mail …")."""
    return text[:1].upper() + text[1:]


def failed_field(error: RapportError, changed: Mapping[str, str]) -> str | None:
    """The field of the form a refusal is about: named by the book, or the one holding
    the word it names, or the only one changed."""
    named = error.params.get("field")
    if isinstance(named, str) and named in changed:
        return named
    if error.key == "edit.due_before_issued":
        return "due" if "due" in changed else "date"
    if error.key in _FIELD_OF_ERROR and _FIELD_OF_ERROR[error.key] in changed:
        return _FIELD_OF_ERROR[error.key]
    words = {str(v).strip() for v in error.params.values() if isinstance(v, str | int)}
    holding = [name for name, value in changed.items() if value.strip() in words]
    if len(holding) == 1:
        return holding[0]
    return next(iter(changed)) if len(changed) == 1 else None


class EditForm(ModalScreen[live.Written | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "screens.keys.cancel"),
        Binding("ctrl+s", "save", "screens.keys.save"),
    ]

    def __init__(
        self, record: Record, session: Session, board_filter: Callable[[], BoardFilter]
    ) -> None:
        super().__init__(classes="rapport-modal")
        self.record = record
        self._session = session
        self._filter = board_filter
        self._locale = session.locale
        self._changed: dict[str, str] = {}
        self._saving = False
        localize_bindings(self, self._locale)

    def label(self, name: str) -> str:
        said = t(f"screens.edit.{name}", self._locale)
        choices = _CHOICES.get((self.record.kind, name))
        if choices is None:
            return said
        return t("screens.edit.choices", self._locale, field=said, choices=", ".join(choices))

    def compose(self) -> ComposeResult:
        locale = self._locale
        with Vertical(id="edit-form", classes="dialog"):
            title = t("screens.edit.title", locale, what=self.record.what)
            yield Static(safe(sentence(title)), classes="dialog-title")
            for name, value in self.record.values.items():
                yield Label(safe(self.label(name)), classes="field-label")
                yield KeyedInput(value, id=f"edit-{name}", compact=True)
            yield Static("", id="edit-error", classes="error")
            yield Static(safe(t("screens.edit.hint", locale)), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#edit-error").display = False
        self.query(Input).first().focus()

    def field(self, name: str) -> Input:
        return self.query_one(f"#edit-{name}", Input)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if self._saving:
            return
        changed = {
            name: self.field(name).value
            for name, before in self.record.values.items()
            if self.field(name).value != before
        }
        if not changed:
            self.dismiss(None)  # nothing changed: nothing to write
            return
        self._saving, self._changed = True, changed
        self._save(changed)

    @work(thread=True, group="edit", exit_on_error=False)
    def _save(self, changed: dict[str, str]) -> None:
        do = acts.edit(self.record.ref, changed, self._locale)
        self.post_message(live.write(self._session, do, None, self._filter()))

    def on_written(self, message: live.Written) -> None:
        message.stop()
        self.dismiss(message)

    def on_refused(self, message: live.Refused) -> None:
        message.stop()
        self._saving = False
        error = message.error
        name = failed_field(error, self._changed)
        said = error.render(self._locale)
        for shown in self.query(Input):
            shown.remove_class("-invalid")
        if name is not None:
            label = t(f"screens.edit.{name}", self._locale)
            said = t("screens.edit.refused", self._locale, field=label, error=said)
            self.field(name).add_class("-invalid")
            self.field(name).focus()
        self._say(said)

    def on_failed(self, message: live.Failed) -> None:
        message.stop()
        self._saving = False
        self._say(t("board.status.failed", self._locale, error=f"{message.error!r}"))

    def _say(self, text: str) -> None:
        error = self.query_one("#edit-error", Static)
        error.update(safe(text))
        error.display = True
        self.call_after_refresh(error.scroll_visible, animate=False)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDelete(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "screens.keys.cancel"),
        Binding("y,j", "answer(True)", "screens.confirm.yes"),
    ]

    def __init__(self, question: str, locale: str = "en") -> None:
        super().__init__(classes="rapport-modal")
        self.question = question
        self._locale = locale
        localize_bindings(self, locale)

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm", classes="dialog"):
            yield Static(safe(self.question), classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("screens.confirm.yes", self._locale), id="yes", variant="error")
                yield Button(t("screens.confirm.no", self._locale), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # Enter alone deletes nothing

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
