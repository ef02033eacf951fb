"""What Tab offers in the quick-log line, and the verb a typo was meant to be.

Pure functions on the line as typed: client ids for the first word, verbs for
the second, and after a verb what it takes (states, ``#kinds``, and from the
book the client's invoice, issue and thanks numbers and refs).  The nearest
verb for a typo (``cal`` → ``call``) comes from :mod:`difflib`, the standard
library's edit-similarity matcher: it ranks by similarity, which is what a
"did you mean" needs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from model.issue import IssueKind
from model.quicklog_day import SNOOZE_FORMS
from model.quicklog_words import STATE_WORDS, VERBS, Action, is_gap, split_words
from model.refs import ref_of

if TYPE_CHECKING:  # the board's rules: a quick-log line that is read needs none of them
    from model.health import Signals

__all__ = ["Known", "complete", "known_words", "nearest_verb"]

Known = Mapping[Action, Sequence[str]]
"""The words a verb takes next, for one client: ``{Action.PAYMENT: ["2026-017"], ...}``."""

_KINDS = [f"#{kind.value}" for kind in IssueKind]


def nearest_verb(word: str) -> str | None:
    """The verb ``word`` most likely meant: the first one it begins, else the most similar."""
    key = word.casefold()
    if not key:
        return None
    for verb in VERBS:
        if verb.startswith(key):
            return verb
    import difflib  # only for a verb that is not one

    close = difflib.get_close_matches(key, list(VERBS), n=1, cutoff=0.6)
    return close[0] if close else None


def known_words(s: Signals) -> dict[Action, list[str]]:
    """What the book knows that may follow each verb, for the client of ``s``."""
    open_issues = [str(i.number) for i in s.open_issues]
    owed = [str(t.number) for t in s.thanks_owed]
    return {
        Action.RESOLVE: open_issues,
        Action.THANKED: owed,
        Action.PAYMENT: [i.number for i in s.invoices if not i.is_paid],
        Action.DONE: [
            *(ref_of("followups", f.number) for f in s.followups),
            *(ref_of("issues", n) for n in open_issues),
            *(ref_of("thanks", n) for n in owed),
        ],
        Action.SNOOZE: [*SNOOZE_FORMS[:3], "until", "off"]
        if s.client.snoozed_until is None
        else ["off", *SNOOZE_FORMS[:3], "until"],
    }


def complete(
    line: str,
    client_ids: Sequence[str],
    position: int | None = None,
    known: Known | None = None,
) -> list[str]:
    """Words that could replace the word being typed at ``position`` (default: the end).

    Client ids for the first word, verbs for the second (the nearest one for a
    typo), states after ``state``, ``#kinds`` in an issue, and after the other
    verbs the words in ``known`` (see :func:`known_words`).  Matching ignores case.
    """
    head = line if position is None else line[:position]
    words = split_words(head)
    typing = "" if not words or is_gap(head[-1]) else words.pop().raw
    prefix = typing.casefold()
    if not words:
        return [cid for cid in client_ids if cid.casefold().startswith(prefix)]
    if len(words) == 1:
        verbs = [word for word in VERBS if word.startswith(prefix)]
        near = None if verbs else nearest_verb(prefix)
        return verbs or ([near] if near else [])
    verb = VERBS.get(words[1].key)
    if verb is None:
        return []
    if verb.action is Action.STATE and len(words) == 2:
        return [word for word in STATE_WORDS if word.startswith(prefix)]
    if verb.action is Action.ISSUE and prefix.startswith("#"):
        return [kind for kind in _KINDS if kind.startswith(prefix)]
    if known is not None and len(words) == 2:
        return [w for w in known.get(verb.action, ()) if w.casefold().startswith(prefix)]
    return []
