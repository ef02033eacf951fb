"""Durations as typed, in both languages; and where the quick-log line finds them."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.durations import MAX_MINUTES, duration_text, match_duration, parse_duration
from model.errors import InputError
from model.interaction import InteractionKind as IK
from model.quicklog import LogInteraction as Log
from model.quicklog import QuickLogError, parse

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")

TABLE = [
    # English
    ("45m", 45),
    ("90min", 90),
    ("90 min", 90),
    ("30 minutes", 30),
    ("1h", 60),
    ("2 hours", 120),
    ("1h30m", 90),
    ("1h30", 90),
    ("1h 15m", 75),
    ("1.5h", 90),
    ("1.25 hrs", 75),
    ("0.1h", 6),
    # German
    ("1,5h", 90),
    ("1,5 Std", 90),
    ("1,5 Std.", 90),
    ("2 Stunden", 120),
    ("90 Min", 90),
    ("90 Min.", 90),
    ("45 Minuten", 45),
    ("1 Std 30 Min", 90),
    ("1 Stunde", 60),
    ("24h", MAX_MINUTES),
]


@pytest.mark.parametrize(("text", "minutes"), TABLE)
def test_the_table(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


BAD = [
    ("1h75m", "quicklog.duration.invalid"),
    ("1h 60m", "quicklog.duration.invalid"),
    ("2,5min", "quicklog.duration.invalid"),
    ("1,5h30m", "quicklog.duration.invalid"),
    ("0,001h", "quicklog.duration.invalid"),
    ("0m", "quicklog.duration.zero"),
    ("0 Std", "quicklog.duration.zero"),
    ("25h", "quicklog.duration.too_long"),
    ("1441 Min", "quicklog.duration.too_long"),
    ("45x", "quicklog.duration.form"),
    ("Std", "quicklog.duration.form"),
    ("45", "quicklog.duration.form"),
]


@pytest.mark.parametrize(("text", "key"), BAD)
def test_what_names_no_duration(text: str, key: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_duration(text)
    assert caught.value.key == key
    assert caught.value.params["word"] == text


@pytest.mark.parametrize("word", ["45x", "2nd", "3d", "budget", "1.5.2026", "h", "m30"])
def test_words_not_meant_as_durations_are_none(word: str) -> None:
    assert match_duration([word], 0) is None


@given(st.integers(1, MAX_MINUTES))
def test_shown_durations_read_back(minutes: int) -> None:
    assert parse_duration(duration_text(minutes)) == minutes


@given(st.integers(0, 24), st.integers(0, 59), st.sampled_from(["h", " Std ", " hours "]))
def test_hours_then_minutes(hours: int, minutes: int, unit: str) -> None:
    total = hours * 60 + minutes
    text = f"{hours}{unit}{minutes}m" if unit == "h" else f"{hours}{unit}{minutes} Min"
    if 0 < total <= MAX_MINUTES:
        assert parse_duration(text) == total
    else:
        with pytest.raises(InputError):
            parse_duration(text)


@given(st.integers(1, 240), st.sampled_from([",", "."]), st.sampled_from(["h", " Std"]))
def test_decimal_hours_in_either_mark(tenths: int, mark: str, unit: str) -> None:
    text = f"{tenths // 10}{mark}{tenths % 10}{unit}"
    assert parse_duration(text) == tenths * 6


@given(st.text(max_size=12))
def test_any_text_is_a_duration_or_one_clear_error(text: str) -> None:
    try:
        minutes = parse_duration(text)
    except InputError as error:
        assert error.key.startswith("quicklog.duration.")
    else:
        assert 0 < minutes <= MAX_MINUTES


LINES = [
    ("acme call 45m talked budget", Log("acme", IK.CALL, "talked budget", NOW, minutes=45)),
    ("acme call talked budget 1h30m", Log("acme", IK.CALL, "talked budget", NOW, minutes=90)),
    ("acme anruf 1,5 Std Budget", Log("acme", IK.CALL, "Budget", NOW, minutes=90)),
    ("acme treffen Workshop 90 Min", Log("acme", IK.MEETING, "Workshop", NOW, minutes=90)),
    ("acme meeting 1 Std 30 Min kickoff", Log("acme", IK.MEETING, "kickoff", NOW, minutes=90)),
    # the day and the duration, either order
    ("acme call yesterday 45m hi", Log("acme", IK.CALL, "hi", NOW.subtract(days=1), minutes=45)),
    ("acme call 45m yesterday hi", Log("acme", IK.CALL, "hi", NOW.subtract(days=1), minutes=45)),
    ("acme call 3d ago 20m", Log("acme", IK.CALL, "", NOW.subtract(days=3), minutes=20)),
    ("acme anruf vor 3 Tagen 20 Min", Log("acme", IK.CALL, "", NOW.subtract(days=3), minutes=20)),
    # a number in the middle of the sentence, or with no unit known, is text
    ("acme note planned a 2h workshop", Log("acme", IK.NOTE, "planned a 2h workshop", NOW)),
    ("acme call 45x talked", Log("acme", IK.CALL, "45x talked", NOW)),
    ("acme call 2nd attempt", Log("acme", IK.CALL, "2nd attempt", NOW)),
    ('acme call "45m" was the plan', Log("acme", IK.CALL, '"45m" was the plan', NOW)),
    ("acme call talked 10 minutes", Log("acme", IK.CALL, "talked", NOW, minutes=10)),
    ("acme call", Log("acme", IK.CALL, "", NOW)),
]


@pytest.mark.parametrize(("line", "command"), LINES)
def test_the_line_takes_the_duration_first_or_last(line: str, command: Log) -> None:
    parsed = parse(line, NOW)
    assert parsed == command
    assert isinstance(parsed, Log) and parsed.minutes == command.minutes


@pytest.mark.parametrize(
    ("line", "word", "key"),
    [
        ("acme call 1h75m talked", "1h75m", "quicklog.duration.invalid"),
        ("acme anruf 0 Min", "0", "quicklog.duration.zero"),
        ("acme call talked budget 30h", "30h", "quicklog.duration.too_long"),
    ],
)
def test_a_bad_duration_names_its_word(line: str, word: str, key: str) -> None:
    with pytest.raises(QuickLogError) as caught:
        parse(line, NOW)
    assert caught.value.key == key
    assert caught.value.params["word"] == word
    assert caught.value.params["position"] == line.index(word)
