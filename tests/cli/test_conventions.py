"""The conventions of a well-made command line, through CliRunner on real book files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from model import Book
from tui.cli import main

NOW = "2026-11-25T10:00:00+01:00"


@pytest.fixture
def cli(book_path: Path):  # type: ignore[no-untyped-def]
    """``rapport`` with --db and --locale given *after* the sub-command, as users type it."""

    def invoke(*args: str, stdin: str | None = None, locale: str = "en") -> Result:
        full = ["--now", NOW, *args, "--db", str(book_path), "--locale", locale]
        return CliRunner().invoke(main, full, input=stdin, catch_exceptions=False)

    assert invoke("client", "add", "ACME GmbH", "--id", "acme").exit_code == 0
    assert invoke("client", "add", "Globex", "--id", "globex").exit_code == 0
    return invoke


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == "rapport 0.1.0"


def test_db_and_locale_after_the_sub_command(tmp_path: Path) -> None:
    book = tmp_path / "x.json"
    result = CliRunner().invoke(
        main, ["--now", NOW, "demo", "--clients", "3", "--interactions", "5", "--db", str(book)]
    )
    assert result.exit_code == 0, result.output
    assert len(Book(book).clients()) == 3
    nested = CliRunner().invoke(
        main, ["client", "add", "Initech", "--id", "ini", "--db", str(book), "--locale", "de"]
    )
    assert nested.exit_code == 0 and "Initech" in nested.output
    assert "hinzugefügt" in nested.output or "angelegt" in nested.output, nested.output
    assert "ini" in {c.id for c in Book(book).clients()}


def test_stdin_lines_each_their_own_write(cli, book_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = "acme call one\n\n# a comment\nacme frobnicate two\nglobex mail three\n"
    result = cli("quick", "-", stdin=lines)
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        "Call logged for ACME GmbH on 2026-11-25.",
        "Mail logged for Globex on 2026-11-25.",
    ]
    [error] = result.stderr.splitlines()
    assert error.startswith("Error: line 4: ") and "frobnicate" in error
    texts = {i.text for i in Book(book_path).client_file("globex", _now()).interactions}
    assert texts == {"three"}


def test_stdin_without_a_dash_when_not_a_terminal(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("quick", stdin="acme call one\nglobex note two\n")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2


def test_the_board_refuses_without_a_terminal(cli) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["--locale", "en"])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "needs a terminal" in line and "rapport list" in line and "rapport today" in line


def test_exit_statuses(cli, book_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("quick", "acme call fine").exit_code == 0
    assert cli("quick", "acme call on 2026-13-45").exit_code == 2  # bad input
    assert cli("client", "show", "nobody").exit_code == 2
    assert cli("list", "--bogus").exit_code == 2  # usage
    book_path.write_bytes(b"{broken")
    damaged = cli("quick", "acme call x")
    assert damaged.exit_code == 1 and book_path.read_bytes() == b"{broken"
    book_path.write_bytes(b'{"_meta": {"1": {"schema": 999}}}')
    assert cli("list").exit_code == 1  # too new


def test_exit_statuses_are_in_the_help() -> None:
    out = CliRunner().invoke(main, ["--help"]).output
    assert "Exit status: 0 done; 2 bad input" in out and "1 runtime failure" in out


def test_json_records_and_receipts(cli) -> None:  # type: ignore[no-untyped-def]
    listed = json.loads(cli("client", "list", "--json").output)
    assert listed["schema"] == 1 and [c["id"] for c in listed["clients"]] == ["acme", "globex"]
    receipt = json.loads(cli("quick", "--json", "acme call budget").output)
    assert receipt["schema"] == 1
    assert receipt["receipt"]["key"] == "book.logged" and receipt["receipt"]["client"] == "acme"
    full = json.loads(cli("client", "show", "acme", "--json").output)
    shown = full["client"]
    assert shown["id"] == "acme" and full["interactions"][0]["text"] == "budget"
    assert all({"key", "text", "weight"} <= set(r) for r in shown["reasons"])
    undone = json.loads(cli("undo", "--json").output)["receipt"]
    assert undone["key"] == "book.undone" and undone["params"]["what"]["key"] == "book.logged"
    assert json.loads(cli("undo", "--json").output)["receipt"] is not None  # the add before
    german = json.loads(cli("client", "show", "acme", "--json", locale="de").output)["client"]
    assert german["state"] == "new"  # stored values stay stable whatever the language


def test_json_errors_name_the_word_and_its_position(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("quick", "--json", "acme call on 2026-13-45")
    assert result.exit_code == 2 and result.stdout == ""
    error = json.loads(result.stderr)["error"]
    assert error["key"] == "quicklog.date.invalid"
    assert error["word"] == "2026-13-45" and error["position"] == 13
    assert "2026-13-45" in error["message"] and error["exit"] == 2
    batch = cli("quick", "-", "--json", stdin="acme call ok\nacme zap\n")
    [line] = batch.stderr.splitlines()
    assert json.loads(line)["error"]["line"] == 2 and json.loads(line)["error"]["word"] == "zap"
    usage = cli("list", "--json", "--bogus")
    assert json.loads(usage.stderr)["error"]["key"] == "cli.usage_error"


def test_quiet_prints_nothing_for_a_write(cli, book_path: Path) -> None:  # type: ignore[no-untyped-def]
    after = cli("quick", "acme call quiet one", "--quiet")
    before = CliRunner().invoke(main, ["-q", "--db", str(book_path), "quick", "acme call two"])
    assert after.exit_code == before.exit_code == 0
    assert after.stdout == before.stdout == ""
    refused = cli("quick", "acme call on 2026-13-45", "-q")
    assert refused.exit_code == 2 and refused.stderr  # errors still speak


def test_dry_run_writes_nothing(cli, book_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = book_path.read_bytes()
    result = cli("quick", "--dry-run", "acme invoice 2026-017 1.250,50 EUR due 2026-12-24")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "Would write (nothing written): add an invoice for ACME GmbH (acme)"
    )
    assert "  amount: 1250.50" in result.stdout and "  due: 2026-12-24" in result.stdout
    as_json = json.loads(cli("quick", "--dry-run", "--json", "acme issue!! late #delay").output)
    assert as_json["action"] == "open_issue" and as_json["command"]["severity"] == "high"
    assert cli("quick", "--dry-run", "nobody call").exit_code == 2
    assert book_path.read_bytes() == before


def test_destructive_acts_take_yes(cli, book_path: Path) -> None:  # type: ignore[no-untyped-def]
    ended = cli("client", "state", "acme", "ended")
    assert ended.exit_code == 2 and "--yes" in ended.stderr
    assert cli("client", "state", "acme", "ended", "--yes").exit_code == 0


def test_help_topics_in_both_languages(cli) -> None:  # type: ignore[no-untyped-def]
    for topic in ("quicklog", "dates", "amounts", "files", "sync"):
        en, de = cli("help", topic), cli("help", topic, locale="de")
        assert en.exit_code == de.exit_code == 0 and en.output != de.output
    assert "CLIENT VERB [ARGS]" in cli("help", "quicklog").output
    assert "KUNDE VERB" in cli("help", "quicklog", locale="de").output
    assert cli("help", "nonsense").exit_code == 2
    assert "quick [OPTIONS] [WORDS]" in cli("help", "quick").output  # a command's own help


def test_quick_help_shows_the_grammar() -> None:
    out = CliRunner().invoke(main, ["quick", "--help"]).output
    assert "CLIENT VERB [ARGS]" in out
    assert "invoice NUMBER AMOUNT [CUR] [on DATE] [due DATE | in 14d]" in out
    assert "rapport help quicklog" in out


def test_the_quicklog_topic_names_every_verb(cli) -> None:  # type: ignore[no-untyped-def]
    from model.quicklog import VERBS

    text = cli("help", "quicklog").output
    ascii_spellings = ("geloest", "zurueckstellen")  # typed without umlauts; named with them
    assert [verb for verb in VERBS if verb not in ascii_spellings and verb not in text] == []


def _now():  # type: ignore[no-untyped-def]
    import pendulum

    return pendulum.parse(NOW)
