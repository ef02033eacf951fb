"""Date words: two explicit calendar forms, day first, and relative words counted from now."""

from __future__ import annotations

import pendulum
import pytest

from model.dates import MAX_DAYS, Relative, is_date_shaped, match_relative, noon_on, parse_date
from model.errors import InputError

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")


@pytest.mark.parametrize(
    ("word", "day"),
    [
        ("2026-11-20", pendulum.Date(2026, 11, 20)),
        ("20.11.2026", pendulum.Date(2026, 11, 20)),
        ("01.02.2026", pendulum.Date(2026, 2, 1)),
        ("02.01.2026", pendulum.Date(2026, 1, 2)),
        ("1.2.2026", pendulum.Date(2026, 2, 1)),
        ("2026-1-5", pendulum.Date(2026, 1, 5)),
        ("2028-02-29", pendulum.Date(2028, 2, 29)),
        ("29.02.2028", pendulum.Date(2028, 2, 29)),
        ("31.12.2999", pendulum.Date(2999, 12, 31)),
        ("1900-01-01", pendulum.Date(1900, 1, 1)),
        ("20.11.26", pendulum.Date(2026, 11, 20)),
        ("1.2.99", pendulum.Date(2099, 2, 1)),
    ],
)
def test_real_days_parse_day_first(word: str, day: pendulum.Date) -> None:
    assert parse_date(word) == day


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("2026-02-29", "quicklog.date.invalid"),
        ("29.02.2026", "quicklog.date.invalid"),
        ("31.02.2026", "quicklog.date.invalid"),
        ("2026-13-45", "quicklog.date.invalid"),
        ("2026-04-31", "quicklog.date.invalid"),
        ("00.01.2026", "quicklog.date.invalid"),
        ("2026-00-10", "quicklog.date.invalid"),
        ("1899-12-31", "quicklog.date.range"),
        ("01.01.3000", "quicklog.date.range"),
        ("20.11.", "quicklog.date.form"),
        ("11/20/2026", "quicklog.date.form"),
        ("2026/11/20", "quicklog.date.form"),
        ("20-11-2026", "quicklog.date.form"),
        ("Nov 20 2026", "quicklog.date.form"),
        ("٢٠٢٦-١١-٢٠", "quicklog.date.form"),
        ("", "quicklog.date.form"),
    ],
)
def test_anything_else_is_an_error_naming_the_word(word: str, key: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(word)
    assert caught.value.key == key
    assert caught.value.params["word"] == word
    assert word in caught.value.render("de")


@pytest.mark.parametrize(
    ("word", "shaped"),
    [
        ("2026-11-20", True),
        ("2026-13-45", True),
        ("20.11.2026", True),
        ("20.11.", True),
        ("11/20/2026", True),
        ("2026-11-1x", True),
        ("18.11.26th", True),
        ("2026-017", False),
        ("2026-017b", False),
        ("1.5", False),
        ("1.250,50", False),
        ("heute", False),
        ("3d", False),
    ],
)
def test_date_shaped_words_need_two_separators(word: str, shaped: bool) -> None:
    assert is_date_shaped(word) is shaped


@pytest.mark.parametrize(
    ("words", "start", "found"),
    [
        (["today"], 0, Relative(0, 1, 0)),
        (["x", "HEUTE"], 1, Relative(1, 2, 0)),
        (["yesterday"], 0, Relative(0, 1, -1)),
        (["gestern"], 0, Relative(0, 1, -1)),
        (["3d", "ago"], 0, Relative(0, 2, -3)),
        (["3", "days", "ago"], 0, Relative(0, 3, -3)),
        (["1", "day", "ago"], 0, Relative(0, 3, -1)),
        (["vor", "3", "Tagen"], 0, Relative(0, 3, -3)),
        (["vor", "1", "Tag"], 0, Relative(0, 3, -1)),
        (["vor", "3d"], 0, Relative(0, 2, -3)),
        (["in", "14d"], 0, Relative(0, 2, 14)),
        (["in", "14", "Tagen"], 0, Relative(0, 3, 14)),
        (["in", "14", "days", "more"], 0, Relative(0, 3, 14)),
        (["3d"], 0, None),
        (["vor", "drei", "Tagen"], 0, None),
        (["in", "the", "morning"], 0, None),
        (["3", "ago"], 0, None),
        (["ago"], 0, None),
        ([], 0, None),
        (["today"], 1, None),
    ],
)
def test_relative_phrases(words: list[str], start: int, found: Relative | None) -> None:
    assert match_relative(words, start) == found


def test_a_relative_count_beyond_a_century_is_an_error() -> None:
    assert match_relative(["in", f"{MAX_DAYS}d"], 0) == Relative(0, 2, MAX_DAYS)
    with pytest.raises(InputError) as caught:
        match_relative(["vor", "999999999", "Tagen"], 0)
    assert caught.value.key == "quicklog.date.too_far"
    assert caught.value.params["word"] == "999999999"


@pytest.mark.parametrize(
    ("day", "offset"),
    [(pendulum.Date(2026, 1, 10), "+01:00"), (pendulum.Date(2026, 7, 1), "+02:00")],
)
def test_on_a_day_means_noon_in_the_time_zone_of_now(day: pendulum.Date, offset: str) -> None:
    moment = noon_on(day, NOW)
    assert moment.date() == day
    assert (moment.hour, moment.minute, moment.second) == (12, 0, 0)
    assert moment.isoformat().endswith(offset)
    assert moment.timezone_name == "Europe/Berlin"
