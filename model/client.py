"""The client: who they are, how the relationship stands, and how it got there.

The state is always the user's judgement (the domain: "the decision is yours");
the book only suggests.  Every change of state and of contact person is kept
with its date, because the history is what a user re-reads before a hard call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from model.timestamps import with_zones
from model.words import slugify

__all__ = [
    "Client",
    "Contact",
    "Reflection",
    "State",
    "StateChange",
    "needs_reflection",
    "slugify",
]


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


def needs_reflection(state: State) -> bool:
    """Does moving to ``state`` ask for a Stop / Pause / Play reflection?

    The domain (text 000): what a lost relationship taught is asked for when it
    ends, by every front end, so the rule lives here and nowhere else.
    """
    return state is State.ENDED


CALM_STATES = frozenset({State.NEW, State.ROUTINE, State.TRUSTED})


@dataclass
class Contact:
    """A contact person; ``until`` is set when someone else took over."""

    name: str
    email: str = ""
    since: str = ""
    until: str | None = None
    phone: str = ""
    role: str = ""
    more_emails: list[str] = field(default_factory=list)
    """Further addresses beyond ``email`` (an imported card may carry several)."""
    more_phones: list[str] = field(default_factory=list)

    def label(self) -> str:
        named = f"{self.name} ({self.role})" if self.role else self.name
        shown = f"{named} <{self.email}>" if self.email else named
        return f"{shown} {self.phone}" if self.phone else shown

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "name": self.name,
            "email": self.email,
            "since": self.since,
            "until": self.until,
        }
        # Written only when set, so the contacts of books without them stay as they were.
        extras = {
            "phone": self.phone,
            "role": self.role,
            "more_emails": list(self.more_emails),
            "more_phones": list(self.more_phones),
        }
        doc.update({key: value for key, value in extras.items() if value})
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Contact:
        return cls(
            doc["name"],
            doc.get("email", ""),
            doc.get("since", ""),
            doc.get("until"),
            doc.get("phone", ""),
            doc.get("role", ""),
            list(doc.get("more_emails", [])),
            list(doc.get("more_phones", [])),
        )


@dataclass
class StateChange:
    state: State
    at: str
    note: str = ""
    tz: str | None = None
    """The writer's UTC offset (``-05:00``): the change is listed on the writer's day."""


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
    cadence_set: bool = False
    """The user chose ``cadence`` for this client; else the state's default applies."""
    snoozed_until: str | None = None
    """No contact nudge before this day (``YYYY-MM-DD``): the user said "not now"."""
    snooze_reason: str = ""

    @property
    def current_contacts(self) -> list[Contact]:
        return [c for c in self.contacts if c.until is None]

    def to_doc(self) -> dict[str, Any]:
        doc = self._core_doc()
        # Written only when set, so the documents of books without them stay as they were.
        if self.cadence_set:
            doc["cadence_set"] = True
        if self.snoozed_until is not None:
            doc["snoozed_until"] = self.snoozed_until
            doc["snooze_reason"] = self.snooze_reason
        return doc

    def _core_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "state": self.state.value,
            "history": [
                with_zones({"state": h.state.value, "at": h.at, "note": h.note}, tz=h.tz)
                for h in self.history
            ],
            "contacts": [c.to_doc() for c in self.contacts],
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
        cadence = int(doc.get("cadence", 30))
        return cls(
            id=doc["id"],
            name=doc["name"],
            state=State(doc["state"]),
            history=[
                StateChange(State(h["state"]), h["at"], h.get("note", ""), h.get("tz"))
                for h in doc.get("history", [])
            ],
            contacts=[Contact.from_doc(c) for c in doc.get("contacts", [])],
            tags=list(doc.get("tags", [])),
            terms=int(doc.get("terms", 30)),
            cadence=cadence,
            scope=doc.get("scope", ""),
            dream=bool(doc.get("dream", False)),
            currency=doc.get("currency", "EUR"),
            reflection=None
            if reflection is None
            else Reflection(
                reflection.get("stop", ""), reflection.get("pause", ""), reflection.get("play", "")
            ),
            # Older books never said; 30 was everyone's default, any other value a choice.
            cadence_set=bool(doc.get("cadence_set", cadence != 30)),
            snoozed_until=doc.get("snoozed_until"),
            snooze_reason=doc.get("snooze_reason", ""),
        )
