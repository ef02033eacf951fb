"""The CLI lists a moment on the day of the user who wrote it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.cli.test_process import rapport
from tui.cli import main


def test_client_show_lists_the_writers_day(book_path: Path) -> None:
    now = ["--db", str(book_path), "--now", "2026-12-01T20:00:00-05:00"]
    runner = CliRunner()
    assert runner.invoke(main, [*now, "client", "add", "ACME", "--id", "acme"]).exit_code == 0
    assert runner.invoke(main, [*now, "quick", "acme call late chat"]).exit_code == 0
    later = ["--db", str(book_path), "--now", "2026-12-02T09:00:00+01:00"]
    shown = runner.invoke(main, [*later, "client", "show", "acme"]).output
    assert "2026-12-01  Call  late chat" in shown


def test_every_kind_keeps_the_writers_day_across_machines(tmp_path: Path) -> None:
    """A real process in New York writes at 20:00 on 1 Dec (``RAPPORT_NOW`` without an
    offset is on the machine's clock, as ``TZ`` says); one in Berlin reads it the next
    morning, when every UTC moment has long moved on to 2 Dec."""
    book = tmp_path / "book.json"
    new_york = {"TZ": "America/New_York", "RAPPORT_NOW": "2026-12-01T20:00"}
    for args in (
        ("client", "add", "ACME", "--id", "acme"),
        ("quick", "acme call late chat"),
        ("quick", "acme issue slow replies"),
        ("quick", "acme resolve 1 sorted"),
        ("quick", "acme thanks for the intro by 2026-12-05"),
        ("quick", "acme thanked 1"),
        ("quick", "acme kudos great work"),
        ("client", "state", "acme", "routine"),
        ("quick", "acme followup send offer by 2026-12-04"),
        ("quick", "acme done 1"),
    ):
        done = rapport(book, *args, env=new_york)
        assert done.returncode == 0, (args, done.stderr)
    doc = json.loads(book.read_text())
    assert doc["issues"]["1"]["opened"] == "2026-12-02T01:00:00+00:00"
    berlin = {"TZ": "Europe/Berlin", "RAPPORT_NOW": "2026-12-02T09:00"}
    shown = rapport(book, "client", "show", "acme", env=berlin).stdout
    assert "2026-12-02" not in shown
    lines = [line for line in shown.splitlines() if "2026-12-01" in line]
    assert len(lines) == 6  # new, routine, issue (opened ✓ resolved), follow-up, kudos, call
    assert "✓ 2026-12-01" in shown.split("Issues:")[1].split("\n")[1]
