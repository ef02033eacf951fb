"""The quick-log language: good lines in both languages become exactly the command meant."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

from model.client import State
from model.interaction import InteractionKind as IK
from model.issue import IssueKind, Severity
from model.quicklog import STATE_WORDS, VERBS, Action, Command, complete, parse
from model.quicklog import AddInvoice as Invoice
from model.quicklog import AddKudos as Kudos
from model.quicklog import ChangeState as To
from model.quicklog import LogInteraction as Log
from model.quicklog import OpenIssue as Issue
from model.quicklog import OweThanks as Owe
from model.quicklog import RecordPayment as Paid
from model.quicklog import ResolveIssue as Resolve
from model.quicklog import ThanksDone as Done
from model.quicklog_commands import AddFollowUp, CreditInvoice, MarkDone, Snooze, VoidInvoice

NOW = pendulum.datetime(2026, 11, 25, 10, 0, tz="Europe/Berlin")
TODAY = NOW.date()
YESTERDAY = NOW.subtract(days=1)


def noon(year: int, month: int, day: int) -> pendulum.DateTime:
    return pendulum.datetime(year, month, day, 12, tz="Europe/Berlin")


def day(year: int, month: int, day: int) -> pendulum.Date:
    return pendulum.Date(year, month, day)


GOOD: list[tuple[str, Command]] = [
    # interactions, a date only at the end
    (
        "acme call talked about the Q1 budget",
        Log("acme", IK.CALL, "talked about the Q1 budget", NOW),
    ),
    ("acme meeting kickoff on 2026-11-20", Log("acme", IK.MEETING, "kickoff", noon(2026, 11, 20))),
    (
        "acme mail sent the offer am 20.11.2026",
        Log("acme", IK.MAIL, "sent the offer", noon(2026, 11, 20)),
    ),
    (
        "acme message confirmed on 01.02.2026",
        Log("acme", IK.MESSAGE, "confirmed", noon(2026, 2, 1)),
    ),
    ("acme note prefers calls yesterday", Log("acme", IK.NOTE, "prefers calls", YESTERDAY)),
    ("acme anruf Budget besprochen gestern", Log("acme", IK.CALL, "Budget besprochen", YESTERDAY)),
    ("acme treffen Kickoff heute", Log("acme", IK.MEETING, "Kickoff", NOW)),
    (
        "acme nachricht bestätigt vor 3 Tagen",
        Log("acme", IK.MESSAGE, "bestätigt", NOW.subtract(days=3)),
    ),
    ("acme notiz vor 1 Tag", Log("acme", IK.NOTE, "", YESTERDAY)),
    ("acme call 3d ago", Log("acme", IK.CALL, "", NOW.subtract(days=3))),
    ("acme call short 3 days ago", Log("acme", IK.CALL, "short", NOW.subtract(days=3))),
    ("acme call today", Log("acme", IK.CALL, "", NOW)),
    ("acme meeting on 2026-07-01", Log("acme", IK.MEETING, "", noon(2026, 7, 1))),
    ("acme call", Log("acme", IK.CALL, "", NOW)),
    ("acme call follow up in 3d", Log("acme", IK.CALL, "follow up in 3d", NOW)),
    ("acme call talked on the phone", Log("acme", IK.CALL, "talked on the phone", NOW)),
    ("acme call budget 2026-11-20", Log("acme", IK.CALL, "budget", noon(2026, 11, 20))),
    (
        "acme call on 2026-11-20 about money",
        Log("acme", IK.CALL, "about money", noon(2026, 11, 20)),
    ),
    (
        'acme call "budget 2026-11-20" agreed',
        Log("acme", IK.CALL, '"budget 2026-11-20" agreed', NOW),
    ),
    ('acme call discussed "the plan" today', Log("acme", IK.CALL, 'discussed "the plan"', NOW)),
    ('acme note "budget on 2026-13-45"', Log("acme", IK.NOTE, "budget on 2026-13-45", NOW)),
    ("acme call didn't answer", Log("acme", IK.CALL, "didn't answer", NOW)),
    ("  acme\tCALL  talked\x07 about\n it ", Log("acme", IK.CALL, "talked about it", NOW)),
    ("'Müller & Söhne' anruf hallo", Log("Müller & Söhne", IK.CALL, "hallo", NOW)),
    ('"ACME Corp" meeting', Log("ACME Corp", IK.MEETING, "", NOW)),
    ("„Müller GmbH“ mail Angebot", Log("Müller GmbH", IK.MAIL, "Angebot", NOW)),
    ("call note a client named call", Log("call", IK.NOTE, "a client named call", NOW)),
    # issues
    (
        "acme issue! extra landing page outside the agreed scope #scope_creep",
        Issue(
            "acme",
            "extra landing page outside the agreed scope",
            Severity.MEDIUM,
            IssueKind.SCOPE_CREEP,
            NOW,
        ),
    ),
    ("acme issue slow replies", Issue("acme", "slow replies", Severity.LOW, IssueKind.OTHER, NOW)),
    (
        "acme issue!! #delay launch slipped",
        Issue("acme", "launch slipped", Severity.HIGH, IssueKind.DELAY, NOW),
    ),
    (
        "acme problem Ansprechpartner gewechselt #contact_change gestern",
        Issue(
            "acme", "Ansprechpartner gewechselt", Severity.LOW, IssueKind.CONTACT_CHANGE, YESTERDAY
        ),
    ),
    (
        "acme problem! Erwartungen #Expectation-Drift",
        Issue("acme", "Erwartungen", Severity.MEDIUM, IssueKind.EXPECTATION_DRIFT, NOW),
    ),
    (
        "acme problem!! Qualität mangelhaft #quality.",
        Issue("acme", "Qualität mangelhaft", Severity.HIGH, IssueKind.QUALITY, NOW),
    ),
    (
        "acme ISSUE ticket #123 is broken",
        Issue("acme", "ticket #123 is broken", Severity.LOW, IssueKind.OTHER, NOW),
    ),
    (
        "acme issue late again yesterday #payment",
        Issue("acme", "late again", Severity.LOW, IssueKind.PAYMENT, YESTERDAY),
    ),
    # resolving
    ("acme resolve 3 agreed a change request", Resolve("acme", 3, "agreed a change request", NOW)),
    ("acme gelöst 3 Änderung vereinbart", Resolve("acme", 3, "Änderung vereinbart", NOW)),
    ("acme geloest #12", Resolve("acme", 12, "", NOW)),
    (
        "acme resolve 3 talked it through yesterday",
        Resolve("acme", 3, "talked it through", YESTERDAY),
    ),
    # invoices
    (
        "acme invoice 2026-017 1250 EUR",
        Invoice("acme", "2026-017", Decimal(1250), "EUR", TODAY, None, None),
    ),
    (
        "acme invoice 2026-017 1250",
        Invoice("acme", "2026-017", Decimal(1250), None, TODAY, None, None),
    ),
    (
        "acme rechnung 2026-017 1.250,50 € fällig 24.12.2026",
        Invoice("acme", "2026-017", Decimal("1250.50"), "EUR", TODAY, day(2026, 12, 24), None),
    ),
    (
        "acme invoice 2026-017 1,250.50 usd due 2026-12-24",
        Invoice("acme", "2026-017", Decimal("1250.50"), "USD", TODAY, day(2026, 12, 24), None),
    ),
    (
        "acme invoice 2026-017 €1250 on 2026-11-01 in 14d",
        Invoice("acme", "2026-017", Decimal(1250), "EUR", day(2026, 11, 1), None, 14),
    ),
    (
        "acme rechnung 2026-018 1250,50 EUR am 01.11.2026 in 14 Tagen",
        Invoice("acme", "2026-018", Decimal("1250.50"), "EUR", day(2026, 11, 1), None, 14),
    ),
    (
        "acme invoice 7 $99.5 due in 30 days",
        Invoice("acme", "7", Decimal("99.5"), "USD", TODAY, None, 30),
    ),
    (
        "acme invoice 2026-017 1250 due 2026-10-01",
        Invoice("acme", "2026-017", Decimal(1250), None, TODAY, day(2026, 10, 1), None),
    ),
    (
        "acme invoice 2026-017 1.250 CHF",
        Invoice("acme", "2026-017", Decimal(1250), "CHF", TODAY, None, None),
    ),
    (
        "acme invoice 2026-017 500 yesterday",
        Invoice("acme", "2026-017", Decimal(500), None, YESTERDAY.date(), None, None),
    ),
    (
        "acme rechnung A-7 800 fällig in 10 Tagen am 20.11.2026",
        Invoice("acme", "A-7", Decimal(800), None, day(2026, 11, 20), None, 10),
    ),
    (
        "acme Rechnung 2026-019 800€ faellig heute",
        Invoice("acme", "2026-019", Decimal(800), "EUR", TODAY, TODAY, None),
    ),
    # payments
    ("acme paid 2026-017", Paid("acme", "2026-017", None, None, TODAY)),
    ("acme bezahlt 2026-017 500", Paid("acme", "2026-017", Decimal(500), None, TODAY)),
    (
        "acme paid 2026-017 500 EUR on 2026-11-20",
        Paid("acme", "2026-017", Decimal(500), "EUR", day(2026, 11, 20)),
    ),
    ("acme paid 2026-017 yesterday", Paid("acme", "2026-017", None, None, YESTERDAY.date())),
    (
        "acme bezahlt 2026-017 250,00€ am 20.11.2026",
        Paid("acme", "2026-017", Decimal("250.00"), "EUR", day(2026, 11, 20)),
    ),
    ("acme paid 2026-017 on 2026-11-20", Paid("acme", "2026-017", None, None, day(2026, 11, 20))),
    # thanks
    (
        "acme thanks handwritten card after launch by 2026-12-01",
        Owe("acme", "handwritten card after launch", day(2026, 12, 1), NOW),
    ),
    (
        "acme danke handgeschriebene Karte bis 01.12.2026",
        Owe("acme", "handgeschriebene Karte", day(2026, 12, 1), NOW),
    ),
    ("acme thanks card for the referral", Owe("acme", "card for the referral", None, NOW)),
    ("acme thanks card signed by the team", Owe("acme", "card signed by the team", None, NOW)),
    ("acme danke Blumen bis heute", Owe("acme", "Blumen", TODAY, NOW)),
    ("acme thanks card by in 3d", Owe("acme", "card", day(2026, 11, 28), NOW)),
    ("acme thanks card by 2026-12-01 yesterday", Owe("acme", "card", day(2026, 12, 1), YESTERDAY)),
    ("acme thanked 2", Done("acme", 2, NOW)),
    ("acme gedankt #2 gestern", Done("acme", 2, YESTERDAY)),
    # kudos
    (
        'acme kudos "Maren, ich liebe dich!" from Maren',
        Kudos("acme", "Maren, ich liebe dich!", "Maren", NOW),
    ),
    (
        'acme lob "Ihr seid die Besten" von Maren Schulz',
        Kudos("acme", "Ihr seid die Besten", "Maren Schulz", NOW),
    ),
    ("acme kudos great work on the launch", Kudos("acme", "great work on the launch", "", NOW)),
    ("acme kudos great work from Maren yesterday", Kudos("acme", "great work", "Maren", YESTERDAY)),
    ("acme lob „Tolle Arbeit“ von Jan", Kudos("acme", "Tolle Arbeit", "Jan", NOW)),
    (
        'acme kudos "feedback from the whole team" from Jan',
        Kudos("acme", "feedback from the whole team", "Jan", NOW),
    ),
    ('acme kudos "great" am 20.11.2026', Kudos("acme", "great", "", noon(2026, 11, 20))),
    # states
    (
        "acme state strained contact person changed",
        To("acme", State.STRAINED, "contact person changed", NOW),
    ),
    (
        "acme status Bewährungsprobe Ansprechpartner gewechselt",
        To("acme", State.STRAINED, "Ansprechpartner gewechselt", NOW),
    ),
    ("acme status therapie", To("acme", State.REPAIR, "", NOW)),
    ("acme status auseinandergelebt", To("acme", State.DRIFTING, "", NOW)),
    ("acme status neu", To("acme", State.NEW, "", NOW)),
    ("acme status kennenlernen", To("acme", State.NEW, "", NOW)),
    ("acme state routine", To("acme", State.ROUTINE, "", NOW)),
    ("acme status vertrauen", To("acme", State.TRUSTED, "", NOW)),
    (
        "acme status trennung Projekt eingestellt",
        To("acme", State.ENDED, "Projekt eingestellt", NOW),
    ),
    (
        "acme state trusted years of good work on 2026-11-20",
        To("acme", State.TRUSTED, "years of good work", noon(2026, 11, 20)),
    ),
]


@pytest.mark.parametrize(("line", "command"), GOOD, ids=[line for line, _ in GOOD])
def test_good_lines(line: str, command: Command) -> None:
    assert parse(line, NOW) == command


ONE_OF_EACH = {
    Action.INTERACTION: ("", Log),
    Action.ISSUE: ("x", Issue),
    Action.RESOLVE: ("1", Resolve),
    Action.INVOICE: ("1 1", Invoice),
    Action.PAYMENT: ("1", Paid),
    Action.THANKS: ("x", Owe),
    Action.THANKED: ("1", Done),
    Action.KUDOS: ("x", Kudos),
    Action.STATE: ("routine", To),
    Action.FOLLOWUP: ("x by friday", AddFollowUp),
    Action.DONE: ("1", MarkDone),
    Action.SNOOZE: ("2w", Snooze),
    Action.VOID: ("2026-019 typo", VoidInvoice),
    Action.CREDIT: ("2026-017 200", CreditInvoice),
    Action.WRITEOFF: ("2026-017", CreditInvoice),
}


@pytest.mark.parametrize("word", list(VERBS))
def test_every_verb_makes_its_command(word: str) -> None:
    verb = VERBS[word]
    args, kind = ONE_OF_EACH[verb.action]
    command = parse(f"acme {word.upper()} {args}", NOW)
    assert isinstance(command, kind)
    if isinstance(command, Log):
        assert command.kind is verb.kind
    if isinstance(command, Issue):
        assert command.severity is verb.severity


def test_state_words_cover_every_state() -> None:
    assert set(STATE_WORDS.values()) == set(State)


def test_a_text_keeps_no_control_characters() -> None:
    command = parse('acme note "two\nlines\x1b[31m" and\x00more', NOW)
    assert isinstance(command, Log)
    assert command.text == '"two lines [31m" and more'


@pytest.mark.parametrize(
    ("line", "position", "words"),
    [
        ("", None, ["acme", "Beta-GmbH", "acorn"]),
        ("ac", None, ["acme", "acorn"]),
        ("BE", None, ["Beta-GmbH"]),
        ("acme ", None, list(VERBS)),
        ("acme iss", None, ["issue", "issue!", "issue!!"]),
        ("acme An", None, ["anruf"]),
        ("acme st", None, ["state", "status", "storno"]),
        ("acme status t", None, ["trusted", "therapie", "trennung"]),
        ("acme state ", None, list(STATE_WORDS)),
        ("acme status therapie ", None, []),
        ("acme issue! extra page #sc", None, ["#scope_creep"]),
        ("acme problem #", None, [f"#{kind.value}" for kind in IssueKind]),
        ("acme call #sc", None, []),
        ("acme bogus ", None, []),
        ("ac call talked", 2, ["acme", "acorn"]),
        ("acme ca talked", 7, ["call"]),
    ],
)
def test_complete(line: str, position: int | None, words: list[str]) -> None:
    assert complete(line, ["acme", "Beta-GmbH", "acorn"], position) == words
