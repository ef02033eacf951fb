"""Bad quick-log lines: each error names the failing word, where it is, and what fits."""

from __future__ import annotations

import string

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.i18n import t
from model.issue import IssueKind
from model.quicklog import STATE_WORDS, VERBS, QuickLogError, parse

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")

# (line, message key, failing word); the position is where that word last occurs
BAD: list[tuple[str, str, str]] = [
    ("", "quicklog.empty", ""),
    ("   ", "quicklog.empty", ""),
    ("acme", "quicklog.missing_verb", ""),
    ("call talked to acme", "quicklog.verb_first", "call"),
    ("anruf", "quicklog.verb_first", "anruf"),
    ("acme cal budget", "quicklog.unknown_verb_near", "cal"),
    ("acme anrufen", "quicklog.unknown_verb_near", "anrufen"),
    ("acme xyzzy", "quicklog.unknown_verb", "xyzzy"),
    ('"Müller call hi', "quicklog.unclosed_quote", '"Müller'),
    ('"" call', "quicklog.missing_client", '""'),
    ("acme call on 2026-13-45", "quicklog.date.invalid", "2026-13-45"),
    ("acme anruf am 31.02.2026", "quicklog.date.invalid", "31.02.2026"),
    ("acme call on 2026-02-29", "quicklog.date.invalid", "2026-02-29"),
    ("acme notiz am 20.11.", "quicklog.date.form", "20.11."),
    ("acme call on 11/20/2026", "quicklog.date.form", "11/20/2026"),
    ("acme call 2026-11-1x talked", "quicklog.date.form", "2026-11-1x"),
    ("acme anruf 18.11.26x Budget", "quicklog.date.form", "18.11.26x"),
    ("acme call on 1899-12-31", "quicklog.date.range", "1899-12-31"),
    ("acme call 99999999d ago", "quicklog.date.too_far", "99999999d"),
    ("acme anruf vor 99999999 Tagen", "quicklog.date.too_far", "99999999"),
    ("acme issue", "quicklog.missing_text", ""),
    ("acme problem! #delay", "quicklog.missing_text", ""),
    ("acme issue slow #foo", "quicklog.unknown_kind", "#foo"),
    ("acme problem x #delay #quality", "quicklog.kind_twice", "#quality"),
    ("acme resolve", "quicklog.missing_number", ""),
    ("acme resolve x", "quicklog.bad_number", "x"),
    ("acme resolve 0", "quicklog.bad_number", "0"),
    ("acme gelöst 99999999999", "quicklog.bad_number", "99999999999"),
    ("acme thanked 2 card sent", "quicklog.unexpected", "card"),
    ("acme gedankt", "quicklog.missing_number", ""),
    ("acme invoice", "quicklog.missing_invoice", ""),
    ("acme rechnung 2026-017", "quicklog.missing_amount", ""),
    ("acme invoice 2026-017 -5", "quicklog.money.positive", "-5"),
    ("acme invoice 2026-017 0", "quicklog.money.positive", "0"),
    ("acme invoice 2026-017 12,3456", "quicklog.money.decimals", "12,3456"),
    ("acme invoice 2026-017 abc", "quicklog.money.amount", "abc"),
    ("acme invoice 2026-017 €abc", "quicklog.money.amount", "€abc"),
    ("acme invoice 2026-017 1250 XYZ", "quicklog.money.currency", "XYZ"),
    ("acme rechnung 2026-017 1250 EUR fällig", "quicklog.missing_date", ""),
    ("acme invoice 2026-017 1250 due soon", "quicklog.unexpected", "soon"),
    ("acme invoice 2026-017 1250 EUR for design", "quicklog.unexpected", "for"),
    ("acme invoice 2026-017 1250€ EUR", "quicklog.unexpected", "EUR"),
    ("acme invoice 2026-017 1250 due 2026-12-24 in 14d", "quicklog.twice", "in"),
    ("acme invoice 2026-017 1250 on 2026-11-01 on 2026-11-02", "quicklog.twice", "on"),
    ("acme invoice 2026-017 1250 fällig 30.02.2026", "quicklog.date.invalid", "30.02.2026"),
    ("acme invoice 2026-017 1250 on", "quicklog.missing_date", ""),
    ("acme paid", "quicklog.missing_invoice", ""),
    ("acme paid 2026-017 5,123,4 EUR", "quicklog.money.amount", "5,123,4"),
    ("acme bezahlt 2026-017 500 EUR morgen", "quicklog.unexpected", "morgen"),
    ("acme paid 2026-017 500 EUR yesterday again", "quicklog.unexpected", "again"),
    ("acme paid 2026-017 on", "quicklog.missing_date", ""),
    ("acme paid 2026-017 on 2026-13-01", "quicklog.date.invalid", "2026-13-01"),
    ("acme thanks", "quicklog.missing_thanks_text", ""),
    ("acme danke bis 01.12.2026", "quicklog.missing_thanks_text", ""),
    ("acme thanks card by 2026-02-30", "quicklog.date.invalid", "2026-02-30"),
    ("acme kudos", "quicklog.missing_kudos_text", ""),
    ("acme lob gestern", "quicklog.missing_kudos_text", ""),
    ("acme state", "quicklog.missing_state", ""),
    ("acme status glücklich", "quicklog.unknown_state", "glücklich"),
    ("acme state on 2026-11-20", "quicklog.missing_state", ""),
    # a date anywhere in the line is read, so a wrong one is an error, never text
    ("acme call budget 2026-13-45 ok", "quicklog.date.invalid", "2026-13-45"),
    ("acme note invoice due 2026-13-45", "quicklog.date.invalid", "2026-13-45"),
    ("acme anruf Budget 31.02.26 besprochen", "quicklog.date.invalid", "31.02.26"),
    ("acme notiz Stand 1.2.3 geprüft", "quicklog.date.form", "1.2.3"),
    ("acme call yesterday about 2026-11-20", "quicklog.two_dates", "2026-11-20"),
    ("acme anruf gestern Budget am Montag", "quicklog.two_dates", "am"),
    ("acme issue slow replies vorgestern 3d ago", "quicklog.two_dates", "3d"),
]


@pytest.mark.parametrize(("line", "key", "word"), BAD, ids=[line or "<empty>" for line, *_ in BAD])
def test_bad_lines_point_at_the_word(line: str, key: str, word: str) -> None:
    with pytest.raises(QuickLogError) as caught:
        parse(line, NOW)
    err = caught.value
    assert (err.key, err.word) == (key, word)
    assert err.position == (line.rindex(word) if word else len(line))
    assert err.expected
    english, german = err.render("en"), err.render("de")
    assert english != german
    assert english == str(err)
    for text in (english, german):
        assert "{" not in text
        assert word in text or key == "quicklog.missing_client"


def test_errors_list_the_valid_words() -> None:
    with pytest.raises(QuickLogError) as caught:
        parse("acme cal budget", NOW)
    assert caught.value.expected == list(VERBS)
    assert caught.value.render("en").startswith(
        "Unknown verb 'cal' — did you mean 'call'? Expected one of: call, meeting,"
    )
    assert "Unbekanntes Verb „cal“" in caught.value.render("de")
    with pytest.raises(QuickLogError) as caught:
        parse("acme issue slow #foo", NOW)
    assert caught.value.expected == [f"#{kind.value}" for kind in IssueKind]
    with pytest.raises(QuickLogError) as caught:
        parse("acme status meh", NOW)
    assert {"strained", "bewährungsprobe", "ended", "trennung"} <= set(caught.value.expected)


VOCABULARY = [
    *VERBS,
    *STATE_WORDS,
    "acme",
    '"ACME Corp"',
    "'x",
    '"',
    "„",
    "“",
    "on",
    "am",
    "due",
    "fällig",
    "in",
    "vor",
    "ago",
    "by",
    "bis",
    "from",
    "von",
    "3d",
    "14",
    "0",
    "Tagen",
    "Tag",
    "days",
    "today",
    "heute",
    "gestern",
    "yesterday",
    "vorgestern",
    "friday",
    "Freitag",
    "last",
    "letzten",
    "next",
    "20.11.26",
    "2026-11-20",
    "2026-13-45",
    "31.02.2026",
    "20.11.2026",
    "20.11.",
    "1.250,50",
    "1,250.50",
    "-5",
    "€",
    "$",
    "€12",
    "EUR",
    "eur",
    "XYZ",
    "#delay",
    "#foo",
    "#",
    "#3",
    "2026-017",
    "999999999999",
    "99999999d",
    "\t",
    "\x00",
    "(",
]


def _check(line: str) -> None:
    try:
        command = parse(line, NOW)
    except QuickLogError as err:
        assert 0 <= err.position <= len(line)
        assert line[err.position :].startswith(err.word)
        assert err.expected
        assert err.render("de") and err.render("en")
    else:
        assert command.client.strip()


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_text_parses_or_raises_quicklog_error(line: str) -> None:
    _check(line)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(VOCABULARY), st.text(string.printable + "äöü€„“«»", max_size=6)),
        max_size=9,
    )
)
def test_any_mix_of_the_vocabulary_parses_or_raises_quicklog_error(words: list[str]) -> None:
    _check(" ".join(words))


def test_error_keys_exist_in_the_catalog() -> None:
    for _, key, _ in BAD:
        assert t(key, "en") != key
        assert t(key, "de") != key
