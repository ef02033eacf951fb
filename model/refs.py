"""The short ref a user reads and types for a record: ``issue:3``, ``followup:2``.

One function makes every ref, so that the stable per-record ids (``uid`` and
``ref``, written on each document by the identity work) replace this in one
place: a document that carries its own ``ref`` already wins here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["REF_TABLES", "parse_ref", "ref_of"]

REF_TABLES: dict[str, str] = {
    "clients": "client",
    "interactions": "interaction",
    "issues": "issue",
    "invoices": "invoice",
    "thanks": "thanks",
    "kudos": "kudos",
    "followups": "followup",
}
"""Table name → the word a ref starts with."""

_TABLE_OF = {word: table for table, word in REF_TABLES.items()}


def ref_of(table: str, doc_id: int | str, doc: Mapping[str, Any] | None = None) -> str:
    """The ref of document ``doc_id`` of ``table`` (its own ``ref`` if it has one)."""
    if doc is not None and isinstance(doc.get("ref"), str) and doc["ref"]:
        return str(doc["ref"])
    return f"{REF_TABLES.get(table, table)}:{doc_id}"


def parse_ref(text: str, default: str) -> tuple[str, int] | None:
    """``issue:3`` → ``("issues", 3)``; a bare ``3`` or ``#3`` is in table ``default``.

    ``None`` when the text is no ref at all, so the caller can say which word failed.
    """
    word, sep, number = text.casefold().rpartition(":")
    table = _TABLE_OF.get(word) if sep else default
    digits = number.removeprefix("#")
    if table is None or not (digits.isascii() and digits.isdigit() and 0 < len(digits) <= 9):
        return None
    return table, int(digits)
