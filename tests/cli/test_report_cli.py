"""``rapport report`` and ``edit --duration``: through CliRunner and as a real process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.cli.test_process import rapport
from tui.cli import main

NOW = "2026-11-25T10:00:00+01:00"
LINES = [
    "acme invoice A1 1000 on 2026-03-01",
    "acme paid A1 400 on 2026-03-11",
    "acme credit A1 100 on 2026-03-12",
    "acme call 1h30m on 2026-03-02 kickoff",
    "globex invoice G1 5000 CHF on 2026-05-01",
    "globex meeting 10h on 2026-05-02 workshop",
    "globex issue #scope_creep one more report",
]


@pytest.fixture
def run(book_path: Path):  # type: ignore[no-untyped-def]
    def invoke(*args: str, locale: str = "en") -> Result:
        base = ["--db", str(book_path), "--locale", locale, "--now", NOW]
        return CliRunner().invoke(main, [*base, *args], catch_exceptions=False)

    for name in ("Acme", "Globex"):
        assert invoke("client", "add", name).exit_code == 0
    for line in LINES:
        done = invoke("quick", line)
        assert done.exit_code == 0, done.output
    return invoke


def test_the_text_in_both_languages(run) -> None:  # type: ignore[no-untyped-def]
    english = run("report").output
    assert "What each client brings and costs, 2026-01-01 to 2026-12-31" in english
    assert "EUR  invoiced €1,000.00 · paid €400.00 · open €500.00" in english
    assert "credited €100.00 · written off €0.00" in english
    assert "€600.00 per hour" in english
    assert "1 interaction, 1h30m logged, 0 open scope-creep issues" in english
    assert "10h logged, 1 open scope-creep issue" in english
    assert all(len(line) <= 80 for line in english.splitlines())
    german = run("report", locale="de").output
    assert "EUR  berechnet 1.000,00 € · bezahlt 400,00 € · offen 500,00 €" in german
    assert "1 Kontakt, 1h30m erfasst, 0 offene Sonderwünsche" in german


def test_json_has_stable_keys_and_amounts_as_strings(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("report", "--json").output)
    assert data["schema"] == 1
    assert data["period"] == {"from": "2026-01-01", "to": "2026-12-31"}
    # one client with revenue in each currency: CHF before EUR by code
    assert data["currencies"] == ["CHF", "EUR"]
    assert [c["client"] for c in data["clients"]] == ["globex", "acme"]
    acme = data["clients"][1]
    assert set(acme) == {
        "client",
        "name",
        "state",
        "money",
        "interactions",
        "minutes",
        "scope_creep_open",
        "high_effort",
    }
    assert acme["money"] == [
        {
            "currency": "EUR",
            "invoiced": "1000.00",
            "paid": "400.00",
            "open": "500.00",
            "credited": "100.00",
            "written_off": "0.00",
            "revenue": "900.00",
            "dso_days": 154,  # (400·10 + 500 open·269 days) / 900
            "per_hour": "600.00",
        }
    ]
    assert [m["currency"] for m in data["total"]["money"]] == ["CHF", "EUR"]
    assert data["total"]["minutes"] == 690


def test_a_period_by_days(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("report", "--from", "01.05.2026", "--to", "2026-05-31", "--json").output)
    assert [c["client"] for c in data["clients"]] == ["globex"]
    assert json.loads(run("report", "--year", "2025", "--json").output)["clients"] == []
    said = run("report", "--year", "2025").output
    assert said == "Nothing invoiced, logged or open from 2025-01-01 to 2025-12-31.\n"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--year", "2026", "--from", "2026-01-01"), "either --year or --from/--to"),
        (("--from", "2026-13-01"), "'2026-13-01' is not a day"),
        (("--from", "2026-06-01", "--to", "2026-05-01"), "ends (2026-05-01) before it starts"),
        (("--year", "26000"), "26000"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run, args: tuple[str, ...], says: str) -> None:  # type: ignore[no-untyped-def]
    done = run("report", *args)
    assert done.exit_code == 2
    assert says in done.output
    assert "Traceback" not in done.output


def _acme(run) -> dict[str, object]:  # type: ignore[no-untyped-def]
    clients = json.loads(run("report", "--json").output)["clients"]
    return next(c for c in clients if c["client"] == "acme")  # type: ignore[no-any-return]


def test_edit_sets_and_clears_a_duration(run, book_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("client", "show", "acme", "--json").output)
    ref = next(i["ref"] for i in data["interactions"])
    assert run("edit", ref, "--duration", "2 Std").exit_code == 0
    assert _acme(run)["minutes"] == 120
    bad = run("edit", ref, "--duration", "1h75m")
    assert bad.exit_code == 2 and "'1h75m'" in bad.output
    assert run("edit", ref, "--duration", "").exit_code == 0
    assert _acme(run)["minutes"] == 0
    stored = json.loads(book_path.read_text())["interactions"]
    assert all("minutes" not in doc for doc in stored.values() if doc["client"] == "acme")


def test_as_a_real_process(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    env = {"RAPPORT_NOW": NOW}
    assert rapport(book, "client", "add", "Acme", env=env).returncode == 0
    logged = rapport(book, "quick", "acme anruf 1,5 Std Budget", env=env)
    assert logged.returncode == 0 and "Call of 1h30m logged for Acme" in logged.stdout
    rapport(book, "quick", "acme invoice A1 900 on 2026-11-01", env=env)
    done = rapport(book, "report", "--json", env=env)
    assert done.returncode == 0, done.stderr
    (acme,) = json.loads(done.stdout)["clients"]
    assert acme["minutes"] == 90 and acme["money"][0]["per_hour"] == "600.00"
    bad = rapport(book, "report", "--from", "gestern", env=env)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_the_client_file_shows_each_duration(run) -> None:  # type: ignore[no-untyped-def]
    assert "Call 1h30m  kickoff" in run("client", "show", "acme").output
    assert "Anruf 1h30m  kickoff" in run("client", "show", "acme", locale="de").output
    timeline = json.loads(run("client", "show", "acme", "--json").output)
    assert [i["minutes"] for i in timeline["interactions"]] == [90]
