"""Thanks owed and kudos received: the invisible currency of a relationship.

Thanks are owed with a date to do them by and marked done; they carry a short
number like issues.  Kudos are compliments received, kept to re-read on a hard
day (the domain, text 003).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from model.timestamps import with_zones

__all__ = ["Kudos", "Thanks"]


@dataclass
class Thanks:
    number: int
    client: str
    text: str
    owed_at: str
    by: str | None = None
    done_at: str | None = None
    tz: str | None = None
    """The writer's UTC offset when it was owed, and below when it was done."""
    done_tz: str | None = None

    @property
    def is_owed(self) -> bool:
        return self.done_at is None

    def to_doc(self) -> dict[str, Any]:
        doc = {
            "client": self.client,
            "text": self.text,
            "owed_at": self.owed_at,
            "by": self.by,
            "done_at": self.done_at,
        }
        return with_zones(doc, tz=self.tz, done_tz=self.done_tz)

    @classmethod
    def from_doc(cls, number: int, doc: dict[str, Any]) -> Thanks:
        return cls(
            number,
            doc["client"],
            doc["text"],
            doc["owed_at"],
            doc.get("by"),
            doc.get("done_at"),
            doc.get("tz"),
            doc.get("done_tz"),
        )


@dataclass
class Kudos:
    client: str
    text: str
    when: str
    giver: str = ""
    tz: str | None = None
    """The writer's UTC offset (``-05:00``)."""

    def to_doc(self) -> dict[str, Any]:
        doc = {"client": self.client, "text": self.text, "when": self.when, "giver": self.giver}
        return with_zones(doc, tz=self.tz)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Kudos:
        return cls(doc["client"], doc["text"], doc["when"], doc.get("giver", ""), doc.get("tz"))
