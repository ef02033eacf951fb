"""Many records written at once: the demo, and imports later on.

Going through the Book one command at a time costs a file write each; a batch
is written in one transaction, and issue and thanks numbers are handed out as
it is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from model.client import Client
from model.gratitude import Kudos, Thanks
from model.interaction import Interaction
from model.invoice import Invoice
from model.issue import Issue

__all__ = ["Batch"]


@dataclass
class Batch:
    clients: list[Client] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    invoices: list[Invoice] = field(default_factory=list)
    thanks: list[Thanks] = field(default_factory=list)
    kudos: list[Kudos] = field(default_factory=list)

    def tables(self) -> dict[str, list[dict[str, object]]]:
        """Documents per table, in the layout the book stores."""
        return {
            "clients": [c.to_doc() for c in self.clients],
            "interactions": [i.to_doc() for i in self.interactions],
            "issues": [i.to_doc() for i in self.issues],
            "invoices": [i.to_doc() for i in self.invoices],
            "thanks": [t.to_doc() for t in self.thanks],
            "kudos": [k.to_doc() for k in self.kudos],
        }
