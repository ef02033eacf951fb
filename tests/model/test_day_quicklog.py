"""The day's verbs in the quick-log (both languages), completion from the book, search,
and the refusals that write nothing."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import Book, InputError, InteractionKind, State
from model.quicklog import QuickLogError, parse
from model.quicklog_commands import AddFollowUp, MarkDone, Snooze
from model.quicklog_complete import complete, nearest_verb
from model.search import fold

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")  # a Wednesday
TODAY = NOW.date()


@pytest.mark.parametrize(
    ("line", "text", "due"),
    [
        ("acme followup send the offer by friday", "send the offer", TODAY.add(days=2)),
        ("acme nachfassen Angebot schicken bis Freitag", "Angebot schicken", TODAY.add(days=2)),
        ("acme followup call back by wednesday", "call back", TODAY),
        ("acme followup call back by next wednesday", "call back", TODAY.add(days=7)),
        ("acme followup send it by next friday", "send it", TODAY.add(days=2)),
        ("acme nachfassen Angebot bis nächsten Freitag", "Angebot", TODAY.add(days=2)),
        ("acme followup call back tuesday", "call back", TODAY.add(days=6)),
        ("acme FOLLOWUP ask again by 2026-12-04", "ask again", pendulum.date(2026, 12, 4)),
        (
            "acme nachfassen nochmal fragen bis 04.12.2026",
            "nochmal fragen",
            pendulum.date(2026, 12, 4),
        ),
        ("acme followup x tomorrow", "x", TODAY.add(days=1)),
        ("acme nachfassen x morgen", "x", TODAY.add(days=1)),
        ("acme followup x in 3d", "x", TODAY.add(days=3)),
        ("acme nachfassen x in 3 Tagen", "x", TODAY.add(days=3)),
        ('acme followup "by friday" by today', "by friday", TODAY),
    ],
)
def test_followup_lines(line: str, text: str, due: pendulum.Date) -> None:
    assert parse(line, NOW) == AddFollowUp("acme", text, due, NOW)


@pytest.mark.parametrize(
    ("line", "ref"),
    [
        ("acme done 3", "3"),
        ("acme erledigt #3", "#3"),
        ("acme done followup:3", "followup:3"),
        ("acme erledigt Issue:2", "issue:2"),
        ("acme done thanks:1", "thanks:1"),
    ],
)
def test_done_lines(line: str, ref: str) -> None:
    assert parse(line, NOW) == MarkDone("acme", ref, NOW)


@pytest.mark.parametrize(
    ("line", "until", "reason"),
    [
        ("acme snooze 2w on holiday", TODAY.add(days=14), "on holiday"),
        ("acme zurückstellen 2w Urlaub", TODAY.add(days=14), "Urlaub"),
        ("acme zurueckstellen 3 Wochen", TODAY.add(days=21), ""),
        ("acme snooze 10d", TODAY.add(days=10), ""),
        ("acme snooze 1m", TODAY.add(days=30), ""),
        ("acme snooze 2 months busy", TODAY.add(days=60), "busy"),
        ("acme zurückstellen 1 Monat", TODAY.add(days=30), ""),
        (
            "acme snooze until 2027-01-10 after the fair",
            pendulum.date(2027, 1, 10),
            "after the fair",
        ),
        ("acme zurückstellen bis 10.01.2027", pendulum.date(2027, 1, 10), ""),
        ("acme snooze until monday", TODAY.add(days=5), ""),
        ("acme snooze off", None, ""),
        ("acme zurückstellen aus", None, ""),
    ],
)
def test_snooze_lines(line: str, until: pendulum.Date | None, reason: str) -> None:
    assert parse(line, NOW) == Snooze("acme", until, reason, NOW)


@pytest.mark.parametrize(
    ("line", "key", "word"),
    [
        ("acme followup send the offer", "quicklog.missing_followup_day", ""),
        ("acme followup by friday", "quicklog.missing_text", ""),
        ("acme nachfassen x bis 31.02.2027", "quicklog.date.invalid", "31.02.2027"),
        ("acme done", "quicklog.missing_ref", ""),
        ("acme done soon", "quicklog.bad_ref", "soon"),
        ("acme done invoice:x", "quicklog.bad_ref", "invoice:x"),
        ("acme done 3 extra", "quicklog.unexpected", "extra"),
        ("acme snooze", "quicklog.missing_snooze", ""),
        ("acme snooze soon", "quicklog.snooze_length", "soon"),
        ("acme zurückstellen bald", "quicklog.snooze_length", "bald"),
        ("acme snooze 0d", "quicklog.snooze_length", "0d"),
        ("acme snooze 2x", "quicklog.snooze_length", "2x"),
        ("acme snooze until", "quicklog.missing_date", ""),
        ("acme snooze until later", "quicklog.date.form", "later"),
        ("acme snooze 99999w", "quicklog.date.too_far", "99999w"),
        ("acme cal budget", "quicklog.unknown_verb_near", "cal"),
        ("acme nachfasen x by friday", "quicklog.unknown_verb_near", "nachfasen"),
    ],
)
def test_bad_day_lines_name_the_word(line: str, key: str, word: str) -> None:
    with pytest.raises(QuickLogError) as caught:
        parse(line, NOW)
    assert (caught.value.key, caught.value.word) == (key, word)
    assert caught.value.expected
    for locale in ("en", "de"):
        assert not caught.value.render(locale).startswith("quicklog.")


def test_nearest_verb_for_a_typo() -> None:
    assert nearest_verb("cal") == "call"
    assert nearest_verb("snoze") == "snooze"
    assert nearest_verb("erledig") == "erledigt"
    assert nearest_verb("xyzzy") is None
    assert complete("acme cal", ["acme"]) == ["call"]
    assert complete("acme snoze", ["acme"]) == ["snooze"]
    assert complete("acme fol", ["acme"]) == ["followup"]


@pytest.fixture
def acme(book: Book) -> Book:
    book.add_client("ACME GmbH", NOW.subtract(days=100), id="acme")
    book.add_client("Globex", NOW.subtract(days=100), id="globex", state=State.ROUTINE)
    return book


def test_completion_knows_the_clients_numbers_and_refs(acme: Book) -> None:
    acme.quick("acme invoice 2026-017 100 on 2026-10-01", NOW)
    acme.quick("acme invoice 2026-018 100 on 2026-10-01", NOW)
    acme.quick("acme paid 2026-018", NOW)
    acme.quick("globex invoice G-1 100", NOW)
    acme.quick("acme issue slow replies", NOW)
    acme.quick("acme thanks card", NOW)
    acme.quick("acme followup send the offer by friday", NOW)
    assert acme.completions("acme paid ") == ["2026-017"]
    assert acme.completions("acme bezahlt 2026") == ["2026-017"]
    assert acme.completions("globex paid ") == ["G-1"]
    assert acme.completions("acme resolve ") == ["1"]
    assert acme.completions("acme thanked ") == ["1"]
    assert acme.completions("acme done ") == ["followup:1", "issue:1", "thanks:1"]
    assert acme.completions("acme erledigt f") == ["followup:1"]
    assert acme.completions("acme status t") == ["trusted", "therapie", "trennung"]
    assert acme.completions("acme snooze ")[0] == "2w"
    assert acme.completions("ac") == ["acme"]
    assert acme.completions("acme cal") == ["call"]
    assert acme.completions("zzz paid ") == []


def test_the_quick_log_writes_followups_done_and_snooze(acme: Book) -> None:
    receipt = acme.quick("acme nachfassen Angebot schicken bis freitag", NOW)
    assert receipt.render("de") == "Nachfassen #1 für ACME GmbH, fällig 2026-11-27."
    assert (
        acme.quick("acme erledigt 1", NOW).render("de") == "Nachfassen #1 von ACME GmbH erledigt."
    )
    acme.quick("acme issue slow replies", NOW)
    assert acme.quick("acme done issue:1", NOW).key == "book.issue_resolved"
    acme.quick("acme thanks card", NOW)
    assert acme.quick("acme done thanks:1", NOW).key == "book.thanked"
    snoozed = acme.quick("acme zurückstellen 2w Urlaub", NOW)
    assert snoozed.render("en") == (
        "ACME GmbH snoozed until 2026-12-09: no contact nudge before then."
    )
    assert acme.client_file("acme", NOW).client.snooze_reason == "Urlaub"
    assert (
        acme.quick("acme snooze off", NOW).render("de") == "Zurückstellung von ACME GmbH beendet."
    )
    assert acme.undo() is not None
    assert acme.client_file("acme", NOW).snoozed_until == "2026-12-09"


@pytest.mark.parametrize(
    "line",
    [
        "acme done 7",  # no such follow-up
        "acme done followup:2",  # globex's, not acme's
        "acme done invoice:1",  # an invoice is paid, not done
        "acme done followup:1 extra",
        "acme snooze soon",
        "acme snooze until 2026-11-25",  # must end after today
        "acme snooze until 2026-01-01",
        "acme followup send it by 2026-11-01",  # in the past
        "acme followup send it 3d ago",
        "globex snooze off",  # not snoozed
        "acme done 1",  # already done below
    ],
)
def test_bad_input_writes_nothing(acme: Book, book_path: Path, line: str) -> None:
    acme.quick("acme followup first by friday", NOW)
    acme.quick("globex followup theirs by friday", NOW)
    if line == "acme done 1":
        acme.quick(line, NOW)
    before = book_path.read_bytes()
    with pytest.raises(InputError):
        acme.quick(line, NOW)
    assert book_path.read_bytes() == before


def test_search_is_case_and_accent_insensitive_newest_first(acme: Book) -> None:
    acme.log("acme", InteractionKind.NOTE, "Müller prefers calls", NOW.subtract(days=3))
    acme.log(
        "globex", InteractionKind.CALL, "talked to MULLER about the budget", NOW.subtract(days=1)
    )
    acme.quick("acme issue!! Café launch slipped", NOW.subtract(days=2))
    acme.quick("acme kudos 'great work' from Renée Müller", NOW)
    acme.quick("acme thanks card for the café team", NOW.subtract(days=5))
    acme.quick("globex followup send the cafe offer by friday", NOW.subtract(days=1))
    acme.quick("acme resolve 1 agreed a new date with müller", NOW)
    hits = acme.search("muller")
    assert [(h.kind, h.client.id) for h in hits] == [
        ("kudos", "acme"),
        ("call", "globex"),
        ("issue", "acme"),  # through its resolution
        ("note", "acme"),
    ]
    assert [h.kind for h in acme.search("CAFÉ")] == ["followup", "issue", "thanks"]
    assert [h.ref for h in acme.search("cafe offer")] == ["followup:1"]
    assert acme.search("cafe budget") == []
    assert acme.search("   ") == []
    assert hits[1].when.startswith("2026-11-24") and hits[1].ref == "interaction:2"
    assert fold("Ärger ÜBER Straße") == "arger uber strasse"


DAY_WORDS = [
    "followup",
    "nachfassen",
    "done",
    "erledigt",
    "snooze",
    "zurückstellen",
    "off",
    "aus",
    "until",
    "bis",
    "by",
    "friday",
    "Freitag",
    "morgen",
    "tomorrow",
    "in",
    "3d",
    "2w",
    "1m",
    "weeks",
    "Wochen",
    "Monat",
    "ago",
    "vor",
    "3",
    "0",
    "99999999d",
    "issue:2",
    "followup:x",
    "#4",
    ":",
    "2026-12-04",
    "31.02.2027",
    "2026-13-45",
    '"by friday"',
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(DAY_WORDS), st.text(max_size=5)), max_size=6))
def test_any_day_line_parses_or_names_its_word(words: list[str]) -> None:
    line = "acme " + " ".join(words)
    try:
        command = parse(line, NOW)
    except QuickLogError as error:
        assert error.expected and error.render("de")
        assert error.word == "" or error.word in line
        return
    if isinstance(command, AddFollowUp):
        assert command.text
    if isinstance(command, Snooze) and command.until is not None and "until" not in words:
        assert command.until > TODAY or "bis" in words
