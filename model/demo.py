"""A realistic demo book: for a first look, the screenshots and the benchmark.

It has every state, issues of every kind, overdue and part-paid invoices,
thanks owed, kudos and an ended client with its reflection, in German and
English.  The same seed gives the same book; a 1,000-client, 100,000-interaction
book is built in one write, in seconds.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pendulum

from model.batch import Batch
from model.book import PROGRESS_STEP, Book, Progress
from model.client import Client, Contact, Reflection, State, StateChange, slugify
from model.gratitude import Kudos, Thanks
from model.interaction import Interaction, InteractionKind
from model.invoice import Invoice, Payment
from model.issue import Issue, IssueKind, Severity
from model.receipt import Receipt
from model.timestamps import day_text, moment_text

__all__ = ["before_demo_path", "build_demo", "demo_batch", "demo_book_path"]

_FIRMS = [
    "Müller & Söhne GmbH",
    "Bäckerei Schröder",
    "ACME Corp",
    "Nordlicht Design",
    "Hanse Logistik AG",
    "Blue Harbor Ltd",
    "Weber Consulting",
    "Grünwerk eG",
    "Fischer IT-Service",
    "Brightside Media",
    "Stadtwerke Kleinstadt",
    "Kaffeerösterei Bohne",
    "Northwind Traders",
    "Zahnarztpraxis Dr. Yılmaz",
    "Atelier Lumière",
    "Tischlerei Holzmann",
    "Pixel & Paper",
    "Alpenblick Hotels",
    "Rhein-Ruhr Immobilien",
    "Oakwood Partners",
    "Sonnenschein Kita gGmbH",
    "Fahrradwerk Böhm",
    "Quantum Labs",
    "Elbe Yachtservice",
]
_PEOPLE = [
    "Maren Kruse",
    "Jonas Weber",
    "Aylin Demir",
    "Sophie Becker",
    "Lukas Hoffmann",
    "Emma Schulz",
    "Noah Richter",
    "Mia Wagner",
    "Oliver Smith",
    "Grace Taylor",
    "Jürgen Köhler",
    "Anna Łukasik",
    "Priya Nair",
    "Tom O'Brien",
    "Lea Zimmermann",
]
_TAGS = ["retail", "web", "retainer", "public", "b2b", "design", "it", "hospitality"]
_NOTES = [
    "talked about the Q1 budget",
    "Abstimmung zum Relaunch",
    "sent the revised offer",
    "kurzer Zwischenstand",
    "workshop on the new brand",
    "Feedback zur Startseite",
    "asked about the delayed delivery",
    "Termin für die Abnahme vereinbart",
]
_ISSUES = [
    ("extra landing page outside the agreed scope", IssueKind.SCOPE_CREEP),
    ("neue Ansprechperson, kennt das Projekt nicht", IssueKind.CONTACT_CHANGE),
    ("launch slipped by three weeks", IssueKind.DELAY),
    ("Erwartungen an das Design laufen auseinander", IssueKind.EXPECTATION_DRIFT),
    ("mails stay unanswered", IssueKind.COMMUNICATION),
    ("Fehler im Export", IssueKind.QUALITY),
]
_KUDOS = [
    "Maren, ich liebe dich!",
    "Best agency we ever worked with.",
    "Danke, dass ihr am Wochenende eingesprungen seid.",
    "The new shop doubled our sales.",
]
#: How far back in a day an interaction of the demo may lie.
_MINUTES = 600
_STATES = [State.STRAINED, State.REPAIR, State.DRIFTING, State.NEW, State.ROUTINE, State.TRUSTED]


def _name(i: int) -> str:
    base = _FIRMS[i % len(_FIRMS)]
    return base if i < len(_FIRMS) else f"{base} {i // len(_FIRMS) + 1}"


def demo_batch(
    now: pendulum.DateTime,
    *,
    clients: int = 24,
    interactions: int = 400,
    seed: int = 7,
    progress: Progress | None = None,
) -> Batch:
    """The demo book as entities, ready for :meth:`Book.load`; ``progress("build", n, total)``."""
    rnd = random.Random(seed)
    batch = Batch()
    today = now.date()
    for i in range(clients):
        state = State.ENDED if i == clients - 1 and clients > 3 else _STATES[i % len(_STATES)]
        since = now.subtract(days=rnd.randint(60, 900))
        person = _PEOPLE[i % len(_PEOPLE)]
        client = Client(
            id=slugify(_name(i)),
            name=_name(i),
            state=state,
            history=[StateChange(State.NEW, moment_text(since))],
            contacts=[
                Contact(person, person.split()[0].lower() + "@example.com", day_text(since.date()))
            ],
            tags=rnd.sample(_TAGS, 2),
            terms=rnd.choice([14, 30, 30, 45]),
            cadence=rnd.choice([14, 30, 30, 60]),
            cadence_set=True,
            dream=i % 7 == 2,
            currency="CHF" if i % 11 == 5 else "EUR",
        )
        if state is not State.NEW:
            at = moment_text(now.subtract(days=rnd.randint(5, 50)))
            client.history.append(StateChange(state, at, "demo"))
        if state is State.ENDED:
            client.reflection = Reflection(
                stop="Zusagen ohne schriftlichen Umfang",
                pause="Das Team hat viel gelernt",
                play="Scope und Budget vorab klären",
            )
        batch.clients.append(client)
    ids = [c.id for c in batch.clients]
    kinds = list(InteractionKind)
    moment = _moments(now)
    for n in range(interactions):
        if progress is not None and n % PROGRESS_STEP == 0:
            progress("build", n, interactions)
        when = moment(rnd.randint(0, 400), rnd.randint(0, _MINUTES))
        kind = rnd.choice(kinds)
        batch.interactions.append(Interaction(rnd.choice(ids), kind, when, rnd.choice(_NOTES)))
    if progress is not None:
        progress("build", interactions, interactions)
    for n, c in enumerate(batch.clients):
        batch.issues.append(_issue(rnd, n, c, now))
        batch.invoices += [_invoice(rnd, n * 2 + k + 1, c, today) for k in range(2)]
        if n % 3 == 0:
            by = today.add(days=rnd.randint(-10, 20))
            owed = moment_text(now.subtract(days=rnd.randint(1, 30)))
            batch.thanks.append(
                Thanks(0, c.id, "handwritten card after the launch", owed, day_text(by))
            )
        if n % 4 == 1:
            said = moment_text(now.subtract(days=rnd.randint(1, 200)))
            batch.kudos.append(Kudos(c.id, _KUDOS[n // 4 % len(_KUDOS)], said, c.contacts[0].name))
    return batch


def _moments(now: pendulum.DateTime) -> Callable[[int, int], str]:
    """``moment_text(now.subtract(days=d, minutes=m))`` for ``m`` up to ``_MINUTES``, as
    pendulum computes it, in a fraction of its time (a 1M book asks a million times).

    Pendulum takes whole days off the wall clock and bare minutes off the UTC clock.
    Where a day's window of ``_MINUTES`` on the wall clock is as long in UTC (no change
    of offset inside it), the two are the same: the day is computed once and its
    minutes taken off in UTC.  A day with a change inside goes through pendulum.
    """
    exact = pendulum.instance(now)
    window = timedelta(minutes=_MINUTES)
    days: dict[int, datetime | None] = {0: _utc(exact)}  # no days: pendulum counts in UTC

    def text(d: int, m: int) -> str:
        if d not in days:
            end = _utc(exact.subtract(days=d))
            steady = end - _utc(exact.subtract(days=d, minutes=_MINUTES)) == window
            days[d] = end if steady else None
        steady_end = days[d]
        if steady_end is None:
            return moment_text(exact.subtract(days=d, minutes=m))
        return (steady_end - timedelta(minutes=m)).isoformat(timespec="seconds")

    return text


def _utc(moment: pendulum.DateTime) -> datetime:
    """A plain UTC datetime: its arithmetic is stdlib's, without pendulum's checks."""
    utc = moment.astimezone(UTC)
    return datetime(*utc.timetuple()[:6], utc.microsecond, tzinfo=UTC)


def _issue(rnd: random.Random, n: int, c: Client, now: pendulum.DateTime) -> Issue:
    """Every client had an issue once; the strained, in repair and every fifth still do."""
    text, kind = _ISSUES[n % len(_ISSUES)]
    severity = Severity.HIGH if c.state is State.STRAINED else rnd.choice(list(Severity))
    opened = now.subtract(days=rnd.randint(1, 60))
    issue = Issue(0, c.id, text, kind, severity, moment_text(opened))
    if not (c.state in (State.STRAINED, State.REPAIR) or n % 5 == 0):
        issue.resolved = moment_text(opened.add(days=1))
        issue.resolution = "talked it through"
    return issue


def _invoice(rnd: random.Random, n: int, c: Client, today: pendulum.Date) -> Invoice:
    """Paid on time, paid late, part-paid or open: all four happen."""
    issued = today.subtract(days=rnd.randint(10, 150))
    cents = rnd.randint(300, 9000) * 100 + rnd.choice([0, 50])
    amount = Decimal(cents).scaleb(-2)
    due = issued.add(days=c.terms)
    payments: tuple[Payment, ...] = ()
    if rnd.random() < 0.6:
        paid_on = issued.add(days=rnd.randint(5, c.terms + 20))
        if paid_on <= today:
            payments = (Payment(amount, day_text(paid_on)),)
    elif rnd.random() < 0.3:
        half = (amount / 2).quantize(Decimal("0.01"))
        payments = (Payment(half, day_text(today)),)
    number = f"{today.year}-{n:04d}"
    return Invoice(number, c.id, amount, c.currency, day_text(issued), day_text(due), payments)


def demo_book_path(own: Path) -> Path:
    """The board's demo book: next to the user's own (``book.json`` → ``book.demo.json``)."""
    return own.with_name(f"{own.stem}.demo{own.suffix or '.json'}")


def before_demo_path(book: Book) -> Path:
    """Where ``rapport demo --force`` keeps the book it replaces."""
    path = Path(book.path)
    return path.with_name(f"{path.name}.before-demo")


def build_demo(
    book: Book,
    now: pendulum.DateTime,
    *,
    clients: int = 24,
    interactions: int = 400,
    seed: int = 7,
    replace: bool = False,
    progress: Progress | None = None,
) -> Receipt:
    """Write the demo into ``book`` in one transaction.

    Without ``replace`` a book with records is refused (``InputError``) and left
    as it is; with it, the book's file is kept as ``BOOK.before-demo`` first and
    ``undo`` brings its records back.  The check, the copy and the write share one
    lock, so a write from another terminal cannot slip in between.
    """
    batch = demo_batch(
        now, clients=clients, interactions=interactions, seed=seed, progress=progress
    )
    keep = before_demo_path(book) if replace else None
    return book.load(batch, replace=replace, only_into_empty=True, keep_as=keep, progress=progress)
