"""Hand-edited books: every shape Rapport did not write is one line naming where, for every
command, and the file is never written over."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from tests.cli.test_process import rapport
from tui.cli import main

NOW = "2026-11-25T10:00:00+01:00"
Edit = Callable[[dict[str, Any]], None]


def _set(table: str, doc: str, field: str, value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        data[table][doc][field] = value

    return edit


def _drop(table: str, doc: str, field: str) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        del data[table][doc][field]

    return edit


def _unknown_table(data: dict[str, Any]) -> None:
    data["contracts"] = {"1": {"client": "acme"}}


def _duplicate_id(data: dict[str, Any]) -> None:
    data["clients"]["2"] = dict(data["clients"]["1"], name="Twin")


EDITS: dict[str, tuple[Edit, str]] = {
    "name-a-number": (_set("clients", "1", "name", 42), "/clients/1/name"),
    "state-unknown": (_set("clients", "1", "state", "happy"), "/clients/1/state"),
    "tags-a-string": (_set("clients", "1", "tags", "retail"), "/clients/1/tags"),
    "terms-a-string": (_set("clients", "1", "terms", "30"), "/clients/1/terms"),
    "id-missing": (_drop("clients", "1", "id"), "/clients/1/id"),
    "id-a-number": (_set("clients", "1", "id", 7), "/clients/1/id"),
    "contact-bad": (_set("clients", "1", "contacts", [{"name": 1}]), "/clients/1/contacts"),
    "when-missing": (_drop("interactions", "1", "when"), "/interactions/1/when"),
    "when-no-date": (_set("interactions", "1", "when", "yesterday"), "/interactions/1/when"),
    "kind-unknown": (_set("interactions", "1", "kind", "telepathy"), "/interactions/1/kind"),
    "minutes-a-string": (_set("interactions", "1", "minutes", "45"), "/interactions/1/minutes"),
    "minutes-a-week": (_set("interactions", "1", "minutes", 10080), "/interactions/1/minutes"),
    "amount-a-float": (_set("invoices", "1", "amount", 12.5), "/invoices/1/amount"),
    "amount-absurd": (_set("invoices", "1", "amount", "9" * 5000), "/invoices/1/amount"),
    "amount-nan": (_set("invoices", "1", "amount", "NaN"), "/invoices/1/amount"),
    "due-a-number": (_set("invoices", "1", "due", 20261201), "/invoices/1/due"),
    "unknown-table": (_unknown_table, "/contracts"),
    "duplicate-id": (_duplicate_id, "/clients/2/id"),
}
COMMANDS = [
    ("list",),
    ("list", "--json"),
    ("client", "list"),
    ("client", "show", "acme"),
    ("quick", "acme call x"),
    ("client", "add", "Another One"),
    ("client", "edit", "acme", "--cadence", "14"),
    ("undo",),
    ("demo",),
]


@pytest.fixture
def made(tmp_path: Path) -> Path:
    book = tmp_path / "book.json"
    for args in (
        ("client", "add", "ACME GmbH", "--id", "acme"),
        ("quick", "acme call kick-off"),
        ("quick", "acme invoice 2026-017 1.250,50 EUR due 2026-12-24"),
    ):
        assert rapport(book, *args, env={"RAPPORT_NOW": NOW}).returncode == 0
    return book


@pytest.mark.parametrize("name", EDITS)
def test_a_hand_edit_is_one_line_naming_where_for_every_command(made: Path, name: str) -> None:
    edit, where = EDITS[name]
    data = orjson.loads(made.read_bytes())
    edit(data)
    made.write_bytes(orjson.dumps(data))
    damaged = made.read_bytes()
    for args in COMMANDS:
        result = CliRunner().invoke(
            main, ["--db", str(made), "--locale", "en", "--now", NOW, *args]
        )
        assert result.exit_code == 1, (args, result.output)
        (line,) = result.stderr.strip().splitlines()
        assert where in line and "did not write" in line and "unchanged" in line, line
        assert made.read_bytes() == damaged, args


def test_a_hand_edit_as_a_real_process(made: Path) -> None:
    data = orjson.loads(made.read_bytes())
    data["interactions"]["1"]["when"] = None
    made.write_bytes(orjson.dumps(data))
    result = rapport(made, "list")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "/interactions/1/when (expected a moment)" in result.stderr


@pytest.mark.parametrize(
    "amount",
    ["1" + "0" * 5000, "1e999999", "0." + "1" * 4000],
    ids=["huge", "exponent", "decimals"],
)
def test_an_absurd_amount_typed_is_one_clean_line(made: Path, amount: str) -> None:
    before = made.read_bytes()
    result = rapport(made, "quick", f"acme invoice 2026-099 {amount} EUR", env={"RAPPORT_NOW": NOW})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: '")
    assert made.read_bytes() == before


@pytest.mark.parametrize("doc_id", ["acme", "-1", "1.0", ""])
def test_a_document_number_that_is_not_a_number_is_named(made: Path, doc_id: str) -> None:
    data = orjson.loads(made.read_bytes())
    data["clients"][doc_id] = data["clients"].pop("1")
    made.write_bytes(orjson.dumps(data))
    damaged = made.read_bytes()
    for args in COMMANDS:
        result = CliRunner().invoke(main, ["--db", str(made), "--now", NOW, *args])
        assert result.exit_code == 1, (args, result.output)
        (line,) = result.stderr.strip().splitlines()
        assert f"at /clients/{doc_id} " in line and "unchanged" in line, line
    assert made.read_bytes() == damaged


def test_the_damaged_book_error_speaks_german_all_through(made: Path) -> None:
    """The "expected …" part too: it comes from the shape check, not the catalog's sentence."""
    data = orjson.loads(made.read_bytes())
    data["interactions"]["1"]["when"] = None
    made.write_bytes(orjson.dumps(data))
    german = rapport(made, "list", env={"RAPPORT_LOCALE": "de"})
    assert german.returncode == 1
    assert "bei /interactions/1/when ein Dokument" in german.stderr
    assert "(erwartet: ein Zeitpunkt)" in german.stderr
    assert "moment" not in german.stderr
    english = rapport(made, "list")
    assert "/interactions/1/when (expected a moment)" in english.stderr


def test_a_broken_json_file_is_described_in_german_too(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    book.write_text('{"clients": {"1": {"id": "a" "b"}}}')
    runner = CliRunner()
    german = runner.invoke(main, ["--db", str(book), "--locale", "de", "list"])
    assert german.exit_code == 1
    assert "erwartet: ',' oder die schließende geschweifte Klammer" in german.stderr
    assert "unexpected" not in german.stderr
    english = runner.invoke(main, ["--db", str(book), "--locale", "en", "list"])
    assert "unexpected character, expected ',' or the closing brace" in english.stderr
