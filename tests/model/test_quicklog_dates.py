"""Dates wherever they stand in the line, in both languages, and how they were read."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.interaction import InteractionKind as IK
from model.quicklog import LogInteraction as Log
from model.quicklog import OweThanks as Owe
from model.quicklog import RecordPayment as Paid
from model.quicklog import parse

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")  # a Wednesday
TODAY = NOW.date()


def noon(month: int, day: int) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, 12, tz="Europe/Berlin")


def back(days: int) -> pendulum.DateTime:
    return NOW.subtract(days=days)


GOOD: list[tuple[str, object]] = [
    ("acme call yesterday talked budget", Log("acme", IK.CALL, "talked budget", back(1))),
    ("acme call on 2026-11-18 talked budget", Log("acme", IK.CALL, "talked budget", noon(11, 18))),
    ("acme anruf gestern Budget besprochen", Log("acme", IK.CALL, "Budget besprochen", back(1))),
    ("acme anruf am 18.11.2026 Budget", Log("acme", IK.CALL, "Budget", noon(11, 18))),
    ("acme call vorgestern quick chat", Log("acme", IK.CALL, "quick chat", back(2))),
    ("acme anruf vorgestern", Log("acme", IK.CALL, "", back(2))),
    ("acme call last friday about scope", Log("acme", IK.CALL, "about scope", back(5))),
    ("acme anruf letzten Freitag Umfang", Log("acme", IK.CALL, "Umfang", back(5))),
    ("acme meeting on monday kickoff", Log("acme", IK.MEETING, "kickoff", back(2))),
    ("acme treffen am Montag Kickoff", Log("acme", IK.MEETING, "Kickoff", back(2))),
    ("acme call last wednesday", Log("acme", IK.CALL, "", back(7))),
    ("acme call on wednesday", Log("acme", IK.CALL, "", NOW)),
    ("acme mail 18.11.26 offer sent", Log("acme", IK.MAIL, "offer sent", noon(11, 18))),
    ("acme call on 2026-11-25 today's plan", Log("acme", IK.CALL, "today's plan", NOW)),
    ("acme call 3d ago short", Log("acme", IK.CALL, "short", back(3))),
    ("acme call yesterday, talked budget", Log("acme", IK.CALL, "talked budget", back(1))),
    ("acme anruf am 18.11.2026: Budget", Log("acme", IK.CALL, "Budget", noon(11, 18))),
    ("acme anruf vor 3 Tagen kurz", Log("acme", IK.CALL, "kurz", back(3))),
    # weekdays without an intro stay words; plans ahead stay text
    ("acme call friday launch talked", Log("acme", IK.CALL, "friday launch talked", NOW)),
    ("acme anruf Freitag ist Launch", Log("acme", IK.CALL, "Freitag ist Launch", NOW)),
    ("acme call meet next friday", Log("acme", IK.CALL, "meet next friday", NOW)),
    ("acme call talked on the phone", Log("acme", IK.CALL, "talked on the phone", NOW)),
    ("acme note invoice due 2026-12-01", Log("acme", IK.NOTE, "invoice due 2026-12-01", NOW)),
    # deadlines look ahead
    (
        "acme thanks card by friday for the intro",
        Owe("acme", "card for the intro", TODAY.add(days=2), NOW),
    ),
    ("acme danke Karte bis Freitag", Owe("acme", "Karte", TODAY.add(days=2), NOW)),
    ("acme thanks card by next wednesday", Owe("acme", "card", TODAY.add(days=7), NOW)),
    ("acme danke bis 1.12.26 Blumen", Owe("acme", "Blumen", pendulum.Date(2026, 12, 1), NOW)),
    ("acme paid 2026-017 last monday", Paid("acme", "2026-017", None, None, back(2).date())),
    ("acme bezahlt 2026-017 500 vorgestern", Paid("acme", "2026-017", 500, None, back(2).date())),
]


@pytest.mark.parametrize(("line", "command"), GOOD, ids=[line for line, _ in GOOD])
def test_dates_are_read_wherever_they_stand(line: str, command: object) -> None:
    assert parse(line, NOW) == command


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("acme call on monday", "on monday = 2026-11-23"),
        ("acme anruf am Mittwoch", "am Mittwoch = 2026-11-25"),
        ("acme call last friday", "last friday = 2026-11-20"),
        ("acme mail 18.11.26", "18.11.26 = 2026-11-18"),
        ("acme call yesterday", ""),
        ("acme call on 2026-11-18", ""),
        (
            "acme invoice 7 500 on monday due friday",
            "on monday = 2026-11-23, due friday = 2026-11-27",
        ),
    ],
)
def test_the_command_says_how_a_weekday_or_short_year_was_read(line: str, read: str) -> None:
    assert parse(line, NOW).read == read


_NOTE_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöü", min_size=1, max_size=8).filter(
    lambda w: (
        w
        not in {"on", "am", "in", "vor", "by", "bis", "due", "last", "next", "today", "heute"}
        | {"yesterday", "gestern", "vorgestern", "letzten", "vergangenen", "vorigen"}
        # a day after a deadline word is a deadline mentioned in the note, not the moment
        | {"fällig", "faellig"}
        and not w.endswith("day")
        and not w.endswith("tag")
        and w not in {"mittwoch", "sonnabend"}
    )
)
_PHRASES = [
    ("yesterday", back(1)),
    ("gestern", back(1)),
    ("vorgestern", back(2)),
    ("on 2026-11-18", noon(11, 18)),
    ("am 18.11.2026", noon(11, 18)),
    ("18.11.26", noon(11, 18)),
    ("3d ago", back(3)),
    ("vor 3 Tagen", back(3)),
    ("last friday", back(5)),
    ("letzten Freitag", back(5)),
    ("on monday", back(2)),
    ("am Montag", back(2)),
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_NOTE_WORD, max_size=6),
    st.sampled_from(_PHRASES),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(["call", "anruf", "note", "notiz", "meeting"]),
)
def test_a_date_anywhere_in_the_line_is_taken_out_of_the_note(
    words: list[str], phrase: tuple[str, pendulum.DateTime], at: int, verb: str
) -> None:
    text, when = phrase
    at = min(at, len(words))
    line = " ".join(["acme", verb, *words[:at], text, *words[at:]])
    command = parse(line, NOW)
    assert isinstance(command, Log)
    assert command.when == when
    assert command.text == " ".join(words)


@settings(max_examples=200, deadline=None)
@given(st.lists(_NOTE_WORD, max_size=6), st.integers(min_value=0, max_value=6))
def test_a_quoted_date_stays_in_the_note(words: list[str], at: int) -> None:
    at = min(at, len(words))
    line = " ".join(["acme", "call", *words[:at], '"on 2026-11-18"', *words[at:]])
    command = parse(line, NOW)
    assert command.when == NOW
    assert "on 2026-11-18" in command.text
