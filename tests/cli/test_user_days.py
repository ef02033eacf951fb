"""The CLI lists a moment on the day of the user who wrote it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tui.cli import main


def test_client_show_lists_the_writers_day(book_path: Path) -> None:
    now = ["--db", str(book_path), "--now", "2026-12-01T20:00:00-05:00"]
    runner = CliRunner()
    assert runner.invoke(main, [*now, "client", "add", "ACME", "--id", "acme"]).exit_code == 0
    assert runner.invoke(main, [*now, "quick", "acme call late chat"]).exit_code == 0
    later = ["--db", str(book_path), "--now", "2026-12-02T09:00:00+01:00"]
    shown = runner.invoke(main, [*later, "client", "show", "acme"]).output
    assert "2026-12-01  Call  late chat" in shown
