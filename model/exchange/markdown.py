"""A client file as Markdown: something to read, print or paste into notes.

Every piece of user text is escaped, so a note holding ``*`` or ``[x](y)`` reads as
typed, never as markup (user text is data).  The headings are in the reader's
language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from model.client_file import ClientFile
from model.i18n import t
from model.money import format_money

__all__ = ["client_markdown", "escape"]

#: What can turn inline text into markup: emphasis, code, links, HTML, tables.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line: every markup character backslashed."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _section(title: str, lines: Iterable[str], locale: str) -> list[str]:
    items = [f"- {line}" for line in lines]
    return ["", f"## {title}", "", *(items or [f"- {t('exchange.md.none', locale)}"])]


def client_markdown(f: ClientFile, locale: str = "en") -> str:
    """The file of one client: state, health, contacts, and every record, newest first."""
    c = f.client

    def say(key: str, **params: object) -> str:
        return t(key, locale, **params)

    out = [f"# {escape(c.name)}", ""]
    out.append(
        say(
            "exchange.md.head",
            id=c.id,  # a slug, shown in a code span
            state=c.state.value,
            score=f.health.score,
            cadence=f.cadence,
            terms=c.terms,
        )
    )
    if c.scope:
        out += ["", say("exchange.md.scope", scope=escape(c.scope))]
    if c.tags:
        out += ["", say("exchange.md.tags", tags=", ".join(escape(x) for x in c.tags))]
    out += _section(say("exchange.md.contacts"), _contacts(f), locale)
    out += _section(
        say("exchange.md.history"),
        (
            f"{f.day(h.at)} {say(f'state.{h.state.value}')} {escape(h.note)}".rstrip()
            for h in c.history
        ),
        locale,
    )
    out += _section(
        say("exchange.md.issues"),
        (
            f"\\#{i.number} {f.day(i.opened)} {say(f'issue_kind.{i.kind.value}')}, "
            f"{say(f'severity.{i.severity.value}')}: {escape(i.text)}"
            + (f" ({say('exchange.md.resolved', day=f.day(i.resolved))})" if i.resolved else "")
            for i in f.issues
        ),
        locale,
    )
    out += _section(
        say("exchange.md.invoices"),
        (
            f"{escape(inv.number)}: {format_money(inv.amount, inv.currency, locale)}, "
            f"{inv.issued} → {inv.due}, "
            + say("exchange.md.open", amount=format_money(inv.outstanding, inv.currency, locale))
            for inv in f.invoices
        ),
        locale,
    )
    out += _section(
        say("exchange.md.followups"),
        (f"{x.due} {escape(x.text)}" + (" ✓" if not x.is_open else "") for x in f.followups),
        locale,
    )
    out += _section(
        say("exchange.md.thanks"),
        (
            f"{f.day(x.owed_at)} {escape(x.text)}" + (" ✓" if not x.is_owed else "")
            for x in f.thanks
        ),
        locale,
    )
    out += _section(
        say("exchange.md.kudos"),
        (
            f"{f.day(k.when)} {escape(k.text)} ({escape(k.giver)})"
            if k.giver
            else f"{f.day(k.when)} {escape(k.text)}"
            for k in f.kudos
        ),
        locale,
    )
    out += _section(
        say("exchange.md.interactions"),
        (
            f"{f.day(i.when)} {say(f'kind.{i.kind.value}')}: {escape(i.text)}".rstrip(": ")
            for i in f.interactions
        ),
        locale,
    )
    return "\n".join(out) + "\n"


def _contacts(f: ClientFile) -> list[str]:
    lines = []
    for p in f.client.contacts:
        parts = [escape(p.name)]
        if p.role:
            parts.append(f"({escape(p.role)})")
        parts += [escape(x) for x in (p.email, *p.more_emails, p.phone, *p.more_phones) if x]
        span = f"{p.since} – {p.until}" if p.until else p.since
        lines.append(" ".join(parts) + (f", {span}" if span else ""))
    return lines
