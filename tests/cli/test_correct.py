"""``rapport delete``, ``edit``, ``redo``, ``client delete`` and ``client show --json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.cli.test_process import rapport
from tui.cli import main

NOW = "2026-11-25T10:00:00+01:00"


@pytest.fixture
def run(book_path: Path):  # type: ignore[no-untyped-def]
    def invoke(*args: str, locale: str = "en", stdin: str | None = None) -> Result:
        base = ["--db", str(book_path), "--locale", locale, "--now", NOW]
        return CliRunner().invoke(main, [*base, *args], input=stdin, catch_exceptions=False)

    return invoke


@pytest.fixture
def acme(run):  # type: ignore[no-untyped-def]
    for args in (
        ("client", "add", "ACME GmbH", "--id", "acme", "--contact", "Maren Kruse <m@acme.de>"),
        ("quick", "acme call test on 2026-11-18"),
        ("quick", "acme invoice 2026-017 1000 on 2026-09-01"),
        ("quick", "acme paid 2026-017 100"),
    ):
        assert run(*args).exit_code == 0
    return run


def file_of(run) -> dict:  # type: ignore[no-untyped-def,type-arg]
    result = run("client", "show", "acme", "--json")
    assert result.exit_code == 0
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_client_show_json_is_the_whole_file_with_refs(acme) -> None:  # type: ignore[no-untyped-def]
    data = file_of(acme)
    assert set(data) - {"schema", "followups"} == {
        "client", "interactions", "issues", "invoices", "thanks", "kudos", "contacts", "states",
    }  # fmt: skip
    assert {"id", "name", "state", "tags", "cadence", "terms", "currency", "dream", "ref"} <= set(
        data["client"]
    )
    invoice = data["invoices"][0]
    assert invoice["payments"][0]["amount"] == "100.00" and invoice["credits"] == []
    every = [data["client"], *data["interactions"], invoice, *invoice["payments"]]
    every += [*data["contacts"], *data["states"]]
    assert all(len(r["ref"]) == 7 for r in every)
    text = acme("client", "show", "acme").stdout
    assert all(f"[{r['ref']}]" in text for r in every[1:])


def test_delete_needs_a_terminal_or_yes_and_says_what_went(acme) -> None:  # type: ignore[no-untyped-def]
    call = file_of(acme)["interactions"][0]["ref"]
    refused = acme("delete", call)
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert file_of(acme)["interactions"], "nothing deleted"
    done = acme("delete", call, "--yes")
    assert done.stdout.strip() == "Deleted the call of 18 Nov 2026 with ACME GmbH: 'test'."
    assert file_of(acme)["interactions"] == []
    assert "Took back" in acme("undo").stdout
    assert file_of(acme)["interactions"][0]["ref"] == call
    assert acme("redo").stdout.startswith("Redone: Deleted the call")
    assert acme("redo").stdout.strip() == "Nothing to redo."
    german = acme("redo", locale="de")
    assert german.stdout.strip() == "Nichts wiederherzustellen."


def test_edit_refuses_what_does_not_fit_in_one_line(acme) -> None:  # type: ignore[no-untyped-def]
    data = file_of(acme)
    call, invoice = data["interactions"][0]["ref"], data["invoices"][0]["ref"]
    payment = data["invoices"][0]["payments"][0]["ref"]
    for args, words in (
        ((call, "--amount", "5"), "accepts: --text, --date, --kind"),
        ((call, "--date", "2026-12-01"), "after today"),
        ((invoice, "--due", "2026-08-01"), "before the issue date"),
        ((payment, "--amount", "2000"), "(€1,000.00)"),
        (("nosuchref", "--text", "x"), "nosuchref"),
    ):
        result = acme("edit", *args)
        assert result.exit_code == 2, args
        assert words in result.stderr and result.stderr.count("\n") == 1
    assert file_of(acme) == data, "nothing written"
    fixed = acme("edit", call, "--text", "budget call", "--kind", "meeting")
    assert fixed.exit_code == 0 and "Corrected the meeting of 18 Nov 2026" in fixed.stdout


def test_void_credit_and_writeoff_from_the_quick_log(acme) -> None:  # type: ignore[no-untyped-def]
    assert acme("quick", "acme gutschrift 2026-017 200 strittig", locale="de").exit_code == 0
    over = acme("quick", "acme paid 2026-017 800")
    assert over.exit_code == 2 and "(€700.00)" in over.stderr
    assert acme("quick", "acme writeoff 2026-017").exit_code == 0
    assert acme("list", "--overdue").stdout.count("acme") == 0
    acme("quick", "acme invoice 2026-019 50")
    voided = acme("quick", "acme storno 2026-019 Tippfehler", locale="de")
    assert "storniert" in voided.stdout
    assert "VOID Tippfehler" in acme("client", "show", "acme").stdout


def test_client_delete_names_the_records_and_undo_brings_all_back(acme) -> None:  # type: ignore[no-untyped-def]
    refused = acme("client", "delete", "acme")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    asked = acme("client", "delete", "acme", stdin="n\n")
    assert asked.exit_code == 2, "CliRunner has no terminal: it must not ask"
    done = acme("client", "delete", "acme", "--yes")
    assert done.stdout.strip() == "Deleted client ACME GmbH (acme) with 2 records."
    assert acme("client", "list").stdout == ""
    acme("undo")
    assert file_of(acme)["invoices"][0]["payments"]


def test_client_edit_renames_the_id_and_removes_a_contact(acme) -> None:  # type: ignore[no-untyped-def]
    result = acme("client", "edit", "acme", "--id", "acme-gmbh", "--remove-contact", "maren")
    assert result.exit_code == 0, result.output
    assert "Removed contact Maren Kruse" in result.stdout and "acme-gmbh" in result.stdout
    shown = json.loads(acme("client", "show", "acme-gmbh", "--json").stdout)
    assert shown["contacts"] == [] and shown["invoices"][0]["client"] == "acme-gmbh"
    bad = acme("client", "edit", "acme-gmbh", "--remove-contact", "nobody")
    assert bad.exit_code == 2 and "no contact 'nobody'" in bad.stderr


def test_a_real_process_deletes_and_redoes(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    rapport(book, "client", "add", "ACME GmbH", "--id", "acme")
    rapport(book, "quick", "acme call test")
    data = json.loads(rapport(book, "client", "show", "acme", "--json").stdout)
    call = data["interactions"][0]["ref"]
    refused = rapport(book, "delete", call)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "Deleted the call" in rapport(book, "delete", call, "--yes").stdout
    assert "Took back" in rapport(book, "undo").stdout
    assert "Redone" in rapport(book, "redo").stdout
    bad = rapport(book, "edit", call, "--text", "x")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
