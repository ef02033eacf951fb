"""The palette's own entries (Textual's theme, quit, keys...) and the footer speak German too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.command import CommandInput, CommandPalette
from textual.pilot import Pilot

from tests.tui.conftest import run, until
from tui.app import RapportApp


def test_the_palette_and_the_footer_speak_german(
    book_path: Path, open_app: Callable[..., RapportApp]
) -> None:
    app = open_app(book_path, locale="de")

    async def body(pilot: Pilot[None]) -> None:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles[:3] == ["Farbschema", "Beenden", "Tasten"]
        assert "Bildschirmfoto" in titles
        footer = app.export_screenshot()
        assert "Befehle" in footer and "palette" not in footer
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert app.screen.query_one(CommandInput).placeholder == "Befehl suchen…"
        await pilot.press(*"farb")
        await pilot.pause(0.3)
        shown = app.export_screenshot()
        assert "schema" in shown and "Farben" in shown  # the entry and its German help
        assert "theme" not in shown.replace("textual-", "")

    run(app, body, size=(100, 30))
