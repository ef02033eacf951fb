"""Stop / Pause / Play: what a relationship taught, asked for when it ends.

The domain (text 000): on ending a client, reflect on what to stop, what to value
today and what to take forward.  The dialog answers a :class:`Reflection`
(Save, or an empty one for Skip) or ``None`` for Escape, which the board takes
as "keep the old state".  It works from the keyboard alone: Tab between the
fields, Enter on a field moves on, Enter on the last field or ctrl+s saves.
ctrl+e writes the three in ``$EDITOR`` instead (one heading each), as jrnl does;
what the editor saves is the reflection.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from model import Reflection, t
from tui.editor import in_editor
from tui.formats import themed
from tui.safe_text import safe
from tui.screens.keys import localize_bindings
from tui.widgets.keyed_input import KeyedInput

__all__ = ["FIELDS", "ReflectionScreen", "read_template", "template"]

FIELDS = ("stop", "pause", "play")
_HEADING = "# "


def template(reflection: Reflection, locale: str) -> str:
    """The file the editor opens: a heading per field (what it asks), then what is said."""
    parts = []
    for name in FIELDS:
        label = t(f"screens.reflection.{name}", locale)
        asks = t(f"screens.reflection.{name}_help", locale)
        parts.append(f"{_HEADING}{label}: {asks}\n{getattr(reflection, name)}\n")
    return "\n".join(parts)


def read_template(text: str) -> Reflection:
    """The fields back from the edited file, by the order of its headings, trimmed."""
    said: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith(_HEADING):
            said.append([])
        elif said:
            said[-1].append(line)
    values = ["\n".join(lines).strip() for lines in said[: len(FIELDS)]]
    return Reflection(**dict(zip(FIELDS, values, strict=False)))


class ReflectionScreen(ModalScreen[Reflection | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "screens.keys.cancel"),
        Binding("ctrl+s", "save", "screens.keys.save", priority=True),
        Binding("ctrl+e", "editor", "board.key.editor", priority=True),
    ]

    def __init__(self, client_name: str, locale: str = "en") -> None:
        super().__init__(classes="rapport-modal")
        self._client_name = client_name
        self._locale = locale
        localize_bindings(self, locale)

    def compose(self) -> ComposeResult:
        locale = self._locale
        with Vertical(id="reflection", classes="dialog"):
            title = t("screens.reflection.title", locale, name=self._client_name)
            yield Static(safe(title), classes="dialog-title")
            yield Static(safe(t("screens.reflection.intro", locale)), classes="dialog-intro")
            for name in FIELDS:
                label = safe(t(f"screens.reflection.{name}", locale))
                label.append(
                    f"  {t(f'screens.reflection.{name}_help', locale)}", style=themed("muted")
                )
                yield Label(label, classes="field-label")
                yield KeyedInput(id=f"reflection-{name}", classes="field")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    safe(t("screens.reflection.save", locale)), id="save", variant="primary"
                )
                yield Button(safe(t("screens.reflection.skip", locale)), id="skip")
                yield Button(safe(t("screens.reflection.cancel", locale)), id="cancel")
            yield Static(safe(t("screens.reflection.keys", locale)), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#reflection-stop", Input).focus()

    def reflection(self) -> Reflection:
        """What is typed so far, trimmed."""
        said = {name: self.query_one(f"#reflection-{name}", Input).value.strip() for name in FIELDS}
        return Reflection(**said)

    @on(Input.Submitted)
    def _next_or_save(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == f"reflection-{FIELDS[-1]}":
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.dismiss(self.reflection())

    def action_editor(self) -> None:
        """The reflection in ``$EDITOR``; saved as the editor left it, unless left empty."""
        edited = in_editor(self.app, template(self.reflection(), self._locale), self._locale)
        if edited is None:
            return
        reflection = read_template(edited)
        if not reflection.is_empty():
            self.dismiss(reflection)

    @on(Button.Pressed, "#skip")
    def action_skip(self) -> None:
        self.dismiss(Reflection())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
