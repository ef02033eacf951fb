"""What a command did, in words: every write answers with a Receipt.

The CLI prints it and the board shows it as a notice ("Call logged for ACME
GmbH"); the same words label the change in the undo log, so ``rapport undo``
can say what it took back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Receipt"]


@dataclass(frozen=True)
class Receipt:
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    client: str | None = None

    def render(self, locale: str = "en") -> str:
        from model.i18n import t

        params = {
            k: Receipt.from_label(v).render(locale) if isinstance(v, dict) and "key" in v else v
            for k, v in self.params.items()
        }
        return t(self.key, locale, **params)

    def label(self) -> dict[str, Any]:
        """The JSON-safe form kept in the undo log."""
        return {"key": self.key, "params": dict(self.params), "client": self.client}

    @classmethod
    def from_label(cls, label: dict[str, Any]) -> Receipt:
        if label["key"].startswith("merge."):
            from model.merge_receipt import MergeReceipt

            cls = MergeReceipt
        return cls(label["key"], dict(label.get("params", {})), label.get("client"))
