"""The config file on the board: its theme and [keys] at start, a picked theme saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import run, until
from tui.app import RapportApp
from tui.board_config import configure
from tui.config import ConfigError, load_config
from tui.screens.help import HelpScreen

OpenApp = Callable[..., RapportApp]

CONFIG = '# my settings\ntheme = "nord"  # calm\n\n[keys]\nhelp = "f1"\n'


def test_theme_and_keys_from_the_file_and_the_picked_theme_is_kept(
    tmp_path: Path, book_path: Path, open_app: OpenApp
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG)
    app = open_app(book_path)
    configure(app, load_config(path, env={}))

    async def body(pilot: Pilot[None]) -> None:
        assert app.theme == "nord"
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        app.pop_screen()
        await pilot.pause()
        app.theme = "gruvbox"  # what the palette's theme picker does
        await until(pilot, lambda: 'theme = "gruvbox"' in path.read_text())

    run(app, body)
    assert path.read_text() == CONFIG.replace('"nord"', '"gruvbox"')
    again = open_app(book_path)
    configure(again, load_config(path, env={}))

    async def check(pilot: Pilot[None]) -> None:
        assert again.theme == "gruvbox"

    run(again, check)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('theme = "no-such-theme"\n', "line 1: 'no-such-theme' is no theme"),
        ('[keys]\nhelp = "f1"\nfly = "f2"\n', "line 3: 'fly' is no key of the board"),
    ],
)
def test_an_unknown_theme_or_key_id_is_refused_with_its_line(
    tmp_path: Path, book_path: Path, open_app: OpenApp, text: str, fragment: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        configure(open_app(book_path), load_config(path, env={}))
    assert fragment in caught.value.render("en")
