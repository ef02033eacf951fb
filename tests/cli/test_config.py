"""config.toml: where it is, what it sets, what wins, and how a bad one is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from model import Book, State
from tui.cli import main
from tui.config import Config, ConfigError, config_path, load_config, save_theme


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_user_config_folder_honours_xdg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RAPPORT_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config_path() == tmp_path / "rapport/config.toml"
    assert config_path({"RAPPORT_CONFIG": "/x/y.toml"}) == Path("/x/y.toml")


def test_defaults_without_a_file(tmp_path: Path) -> None:
    config = load_config(tmp_path / "none.toml", env={})
    assert (config.locale, config.currency, config.terms, config.cadence) == (None, "EUR", 30, {})
    assert config.theme is None and config.keys == {}


def test_file_values_and_environment_over_them(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "c.toml",
        'locale = "de"\ncurrency = "CHF"\nterms = 14\ncadence = 21\ntheme = "nord"\n'
        '[keys]\nundo = "ctrl+z"\n',
    )
    config = load_config(path, env={})
    every = {state.value: 21 for state in State}
    assert config == Config(path, "de", "CHF", 14, every, "nord", {"undo": "ctrl+z"})
    env = {"RAPPORT_LOCALE": "en", "RAPPORT_CURRENCY": "usd", "RAPPORT_TERMS": "7"}
    over = load_config(path, env=env)
    assert (over.locale, over.currency, over.terms, over.cadence) == ("en", "USD", 7, every)


def test_cadence_by_state_from_a_table(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.toml", "[cadence]\nnew = 10\ntrusted = 90\n")
    assert load_config(path, env={}).cadence == {"new": 10, "trusted": 90}
    bad = _write(tmp_path / "b.toml", "[cadence]\nnew = 10\nfriendly = 5\n")
    with pytest.raises(ConfigError) as caught:
        load_config(bad, env={})
    assert "line 3:" in caught.value.render("en")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ('locale = "de"\nterms = "soon"\n', 2, "'terms' must be a whole number"),
        ('\n\nlocale = "fr"\n', 3, "'locale' must be one of en, de"),
        ('currency = "euro"\n', 1, "three-letter ISO 4217"),
        ('colour = "red"\n', 1, "'colour' is not a setting"),
        ('theme = "nord"\n[keys]\n\nundo = 3\n', 4, "the key for 'undo'"),
        ('locale = "de"\nterms = \n', 2, "Invalid value"),
    ],
)
def test_a_bad_file_names_its_line(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    path = _write(tmp_path / "c.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    message = caught.value.render("en")
    assert f"line {line}:" in message and fragment in message and str(path) in message


def test_precedence_cli_over_environment_over_file(
    tmp_path: Path, book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _write(tmp_path / "c.toml", 'currency = "CHF"\nterms = 14\ncadence = 21\n')
    monkeypatch.setenv("RAPPORT_CONFIG", str(config))
    monkeypatch.setenv("RAPPORT_TERMS", "10")

    def add(*args: str) -> None:
        result = CliRunner().invoke(main, ["--db", str(book_path), "client", "add", *args])
        assert result.exit_code == 0, result.output

    add("From file", "--id", "a")
    add("From cli", "--id", "b", "--terms", "5", "--currency", "USD", "--cadence", "7")
    a, b = (Book(book_path).resolve(x) for x in ("a", "b"))
    assert (a.currency, a.terms, a.cadence_set) == ("CHF", 10, False)  # terms: env over file
    assert (b.currency, b.terms, b.cadence, b.cadence_set) == ("USD", 5, 7, True)
    shown = CliRunner().invoke(main, ["--db", str(book_path), "client", "show", "a", "--json"])
    assert json.loads(shown.output)["client"]["cadence"] == 21  # the file's, for every state


def test_locale_precedence(
    tmp_path: Path, book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAPPORT_CONFIG", str(_write(tmp_path / "c.toml", 'locale = "de"\n')))
    monkeypatch.delenv("RAPPORT_LOCALE", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")

    def states(*args: str) -> str:
        base = ["--db", str(book_path)]
        return CliRunner().invoke(main, [*base, *args, "help", "dates"]).output

    assert "Kalenderformen" in states()  # the file over LANG
    monkeypatch.setenv("RAPPORT_LOCALE", "en")
    assert "calendar forms" in states()  # the environment over the file
    assert "Kalenderformen" in states("--locale", "de")  # the command line over both


def test_a_broken_file_stops_every_command_with_one_line(
    tmp_path: Path, book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAPPORT_CONFIG", str(_write(tmp_path / "c.toml", "terms = [\n")))
    result = CliRunner().invoke(main, ["--db", str(book_path), "client", "add", "X"])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: config file ") and "line " in line
    assert not book_path.exists()


def test_saving_the_theme_keeps_comments_and_other_settings(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "c.toml",
        '# mine\nlocale = "de"  # German\ntheme = "nord"\n\n[keys]\nundo = "z"\n',
    )
    save_theme(path, "gruvbox")
    assert path.read_text() == (
        '# mine\nlocale = "de"  # German\ntheme = "gruvbox"\n\n[keys]\nundo = "z"\n'
    )
    fresh = tmp_path / "new" / "config.toml"
    save_theme(fresh, "nord")
    assert load_config(fresh, env={}).theme == "nord"


def test_saving_never_overwrites_a_file_that_does_not_parse(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.toml", "theme = [\n")
    with pytest.raises(ConfigError):
        save_theme(path, "nord")
    assert path.read_text() == "theme = [\n"
