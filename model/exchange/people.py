"""People brought in from elsewhere (a vCard, a CSV file) and what importing them adds.

An address book knows people; Rapport knows clients with contact persons.  A
person's organisation is the client (a person without one is a client of their
own), the person a contact of it.  Importing the same file twice must add nothing
the second time, so a person is looked for first by any of their e-mail addresses,
then by name within the client, both compared folded (no case, no accents:
:func:`model.words.fold`), before anything is planned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from model.checks import new_id
from model.client import Client, Contact, State, StateChange
from model.words import fold

__all__ = ["Person", "Plan", "plan_import"]


@dataclass(frozen=True)
class Person:
    """One card or row: ``where`` names it in messages (``card 3``, ``line 4``)."""

    name: str
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    company: str = ""
    role: str = ""
    where: str = ""

    @property
    def client_name(self) -> str:
        return self.company or self.name

    def contact(self, since: str) -> Contact:
        emails = self.emails or ("",)
        phones = self.phones or ("",)
        return Contact(
            self.name,
            emails[0],
            since,
            phone=phones[0],
            role=self.role,
            more_emails=list(emails[1:]),
            more_phones=list(phones[1:]),
        )


@dataclass
class Plan:
    """What an import adds: new clients (with their contacts), contacts for clients
    already in the book (by client id), and the people the book knew already."""

    new_clients: list[Client] = field(default_factory=list)
    new_contacts: list[tuple[str, Contact]] = field(default_factory=list)
    known: list[Person] = field(default_factory=list)

    @property
    def contacts(self) -> int:
        return len(self.new_contacts) + sum(len(c.contacts) for c in self.new_clients)

    @property
    def empty(self) -> bool:
        return not (self.new_clients or self.new_contacts)


def _emails(contact: Contact) -> list[str]:
    return [fold(e.strip()) for e in (contact.email, *contact.more_emails) if e.strip()]


def plan_import(
    clients: Iterable[Client],
    people: Iterable[Person],
    since: str,
    at: str,
    *,
    terms: int = 30,
    currency: str = "EUR",
) -> Plan:
    """The plan for ``people`` against the book's ``clients``; ``since`` is the day the
    contacts begin, ``at`` the moment the new clients' state history starts; new clients
    get the user's default ``terms`` and ``currency``."""
    plan = Plan()
    by_name: dict[str, Client] = {}
    mails: set[str] = set()
    names: set[tuple[str, str]] = set()  # (client id, folded contact name)
    existing: set[str] = set()
    for client in clients:
        existing.add(client.id)
        by_name.setdefault(fold(client.name), client)
        for contact in client.contacts:
            mails.update(_emails(contact))
            names.add((client.id, fold(contact.name)))
    taken = set(existing)
    for person in people:
        folded = [fold(e) for e in person.emails]
        target = by_name.get(fold(person.client_name))
        if any(m in mails for m in folded) or (
            target is not None and (target.id, fold(person.name)) in names
        ):
            plan.known.append(person)
            continue
        contact = person.contact(since)
        if target is None:
            target = Client(
                id=new_id(None, person.client_name, taken),
                name=person.client_name,
                state=State.NEW,
                history=[StateChange(State.NEW, at)],
                terms=terms,
                currency=currency,
            )
            taken.add(target.id)
            by_name[fold(target.name)] = target
            plan.new_clients.append(target)
        if target.id in existing:
            plan.new_contacts.append((target.id, contact))
        else:
            target.contacts.append(contact)
        mails.update(folded)
        names.add((target.id, fold(person.name)))
    return plan
