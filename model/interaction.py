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

    def to_doc(self) -> dict[str, Any]:
        return {
            "client": self.client,
            "kind": self.kind.value,
            "when": self.when,
            "text": self.text,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Interaction:
        return cls(doc["client"], InteractionKind(doc["kind"]), doc["when"], doc.get("text", ""))
