"""``rapport today`` and ``rapport search`` through CliRunner and as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tui.cli import main

NOW = "2026-11-25T10:00:00+01:00"
WEEK_AGO = "2026-11-18T10:00:00+01:00"
RAPPORT = str(Path(sys.executable).parent / "rapport")


@pytest.fixture
def run(book_path: Path):  # type: ignore[no-untyped-def]
    def invoke(*args: str, locale: str = "en", now: str = NOW) -> Result:
        base = ["--db", str(book_path), "--locale", locale, "--now", now]
        return CliRunner().invoke(main, [*base, *args], catch_exceptions=False)

    return invoke


@pytest.fixture
def busy(run):  # type: ignore[no-untyped-def]
    for line in (
        ("client", "add", "ACME GmbH", "--id", "acme", "--state", "routine"),
        ("client", "add", "Müller Söhne", "--id", "mueller", "--state", "strained"),
        ("quick", "acme call Budget mit Müller besprochen 40d ago"),
        ("quick", "mueller call all good yesterday"),
        ("quick", "acme followup send the offer by friday"),
    ):
        result = run(*line)
        assert result.exit_code == 0, result.output
    # owed a week ago, due yesterday: a by-day in the past is refused at the time of writing
    late = run("quick", "mueller thanks card for the café by 2026-11-24", now=WEEK_AGO)
    assert late.exit_code == 0, late.output
    return run


def test_today_lists_what_is_due_most_urgent_first(busy) -> None:  # type: ignore[no-untyped-def]
    result = busy("today")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Due on 2026-11-25: 2",
        "  1d late  Müller Söhne: thanks #1 card for the café (by 2026-11-24)  [thanks:1]",
        "  9d late  ACME GmbH: no contact for 40 days (cadence 30) — call  [client:1]",
    ]
    german = busy("today", locale="de").output.splitlines()
    assert german[0] == "Fällig am 2026-11-25: 2"
    assert "seit 40 Tagen kein Kontakt" in german[2]


def test_today_looks_ahead(busy) -> None:  # type: ignore[no-untyped-def]
    lines = busy("today", "--days", "7").output.splitlines()
    assert lines[0] == "Due from 2026-11-25 to 2026-12-02: 3"
    assert (
        lines[-1]
        == "  in 2d    ACME GmbH: follow-up #1 send the offer (due 2026-11-27)  [followup:1]"
    )
    assert busy("today", "--days", "-1").exit_code == 2


def test_today_json(busy) -> None:  # type: ignore[no-untyped-def]
    items = json.loads(busy("today", "--json", "--days", "7").output)["items"]
    assert [(i["kind"], i["client"], i["due"], i["ref"]) for i in items] == [
        ("thanks", "mueller", "2026-11-24", "thanks:1"),
        ("contact", "acme", "2026-11-16", "client:1"),
        ("followup", "acme", "2026-11-27", "followup:1"),
    ]
    assert {"kind", "client", "due", "text", "ref"} <= set(items[0])
    german = json.loads(busy("today", "--json", locale="de").output)["items"]
    assert german[0]["text"] == "Müller Söhne: Dank #1 card for the café (bis 2026-11-24)"


def test_check_exits_1_when_something_is_due(busy, run) -> None:  # type: ignore[no-untyped-def]
    assert busy("today", "--check").exit_code == 1
    assert busy("quick", "mueller thanked 1").exit_code == 0
    assert busy("quick", "acme call caught up").exit_code == 0
    quiet = busy("today", "--check")
    assert quiet.exit_code == 0
    assert quiet.output.strip() == "Nothing due on 2026-11-25."
    assert busy("today", "--days", "7", locale="de").output.startswith(
        "Fällig vom 2026-11-25 bis 2026-12-02: 1"
    )


def test_a_day_with_nothing_due_says_so(run) -> None:  # type: ignore[no-untyped-def]
    assert run("today").output.strip() == "Nothing due on 2026-11-25."
    assert run("today", "--days", "7", locale="de").output.strip() == (
        "Vom 2026-11-25 bis 2026-12-02 ist nichts fällig."
    )
    assert json.loads(run("today", "--json").output) == {"schema": 1, "items": []}


def test_search(busy) -> None:  # type: ignore[no-untyped-def]
    out = busy("search", "MULLER").output.splitlines()
    assert out == ["2026-10-16  acme  call  Budget mit Müller besprochen  [interaction:1]"]
    hits = json.loads(busy("search", "cafe", "--json").output)["hits"]
    assert [(h["kind"], h["client"], h["date"], h["ref"]) for h in hits] == [
        ("thanks", "mueller", "2026-11-18", "thanks:1")
    ]
    assert busy("search", "nothing-like-this").output.strip() == (
        "Nothing found for 'nothing-like-this'."
    )
    assert "Dank" in busy("search", "café", locale="de").output
    empty = busy("search")
    assert empty.exit_code == 2 and len(empty.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "line",
    ["acme done 9", "acme snooze soon", "acme followup send it by 2026-11-01", "acme erledigt x"],
)
def test_bad_day_input_exits_2_writes_nothing(busy, book_path: Path, line: str) -> None:  # type: ignore[no-untyped-def]
    before = book_path.read_bytes()
    result = busy("quick", line)
    assert result.exit_code == 2
    assert len((result.stderr or result.output).strip().splitlines()) == 1
    assert book_path.read_bytes() == before


def test_unknown_verb_suggests_the_nearest(busy) -> None:  # type: ignore[no-untyped-def]
    result = busy("quick", "acme cal budget")
    assert result.exit_code == 2 and "did you mean 'call'?" in (result.stderr or result.output)
    german = busy("quick", "acme anrufen", locale="de")
    assert "meintest du „anruf“?" in (german.stderr or german.output)


def _process(book: Path, *args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RAPPORT_DB": str(book), "RAPPORT_LOCALE": "en", "RAPPORT_NOW": NOW}
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [RAPPORT, *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


def test_today_as_a_real_process_with_and_without_a_notifier(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    assert _process(book, "client", "add", "ACME GmbH", "--id", "acme").returncode == 0
    quiet = _process(book, "today", "--check", "--notify", path="/nonexistent")
    # a client never contacted is due
    assert quiet.returncode == 1 and "never contacted" in quiet.stdout
    assert quiet.stderr.strip() == "notify-send not found: no desktop notification sent."
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "sent.txt"
    fake = bin_dir / "notify-send"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {record}\n')
    fake.chmod(0o755)
    sent = _process(book, "today", "--notify", path=f"{bin_dir}:/usr/bin:/bin")
    assert sent.returncode == 0 and sent.stderr == ""
    assert record.read_text().splitlines() == [
        "--app-name=rapport",
        "Rapport: 1 due today",
        "ACME GmbH: never contacted yet (cadence 21 days)",
    ]
    assert _process(book, "quick", "acme call hello").returncode == 0
    assert _process(book, "today", "--check").returncode == 0
    found = _process(book, "search", "HELLO", "--json")
    assert found.returncode == 0 and json.loads(found.stdout)["hits"][0]["kind"] == "call"


def test_client_show_has_the_follow_ups_and_the_snooze(busy) -> None:  # type: ignore[no-untyped-def]
    assert busy("quick", "acme snooze until 2026-12-24 year-end rush").exit_code == 0
    shown = busy("client", "show", "acme").output
    assert "Snoozed until 2026-12-24: year-end rush" in shown
    assert "Follow-ups:\n  #1  2026-11-27  send the offer\n" in shown
    assert "cadence 30 days" in shown  # routine, by state
    german = busy("client", "show", "mueller", locale="de").output
    assert "Rhythmus 14 Tage" in german and "Nachfassen:" in german
    week = json.loads(busy("today", "--days", "7", "--json").output)["items"]
    assert [(i["kind"], i["client"]) for i in week] == [("thanks", "mueller"), ("followup", "acme")]
