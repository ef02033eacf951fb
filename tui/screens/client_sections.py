"""The parts of the client screen, each a pure function of a ClientFile.

Kept apart from the screen so that each part can be read (and tested) on its
own, and the screen only arranges them.  Every string from the book passes
through :func:`tui.safe_text.safe`; rich tables get ``Text`` cells only, because a
plain string cell would be parsed as markup.
"""

from __future__ import annotations

import pendulum
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from model import WEIGHTS, ClientFile, Invoice, Issue, State, Thanks, t
from model.followup import FollowUp
from model.refs import ref_of
from tui.formats import SEVERITY_STYLES, day, health_bar, moment, money, state_text, themed
from tui.safe_text import safe

__all__ = [
    "advice",
    "contacts",
    "followups",
    "header",
    "health",
    "history",
    "invoices",
    "issues",
    "kudos",
    "reflection",
    "thanks",
]


def _table(*widths: int | None) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False, expand=False)
    for width in widths:
        table.add_column(min_width=width, no_wrap=width is not None)
    return table


def _say(key: str, locale: str, style: str = "", **params: object) -> Text:
    text = safe(t(key, locale, **params))
    text.stylize(style)
    return text


def _none(key: str, locale: str) -> Text:
    return _say(key, locale, f"italic {themed('muted')}")


def header(cf: ClientFile, now: pendulum.DateTime, locale: str) -> Text:
    """Who, in which state since when, how healthy, and the terms agreed."""
    c = cf.client
    line = safe(c.name)
    line.stylize("bold")
    line.append("  ")
    line.append_text(state_text(c.state, locale))
    if c.history:
        line.append(" ")
        line.append_text(
            _say(
                "screens.client.state_since",
                locale,
                themed("muted"),
                day=day(c.history[-1].at, locale, cf.now, c.history[-1].tz),
            )
        )
    if cf.shows_health:
        line.append("  ")
        line.append_text(health_bar(cf.health.score))
    if c.dream:
        line.append("  ★ ", style=themed("secondary", bold=True))
        line.append_text(_say("screens.client.dream", locale, themed("secondary")))
    facts = [
        t("screens.client.id", locale, id=c.id),
        t("screens.client.cadence", locale, days=cf.cadence),
        t("screens.client.terms", locale, days=c.terms),
        t("screens.client.currency", locale, currency=c.currency),
    ]
    if cf.interactions:
        when = moment(cf.interactions[0].when, now, locale, cf.interactions[0].tz)
        facts.append(t("screens.client.last_contact", locale, when=when))
    else:
        facts.append(t("screens.client.never_contacted", locale))
    if cf.snoozed_until is not None:
        facts.append(t("screens.client.snoozed", locale, day=day(cf.snoozed_until, locale)))
    terms = safe(" · ".join(facts))
    terms.stylize(themed("muted"))
    line.append("\n")
    line.append_text(terms)
    if c.tags:
        line.append("\n")
        line.append_text(_say("screens.client.tags", locale, themed("muted")))
        line.append(" ")
        line.append_text(safe(", ".join(c.tags)))
    if c.scope:
        line.append("\n")
        line.append_text(_say("screens.client.scope", locale, themed("muted")))
        line.append(" ")
        line.append_text(safe(c.scope))
    return line


def advice(cf: ClientFile, locale: str) -> Text:
    """What to do first (chase, call, thank), then the suggested state (never applied)
    and the call-don't-mail nudge."""
    lines: list[Text] = [Text.assemble(("• ", "bold"), safe(act.text(locale))) for act in cf.acts]
    if cf.suggestion is not None:
        s = cf.suggestion
        text = _say(
            "screens.advice.suggestion",
            locale,
            state=s.state.value,
            reason=s.reason.text(locale),
        )
        lines.append(Text.assemble(("→ ", "bold"), text))
    if cf.needs_call:
        call = _say("screens.advice.call", locale, themed("warning", bold=True))
        lines.append(Text.assemble(("☎ ", themed("warning", bold=True)), call))
    if not lines:
        lines.append(_none("screens.advice.none", locale))
    return Text("\n").join(lines)


def _signed(weight: int) -> Text:
    style = themed("success") if weight > 0 else themed("error") if weight < 0 else themed("muted")
    return Text(f"{weight:+d}" if weight else "±0", style=f"bold {style}", justify="right")


def health(cf: ClientFile, locale: str) -> RenderableType | None:
    """Every reason with its weight: the score is never a black box; an ended
    relationship has none."""
    if not cf.shows_health:
        return None
    table = _table(5, None)
    table.add_row(
        Text(str(WEIGHTS.start), style="bold", justify="right"),
        _say("screens.health.start", locale, themed("muted")),
    )
    for reason in cf.health.reasons:
        table.add_row(_signed(reason.weight), safe(reason.text(locale)))
    if not cf.health.reasons:
        table.add_row(Text(""), _none("screens.health.no_reasons", locale))
    table.add_row(Text("="), health_bar(cf.health.score))
    return table


def contacts(cf: ClientFile, locale: str) -> RenderableType:
    people = cf.client.contacts
    if not people:
        return _none("screens.contacts.none", locale)
    table = _table(None, None, None)
    for person in reversed(people):
        since = (
            t("screens.contacts.since", locale, day=day(person.since, locale))
            if person.since
            else ""
        )
        if person.until is None:
            until = _say("screens.contacts.current", locale, themed("success", bold=True))
        else:
            until = _say(
                "screens.contacts.until", locale, themed("muted"), day=day(person.until, locale)
            )
        name = safe(person.label())
        if person.until is not None:
            name.stylize(themed("muted"))
        table.add_row(name, safe(since), until)
    return table


def history(cf: ClientFile, locale: str) -> RenderableType:
    changes = cf.client.history
    if not changes:
        return _none("screens.history.none", locale)
    table = _table(None, None, None)
    for change in reversed(changes):
        table.add_row(
            safe(day(change.at, locale, cf.now, change.tz)),
            state_text(change.state, locale),
            safe(change.note),
        )
    return table


def reflection(cf: ClientFile, locale: str) -> RenderableType | None:
    """The Stop / Pause / Play kept when the relationship ended; None while it lasts."""
    c = cf.client
    if c.state is not State.ENDED and c.reflection is None:
        return None
    if c.reflection is None or c.reflection.is_empty():
        return _none("screens.reflection.none", locale)
    table = _table(6, None)
    parts = (
        ("stop", c.reflection.stop),
        ("pause", c.reflection.pause),
        ("play", c.reflection.play),
    )
    for name, said in parts:
        table.add_row(_say(f"screens.reflection.{name}", locale, "bold"), safe(said))
    return table


def _issue_row(issue: Issue, locale: str) -> list[Text]:
    head = Text(f"#{issue.number}", style="bold")
    severity = Text(
        t(f"severity.{issue.severity.value}", locale), style=SEVERITY_STYLES[issue.severity]
    )
    what = safe(issue.text)
    what.append("  ")
    what.append_text(_say(f"issue_kind.{issue.kind.value}", locale, themed("muted")))
    opened = _say("screens.issues.opened", locale, day=day(issue.opened, locale, zone=issue.tz))
    if issue.resolved is None:
        status = _say("screens.issues.open", locale, "bold")
    else:
        status = _say(
            "screens.issues.resolved",
            locale,
            themed("success"),
            day=day(issue.resolved, locale, zone=issue.resolved_tz),
        )
        if issue.resolution:
            status.append(": ")
            status.append_text(safe(issue.resolution))
    return [head, severity, what, opened, status]


def issues(cf: ClientFile, locale: str) -> RenderableType:
    """Open issues first (oldest first), then the resolved ones."""
    if not cf.issues:
        return _none("screens.issues.none", locale)
    table = _table(None, None, None, None, None)
    for issue in sorted(cf.issues, key=lambda i: (not i.is_open, i.opened)):
        row = _issue_row(issue, locale)
        if not issue.is_open:
            for cell in row[:3]:
                cell.stylize(themed("muted"))
        table.add_row(*row)
    return table


def _invoice_status(invoice: Invoice, today: pendulum.Date, locale: str) -> Text:
    if invoice.is_paid and invoice.paid_on is not None:
        return _say(
            "screens.invoices.paid", locale, themed("success"), day=day(invoice.paid_on, locale)
        )
    days = invoice.days_overdue(today)
    if days > 0:
        return _say("screens.invoices.overdue", locale, themed("error", bold=True), days=days)
    return _say("screens.invoices.not_due", locale, themed("warning"))


def invoices(cf: ClientFile, now: pendulum.DateTime, locale: str) -> RenderableType:
    """Newest invoice first, each followed by its payments."""
    if not cf.invoices:
        return _none("screens.invoices.none", locale)
    table = _table(None, None, None, None, None)
    table.columns[3].justify = "right"
    for invoice in reversed(cf.invoices):
        amount = Text(money(invoice.amount, invoice.currency, locale))
        status = _invoice_status(invoice, now.date(), locale)
        if not invoice.is_paid and invoice.payments:
            status.append(" · ")
            open_amount = money(invoice.outstanding, invoice.currency, locale)
            status.append_text(_say("screens.invoices.outstanding", locale, amount=open_amount))
        table.add_row(
            _bold(invoice.number),
            _say(
                "screens.invoices.issued", locale, themed("muted"), day=day(invoice.issued, locale)
            ),
            _say("screens.invoices.due", locale, day=day(invoice.due, locale)),
            amount,
            status,
        )
        for payment in invoice.payments:
            paid = money(payment.amount, invoice.currency, locale)
            line = _say(
                "screens.invoices.payment",
                locale,
                themed("muted"),
                amount=paid,
                day=day(payment.on, locale),
            )
            table.add_row(Text(""), Text("  ↳", style=themed("muted")), line, Text(""), Text(""))
    return table


def _bold(user_text: str) -> Text:
    text = safe(user_text)
    text.stylize("bold")
    return text


def _thanks_row(thanks: Thanks, today: str, locale: str) -> list[Text]:
    owed = _say(
        "screens.thanks.owed_since",
        locale,
        themed("muted"),
        day=day(thanks.owed_at, locale, zone=thanks.tz),
    )
    if thanks.done_at is not None:
        status = _say(
            "screens.thanks.done_on",
            locale,
            themed("success"),
            day=day(thanks.done_at, locale, zone=thanks.done_tz),
        )
    elif thanks.by is not None:
        late = thanks.by < today
        status = _say(
            "screens.thanks.by",
            locale,
            themed("error", bold=True) if late else themed("warning"),
            day=day(thanks.by, locale),
        )
        if late:
            status.append(" · ")
            status.append_text(_say("screens.thanks.late", locale, themed("error", bold=True)))
    else:
        status = Text("")
    return [Text(f"#{thanks.number}", style="bold"), safe(thanks.text), owed, status]


def thanks(cf: ClientFile, now: pendulum.DateTime, locale: str) -> RenderableType:
    """Thanks still owed first, oldest first; then the ones done."""
    if not cf.thanks:
        return _none("screens.thanks.none", locale)
    today = now.date().isoformat()
    table = _table(None, None, None, None)
    for item in sorted(cf.thanks, key=lambda x: (not x.is_owed, x.owed_at)):
        table.add_row(*_thanks_row(item, today, locale))
    return table


def _followup_row(followup: FollowUp, today: str, locale: str) -> list[Text]:
    if followup.done_at is not None:
        status = _say(
            "screens.followups.done_on",
            locale,
            "green",
            day=day(followup.done_at, locale, zone=followup.done_tz),
        )
    else:
        late = followup.due < today
        status = _say(
            "screens.followups.due",
            locale,
            "bold red" if late else "yellow",
            day=day(followup.due, locale),
        )
        if late:
            status.append(" · ")
            status.append_text(_say("screens.followups.late", locale, "bold red"))
    what = safe(followup.text)
    if followup.done_at is not None:
        what.stylize(themed("muted"))
    return [Text(ref_of("followups", followup.number), style="bold"), what, status]


def followups(cf: ClientFile, now: pendulum.DateTime, locale: str) -> RenderableType:
    """Open follow-ups by due day (the model's order), then the done ones."""
    if not cf.followups:
        return _none("screens.followups.none", locale)
    today = now.date().isoformat()
    table = _table(None, None, None)
    for item in cf.followups:
        table.add_row(*_followup_row(item, today, locale))
    return table


def kudos(cf: ClientFile, locale: str) -> RenderableType:
    if not cf.kudos:
        return _none("screens.kudos.none", locale)
    lines = []
    for k in cf.kudos:
        line = Text.assemble(("“", themed("secondary", bold=True)))
        line.append_text(safe(k.text, "italic"))
        line.append("”", style=themed("secondary", bold=True))
        line.append("  — ", style=themed("muted"))
        if k.giver:
            line.append_text(safe(k.giver))
            line.append(", ", style=themed("muted"))
        line.append(day(k.when, locale, cf.now, k.tz), style=themed("muted"))
        lines.append(line)
    return Text("\n").join(lines)
