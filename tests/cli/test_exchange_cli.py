"""``rapport import`` and ``rapport export`` through CliRunner and as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

from tests.cli.terminal import Terminal
from tests.model.exchange_samples import BROKEN, CSV, VCARDS
from tui.cli import main

NOW = "2026-11-25T10:00:00+01:00"
RAPPORT = str(Path(sys.executable).parent / "rapport")


@pytest.fixture
def run(book_path: Path):  # type: ignore[no-untyped-def]
    def invoke(*args: str, locale: str = "en") -> Result:
        base = ["--db", str(book_path), "--locale", locale, "--now", NOW]
        return CliRunner().invoke(main, [*base, *args], catch_exceptions=False)

    return invoke


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "people.vcf").write_text(VCARDS, encoding="utf-8")
    (tmp_path / "broken.vcf").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "people.csv").write_text(CSV, encoding="utf-8")
    return tmp_path


def test_import_vcard_then_again_then_undo(run, files: Path) -> None:  # type: ignore[no-untyped-def]
    first = run("import", str(files / "people.vcf"))
    assert first.exit_code == 0
    assert first.output.strip() == (
        "Imported from people.vcf: 3 new clients, 4 new contacts; 0 already in the book."
    )
    again = run("import", str(files / "people.vcf"))
    assert again.output.strip() == "Nothing new in people.vcf: all 4 already in the book."
    shown = run("client", "show", "cafe-oelmuehle-gmbh").output
    assert "Jürgen Müller (Geschäftsführer) <juergen@oelmuehle.de> +49 40 1234" in shown
    assert "Took back" in run("undo").output  # the no-op import wrote nothing to take back
    assert json.loads(run("client", "list", "--json").output)["clients"] == []


def test_new_clients_take_the_configured_terms_and_currency(  # type: ignore[no-untyped-def]
    run, files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAPPORT_CURRENCY", "CHF")
    monkeypatch.setenv("RAPPORT_TERMS", "14")
    assert run("import", str(files / "people.vcf")).exit_code == 0
    shown = run("client", "show", "nordlicht-ab").output
    assert "Payment terms 14 days" in shown and "currency CHF" in shown


def test_dry_run_lists_what_would_come_and_writes_nothing(  # type: ignore[no-untyped-def]
    run, files: Path, book_path: Path
) -> None:
    result = run("import", str(files / "people.vcf"), "--dry-run")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "+ client Café Ölmühle GmbH (cafe-oelmuehle-gmbh)"
    assert "Nothing was written (dry run)" in lines[-1]
    assert not book_path.exists()


def test_a_broken_card_is_one_line_exit_2_and_nothing_written(  # type: ignore[no-untyped-def]
    run, files: Path, book_path: Path
) -> None:
    result = run("import", str(files / "broken.vcf"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Card 2 (Bernd Bruch)" in result.stderr
    assert not book_path.exists()
    german = run("import", str(files / "broken.vcf"), locale="de")
    assert "Karte 2 (Bernd Bruch) ist nicht lesbar" in german.stderr


def test_csv_import_notes_the_ignored_columns(run, files: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("import", str(files / "people.csv"))
    assert result.exit_code == 0
    assert "Note: these columns are not imported: Notizen, Geburtstag" in result.stderr
    assert "3 new clients, 3 new contacts" in result.stdout
    german = run("import", str(files / "people.csv"), locale="de")
    assert "Hinweis: diese Spalten werden nicht importiert" in german.stderr
    assert "Nichts Neues in people.csv" in german.stdout


def test_import_refuses_what_it_cannot_read(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "x.txt").write_text("hello")
    (tmp_path / "latin1.csv").write_bytes("Name\nJ\xfcrgen\n".encode("latin-1"))
    for path, words in (
        (tmp_path / "x.txt", "Cannot tell what"),
        (tmp_path / "missing.vcf", "cannot be read"),
        (tmp_path / "latin1.csv", "is not UTF-8 text"),
    ):
        result = run("import", str(path))
        assert result.exit_code == 2 and words in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1


def test_export_json_to_a_file_and_back_into_an_empty_book(  # type: ignore[no-untyped-def]
    run, files: Path, tmp_path: Path
) -> None:
    run("import", str(files / "people.vcf"))
    run("quick", "nordlicht-ab call kick-off")
    out = tmp_path / "out" / "book-export.json"
    out.parent.mkdir()
    result = run("export", "--format", "json", "-o", str(out))
    assert result.exit_code == 0 and f"Wrote json to {out}" in result.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["book-export.json"]  # no temp left
    other = tmp_path / "other.json"
    base = ["--db", str(other), "--now", NOW]
    back = CliRunner().invoke(main, [*base, "import", str(out)], catch_exceptions=False)
    assert back.exit_code == 0, back.output
    again = CliRunner().invoke(main, [*base, "export", "--format", "json"])
    assert again.stdout.encode() == out.read_bytes()


def test_export_csv_folder_or_one_kind(run, files: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("import", str(files / "people.vcf"))
    folder = tmp_path / "tables"
    assert run("export", "--format", "csv", "-o", str(folder)).exit_code == 0
    assert {p.name for p in folder.iterdir()} >= {"clients.csv", "contacts.csv", "invoices.csv"}
    one = run("export", "--format", "csv", "--kind", "contacts", "--client", "nordlicht-ab")
    assert one.stdout.splitlines()[1].split(",")[2:5] == [
        "Zoë Åberg",
        "zoe@nordlicht.se",
        "+46-8-123",
    ]
    assert run("export", "--format", "csv").exit_code == 2
    wrong = run("export", "--format", "json", "--kind", "clients")
    assert wrong.exit_code == 2 and "--kind" in wrong.stderr
    unknown = run("export", "--format", "md", "--client", "nobody")
    assert unknown.exit_code == 2 and "nobody" in unknown.stderr


def test_help_speaks_german(run) -> None:  # type: ignore[no-untyped-def]
    german = run("import", "--help", locale="de").output
    assert "Kontakte aus einer vCard" in german and "nichts schreiben" in german
    assert "Take the book out" in run("export", "--help").output
    assert "Das Board im Browser" in run("serve", "--help", locale="de").output
    assert "Take the book out: json" in run("--help").output  # the short help of the list


def _env(book: Path) -> dict[str, str]:
    return {**os.environ, "RAPPORT_DB": str(book), "RAPPORT_LOCALE": "en", "RAPPORT_NOW": NOW}


def test_a_real_process_imports_and_exports_a_calendar(files: Path, book_path: Path) -> None:
    env = _env(book_path)
    done = subprocess.run(
        [RAPPORT, "import", str(files / "people.vcf")], env=env, capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    ics = subprocess.run(
        [RAPPORT, "export", "--format", "ics"], env=env, capture_output=True, timeout=60
    )
    events = Calendar.from_ical(ics.stdout).walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events)[0].startswith("Get in touch with Café")


def test_a_large_file_shows_a_bar_on_a_terminal(tmp_path: Path, book_path: Path) -> None:
    many = "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {n}\r\nEMAIL:p{n}@x.de\r\nORG:Org {n % 50}\r\n"
        "END:VCARD\r\n"
        for n in range(400)
    )
    (tmp_path / "many.vcf").write_text(many)
    terminal = Terminal([RAPPORT, "import", str(tmp_path / "many.vcf")], _env(book_path))
    try:
        terminal.wait_for(b"400 new contacts")
        assert terminal.finish() == 0
        assert b"Reading" in terminal.seen and b"100%" in terminal.seen
    finally:
        terminal.close()
    piped = subprocess.run(
        [RAPPORT, "import", str(tmp_path / "many.vcf")],
        env=_env(book_path),
        capture_output=True,
        timeout=60,
    )
    assert piped.stderr == b"" and b"all 400 already" in piped.stdout


def test_an_export_target_that_cannot_be_written_is_exit_1_and_leaves_the_book(  # type: ignore[no-untyped-def]
    run, files: Path, book_path: Path
) -> None:
    run("import", str(files / "people.vcf"))
    before = book_path.read_bytes()
    target = files / "missing" / "book.json"
    for locale, said in (("en", "Could not write"), ("de", "konnte nicht geschrieben werden")):
        result = run("export", "--format", "json", "-o", str(target), locale=locale)
        assert result.exit_code == 1
        assert said in result.stderr and "write the book" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert not target.exists() and book_path.read_bytes() == before
