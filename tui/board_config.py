"""The config file on the board: its theme and ``[keys]`` at start, the theme saved on change.

Kept out of :mod:`tui.app` so that the app stays a thin shell and the command
line alone decides to read the user's settings (tests, screenshots and the bench
build the board without them).  Theme names and key ids are checked here, where
textual knows them; a wrong one is refused with its line before the board opens.
"""

from __future__ import annotations

from textual.app import App

from tui.app import RapportApp
from tui.config import Config, ConfigError, line_of, save_theme
from tui.keys import KEYS

__all__ = ["configure"]


def configure(app: App[None], config: Config) -> None:
    """Apply ``config`` to ``app`` before it runs; a theme the user picks is saved to it."""
    _check(app, config)
    if config.theme:
        app.theme = config.theme
    if config.keys:
        app.set_keymap(config.keys)
    if config.board_revenue and isinstance(app, RapportApp):
        app.session.show_revenue(True)

    def save(theme: str) -> None:
        try:
            save_theme(config.path, theme)
        except (ConfigError, OSError) as error:
            app.notify(str(error), severity="warning", markup=False)

    app.watch(app, "theme", save, init=False)


def _check(app: App[None], config: Config) -> None:
    themes = sorted(app.available_themes)
    if config.theme and config.theme not in themes:
        _refuse(config, "theme", None, "config.theme", value=config.theme, known=", ".join(themes))
    ids = sorted({key.id for key in KEYS})
    for name in config.keys:
        if name not in ids:
            _refuse(config, name, "keys", "config.key_id", known=", ".join(ids))


def _refuse(config: Config, name: str, table: str | None, key: str, **params: str) -> None:
    line = line_of(config.path, name, table)
    raise ConfigError(path=str(config.path), line=line, problem_key=key, name=name, **params)
