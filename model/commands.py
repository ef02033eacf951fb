"""Every write a user can make, each one transaction that answers with a Receipt.

The Book inherits these; they live apart from its queries so that each file
reads in one sitting.  A command checks its input before it takes the lock,
resolves the client on fresh data inside it, and raises ``InputError`` with
nothing written when something does not fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import Any, NamedTuple

from model.checks import (
    check_currency,
    check_days,
    clean_tags,
    new_id,
    parse_contact,
)
from model.client import Client, Contact, Reflection, State, StateChange, needs_reflection
from model.date_checks import check_by, check_happened
from model.durations import duration_text
from model.errors import InputError
from model.gratitude import Kudos, Thanks
from model.interaction import Interaction, InteractionKind
from model.issue import Issue, IssueKind, Severity
from model.receipt import Receipt
from model.resolve import resolve_client
from model.store import Store, Transaction
from model.timestamps import day_text, moment_text, zone_text

__all__ = ["Commands"]


class _Ref(NamedTuple):
    """What resolving a client needs, without building every Client."""

    key: str
    id: str
    name: str


def _own(tx: Transaction, table: str, number: int, client: Client, unknown: str) -> dict[str, Any]:
    """Document ``number`` of ``table``, refused with ``unknown`` unless it is ``client``'s."""
    doc = tx.get(table, number)
    if doc is None or doc["client"] != client.id:
        raise InputError(unknown, number=number, name=client.name)
    return doc


def _set_person(client: Client, named: Contact | None, phone: str | None, role: str | None) -> None:
    """The phone and role of ``named``, else of the newest current contact of ``client``."""
    current = client.current_contacts
    if named is None and not current:
        raise InputError("client.no_contact", name=client.name)
    person = named or current[-1]
    person.phone = person.phone if phone is None else phone.strip()
    person.role = person.role if role is None else role.strip()


class Commands:
    """Each write stores its documents first and labels the undo entry after, so
    that text the file cannot hold is reported by its own field, not the label's.

    Given ``now``, a write refuses dates that cannot be right (a call ahead of
    today, a payment before its invoice: :mod:`model.date_checks`); the quick-log
    line always passes it."""

    _store: Store

    def _wrote(self, client_id: str, seen: int) -> None:
        """Called after a write that touched one client, on generation ``seen``."""

    @contextmanager
    def _client_tx(self, ref: str) -> Iterator[tuple[Transaction, int, Client]]:
        """A transaction plus the client ``ref`` names, resolved on fresh data."""
        with self._store.transaction() as tx:
            seen = self._store.generation
            clients = tx.table("clients")
            found = resolve_client(ref, (_Ref(k, d["id"], d["name"]) for k, d in clients.items()))
            client = Client.from_doc(clients[found.key])
            yield tx, int(found.key), client
        self._wrote(client.id, seen)

    def add_client(
        self,
        name: str,
        now: datetime,
        *,
        id: str | None = None,
        state: State = State.NEW,
        tags: Iterable[str] = (),
        terms: int = 30,
        cadence: int | None = None,
        contacts: Iterable[str] = (),
        currency: str = "EUR",
        dream: bool = False,
        scope: str = "",
    ) -> Receipt:
        name = name.strip()
        if not name:
            raise InputError("client.empty_name")
        check_days(terms=terms, cadence=cadence)
        currency = check_currency(currency)
        today = day_text(now.date())
        people = [parse_contact(c, today) for c in contacts]
        with self._store.transaction() as tx:
            seen = self._store.generation
            taken = {d["id"] for d in tx.table("clients").values()}
            slug = new_id(id, name, taken)
            client = Client(
                id=slug,
                name=name,
                state=state,
                history=[StateChange(state, moment_text(now), tz=zone_text(now))],
                contacts=people,
                tags=clean_tags(tags),
                terms=terms,
                # None: the state's default cadence applies (model.cadence)
                cadence=30 if cadence is None else cadence,
                cadence_set=cadence is not None,
                scope=scope,
                dream=dream,
                currency=currency,
            )
            receipt = Receipt("book.client_added", {"name": name, "id": slug}, slug)
            tx.insert("clients", client.to_doc())
            tx.set_label(receipt.label())
        self._wrote(slug, seen)
        return receipt

    def edit_client(
        self,
        ref: str,
        now: datetime,
        *,
        name: str | None = None,
        tags: Iterable[str] | None = None,
        terms: int | None = None,
        cadence: int | None = None,
        contact: str | None = None,
        currency: str | None = None,
        dream: bool | None = None,
        scope: str | None = None,
        phone: str | None = None,
        role: str | None = None,
    ) -> Receipt:
        """``phone`` and ``role`` are the contact person's: the one ``contact`` names, else
        the current one (refused when there is none)."""
        check_days(terms=terms, cadence=cadence)
        with self._client_tx(ref) as (tx, doc_id, client):
            changes: dict[str, Any] = {
                "name": name.strip() if name is not None else None,
                "tags": clean_tags(tags) if tags is not None else None,
                "terms": terms,
                "cadence": cadence,
                "currency": check_currency(currency) if currency is not None else None,
                "dream": dream,
                "scope": scope,
            }
            if changes["name"] == "":
                raise InputError("client.empty_name")
            if cadence is not None:
                changes["cadence_set"] = True
            updated = replace(client, **{k: v for k, v in changes.items() if v is not None})
            named = None
            if contact is not None:
                today = day_text(now.date())
                newcomer = parse_contact(contact, today)
                known = [
                    p for p in updated.contacts if p.name.casefold() == newcomer.name.casefold()
                ]
                for person in updated.current_contacts:
                    if person not in known:
                        person.until = today
                if known:  # she is on file already: current again, not twice
                    known[-1].until = None
                    known[-1].email = newcomer.email or known[-1].email
                else:
                    updated.contacts.append(newcomer)
                named = known[-1] if known else newcomer
            if phone is not None or role is not None:
                _set_person(updated, named, phone, role)
            receipt = Receipt("book.client_edited", {"name": updated.name}, client.id)
            tx.update("clients", doc_id, updated.to_doc())
            tx.set_label(receipt.label())
        return receipt

    def log(
        self,
        ref: str,
        kind: InteractionKind,
        text: str,
        when: datetime,
        *,
        now: datetime | None = None,
        minutes: int | None = None,
    ) -> Receipt:
        if now is not None:
            check_happened(when, now, "date.interaction_ahead", kind=kind.value)
        with self._client_tx(ref) as (tx, _, client):
            params = {"kind": kind.value, "name": client.name, "day": day_text(when.date())}
            interaction = Interaction(
                client.id, kind, moment_text(when), text, zone_text(when), minutes
            )
            tx.insert("interactions", interaction.to_doc())
            if minutes is None:
                receipt = Receipt("book.logged", params, client.id)
            else:
                params["duration"] = duration_text(minutes)
                receipt = Receipt("book.logged_duration", params, client.id)
            tx.set_label(receipt.label())
        return receipt

    def open_issue(
        self,
        ref: str,
        text: str,
        when: datetime,
        severity: Severity = Severity.LOW,
        kind: IssueKind = IssueKind.OTHER,
        *,
        now: datetime | None = None,
    ) -> Receipt:
        if not text.strip():
            raise InputError("issue.empty_text")
        if now is not None:
            check_happened(when, now)
        with self._client_tx(ref) as (tx, _, client):
            issue = Issue(0, client.id, text.strip(), kind, severity, moment_text(when))
            issue.tz = zone_text(when)
            number = tx.insert("issues", issue.to_doc())
            params = {"number": number, "name": client.name, "severity": severity.value}
            receipt = Receipt("book.issue_opened", params, client.id)
            tx.set_label(receipt.label())
        return receipt

    def resolve_issue(
        self,
        ref: str,
        number: int,
        when: datetime,
        note: str = "",
        *,
        now: datetime | None = None,
    ) -> Receipt:
        if now is not None:
            check_happened(when, now)
        with self._client_tx(ref) as (tx, _, client):
            issue = Issue.from_doc(number, _own(tx, "issues", number, client, "issue.unknown"))
            if not issue.is_open:
                raise InputError("issue.already_resolved", number=number)
            issue.resolved, issue.resolution = moment_text(when), note.strip()
            issue.resolved_tz = zone_text(when)
            receipt = Receipt(
                "book.issue_resolved", {"number": number, "name": client.name}, client.id
            )
            tx.update("issues", number, issue.to_doc())
            tx.set_label(receipt.label())
        return receipt

    def owe_thanks(
        self,
        ref: str,
        text: str,
        when: datetime,
        by: date | None = None,
        *,
        now: datetime | None = None,
    ) -> Receipt:
        if not text.strip():
            raise InputError("thanks.empty_text")
        if now is not None:
            check_happened(when, now)
            check_by(by, now)
        with self._client_tx(ref) as (tx, _, client):
            by_text = None if by is None else day_text(by)
            thanks = Thanks(
                0, client.id, text.strip(), moment_text(when), by_text, tz=zone_text(when)
            )
            number = tx.insert("thanks", thanks.to_doc())
            receipt = Receipt(
                "book.thanks_owed", {"number": number, "name": client.name}, client.id
            )
            tx.set_label(receipt.label())
        return receipt

    def thanks_done(
        self,
        ref: str,
        number: int,
        when: datetime,
        *,
        now: datetime | None = None,
    ) -> Receipt:
        if now is not None:
            check_happened(when, now)
        with self._client_tx(ref) as (tx, _, client):
            thanks = Thanks.from_doc(number, _own(tx, "thanks", number, client, "thanks.unknown"))
            if not thanks.is_owed:
                raise InputError("thanks.already_done", number=number)
            thanks.done_at, thanks.done_tz = moment_text(when), zone_text(when)
            receipt = Receipt("book.thanked", {"number": number, "name": client.name}, client.id)
            tx.update("thanks", number, thanks.to_doc())
            tx.set_label(receipt.label())
        return receipt

    def add_kudos(
        self,
        ref: str,
        text: str,
        when: datetime,
        giver: str = "",
        *,
        now: datetime | None = None,
    ) -> Receipt:
        if not text.strip():
            raise InputError("kudos.empty_text")
        if now is not None:
            check_happened(when, now)
        with self._client_tx(ref) as (tx, _, client):
            kudos = Kudos(
                client.id, text.strip(), moment_text(when), giver.strip(), zone_text(when)
            )
            receipt = Receipt("book.kudos_added", {"name": client.name}, client.id)
            tx.insert("kudos", kudos.to_doc())
            tx.set_label(receipt.label())
        return receipt

    def change_state(
        self,
        ref: str,
        state: State,
        when: datetime,
        note: str = "",
        reflection: Reflection | None = None,
        *,
        now: datetime | None = None,
    ) -> Receipt:
        """Set the state the user chose; ending keeps the Stop / Pause / Play reflection."""
        if now is not None:
            check_happened(when, now)
        with self._client_tx(ref) as (tx, doc_id, client):
            if client.state is state:
                raise InputError("state.unchanged", name=client.name, state=state.value)
            client.state = state
            client.history.append(
                StateChange(state, moment_text(when), note.strip(), zone_text(when))
            )
            if needs_reflection(state) and reflection is not None and not reflection.is_empty():
                client.reflection = reflection
            params = {"name": client.name, "state": state.value}
            receipt = Receipt("book.state_changed", params, client.id)
            tx.update("clients", doc_id, client.to_doc())
            tx.set_label(receipt.label())
        return receipt
