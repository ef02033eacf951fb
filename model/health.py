"""Health: how a relationship stands, 0 to 100, explained reason by reason.

DOMAIN.md asks for a health that is "not a black box": every point taken or
given has a reason with its weight, and all weights live in :data:`WEIGHTS`.
The same signals drive the suggestions, which are shown and never applied:
the state is the user's judgement.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pendulum

from model.cadence import CADENCE_DEFAULTS, effective_cadence
from model.client import CALM_STATES, Client, State
from model.followup import FollowUp
from model.gratitude import Kudos, Thanks
from model.i18n import t
from model.invoice import Invoice, aging_bucket
from model.issue import Issue, Severity
from model.timestamps import days_since

__all__ = [
    "WEIGHTS",
    "Health",
    "Reason",
    "Signals",
    "Suggestion",
    "Weights",
    "health",
    "needs_call",
    "regularly_late",
    "suggest",
]


@dataclass(frozen=True)
class Weights:
    """Every weight of the health score, named, in one place."""

    start: int = 100
    never_contacted: int = -10
    # Each threshold (gap / cadence) passed takes `contact_step` once.
    contact_thresholds: tuple[float, ...] = (1.0, 1.5, 2.0)
    contact_step: int = -10
    issue: tuple[tuple[Severity, int], ...] = (
        (Severity.LOW, -5),
        (Severity.MEDIUM, -10),
        (Severity.HIGH, -20),
    )
    issue_old_days: int = 14
    issue_old: int = -5
    overdue: tuple[tuple[str, int], ...] = (
        ("1-30", -10),
        ("31-60", -15),
        ("61-90", -20),
        ("90+", -25),
    )
    regularly_late: int = -10
    late_invoices_window: int = 4
    late_invoices_needed: int = 2
    # "Again and again" needs a history: this many invoices that fell due.
    late_invoices_history: int = 3
    thanks_late: int = -5
    followup_late: int = -5
    kudos_recent_days: int = 30
    kudos: int = 5
    kudos_max: int = 10
    # Suggestions: money that waits this long turns a calm relationship strained;
    # a state the user set is left alone this long; calm this long is a way out.
    overdue_strained_days: int = 60
    hands_off_days: int = 14
    settled_days: int = 14


WEIGHTS = Weights()


@dataclass(frozen=True)
class Reason:
    """One line of the explanation: a message key, its values and the points."""

    key: str
    params: dict[str, Any]
    weight: int = 0

    def text(self, locale: str = "en") -> str:
        return t(self.key, locale, **self.params)


@dataclass(frozen=True)
class Health:
    score: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Suggestion:
    state: State
    reason: Reason


@dataclass
class Signals:
    """Everything the rules need to know about one client, gathered in one pass."""

    client: Client
    last_contact: str | None = None
    open_issues: list[Issue] = field(default_factory=list)
    invoices: list[Invoice] = field(default_factory=list)
    thanks_owed: list[Thanks] = field(default_factory=list)
    kudos: list[Kudos] = field(default_factory=list)
    written_since_issue: int = 0
    spoken_since_issue: int = 0
    followups: list[FollowUp] = field(default_factory=list)
    """Open follow-ups, soonest due first."""
    cadence_table: Mapping[State, int] = field(default_factory=lambda: CADENCE_DEFAULTS, repr=False)
    last_resolved: str | None = None
    """When the newest resolved issue was resolved."""
    last_warm: str | None = None
    """The last contact that is more than a payment reminder (see
    :func:`model.board.is_reminder`): what "in touch again" means for leaving drifting."""
    _late: dict[tuple[pendulum.Date, Weights | None], bool] = field(
        default_factory=dict, repr=False, compare=False
    )

    def late(self, today: pendulum.Date, w: Weights = WEIGHTS) -> bool:
        """:func:`regularly_late` for this client, worked out once a day: the board,
        the health and the overdue pane all ask."""
        # Hashing the default weights (a dataclass of tuples) would cost more than the rule.
        key = (today, None if w is WEIGHTS else w)
        if key not in self._late:
            self._late[key] = regularly_late(self.invoices, today, w)
        return self._late[key]

    def days_since_contact(self, now: pendulum.DateTime) -> int | None:
        if self.last_contact is None:
            return None
        return max(days_since(self.last_contact, now), 0)

    @property
    def cadence(self) -> int:
        """Days between contacts: the client's own, else its state's default."""
        return effective_cadence(self.client, self.cadence_table)

    def snoozed(self, now: pendulum.DateTime) -> bool:
        """The user put contact off until a day that has not come yet."""
        until = self.client.snoozed_until
        return until is not None and now.date().isoformat() < until

    def contact_overdue(self, now: pendulum.DateTime) -> bool:
        if self.snoozed(now):
            return False
        days = self.days_since_contact(now)
        return days is None or days > self.cadence


def regularly_late(invoices: list[Invoice], today: pendulum.Date, w: Weights = WEIGHTS) -> bool:
    """A habit, not one slip: at least three invoices fell due, and two or more of the
    last of them were paid late or are still open past their due date."""
    day = today.isoformat()
    # A void invoice no longer counts anywhere, the habit included.
    due = sorted((i for i in invoices if i.due < day and not i.is_void), key=lambda i: i.issued)
    if len(due) < w.late_invoices_history:
        return False
    recent = due[-w.late_invoices_window :]
    return sum(1 for i in recent if i.was_late(today)) >= w.late_invoices_needed


def _late_habit(s: Signals, today: pendulum.Date, w: Weights) -> bool:
    """The habit as the health counts it: only invoices already paid (late) make it, since
    each one overdue now takes its own points (it is not counted twice)."""
    if not s.late(today, w):
        return False
    day = today.isoformat()
    due = sorted((i for i in s.invoices if i.due < day and not i.is_void), key=lambda i: i.issued)
    recent = due[-w.late_invoices_window :]
    closed_late = sum(1 for i in recent if i.is_paid and i.was_late(today))
    return closed_late >= w.late_invoices_needed


def _contact_reasons(s: Signals, now: pendulum.DateTime, w: Weights) -> list[Reason]:
    days = s.days_since_contact(now)
    if days is None:
        return [Reason("health.never_contacted", {}, w.never_contacted)]
    if s.snoozed(now):
        return []
    cadence = max(s.cadence, 1)
    steps = sum(1 for k in w.contact_thresholds if days >= k * cadence)
    if steps == 0 or days <= cadence:
        return []
    return [Reason("health.no_contact", {"days": days, "cadence": cadence}, steps * w.contact_step)]


def _issue_reasons(s: Signals, now: pendulum.DateTime, w: Weights) -> list[Reason]:
    by_severity = dict(w.issue)
    reasons = []
    for issue in s.open_issues:
        age = max(days_since(issue.opened, now), 0)
        weight = by_severity[issue.severity] + (w.issue_old if age > w.issue_old_days else 0)
        params = {"number": issue.number, "severity": issue.severity.value, "days": age}
        reasons.append(Reason("health.issue_open", params, weight))
    return reasons


def _money_reasons(s: Signals, today: pendulum.Date, w: Weights) -> list[Reason]:
    by_bucket = dict(w.overdue)
    reasons = []
    for invoice in s.invoices:
        days = invoice.days_overdue(today)
        if days > 0:
            params = {"number": invoice.number, "days": days}
            reasons.append(Reason("health.overdue", params, by_bucket[aging_bucket(days)]))
    if _late_habit(s, today, w):
        reasons.append(Reason("health.regularly_late", {}, w.regularly_late))
    return reasons


def _gratitude_reasons(s: Signals, now: pendulum.DateTime, w: Weights) -> list[Reason]:
    today = now.date().isoformat()
    reasons = [
        Reason("health.thanks_late", {"number": t.number, "by": t.by}, w.thanks_late)
        for t in s.thanks_owed
        if t.by is not None and t.by < today
    ]
    reasons += [
        Reason("health.followup_late", {"number": f.number, "due": f.due}, w.followup_late)
        for f in s.followups
        if f.due < today
    ]
    recent = [k for k in s.kudos if days_since(k.when, now) <= w.kudos_recent_days]
    if recent:
        newest = min(max(days_since(k.when, now), 0) for k in recent)
        bonus = min(len(recent) * w.kudos, w.kudos_max)
        reasons.append(Reason("health.kudos", {"count": len(recent), "days": newest}, bonus))
    return reasons


def health(s: Signals, now: pendulum.DateTime, w: Weights = WEIGHTS) -> Health:
    """The score and every reason behind it, heaviest first."""
    reasons = [
        *_contact_reasons(s, now, w),
        *_issue_reasons(s, now, w),
        *_money_reasons(s, now.date(), w),
        *_gratitude_reasons(s, now, w),
    ]
    reasons.sort(key=lambda r: r.weight)
    score = w.start + sum(r.weight for r in reasons)
    return Health(max(0, min(100, score)), tuple(reasons))


def needs_call(s: Signals) -> bool:
    """An issue is open and only mails or messages went out since: pick up the phone."""
    return bool(s.open_issues) and s.written_since_issue > 0 and s.spoken_since_issue == 0


def suggest(s: Signals, now: pendulum.DateTime, w: Weights = WEIGHTS) -> Suggestion | None:
    """A change of state the signals point to, with its reason; ``None`` if none.

    The state is the user's: one they set by hand is not contradicted for
    :attr:`Weights.hands_off_days` (the state a client was added with is a
    starting point, not such a judgement).  Strained and repair have a way out:
    no issue open, none resolved for :attr:`Weights.settled_days` and contact
    within the cadence suggest routine.  Drifting ends with real contact: a mail
    that only chases an invoice keeps the cadence but is not "in touch again".
    """
    client = s.client
    state = client.state
    history = client.history
    if len(history) > 1 and days_since(history[-1].at, now) < w.hands_off_days:
        return None
    high = [i for i in s.open_issues if i.severity is Severity.HIGH]
    if high and state in CALM_STATES | {State.DRIFTING}:
        reason = Reason("suggest.strained", {"number": high[0].number})
        return Suggestion(State.STRAINED, reason)
    if state in CALM_STATES:
        late = [(i.days_overdue(now.date()), i.number) for i in s.invoices]
        days_late, number = max(late, default=(0, ""))
        if days_late > w.overdue_strained_days:
            reason = Reason("suggest.strained_overdue", {"number": number, "days": days_late})
            return Suggestion(State.STRAINED, reason)
    days = s.days_since_contact(now)
    quiet = days is not None and days > s.cadence
    if state in CALM_STATES and quiet and not s.snoozed(now):
        reason = Reason("suggest.drifting", {"days": days, "cadence": s.cadence})
        return Suggestion(State.DRIFTING, reason)
    if state is State.DRIFTING and s.last_warm is not None:
        warm = max(days_since(s.last_warm, now), 0)
        if warm <= s.cadence:
            return Suggestion(State.ROUTINE, Reason("suggest.routine", {"days": warm}))
    calm = _settled(s, now, w) if state in (State.STRAINED, State.REPAIR) else None
    if calm is not None:
        return Suggestion(State.ROUTINE, Reason("suggest.settled", {"days": calm}))
    return None


def _settled(s: Signals, now: pendulum.DateTime, w: Weights) -> int | None:
    """Days since the last issue was resolved or the state was set, if that is a couple
    of weeks, no issue is open and contact is within the cadence; else ``None``."""
    if s.open_issues or s.contact_overdue(now):
        return None
    marks = [t for t in (s.last_resolved, *(h.at for h in s.client.history[-1:])) if t]
    calm = min((days_since(t, now) for t in marks), default=w.settled_days)
    return calm if calm >= w.settled_days else None
