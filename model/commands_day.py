"""The writes of the day's work: follow-ups, marking things done, and snoozing.

Kept beside :mod:`model.commands` (the Book inherits both) so each file reads
in one sitting.  As there, input is checked first and nothing is written when
it does not fit.
"""

from __future__ import annotations

from datetime import date, datetime

from model.commands import Commands, _own
from model.errors import InputError
from model.followup import FollowUp
from model.receipt import Receipt
from model.refs import parse_ref
from model.timestamps import day_text, moment_text, zone_text

__all__ = ["DayCommands"]


class DayCommands(Commands):
    def add_followup(self, ref: str, text: str, due: date, when: datetime) -> Receipt:
        """A dated next step; a day already past is refused (it could never be kept)."""
        if not text.strip():
            raise InputError("followup.empty_text")
        if due < when.date():
            raise InputError("followup.past", due=day_text(due))
        with self._client_tx(ref) as (tx, _, client):
            followup = FollowUp(0, client.id, text.strip(), day_text(due), moment_text(when))
            followup.tz = zone_text(when)
            number = tx.insert("followups", followup.to_doc())
            params = {"number": number, "name": client.name, "due": followup.due}
            receipt = Receipt("book.followup_added", params, client.id)
            tx.set_label(receipt.label())
        return receipt

    def done(self, ref: str, target: str, when: datetime) -> Receipt:
        """Mark what ``target`` names done: a follow-up (``3``, ``#3``, ``followup:3``),
        or by its ref an issue (resolved) or a thanks (thanked)."""
        found = parse_ref(target, "followups")
        if found is None:
            raise InputError("done.bad_ref", ref=target)
        table, number = found
        if table == "issues":
            return self.resolve_issue(ref, number, when)
        if table == "thanks":
            return self.thanks_done(ref, number, when)
        if table != "followups":
            raise InputError("done.bad_ref", ref=target)
        with self._client_tx(ref) as (tx, _, client):
            doc = _own(tx, "followups", number, client, "followup.unknown")
            followup = FollowUp.from_doc(number, doc)
            if not followup.is_open:
                raise InputError("followup.already_done", number=number)
            followup.done_at, followup.done_tz = moment_text(when), zone_text(when)
            receipt = Receipt(
                "book.followup_done", {"number": number, "name": client.name}, client.id
            )
            tx.update("followups", number, followup.to_doc())
            tx.set_label(receipt.label())
        return receipt

    def snooze(self, ref: str, until: date | None, when: datetime, reason: str = "") -> Receipt:
        """No contact nudge for the client before ``until``; ``None`` ends the snooze."""
        if until is not None and until <= when.date():
            raise InputError("snooze.past", until=day_text(until))
        with self._client_tx(ref) as (tx, doc_id, client):
            if until is None:
                if client.snoozed_until is None:
                    raise InputError("snooze.not_snoozed", name=client.name)
                client.snoozed_until, client.snooze_reason = None, ""
                receipt = Receipt("book.snooze_off", {"name": client.name}, client.id)
            else:
                client.snoozed_until, client.snooze_reason = day_text(until), reason.strip()
                params = {"name": client.name, "until": client.snoozed_until}
                receipt = Receipt("book.snoozed", params, client.id)
            tx.update("clients", doc_id, client.to_doc())
            tx.set_label(receipt.label())
        return receipt
