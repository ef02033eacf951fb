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
        (("quick", "acme", "call", "--bogus", "x.json"), "en", "No such option"),
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
    assert data["schema"] == 1
    [row] = data["clients"]
    assert {"id", "name", "state", "health", "reasons", "suggested_state", "last_contact"} <= set(
        row
    )
    assert row["open_issues"] == 1 and row["thanks_owed"] == 1
    assert row["overdue"] == [
        {"number": "2026-017", "amount": "1250.00", "currency": "EUR", "days_overdue": 55}
    ]
    assert all(set(r) == {"key", "text", "weight"} for r in row["reasons"])
    assert all(r["key"].startswith("health.") for r in row["reasons"])


def test_list_filters(acme) -> None:  # type: ignore[no-untyped-def]
    acme("client", "add", "Bäckerei Schröder", "--id", "baecker", "--state", "strained")
    ids = lambda *a: [r["id"] for r in json.loads(acme("list", "--json", *a).output)["clients"]]  # noqa: E731
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
        "--yes",
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
    unconfirmed = acme("demo", "--force", "--clients", "12", "--interactions", "50")
    assert unconfirmed.exit_code == 2 and "--yes" in unconfirmed.stderr
    forced = acme("demo", "--force", "--yes", "--clients", "12", "--interactions", "50")
    assert forced.exit_code == 0
    assert len(json.loads(acme("list", "--json", "--include-ended").output)["clients"]) == 12


def test_corrupt_book_gives_one_line_and_stays(acme, book_path: Path) -> None:  # type: ignore[no-untyped-def]
    book_path.write_bytes(b'{"_meta": {"1": {')
    for args in (("list",), ("quick", "acme call x"), ("undo",), ("client", "list")):
        result = acme(*args)
        assert result.exit_code == 1, "a damaged book is a runtime failure, not bad input"
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
        ["help"],
    ):
        out = run(*args, "--help").output
        assert "Example" in out, args


def test_a_broken_character_is_refused_by_its_field(acme, book_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = book_path.read_bytes()
    result = acme("client", "add", "Bad \udcff name")
    assert result.exit_code == 2
    assert "The text in name contains a broken character" in result.stderr
    assert book_path.read_bytes() == before


@pytest.mark.parametrize(
    "line",
    ["acme note budget on 2026-11-30", "acme call 2062-11-20", "acme thanks card by 2026-11-01"],
)
def test_quick_refuses_a_date_that_cannot_be_right(acme, book_path: Path, line: str) -> None:  # type: ignore[no-untyped-def]
    before = book_path.read_bytes()
    result = acme("quick", line)
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "after today" in result.output or "has passed" in result.output
    assert book_path.read_bytes() == before


def test_show_lists_acts_first_and_an_ended_client_no_health(acme) -> None:  # type: ignore[no-untyped-def]
    acme("quick", "acme invoice AR-77 500 on 2026-08-01")
    shown = acme("client", "show", "acme").output
    assert shown.index("chase invoice AR-77, 86 days overdue") < shown.index("Health")
    acme(
        "client",
        "state",
        "acme",
        "ended",
        "--yes",
        "--note",
        "over",
        "--stop",
        "-",
        "--pause",
        "-",
        "--play",
        "-",
    )
    ended = acme("client", "show", "acme").output
    assert "Health" not in ended and "chase" not in ended


def test_a_filter_that_matches_nothing_says_so(acme, run) -> None:  # type: ignore[no-untyped-def]
    out = acme("list", "--state", "strained").output
    assert "No client matches the filter" in out and "client add" not in out
    assert "passt zum Filter" in acme("list", "--tag", "nope", locale="de").output


def test_an_empty_book_advises_to_add_a_client(run) -> None:  # type: ignore[no-untyped-def]
    assert "rapport client add" in run("list").output


def test_tags_match_whatever_their_case(acme) -> None:  # type: ignore[no-untyped-def]
    assert "acme" in acme("list", "--tag", "RETAIL").output


def test_client_state_usage_does_not_break_inside_a_word() -> None:
    result = CliRunner().invoke(
        main, ["client", "state", "--help"], terminal_width=80, prog_name="rapport"
    )
    usage = result.output.split("\n\n")[0]
    assert usage == "Usage: rapport client state [OPTIONS] REF STATE"
    assert "routine, trusted, ended" in result.output


def test_filters_before_list_filter_the_list(run, acme) -> None:  # type: ignore[no-untyped-def]
    """``rapport --search cafe list`` is how the board's filters are typed; it filters."""
    acme("client", "add", "Café Olé", "--id", "cafe-ole")
    listed = run("--search", "cafe", "list", "--json")
    assert [r["id"] for r in json.loads(listed.output)["clients"]] == ["cafe-ole"]
    assert "No client matches the filter" in run("--tag", "nope", "list").output
    ignored = run("--search", "cafe", "quick", "acme call hi")
    assert ignored.exit_code == 2 and "filter the board and rapport list only" in ignored.output
