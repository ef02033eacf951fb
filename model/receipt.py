"""What a command did, in words: every write answers with a Receipt.

The CLI prints it and the board shows it as a notice ("Call logged for ACME
GmbH"); the same words label the change in the undo log, so ``rapport undo``
can say what it took back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from model.i18n import t

__all__ = ["Receipt"]

_UNFIT = (KeyError, IndexError, ValueError, TypeError, AttributeError)


@dataclass(frozen=True)
class Receipt:
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    client: str | None = None

    def render(self, locale: str = "en") -> str:
        """The words; a label from the undo log that no longer fits its text (another
        version wrote it, or a hand edit) reads as "a change", never as a crash after
        the undo has been written."""
        try:
            params = {
                k: _nested(v, locale) if isinstance(v, dict) and "key" in v else v
                for k, v in self.params.items()
            }
            return str(t(self.key, locale, **params))
        except _UNFIT:
            return t("book.some_change", locale)

    def label(self) -> dict[str, Any]:
        """The JSON-safe form kept in the undo log."""
        return {"key": self.key, "params": dict(self.params), "client": self.client}

    @classmethod
    def from_label(cls, label: dict[str, Any]) -> Receipt:
        if label["key"].startswith("merge."):
            from model.merge_receipt import MergeReceipt

            cls = MergeReceipt
        return cls(label["key"], dict(label.get("params", {})), label.get("client"))


def _nested(label: dict[str, Any], locale: str) -> str:
    try:
        return Receipt.from_label(label).render(locale)
    except _UNFIT:
        return t("book.some_change", locale)
