"""An issue: something wrong in a relationship, from scope creep to a new contact.

Issues carry a short number unique in the book (the TinyDB document id), so a
user can type ``acme resolve 3``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from model.timestamps import with_zones

__all__ = ["Issue", "IssueKind", "Severity"]


class IssueKind(StrEnum):
    SCOPE_CREEP = "scope_creep"
    COMMUNICATION = "communication"
    DELAY = "delay"
    CONTACT_CHANGE = "contact_change"
    EXPECTATION_DRIFT = "expectation_drift"
    QUALITY = "quality"
    PAYMENT = "payment"
    OTHER = "other"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


@dataclass
class Issue:
    number: int
    client: str
    text: str
    kind: IssueKind = IssueKind.OTHER
    severity: Severity = Severity.LOW
    opened: str = ""
    resolved: str | None = None
    resolution: str = ""
    tz: str | None = None
    """The writer's UTC offset when it was opened (``-05:00``), and below when it was
    resolved: each is listed on the day of whoever wrote it (see model.timestamps)."""
    resolved_tz: str | None = None

    @property
    def is_open(self) -> bool:
        return self.resolved is None

    def to_doc(self) -> dict[str, Any]:
        doc = {
            "client": self.client,
            "text": self.text,
            "kind": self.kind.value,
            "severity": self.severity.value,
            "opened": self.opened,
            "resolved": self.resolved,
            "resolution": self.resolution,
        }
        return with_zones(doc, tz=self.tz, resolved_tz=self.resolved_tz)

    @classmethod
    def from_doc(cls, number: int, doc: dict[str, Any]) -> Issue:
        return cls(
            number=number,
            client=doc["client"],
            text=doc.get("text", ""),
            kind=IssueKind(doc.get("kind", "other")),
            severity=Severity(doc.get("severity", "low")),
            opened=doc["opened"],
            resolved=doc.get("resolved"),
            resolution=doc.get("resolution", ""),
            tz=doc.get("tz"),
            resolved_tz=doc.get("resolved_tz"),
        )
