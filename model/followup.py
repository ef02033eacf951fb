"""A follow-up (*nachfassen*): a dated next step for a client.

"Send the offer by Friday" is a promise; keeping it is part of the
relationship, so one that is late weighs a little on health, like a late thanks.
Numbered by the TinyDB document id, like issues and thanks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from model.timestamps import with_zones

__all__ = ["FollowUp"]


@dataclass
class FollowUp:
    number: int
    client: str
    text: str
    due: str
    created: str
    done_at: str | None = None
    tz: str | None = None
    """The writer's UTC offset when it was made, and below when it was done."""
    done_tz: str | None = None

    @property
    def is_open(self) -> bool:
        return self.done_at is None

    def to_doc(self) -> dict[str, Any]:
        doc = {
            "client": self.client,
            "text": self.text,
            "due": self.due,
            "created": self.created,
            "done_at": self.done_at,
        }
        return with_zones(doc, tz=self.tz, done_tz=self.done_tz)

    @classmethod
    def from_doc(cls, number: int, doc: dict[str, Any]) -> FollowUp:
        return cls(
            number,
            doc["client"],
            doc["text"],
            doc["due"],
            doc["created"],
            doc.get("done_at"),
            doc.get("tz"),
            doc.get("done_tz"),
        )
