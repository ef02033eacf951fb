"""The Book's side of import and export: each format's reader or writer, on the book.

An import is one transaction, undone as one step by ``rapport undo``; a dry run
plans on the book as it is and writes nothing.  A JSON export read back is a merge
(:meth:`model.store.Store.merge_in`), so it keeps uids, numbers and stamps, and
reading it twice adds nothing.  The format modules are imported when used: their
libraries (vobject, icalendar) must not slow every ``rapport quick``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from model.checks import check_currency
from model.client import Client, Contact, State
from model.errors import InputError
from model.migrations import Tables
from model.receipt import Receipt
from model.resolve import resolve_client
from model.store import Store
from model.timestamps import day_text, moment_text

if TYPE_CHECKING:  # what an import or an export needs loads with it, not with every Book
    import pendulum

    from model.exchange.people import Person, Plan
    from model.health import Signals

__all__ = ["Exchanging"]


def _result(key: str, source: str, plan: Plan) -> Receipt:
    params = {
        "source": source,
        "clients": len(plan.new_clients),
        "contacts": plan.contacts,
        "known": len(plan.known),
    }
    if plan.empty and key == "exchange.imported":
        key = "exchange.nothing_new"
    return Receipt(key, params)


class Exchanging:
    _store: Store
    _cadence: Mapping[State, int]

    def _gathered(self) -> tuple[Mapping[str, Mapping[str, dict[str, Any]]], dict[str, Signals]]:
        tables = self._store.tables()
        from model import board as _board  # loaded by an export, not by every write

        return tables, _board.gather(tables, cadence=self._cadence)

    def _client_id(self, ref: str | None) -> str | None:
        if ref is None:
            return None
        docs = (self._store.tables().get("clients") or {}).values()
        return resolve_client(ref, (Client.from_doc(d) for d in docs)).id

    # -- import ---------------------------------------------------------------------

    def import_people(
        self,
        people: Iterable[Person],
        now: pendulum.DateTime,
        *,
        source: str,
        dry_run: bool = False,
        terms: int = 30,
        currency: str = "EUR",
    ) -> tuple[Receipt, Plan]:
        """Add the clients and contacts ``people`` bring that the book lacks, in one step;
        the receipt and the plan (what was, or with ``dry_run`` would be, added)."""
        from model.exchange.people import plan_import

        found = list(people)
        since, at = day_text(now.date()), moment_text(now)
        currency = check_currency(currency)
        if dry_run:
            docs = (self._store.tables().get("clients") or {}).values()
            plan = plan_import(
                [Client.from_doc(d) for d in docs], found, since, at, terms=terms, currency=currency
            )
            return _result("exchange.would_import", source, plan), plan
        with self._store.transaction() as tx:
            clients = {
                d["id"]: (int(k), Client.from_doc(d)) for k, d in tx.table("clients").items()
            }
            plan = plan_import(
                [c for _, c in clients.values()], found, since, at, terms=terms, currency=currency
            )
            for client in plan.new_clients:
                tx.insert("clients", client.to_doc())
            added: dict[str, list[Contact]] = {}
            for client_id, contact in plan.new_contacts:
                added.setdefault(client_id, []).append(contact)
            for client_id, contacts in added.items():
                doc_id, client = clients[client_id]
                client.contacts.extend(contacts)
                tx.update("clients", doc_id, client.to_doc())
            result = _result("exchange.imported", source, plan)
            tx.set_label(result.label())
        return result, plan

    def import_json(self, raw: bytes, *, source: str, dry_run: bool = False) -> Receipt:
        """Read an export of :meth:`export_json` back: a merge, one undoable step."""
        from model.exchange.book_json import read_book_json
        from model.merge_receipt import MergeReceipt, what_came_in

        tables: Tables = read_book_json(raw, source)

        def label(before: Tables, after: Tables) -> dict[str, Any]:
            params = {"source": source, **what_came_in(before, after, tables)}
            return {"key": "merge.done", "params": params}

        try:
            done = self._store.merge_in(tables, label, dry_run=dry_run)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise InputError("exchange.json_bad", path=source, reason=repr(error)) from error
        return MergeReceipt("merge.dry_run" if dry_run else "merge.done", done["params"])

    # -- export ---------------------------------------------------------------------

    def export_json(self, client: str | None = None) -> bytes:
        """The whole book (or one client's records) in the schema of ``docs/exchange.md``."""
        from model.exchange.book_json import book_json

        return book_json(self._store.tables(), self._client_id(client))

    def export_csv(self, client: str | None = None) -> dict[str, str]:
        """One CSV text per record kind (``clients``, ``contacts``, ``invoices``…)."""
        from model.exchange.tabular import csv_tables

        return csv_tables(self._store.tables(), self._client_id(client))

    def export_vcard(self, client: str | None = None) -> str:
        """Every contact person (of ``client``) as a vCard, the client as organisation."""
        from model.exchange.vcard import write_cards

        chosen = self._client_id(client)
        people = []
        for doc in (self._store.tables().get("clients") or {}).values():
            if chosen in (None, doc["id"]):
                owner = Client.from_doc(doc)
                for contact, raw in zip(owner.contacts, doc.get("contacts", []), strict=True):
                    people.append((owner, contact, str(raw.get("uid", ""))))
        return write_cards(people)

    def export_ics(
        self, now: pendulum.DateTime, locale: str = "en", client: str | None = None
    ) -> bytes:
        """Due invoices, follow-ups, thanks by-dates and next contacts as an iCalendar."""
        from model.exchange.calendar import build_calendar

        chosen = self._client_id(client)
        tables, signals = self._gathered()
        return build_calendar(tables, signals, now, locale, chosen)

    def export_md(
        self, now: pendulum.DateTime, locale: str = "en", client: str | None = None
    ) -> str:
        """The client file (or every client's, by name) as Markdown."""
        from model.client_file import client_file
        from model.exchange.markdown import client_markdown

        chosen = self._client_id(client)
        tables, signals = self._gathered()
        ordered = sorted(signals.values(), key=lambda s: (s.client.name.casefold(), s.client.id))
        files = [
            client_markdown(client_file(tables, s, now), locale)
            for s in ordered
            if chosen in (None, s.client.id)
        ]
        return "\n".join(files)
