"""The read commands load what they print, and no more (issue 12: reads under 100 ms)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pendulum
import pytest

from model import Book
from model.demo import build_demo
from tests.model.test_boundaries import _rapport

# Loaded by none of the reads: the quick-log's parser, the corrections' command, the
# search, the board, and babel (English and German money: model.money_format).
NEVER = {
    "textual",
    "babel",
    "model.quicklog",
    "model.quicklog_commands",
    "model.quicklog_complete",
    "model.search",
    "tui.cli.correct",
    "tui.cli.listing",
}


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--json"),
        ("today",),
        ("--locale", "de", "today", "--days", "30"),
        ("client", "show", "acme-corp"),
        ("client", "show", "acme-corp", "--json"),
    ],
)
def test_a_read_loads_only_what_it_prints(
    tmp_path: Path, now: pendulum.DateTime, args: tuple[str, ...]
) -> None:
    book = Book(tmp_path / "book.json")
    build_demo(book, now, clients=12, interactions=120)
    # Due today, so that the brief writes money too.
    book.add_invoice("acme-corp", "T-1", Decimal("1250.50"), now.date(), due=now.date(), now=now)
    _, loaded, done = _rapport(tmp_path, *args)
    assert done.returncode == 0, done.stderr
    if "list" not in args:
        assert "T-1" in done.stdout
    if "--json" not in args:
        assert "1,250.50" in done.stdout or "1.250,50" in done.stdout
    expected = NEVER - ({"tui.cli.listing"} if "list" in args or "show" in args else set())
    assert not expected & loaded
