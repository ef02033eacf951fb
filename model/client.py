"""The client: who they are, how the relationship stands, and how it got there.

The state is always the user's judgement (DOMAIN.md: "the decision is yours");
the book only suggests.  Every change of state and of contact person is kept
with its date, because the history is what a user re-reads before a hard call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["Client", "Contact", "Reflection", "State", "StateChange", "slugify"]


class State(StrEnum):
    """Relationship states, most urgent first: the board sorts in this order."""

    STRAINED = "strained"
    REPAIR = "repair"
    DRIFTING = "drifting"
    NEW = "new"
    ROUTINE = "routine"
    TRUSTED = "trusted"
    ENDED = "ended"

    @property
    def rank(self) -> int:
        return list(State).index(self)


CALM_STATES = frozenset({State.NEW, State.ROUTINE, State.TRUSTED})


@dataclass
class Contact:
    """A contact person; ``until`` is set when someone else took over."""

    name: str
    email: str = ""
    since: str = ""
    until: str | None = None

    def label(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name


@dataclass
class StateChange:
    state: State
    at: str
    note: str = ""


@dataclass
class Reflection:
    """Stop / Pause / Play: what to stop, what to value, what comes next."""

    stop: str = ""
    pause: str = ""
    play: str = ""

    def is_empty(self) -> bool:
        return not (self.stop or self.pause or self.play)


@dataclass
class Client:
    id: str
    name: str
    state: State = State.NEW
    history: list[StateChange] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    terms: int = 30
    cadence: int = 30
    scope: str = ""
    dream: bool = False
    currency: str = "EUR"
    reflection: Reflection | None = None

    @property
    def current_contacts(self) -> list[Contact]:
        return [c for c in self.contacts if c.until is None]

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "state": self.state.value,
            "history": [{"state": h.state.value, "at": h.at, "note": h.note} for h in self.history],
            "contacts": [
                {"name": c.name, "email": c.email, "since": c.since, "until": c.until}
                for c in self.contacts
            ],
            "tags": list(self.tags),
            "terms": self.terms,
            "cadence": self.cadence,
            "scope": self.scope,
            "dream": self.dream,
            "currency": self.currency,
            "reflection": None
            if self.reflection is None
            else {
                "stop": self.reflection.stop,
                "pause": self.reflection.pause,
                "play": self.reflection.play,
            },
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Client:
        reflection = doc.get("reflection")
        return cls(
            id=doc["id"],
            name=doc["name"],
            state=State(doc["state"]),
            history=[
                StateChange(State(h["state"]), h["at"], h.get("note", ""))
                for h in doc.get("history", [])
            ],
            contacts=[
                Contact(c["name"], c.get("email", ""), c.get("since", ""), c.get("until"))
                for c in doc.get("contacts", [])
            ],
            tags=list(doc.get("tags", [])),
            terms=int(doc.get("terms", 30)),
            cadence=int(doc.get("cadence", 30)),
            scope=doc.get("scope", ""),
            dream=bool(doc.get("dream", False)),
            currency=doc.get("currency", "EUR"),
            reflection=None
            if reflection is None
            else Reflection(
                reflection.get("stop", ""), reflection.get("pause", ""), reflection.get("play", "")
            ),
        )


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slugify(name: str) -> str:
    """``"Müller & Söhne GmbH"`` → ``"mueller-soehne-gmbh"``: a typeable id."""
    text = name.lower().translate(_UMLAUTS)
    out: list[str] = []
    for ch in text:
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-") or "client"
