"""The ref of each record ``client show`` prints, looked up in the client's JSON file.

The client file the text is made from holds plain dataclasses without identity;
the refs come from :func:`model.file_view.client_json`, matched by what names a
record (an issue's number, a call's moment, kind and text).  Two records alike in
all of that get their refs in turn.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

__all__ = ["Refs"]


class Refs:
    """``refs("issue", 3)`` → ``"k3mx7qa"`` (or ``""`` when nothing matches)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._refs: dict[tuple[str, Hashable], list[str]] = {}
        for d in data["interactions"]:
            self._add("interaction", (d["when"], d["kind"], d.get("text", "")), d)
        for d in data["issues"]:
            self._add("issue", d["number"], d)
        for d in data["thanks"]:
            self._add("thanks", d["number"], d)
        for d in data["kudos"]:
            self._add("kudos", (d["when"], d["text"]), d)
        for d in data["contacts"]:
            self._add("contact", (d["name"], d.get("since", "")), d)
        for d in data["states"]:
            self._add("state", (d["state"], d["at"]), d)
        for d in data["invoices"]:
            self._add("invoice", d["number"], d)
            for p in d["payments"]:
                self._add("payment", (d["number"], p["amount"], p["on"]), p)
            for c in d["credits"]:
                self._add("credit", (d["number"], c["amount"], c["on"]), c)

    def _add(self, kind: str, key: Hashable, doc: dict[str, Any]) -> None:
        self._refs.setdefault((kind, key), []).append(doc["ref"])

    def __call__(self, kind: str, key: Hashable) -> str:
        found = self._refs.get((kind, key))
        return found.pop(0) if found else ""
