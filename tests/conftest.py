"""Fixtures every layer shares: a fixed clock and a real book in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from model import Book

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")


@pytest.fixture
def now() -> pendulum.DateTime:
    return NOW


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "book.json"


@pytest.fixture
def book(book_path: Path) -> Book:
    return Book(book_path)
