"""The two dialogs of a correction: a small edit form and a delete confirmation.

Both are typed by their result: the form answers the fields the user changed
(``None``: cancelled), the confirmation ``True`` or ``False``.  The form shows only
the fields that fit the record, prefilled, and comes back with the book's
refusal in place when an edit did not fit, so the user can mend the word.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from model import t
from tui.safe_text import safe
from tui.screens.keys import localize_bindings

__all__ = ["ConfirmDelete", "EditForm"]


class EditForm(ModalScreen[dict[str, str] | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "screens.keys.cancel")]

    def __init__(
        self, title: str, values: dict[str, str], locale: str = "en", error: str = ""
    ) -> None:
        super().__init__(classes="rapport-modal")
        self._title = title
        self._values = values
        self._locale = locale
        self._error = error
        localize_bindings(self, locale)

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-form", classes="dialog"):
            yield Static(safe(self._title), classes="dialog-title")
            for name, value in self._values.items():
                yield Label(safe(t(f"screens.edit.{name}", self._locale)))
                yield Input(value, id=f"edit-{name}")
            error = Static(safe(self._error), id="edit-error", classes="error")
            error.display = bool(self._error)
            yield error
            yield Static(safe(t("screens.edit.hint", self._locale)), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        changed = {
            name: self.query_one(f"#edit-{name}", Input).value
            for name, before in self._values.items()
            if self.query_one(f"#edit-{name}", Input).value != before
        }
        self.dismiss(changed)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDelete(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "screens.keys.cancel"),
        Binding("y,j", "answer(True)", "screens.confirm.yes"),
    ]

    def __init__(self, question: str, locale: str = "en") -> None:
        super().__init__(classes="rapport-modal")
        self._question = question
        self._locale = locale
        localize_bindings(self, locale)

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm", classes="dialog"):
            yield Static(safe(self._question), classes="dialog-title")
            with Horizontal():
                yield Button(t("screens.confirm.yes", self._locale), id="yes", variant="error")
                yield Button(t("screens.confirm.no", self._locale), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
