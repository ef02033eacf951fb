"""``rapport today`` and ``rapport search``: the morning brief and a search over all text.

The brief is plain text short enough for a cron mail, JSON for scripts, an exit
status for notifiers (``--check``) and, with ``--notify``, a desktop
notification through ``notify-send`` when the desktop has one.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from model.printable import printable as clean
from tui.cli.context import Context, echo, pass_context, refusing

if TYPE_CHECKING:
    # Only named in annotations: ``rapport today`` loads neither the search nor the listing.
    import pendulum

    from model.search import SearchHit
    from model.today import TodayItem

__all__ = ["search", "search_json", "today", "today_json", "today_text"]

#: Items in a desktop notification; the rest are counted.
NOTIFY_ITEMS = 8


def today_json(items: list[TodayItem], locale: str) -> list[dict[str, Any]]:
    return [
        {
            "kind": i.kind.value,
            "client": i.client.id,
            "name": i.client.name,
            "state": i.client.state.value,
            "due": None if i.due is None else i.due.isoformat(),
            "since": None if i.since is None else i.since.isoformat(),
            "text": i.text(locale),
            "ref": i.ref,
            "verb": i.verb,
            "number": i.number,
        }
        for i in items
    ]


def _when(item: TodayItem, today: pendulum.Date, c: Context) -> str:
    late = item.days_late(today)
    if item.due is None:
        return c.say("cli.today.undated")
    if late > 0:
        return c.say("cli.today.late", days=late)
    return c.say("cli.today.on_day") if late == 0 else c.say("cli.today.ahead", days=-late)


def today_text(items: list[TodayItem], now: pendulum.DateTime, days: int, c: Context) -> str:
    """A heading, then one line per item: when, what, and the ref to act on."""
    day, last = now.date().isoformat(), now.add(days=days).date().isoformat()
    if not items:
        return c.say(
            "cli.today.nothing" if days == 0 else "cli.today.nothing_ahead", day=day, last=last
        )
    head = "cli.today.head" if days == 0 else "cli.today.head_ahead"
    lines = [c.say(head, day=day, last=last, count=len(items))]
    whens = [_when(i, now.date(), c) for i in items]
    width = max(len(w) for w in whens)
    lines += [
        f"  {w.ljust(width)}  {clean(i.text(c.locale))}  [{i.ref}]"
        for w, i in zip(whens, items, strict=True)
    ]
    return "\n".join(lines)


def _notify(c: Context, items: list[TodayItem]) -> None:
    """One desktop notification, if there is a notifier; else one line on stderr."""
    import shutil
    import subprocess

    if not items:
        return
    binary = shutil.which("notify-send")
    if binary is None:
        echo(c.say("cli.today.no_notifier"), err=True)
        return
    body = [clean(i.text(c.locale)) for i in items[:NOTIFY_ITEMS]]
    if len(items) > NOTIFY_ITEMS:
        body.append(c.say("cli.today.more", count=len(items) - NOTIFY_ITEMS))
    title = c.say("cli.today.notify_title", count=len(items))
    try:
        done = subprocess.run(
            [binary, "--app-name=rapport", title, "\n".join(body)],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        echo(c.say("cli.today.notify_failed", reason=str(error)), err=True)
        return
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        echo(c.say("cli.today.notify_failed", reason=clean(reason)), err=True)


@click.command()
@click.option(
    "--days",
    type=click.IntRange(0, 366),
    default=0,
    show_default=True,
    help="Look this many days ahead (7: the week).",
)
@click.option("--check", is_flag=True, help="Exit 1 when something is due (for scripts).")
@click.option("--notify", is_flag=True, help="Also send the brief through notify-send.")
@pass_context
@refusing
def today(c: Context, /, days: int, check: bool, notify: bool) -> None:
    """What is due today or overdue, most urgent first.

    \b
    Examples:
      rapport today
      rapport today --days 7
      rapport today --check --notify     # from cron or a systemd timer
    """
    now = c.now()
    items = c.book.today(now, days)
    if c.as_json:
        c.emit({"items": today_json(items, c.locale)})
    else:
        echo(today_text(items, now, days, c))
    if notify:
        _notify(c, items)
    if check and items:
        sys.exit(1)


def search_json(hits: list[SearchHit]) -> list[dict[str, Any]]:
    return [
        {
            "kind": h.kind,
            "client": h.client.id,
            "name": h.client.name,
            "when": h.when,
            "date": h.when[:10],
            "text": h.text,
            "ref": h.ref,
        }
        for h in hits
    ]


@click.command()
@click.argument("words", nargs=-1)
@pass_context
@refusing
def search(c: Context, /, words: tuple[str, ...]) -> None:
    """Search every note, interaction, issue, kudos, thanks and follow-up, newest first.

    Case and accents do not matter; every word must appear.

    \b
    Examples:
      rapport search budget
      rapport search muller landing page --json
    """
    text = " ".join(words)
    if not text.strip():
        echo(c.say("cli.error", message=c.say("cli.search.empty")), err=True)
        sys.exit(2)
    hits = c.book.search(text)
    if c.as_json:
        c.emit({"hits": search_json(hits)})
        return
    if not hits:
        echo(c.say("cli.search.nothing", text=clean(text)))
        return
    for h in hits:
        kind = c.say(f"cli.search.kind.{h.kind}")
        echo(f"{h.when[:10]}  {h.client.id}  {kind}  {clean(h.text)}  [{h.ref}]")
