"""Fixtures every layer shares: a fixed clock and a real book in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from model import Book

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")


@pytest.fixture(autouse=True)
def state_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test is its own device: undo logs and device ids stay out of the real HOME."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    monkeypatch.delenv("RAPPORT_DEVICE", raising=False)
    return folder


@pytest.fixture
def now() -> pendulum.DateTime:
    return NOW


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "book.json"


@pytest.fixture
def book(book_path: Path) -> Book:
    return Book(book_path)


@pytest.fixture(autouse=True)
def no_user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads the config.toml of whoever runs the suite."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("RAPPORT_CONFIG", str(folder / "config.toml"))
    for var in ("RAPPORT_CURRENCY", "RAPPORT_TERMS", "RAPPORT_CADENCE", "RAPPORT_THEME"):
        monkeypatch.delenv(var, raising=False)
