"""Correcting the book: delete or edit any record by its ref; void, credit or write off.

A week of real use leaves mistakes (a junk call, a duplicate issue, a wrong
invoice); each is repaired here as one undoable transaction of this device, and
every receipt names the record in words.  The checks are those of the quick-log:
no date after today for what happened, no due date before the issue date, no
payment, credit or write-off above what is open.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from model.checks import check_amount, new_id
from model.durations import parse_duration
from model.errors import InputError
from model.identity import BOOKKEEPING
from model.interaction import InteractionKind
from model.invoice import Invoice
from model.issue import IssueKind, Severity
from model.money import parse_amount
from model.receipt import Receipt
from model.records import DATE_FIELD, TEXT_FIELD, Found, find_ref, ref, refuse_fields
from model.store import Store, Transaction
from model.timestamps import day_text, moment_text, zone_text

if TYPE_CHECKING:
    import pendulum

__all__ = ["Corrections", "Named", "describe", "money"]

_OF_CLIENT = ("interactions", "issues", "invoices", "thanks", "kudos")
_PAST_ONLY = frozenset({"interaction", "issue", "payment", "credit", "thanks", "kudos", "state"})


def money(amount: Decimal, currency: str) -> dict[str, str]:
    """A message parameter that ``model.i18n.t`` shows in the reader's money format."""
    return {"amount": str(amount), "currency": currency}


def describe(found: Found, name: str) -> dict[str, Any]:
    """A label naming the record in words ("the call of 18 Nov 2026 with ACME GmbH: 'test'")."""
    r, doc = found.record, found.doc
    params: dict[str, Any] = {"name": name, "ref": ref(r)}
    if found.kind in DATE_FIELD:
        params["date"] = r.get(DATE_FIELD[found.kind], "")
    for key in ("text", "kind", "state"):
        if isinstance(r.get(key), str):
            params[key] = r[key]
    if found.kind == "issue" or found.kind == "thanks":
        params["number"] = found.doc_id
    if found.kind in ("invoice", "payment", "credit"):
        params["number"] = doc["number"]
        params["money"] = money(Decimal(r["amount"]), doc["currency"])
    if found.kind == "contact":
        params["person"] = r.get("name", "")
    if found.kind == "credit" and r.get("writeoff"):
        return {"key": "record.writeoff", "params": params}
    if found.kind == "interaction":
        return {"key": f"record.{r['kind']}", "params": params}
    return {"key": f"record.{found.kind}", "params": params}


def _day(word: str) -> date:
    from model.dates import parse_date

    return parse_date(word.strip())


class Corrections:
    """The Book inherits these, beside :class:`model.commands.Commands`."""

    _store: Store

    def _wrote(self, client_id: str, seen: int) -> None:
        """Called after a write that touched one client, on generation ``seen``."""

    def find(self, wanted: str) -> Found:
        """The record whose ref is ``wanted``, anywhere in the book."""
        return find_ref(self._store.tables(), wanted)

    @staticmethod
    def _name(tx: Transaction, client_id: str) -> str:
        return next(
            (str(d["name"]) for d in tx.table("clients").values() if d["id"] == client_id),
            client_id,
        )

    def delete(self, wanted: str) -> Receipt:
        """Delete one record (a tombstone, so undo and merges know); a client has
        :meth:`delete_client`."""
        with self._store.transaction() as tx:
            found = find_ref(_tables(tx), wanted)
            if found.kind == "client":
                raise InputError("ref.wrong_kind", ref=ref(found.doc), kind="client", wanted="-")
            what = describe(found, self._name(tx, found.client))
            if found.key is None:
                tx.remove(found.table, found.doc_id)
            else:
                doc = tx.get(found.table, found.doc_id)
                assert doc is not None
                del doc[found.key][found.index]
                tx.update(found.table, found.doc_id, doc)
            receipt = Receipt("book.deleted", {"what": what}, found.client)
            tx.set_label(receipt.label())
        return receipt

    def delete_client(self, wanted: str) -> Receipt:
        """The client and every record of hers, in one undoable step."""
        from model.resolve import resolve_client

        with self._store.transaction() as tx:
            clients = tx.table("clients")
            client = resolve_client(wanted, Named.all(clients))
            count = 0
            for table in _OF_CLIENT:
                for key, doc in list(tx.table(table).items()):
                    if doc["client"] == client.id:
                        tx.remove(table, int(key))
                        count += 1
            tx.remove("clients", int(client.key))
            params = {"name": client.name, "id": client.id, "count": count}
            receipt = Receipt("book.client_deleted", params, client.id)
            tx.set_label(receipt.label())
        return receipt

    def records_of(self, wanted: str) -> int:
        """How many records go with the client ``wanted`` (for the question before)."""
        from model.resolve import resolve_client

        tables = self._store.tables()
        client = resolve_client(wanted, Named.all(tables.get("clients") or {}))
        return sum(
            1
            for t in _OF_CLIENT
            for d in (tables.get(t) or {}).values()
            if d["client"] == client.id
        )

    def edit(
        self,
        wanted: str,
        now: pendulum.DateTime,
        *,
        text: str | None = None,
        date: str | None = None,
        amount: str | None = None,
        due: str | None = None,
        kind: str | None = None,
        severity: str | None = None,
        by: str | None = None,
        duration: str | None = None,
    ) -> Receipt:
        """Change the given fields of one record; each is checked as the quick-log checks it
        (an empty ``duration`` takes the duration away)."""
        given = {
            "text": text,
            "date": date,
            "amount": amount,
            "due": due,
            "kind": kind,
            "severity": severity,
            "by": by,
            "duration": duration,
        }
        with self._store.transaction() as tx:
            found = find_ref(_tables(tx), wanted)
            refuse_fields(found, given)
            doc = tx.get(found.table, found.doc_id)
            assert doc is not None
            item = doc if found.key is None else doc[found.key][found.index]
            _apply(found, item, doc, given, now)
            _check_invoice(found, doc, item)
            what = describe(
                Found(found.table, found.doc_id, doc, found.kind, found.key, found.index),
                self._name(tx, found.client),
            )
            if found.key is not None:
                # Without its stamps the store sees the item changed and stamps it anew.
                doc[found.key][found.index] = {
                    k: v for k, v in item.items() if k not in BOOKKEEPING or k == "ref"
                }
            receipt = Receipt("book.edited", {"what": what}, found.client)
            tx.update(found.table, found.doc_id, doc)
            tx.set_label(receipt.label())
        return receipt

    def rename_client(self, wanted: str, new: str) -> Receipt:
        """A new id for the client, and for every record that points at her."""
        from model.resolve import resolve_client

        with self._store.transaction() as tx:
            clients = tx.table("clients")
            client = resolve_client(wanted, Named.all(clients))
            taken = {d["id"] for d in clients.values()} - {client.id}
            slug = new_id(new, client.name, taken)
            for table in _OF_CLIENT:
                for key, doc in list(tx.table(table).items()):
                    if doc["client"] == client.id:
                        tx.update(table, int(key), {**doc, "client": slug})
            tx.update("clients", int(client.key), {**clients[client.key], "id": slug})
            params = {"name": client.name, "old": client.id, "id": slug}
            receipt = Receipt("book.client_renamed", params, slug)
            tx.set_label(receipt.label())
        return receipt

    def remove_contact(self, wanted: str, who: str) -> Receipt:
        """Remove a mistaken contact, named by her ref or her name."""
        from model.resolve import resolve_client

        with self._store.transaction() as tx:
            clients = tx.table("clients")
            client = resolve_client(wanted, Named.all(clients))
            doc = tx.get("clients", int(client.key))
            assert doc is not None
            key = who.strip().casefold()
            people = doc.get("contacts") or []
            hits = [
                i
                for i, c in enumerate(people)
                if key and (ref(c) == key or c.get("name", "").casefold() == key)
            ] or [i for i, c in enumerate(people) if key and key in c.get("name", "").casefold()]
            if len(hits) > 1:
                known = ", ".join(f"{people[i].get('name')} ({ref(people[i])})" for i in hits)
                raise InputError("contact.ambiguous", who=who, known=known)
            if not hits:
                known = ", ".join(f"{c.get('name')} ({ref(c)})" for c in people) or "-"
                raise InputError("contact.unknown", who=who, name=client.name, known=known)
            removed = people.pop(hits[0])
            params = {"person": removed.get("name", ""), "name": client.name}
            receipt = Receipt("book.contact_removed", params, client.id)
            tx.update("clients", int(client.key), doc)
            tx.set_label(receipt.label())
        return receipt


class Named:
    """What resolving a client needs: its document key, id and name."""

    def __init__(self, key: str, doc: dict[str, Any]) -> None:
        self.key, self.id, self.name = key, str(doc["id"]), str(doc["name"])

    @classmethod
    def all(cls, clients: Any) -> list[Named]:
        return [cls(k, d) for k, d in clients.items()]


def _apply(
    found: Found,
    item: dict[str, Any],
    doc: dict[str, Any],
    given: dict[str, str | None],
    now: pendulum.DateTime,
) -> None:
    """Write the given fields into ``item`` (the record itself), each checked."""
    shown = ref(found.record)
    kind = found.kind
    if given["text"] is not None:
        text = given["text"].strip()
        if not text and kind not in ("state", "credit"):
            raise InputError("edit.empty_text", ref=shown)
        item[TEXT_FIELD.get(kind, "text")] = text
    if given["date"] is not None:
        day = _day(given["date"])
        if kind in _PAST_ONLY and day > now.date():
            raise InputError("edit.future", ref=shown, date=day_text(day))
        field = DATE_FIELD[kind]
        if field in ("when", "opened", "owed_at", "at"):
            from model.dates import noon_on

            noon = noon_on(day, now)
            item[field], item["tz"] = moment_text(noon), zone_text(noon)
        else:
            item[field] = day_text(day)
    if given["due"] is not None:
        item["due"] = day_text(_day(given["due"]))
    if given["by"] is not None:
        item["by"] = day_text(_day(given["by"]))
    if given["duration"] is not None:
        typed = given["duration"].strip()
        item.pop("minutes", None)
        if typed:
            item["minutes"] = parse_duration(typed)
    if given["amount"] is not None:
        item["amount"] = str(check_amount(parse_amount(given["amount"].strip())))
    if given["kind"] is not None:
        choices = InteractionKind if kind == "interaction" else IssueKind
        item["kind"] = _choice(shown, "kind", given["kind"], [k.value for k in choices])
    if given["severity"] is not None:
        item["severity"] = _choice(
            shown, "severity", given["severity"], [s.value for s in Severity]
        )
    if kind == "issue" and item.get("resolved") and item["opened"] > item["resolved"]:
        raise InputError("edit.opened_after_resolved", ref=shown)
    del doc  # the invoice rules look at the whole document in _check_invoice


def _choice(shown: str, field: str, value: str, accepted: list[str]) -> str:
    wanted = value.strip().lower()
    if wanted not in accepted:
        raise InputError(
            "edit.bad_choice", ref=shown, field=field, value=value, accepted=", ".join(accepted)
        )
    return wanted


def _check_invoice(found: Found, doc: dict[str, Any], item: dict[str, Any]) -> None:
    """An edited invoice, payment or credit must still add up."""
    if found.table != "invoices":
        return
    shown = ref(found.record)
    invoice = Invoice.from_doc(doc)
    if invoice.due < invoice.issued:
        raise InputError(
            "edit.due_before_issued", ref=shown, due=invoice.due, issued=invoice.issued
        )
    taken = invoice.paid_amount + invoice.credited
    if taken <= invoice.amount:
        return
    if found.kind == "invoice":
        raise InputError(
            "edit.below_paid",
            ref=shown,
            number=invoice.number,
            taken=money(taken, invoice.currency),
        )
    available = invoice.amount - (taken - Decimal(item["amount"]))
    raise InputError(
        "edit.over_amount",
        ref=shown,
        number=invoice.number,
        outstanding=money(available, invoice.currency),
    )


def _tables(tx: Transaction) -> dict[str, Any]:
    names = ("clients", *_OF_CLIENT)
    return {name: tx.table(name) for name in names}
