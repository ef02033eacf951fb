"""An interaction: a call, meeting, mail, message or note with a client.

The kind matters: the domain's "call once too early rather than too late" means a
call clears what a mail only blurs, so the health rules look at kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = ["Interaction", "InteractionKind"]


class InteractionKind(StrEnum):
    CALL = "call"
    MEETING = "meeting"
    MAIL = "mail"
    MESSAGE = "message"
    NOTE = "note"

    @property
    def is_written(self) -> bool:
        """Mails and messages: what an open issue should not be left to."""
        return self in (InteractionKind.MAIL, InteractionKind.MESSAGE)


@dataclass
class Interaction:
    client: str
    kind: InteractionKind
    when: str
    text: str = ""
    tz: str | None = None
    """The UTC offset of the device that logged it (``-05:00``), so that the call is
    listed on the writer's day; books written before it have none."""
    minutes: int | None = None
    """How long it took, when the user said (``45m``): the effort side of the report;
    the health never looks at it."""

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "client": self.client,
            "kind": self.kind.value,
            "when": self.when,
            "text": self.text,
        }
        if self.tz is not None:
            doc["tz"] = self.tz
        if self.minutes is not None:
            doc["minutes"] = self.minutes
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Interaction:
        return cls(
            doc["client"],
            InteractionKind(doc["kind"]),
            doc["when"],
            doc.get("text", ""),
            doc.get("tz"),
            doc.get("minutes"),
        )
