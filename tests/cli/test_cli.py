"""The command line through click's CliRunner, on real book files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tui.cli import main

NOW = "2026-11-25T10:00:00+01:00"


@pytest.fixture
def run(book_path: Path):  # type: ignore[no-untyped-def]
    def invoke(*args: str, locale: str = "en", stdin: str | None = None) -> Result:
        runner = CliRunner()
        base = ["--db", str(book_path), "--locale", locale, "--now", NOW]
        return runner.invoke(main, [*base, *args], input=stdin, catch_exceptions=False)

    return invoke


@pytest.fixture
def acme(run):  # type: ignore[no-untyped-def]
    result = run(
        "client",
        "add",
        "ACME GmbH",
        "--id",
        "acme",
        "--tag",
        "retail",
        "--contact",
        "Maren <m@acme.de>",
    )
    assert result.exit_code == 0, result.output
    return run


def test_client_add_list_show(acme) -> None:  # type: ignore[no-untyped-def]
    assert "acme" in acme("client", "list").output
    shown = acme("client", "show", "acme").output
    assert "ACME GmbH (acme)" in shown and "Health 90/100" in shown
    assert "no contact logged yet" in shown


def test_quick_prints_what_it_wrote(acme) -> None:  # type: ignore[no-untyped-def]
    result = acme("quick", "acme call talked about the Q1 budget")
    assert result.exit_code == 0
    assert result.output.strip() == "Call logged for ACME GmbH on 2026-11-25."
    german = acme("quick", "acme anruf gestern", locale="de")
    assert german.output.strip() == "Anruf für ACME GmbH am 2026-11-24 eingetragen."


def test_quick_words_need_no_quotes(acme) -> None:  # type: ignore[no-untyped-def]
    result = acme("quick", "acme", "meeting", "kick-off")
    assert result.exit_code == 0 and "Meeting logged" in result.output


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("zzz call hi", "No client matches 'zzz'"),
        ("acme call hi on 2026-13-45", "2026-13-45"),
        ("acme invoice 2026-1 12,3,4 EUR", "12,3,4"),
        ("acme state grumpy", "grumpy"),
        ("acme cal hi", "cal"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(  # type: ignore[no-untyped-def]
    acme, book_path: Path, line: str, fragment: str
) -> None:
    before = book_path.read_bytes()
    result = acme("quick", line)
    assert result.exit_code == 2
    lines = (
        result.stderr.strip().splitlines() if result.stderr else result.output.strip().splitlines()
    )
    assert len(lines) == 1 and lines[0].startswith("Error: ") and fragment in lines[0]
    assert "Traceback" not in result.output
    assert book_path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "locale", "fragment"),
    [
        (("client", "add", "X", "--state", "grumpy"), "en", "'grumpy' is not one of"),
        (("quick", "acme", "call", "--db", "x.json"), "en", "No such option"),
        (("client", "add", "X", "--terms", "soon"), "de", "rapport --help zeigt"),
    ],
)
def test_usage_errors_are_one_line_too(  # type: ignore[no-untyped-def]
    acme, book_path: Path, args: tuple[str, ...], locale: str, fragment: str
) -> None:
    before = book_path.read_bytes()
    result = acme(*args, locale=locale)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], lines
    assert book_path.read_bytes() == before


def test_list_json_shape(acme) -> None:  # type: ignore[no-untyped-def]
    acme("quick", "acme invoice 2026-017 1250 EUR on 2026-09-01")
    acme("quick", "acme issue! slow answers")
    acme("quick", "acme thanks card")
    data = json.loads(acme("list", "--json").output)
    [row] = data
    assert {"id", "name", "state", "health", "reasons", "suggested_state", "last_contact"} <= set(
        row
    )
    assert row["open_issues"] == 1 and row["thanks_owed"] == 1
    assert row["overdue"] == [
        {"number": "2026-017", "amount": "1250.00", "currency": "EUR", "days_overdue": 55}
    ]
    assert all(set(r) == {"text", "weight"} for r in row["reasons"])


def test_list_filters(acme) -> None:  # type: ignore[no-untyped-def]
    acme("client", "add", "Bäckerei Schröder", "--id", "baecker", "--state", "strained")
    ids = lambda *a: [r["id"] for r in json.loads(acme("list", "--json", *a).output)]  # noqa: E731
    assert ids() == ["baecker", "acme"]
    assert ids("--state", "strained") == ["baecker"]
    assert ids("--tag", "retail") == ["acme"]
    assert ids("--search", "schrö") == ["baecker"]
    assert ids("--overdue") == []
    table = acme("list").output
    assert "STATE" in table and "Bäckerei Schröder" in table


def test_list_table_in_german(acme) -> None:  # type: ignore[no-untyped-def]
    out = acme("list", locale="de").output
    assert "STATUS" in out and "Kennenlernen" in out


def test_undo_across_invocations(acme) -> None:  # type: ignore[no-untyped-def]
    acme("quick", "acme call hello")
    result = acme("undo")
    assert result.output.strip() == "Took back: Call logged for ACME GmbH on 2026-11-25."


def test_ending_with_a_reflection(acme) -> None:  # type: ignore[no-untyped-def]
    result = acme(
        "client",
        "state",
        "acme",
        "ended",
        "--note",
        "budget cut",
        "--stop",
        "s",
        "--pause",
        "p",
        "--play",
        "g",
    )
    assert result.exit_code == 0
    assert "Reflection — Stop: s · Pause: p · Play: g" in acme("client", "show", "acme").output


def test_demo_refuses_to_overwrite(acme) -> None:  # type: ignore[no-untyped-def]
    result = acme("demo")
    assert result.exit_code == 2
    forced = acme("demo", "--force", "--clients", "12", "--interactions", "50")
    assert forced.exit_code == 0
    assert len(json.loads(acme("list", "--json", "--include-ended").output)) == 12


def test_corrupt_book_gives_one_line_and_stays(acme, book_path: Path) -> None:  # type: ignore[no-untyped-def]
    book_path.write_bytes(b'{"_meta": {"1": {')
    for args in (("list",), ("quick", "acme call x"), ("undo",), ("client", "list")):
        result = acme(*args)
        assert result.exit_code == 1, "a damaged book is a runtime failure"
        message = (result.stderr or result.output).strip()
        assert len(message.splitlines()) == 1 and str(book_path) in message
        assert book_path.read_bytes() == b'{"_meta": {"1": {'


def test_every_command_has_help_with_an_example(run) -> None:  # type: ignore[no-untyped-def]
    for args in (
        ["client", "add"],
        ["client", "show"],
        ["client", "edit"],
        ["client", "list"],
        ["client", "state"],
        ["quick"],
        ["list"],
        ["undo"],
        ["demo"],
    ):
        out = run(*args, "--help").output
        assert "Example" in out, args


def test_a_broken_character_is_refused_by_its_field(acme, book_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = book_path.read_bytes()
    result = acme("client", "add", "Bad \udcff name")
    assert result.exit_code == 2
    assert "The text in name contains a broken character" in result.stderr
    assert book_path.read_bytes() == before
