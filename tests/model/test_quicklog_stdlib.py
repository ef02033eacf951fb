"""The quick-log computes with plain ``datetime``: the same lines as with pendulum's.

``rapport quick`` passes a stdlib moment in the machine's zone (``zoneinfo``), the
board a pendulum one; both must read every line the same, across clock changes too,
and write the same moment and offset.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.dates import days_later
from model.quicklog import parse
from model.timestamps import moment_text, zone_text

LINES = [
    "acme call talked budget",
    "acme call yesterday talked budget",
    "acme anruf vor 3 Tagen Budget",
    "acme call 3d ago",
    "acme meeting on monday kickoff",
    "acme call last friday about scope",
    "acme note on 2026-03-29 the day the clocks went forward",
    "acme anruf am 25.10.26 Zeitumstellung",
    "acme invoice 2026-017 1250 EUR due in 14d",
    "acme invoice 2026-018 99 on 2026-03-01 due 2026-04-01",
    "acme paid 2026-017 on yesterday",
    "acme thanks card by friday",
    "acme followup send the offer by next friday",
    "acme snooze 2w on holiday",
    "acme done 3",
    "acme state strained contact person left",
    "acme issue!! late again #payment yesterday",
]

# around the clock changes of 2026 in Berlin (29 Mar, 25 Oct) and New York (8 Mar, 1 Nov)
MOMENTS = [
    (2026, 3, 30, 1, 30),
    (2026, 3, 30, 2, 30),  # yesterday at this time was skipped
    (2026, 10, 26, 2, 30),  # yesterday at this time came twice
    (2026, 3, 31, 10, 0),
    (2026, 10, 26, 0, 30),
    (2026, 10, 27, 23, 59),
    (2026, 3, 9, 12, 0),
    (2026, 11, 2, 8, 0),
    (2026, 11, 25, 10, 0),
]
ZONES = ["Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"]


def _fields(command: object) -> dict[str, object]:
    out = dict(vars(command))
    when = out.get("when")
    if isinstance(when, datetime):
        out["when"] = (moment_text(when), zone_text(when), when.date().isoformat())
    return out


@settings(max_examples=300, deadline=None)
@given(
    line=st.sampled_from(LINES),
    at=st.sampled_from(MOMENTS),
    zone=st.sampled_from(ZONES),
)
def test_a_line_reads_the_same_with_a_plain_moment(
    line: str, at: tuple[int, int, int, int, int], zone: str
) -> None:
    plain = datetime(*at, tzinfo=ZoneInfo(zone))
    rich = pendulum.datetime(*at, tz=zone)
    assert plain == rich
    read = parse(line, plain)
    assert type(read) is type(parse(line, rich))
    assert _fields(read) == _fields(parse(line, rich))
    assert read.read == parse(line, rich).read


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("at", MOMENTS)
@pytest.mark.parametrize("days", [-1, -2, -3, -7, 1, 14, -30, -365])
def test_days_later_counts_as_pendulum_adds_days(
    zone: str, at: tuple[int, int, int, int, int], days: int
) -> None:
    rich = pendulum.datetime(*at, tz=zone)
    expected = rich.add(days=days)
    for moment in (rich, datetime(*at, tzinfo=ZoneInfo(zone))):
        got = days_later(moment, days)
        # instants and offsets, not ==: a moment of the hour a zone passes twice
        # compares unequal to any other zone's (PEP 495)
        assert (got.timestamp(), got.utcoffset()) == (expected.timestamp(), expected.utcoffset())
        assert got.replace(tzinfo=None, fold=0) == expected.naive()


_NOWS = """
import sys
from tui.cli.core import Context
from model.timestamps import zone_text
for text in sys.argv[1:]:
    c = Context(None, "en", text)
    plain, rich = c.moment(), c.now()
    same = plain.timestamp() == rich.timestamp()  # not ==: PEP 495 across zones
    print(same, plain.isoformat() == rich.isoformat(), zone_text(plain) == zone_text(rich))
"""


@pytest.mark.parametrize("tz", [None, "", "UTC", "Europe/Berlin", ":America/New_York", "Nowhere/X"])
def test_the_plain_now_is_the_moment_pendulum_reads(tz: str | None) -> None:
    """``RAPPORT_NOW`` without an offset is on this machine's clock (``TZ``, else
    ``/etc/localtime``) in both readers, in summer and in winter."""
    env = {k: v for k, v in os.environ.items() if k != "TZ"}
    if tz is not None:
        env["TZ"] = tz
    texts = [
        "2026-11-25T10:00:00+01:00",
        "2026-07-01T10:00:00",
        "2026-12-01 08:15",
        "2026-03-01",
        "2026-03-29T02:30:00",  # skipped in Berlin
        "2026-10-25T02:30:00",  # twice in Berlin
        "2026-03-08T02:30:00",  # skipped in New York
    ]
    done = subprocess.run(
        [sys.executable, "-c", _NOWS, *texts], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.split("\n")[:-1] == ["True True True"] * len(texts), done.stdout
