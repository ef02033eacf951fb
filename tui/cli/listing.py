"""The board as plain text or JSON, for ``rapport list`` and ``client show``.

Kept apart from the click commands so that scripts, tests and the commands
share one rendering; it never imports textual.
"""

from __future__ import annotations

from typing import Any

import pendulum

from model import BoardRow, ClientFile, State, t
from model.durations import duration_text
from model.money import format_money
from model.printable import printable as clean
from model.timestamps import ago
from tui.cli.refs import Refs

__all__ = ["board_json", "board_table", "clean", "client_text"]


def board_json(rows: list[BoardRow], locale: str) -> list[dict[str, Any]]:
    return [
        {
            "id": r.client.id,
            "name": r.client.name,
            "state": r.client.state.value,
            "health": None if r.client.state is State.ENDED else r.health.score,
            "reasons": [
                {"key": x.key, "text": x.text(locale), "weight": x.weight} for x in r.health.reasons
            ],
            "suggested_state": None if r.suggestion is None else r.suggestion.state.value,
            "last_contact": None if r.last_contact is None else r.last_contact.date().isoformat(),
            "open_issues": r.open_issues,
            "overdue": [
                {
                    "number": o.invoice.number,
                    "amount": str(o.invoice.outstanding),
                    "currency": o.invoice.currency,
                    "days_overdue": o.days_overdue,
                }
                for o in r.overdue
            ],
            "thanks_owed": r.thanks_owed,
            "tags": r.client.tags,
            "needs_call": r.needs_call,
        }
        for r in rows
    ]


def board_table(
    rows: list[BoardRow], now: pendulum.DateTime, locale: str, *, book_empty: bool = True
) -> str:
    """The board as a text table; no rows says why: an empty book, or a filter that
    matches none of its clients."""
    if not rows:
        return t("cli.list_empty" if book_empty else "cli.list_no_match", locale)
    head = [t(f"cli.col.{c}", locale) for c in _COLUMNS]
    body = [_cells(r, now, locale) for r in rows]
    widths = [max(len(line[i]) for line in [head, *body]) for i in range(len(head))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True))
        for line in [head, *body]
    ]
    return "\n".join(line.rstrip() for line in lines)


_COLUMNS = ("state", "id", "name", "health", "contact", "issues", "overdue", "thanks", "suggest")


def _cells(r: BoardRow, now: pendulum.DateTime, locale: str) -> list[str]:
    overdue = ", ".join(format_money(a, c, locale) for c, a in sorted(r.overdue_totals().items()))
    suggestion = (
        "" if r.suggestion is None else "→ " + t(f"state.{r.suggestion.state.value}", locale)
    )
    return [
        t(f"state.{r.client.state.value}", locale),
        r.client.id,
        clean(r.client.name),
        "-" if r.client.state is State.ENDED else str(r.health.score),
        "-" if r.last_contact is None else ago(r.last_contact, now, locale),
        str(r.open_issues or ""),
        overdue,
        str(r.thanks_owed or ""),
        suggestion,
    ]


def client_text(f: ClientFile, locale: str, refs: Refs | None = None) -> str:
    """The whole file of one client, as ``rapport client show`` prints it; with ``refs``,
    each record's ref leads its line (what ``rapport edit`` and ``delete`` take)."""
    c = f.client
    find = refs or (lambda kind, key: "")

    def r(kind: str, key: Any) -> str:
        found = find(kind, key)
        return f"[{found}] " if found else ""

    def say(key: str, **params: Any) -> str:
        return t(key, locale, **params)

    out = [f"{clean(c.name)} ({c.id}) — {say(f'state.{c.state.value}')}"]
    out.append(say("cli.show.terms", terms=c.terms, cadence=f.cadence, currency=c.currency))
    if c.tags:
        out.append(say("cli.show.tags", tags=", ".join(clean(x) for x in c.tags)))
    if c.dream:
        out.append(say("cli.show.dream"))
    if c.scope:
        out.append(say("cli.show.scope", scope=clean(c.scope)))
    if f.snoozed_until is not None:
        out.append(say("cli.show.snoozed", until=f.snoozed_until, reason=clean(c.snooze_reason)))
    out += [f"→ {clean(act.text(locale))}" for act in f.acts]
    if f.shows_health:
        out.append(say("cli.show.health", score=f.health.score))
        out += [f"  {x.weight:+d}  {clean(x.text(locale))}" for x in f.health.reasons]
    if f.suggestion is not None:
        reason = f.suggestion.reason.text(locale)
        out.append(say("cli.show.suggestion", state=f.suggestion.state.value, reason=reason))
    if f.needs_call:
        out.append(say("cli.show.call"))
    out.append(say("cli.show.contacts"))
    out += [
        f"  {r('contact', (p.name, p.since))}{clean(p.label())}  "
        f"{p.since}{' – ' + p.until if p.until else ''}"
        for p in c.contacts
    ]
    out.append(say("cli.show.history"))
    out += [
        f"  {r('state', (h.state.value, h.at))}{f.day(h.at, h.tz)}  "
        f"{say(f'state.{h.state.value}')}  "
        f"{clean(h.note)}".rstrip()
        for h in c.history
    ]
    out.append(say("cli.show.issues"))
    out += [
        f"  {r('issue', i.number)}#{i.number}  {say(f'severity.{i.severity.value}')}  "
        f"{f.day(i.opened, i.tz)}  "
        f"{clean(i.text)}{'  ✓ ' + f.day(i.resolved, i.resolved_tz) if i.resolved else ''}"
        for i in f.issues
    ]
    out.append(say("cli.show.invoices"))
    for inv in f.invoices:
        money = format_money(inv.amount, inv.currency, locale)
        left = format_money(inv.outstanding, inv.currency, locale)
        void = f"  {say('cli.show.void', reason=clean(inv.void_reason))}" if inv.is_void else ""
        out.append(
            f"  {r('invoice', inv.number)}{clean(inv.number)}  {money}  "
            f"{inv.issued} → {inv.due}  ({left}){void}"
        )
        out += [
            f"      {r('payment', (inv.number, str(p.amount), p.on))}"
            f"{format_money(p.amount, inv.currency, locale)}  {p.on}"
            for p in inv.payments
        ]
        out += [
            f"      {r('credit', (inv.number, str(x.amount), x.on))}"
            f"{say('cli.show.writeoff' if x.writeoff else 'cli.show.credit')} "
            f"{format_money(x.amount, inv.currency, locale)}  {x.on}  {clean(x.reason)}".rstrip()
            for x in inv.credits
        ]
    out.append(say("cli.show.thanks"))
    out += [
        f"  {r('thanks', x.number)}#{x.number}  {clean(x.text)}  "
        f"{x.by or ''}{'  ✓' if x.done_at else ''}"
        for x in f.thanks
    ]
    out.append(say("cli.show.followups"))
    out += [
        f"  #{x.number}  {x.due}  {clean(x.text)}"
        f"{'  ✓ ' + f.day(x.done_at, x.done_tz) if x.done_at else ''}"
        for x in f.followups
    ]
    out.append(say("cli.show.kudos"))
    out += [
        f"  {r('kudos', (k.when, k.text))}{f.day(k.when, k.tz)}  "
        f"{clean(k.text)}  — {clean(k.giver)}"
        for k in f.kudos
    ]
    out.append(say("cli.show.timeline", count=len(f.interactions)))
    out += [
        f"  {r('interaction', (i.when, i.kind.value, i.text))}{f.day(i.when, i.tz)}  "
        f"{say(f'kind.{i.kind.value}')}{_took(i.minutes)}  {clean(i.text)}"
        for i in f.interactions[:20]
    ]
    if c.reflection is not None:
        lesson = c.reflection
        out.append(
            say(
                "cli.show.reflection",
                stop=clean(lesson.stop),
                pause=clean(lesson.pause),
                play=clean(lesson.play),
            )
        )
    return "\n".join(out)


def _took(minutes: int | None) -> str:
    """`` 45m``: how long an interaction took, when it was logged."""
    return "" if minutes is None else f" {duration_text(minutes)}"
