"""Search over every text the book keeps: notes, interactions, issues, kudos,
thanks and follow-ups; case- and accent-insensitive, newest first.

A user remembers "the one where Maren said something about Müller" and types
``muller``: every word typed must appear in the record's text (or its
resolution, or the kudos giver), in any case and with or without accents.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from model.client import Client
from model.refs import ref_of

__all__ = ["SearchHit", "fold", "search"]

Tables = Mapping[str, Mapping[str, dict[str, Any]]]


def fold(text: str) -> str:
    """Text as search compares it: case and accents gone (``Müller`` → ``muller``)."""
    return _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class SearchHit:
    """One record that matched: ``kind`` is ``call``/``meeting``/``mail``/``message``/
    ``note`` for interactions, else ``issue``, ``kudos``, ``thanks`` or ``followup``."""

    kind: str
    client: Client
    when: str
    """The record's moment (or day), as stored: sorts newest first."""
    text: str
    ref: str


# table → (kind of a document, its moment, the texts searched)
_FIELDS: dict[str, tuple[Callable[[dict[str, Any]], str], str, tuple[str, ...]]] = {
    "interactions": (lambda d: str(d["kind"]), "when", ("text",)),
    "issues": (lambda d: "issue", "opened", ("text", "resolution")),
    "kudos": (lambda d: "kudos", "when", ("text", "giver")),
    "thanks": (lambda d: "thanks", "owed_at", ("text",)),
    "followups": (lambda d: "followup", "created", ("text",)),
}


def search(tables: Tables, clients: Mapping[str, Client], text: str) -> list[SearchHit]:
    """Records whose text holds every word of ``text``; newest first.  No words, no hits."""
    words = fold(text).split()
    if not words:
        return []
    hits = [hit for hit in _records(tables, clients) if all(w in fold(hit[1]) for w in words)]
    found = [h for h, _ in hits]
    found.sort(key=lambda h: (h.when, h.ref), reverse=True)
    return found


def _records(tables: Tables, clients: Mapping[str, Client]) -> Iterator[tuple[SearchHit, str]]:
    for table, (kind_of, moment, fields) in _FIELDS.items():
        for doc_id, doc in tables.get(table, {}).items():
            client = clients.get(doc.get("client", ""))
            if client is None:
                continue
            haystack = " ".join(str(doc.get(f) or "") for f in fields)
            hit = SearchHit(
                kind_of(doc),
                client,
                str(doc.get(moment, "")),
                str(doc.get("text", "")),
                ref_of(table, doc_id, doc),
            )
            yield hit, haystack
