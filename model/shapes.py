"""The shape of every document Rapport writes, checked before a book is read.

A hand-edited book (a name that became a number, a missing date, a table
nobody knows, two clients with one id) would otherwise end deep in a query as a
traceback, or worse, as a wrong board.  :func:`check` names the first offence
as ``/table/document/field`` for :class:`~model.errors.BookCorrupt`, so the
user can find it in an editor; the file is never touched.  Fields are checked
by type and by what they must parse as; a field this version does not know is
left alone, so a newer writer's additions within one schema do not break it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import Any

from model.client import State
from model.durations import MAX_MINUTES
from model.i18n import Phrase
from model.interaction import InteractionKind
from model.issue import IssueKind, Severity

__all__ = ["TABLES", "ShapeError", "check"]

#: The longest amount text accepted: beyond it ``Decimal`` arithmetic gets slow, no
#: invoice needs it, and it can only come from a hand edit.
AMOUNT_DIGITS = 30

Check = Callable[[Any], bool]
#: (check, required, what the field must be, in words of the reader's language)
Field = tuple[Check, bool, Phrase]


class ShapeError(ValueError):
    """``where`` is ``/table/document/field``: the first thing not as Rapport writes it."""

    def __init__(self, where: str, expected: Phrase) -> None:
        super().__init__(f"{where}: {expected}")
        self.where = where
        self.expected = expected


def _text(value: Any) -> bool:
    return type(value) is str


def _count(value: Any) -> bool:
    return type(value) is int and 0 <= value < 100_000


def _minutes(value: Any) -> bool:
    return type(value) is int and 0 < value <= MAX_MINUTES


def _flag(value: Any) -> bool:
    return type(value) is bool


def _moment(value: Any) -> bool:
    if type(value) is not str:
        return False
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _zone(value: Any) -> bool:
    """A UTC offset as :func:`model.timestamps.zone_text` writes it: ``-05:00``."""
    return (
        type(value) is str
        and len(value) == 6
        and value[0] in "+-"
        and value[3] == ":"
        and value[1:3].isdigit()
        and value[4:].isdigit()
        and int(value[1:3]) <= 23
        and int(value[4:]) <= 59
    )


def _day(value: Any) -> bool:
    if type(value) is not str:
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _amount(value: Any) -> bool:
    if type(value) is not str or len(value) > AMOUNT_DIGITS:
        return False
    try:
        return Decimal(value).is_finite()
    except InvalidOperation:
        return False


def _one_of(values: list[str]) -> Check:
    allowed = frozenset(values)

    def fits(value: Any) -> bool:
        return type(value) is str and value in allowed

    fits.allowed = allowed  # type: ignore[attr-defined]  # for the bulk check
    return fits


def _or_none(check: Check) -> Check:
    return lambda value: value is None or check(value)


def _texts(value: Any) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


def _list_of(shape: Mapping[str, Field]) -> Check:
    def fits(value: Any) -> bool:
        return type(value) is list and all(_fits(item, shape) for item in value)

    fits.shape = shape  # type: ignore[attr-defined]  # for the bulk check
    return fits


def _doc(shape: Mapping[str, Field]) -> Check:
    return lambda value: _fits(value, shape)


def _fits(doc: Any, shape: Mapping[str, Field]) -> bool:
    return type(doc) is dict and _offence(doc, shape) is None


def _offence(doc: dict[str, Any], shape: Mapping[str, Field]) -> str | None:
    for name, (fits, required, _expected) in shape.items():
        if name in doc:
            if not fits(doc[name]):
                return name
        elif required:
            return name
    return None


_STATES = [s.value for s in State]
_HISTORY = {
    "state": (_one_of(_STATES), True, Phrase("shape.state")),
    "at": (_moment, True, Phrase("shape.moment")),
    "note": (_text, False, Phrase("shape.text")),
    "tz": (_zone, False, Phrase("shape.zone")),
}
_CONTACT = {
    "name": (_text, True, Phrase("shape.text")),
    "email": (_text, True, Phrase("shape.text")),
    "since": (_or_none(_day), True, Phrase("shape.day_or_null")),
    "until": (_or_none(_day), False, Phrase("shape.day_or_null")),
    "phone": (_text, False, Phrase("shape.text")),
    "role": (_text, False, Phrase("shape.text")),
    "more_emails": (_texts, False, Phrase("shape.texts")),
    "more_phones": (_texts, False, Phrase("shape.texts")),
}
_REFLECTION = {name: (_text, True, Phrase("shape.text")) for name in ("stop", "pause", "play")}
_PAYMENT = {
    "amount": (_amount, True, Phrase("shape.amount")),
    "on": (_day, True, Phrase("shape.day")),
}

#: ``{table: {field: (check, required, what it must be)}}``
TABLES: dict[str, dict[str, Field]] = {
    "clients": {
        "id": (_text, True, Phrase("shape.text")),
        "name": (_text, True, Phrase("shape.text")),
        "state": (_one_of(_STATES), True, Phrase("shape.one_of", values=", ".join(_STATES))),
        "history": (_list_of(_HISTORY), False, Phrase("shape.history")),
        "contacts": (_list_of(_CONTACT), False, Phrase("shape.contacts")),
        "tags": (_texts, False, Phrase("shape.texts")),
        "terms": (_count, False, Phrase("shape.days")),
        "cadence": (_count, False, Phrase("shape.days")),
        "scope": (_text, False, Phrase("shape.text")),
        "dream": (_flag, False, Phrase("shape.flag")),
        "currency": (_text, False, Phrase("shape.currency")),
        "reflection": (_or_none(_doc(_REFLECTION)), False, Phrase("shape.reflection")),
        "cadence_set": (_flag, False, Phrase("shape.flag")),
        "snoozed_until": (_or_none(_day), False, Phrase("shape.day_or_null")),
        "snooze_reason": (_text, False, Phrase("shape.text")),
    },
    "interactions": {
        "client": (_text, True, Phrase("shape.client_id")),
        "kind": (
            _one_of([k.value for k in InteractionKind]),
            True,
            Phrase("shape.interaction_kind"),
        ),
        "when": (_moment, True, Phrase("shape.moment")),
        "text": (_text, False, Phrase("shape.text")),
        "tz": (_zone, False, Phrase("shape.zone")),
        "minutes": (_minutes, False, Phrase("shape.minutes")),
    },
    "issues": {
        "client": (_text, True, Phrase("shape.client_id")),
        "text": (_text, False, Phrase("shape.text")),
        "kind": (_one_of([k.value for k in IssueKind]), False, Phrase("shape.issue_kind")),
        "severity": (_one_of([s.value for s in Severity]), False, Phrase("shape.severity")),
        "opened": (_moment, True, Phrase("shape.moment")),
        "resolved": (_or_none(_moment), False, Phrase("shape.moment_or_null")),
        "resolution": (_text, False, Phrase("shape.text")),
        "tz": (_zone, False, Phrase("shape.zone")),
        "resolved_tz": (_zone, False, Phrase("shape.zone")),
    },
    "invoices": {
        "number": (_text, True, Phrase("shape.text")),
        "client": (_text, True, Phrase("shape.client_id")),
        "amount": (_amount, True, Phrase("shape.amount_digits", digits=AMOUNT_DIGITS)),
        "currency": (_text, True, Phrase("shape.currency")),
        "issued": (_day, True, Phrase("shape.day")),
        "due": (_day, True, Phrase("shape.day")),
        "payments": (_list_of(_PAYMENT), False, Phrase("shape.payments")),
    },
    "thanks": {
        "client": (_text, True, Phrase("shape.client_id")),
        "text": (_text, True, Phrase("shape.text")),
        "owed_at": (_moment, True, Phrase("shape.moment")),
        "by": (_or_none(_day), False, Phrase("shape.day_or_null")),
        "done_at": (_or_none(_moment), False, Phrase("shape.moment_or_null")),
        "tz": (_zone, False, Phrase("shape.zone")),
        "done_tz": (_zone, False, Phrase("shape.zone")),
    },
    "kudos": {
        "client": (_text, True, Phrase("shape.client_id")),
        "text": (_text, True, Phrase("shape.text")),
        "when": (_moment, True, Phrase("shape.moment")),
        "giver": (_text, False, Phrase("shape.text")),
        "tz": (_zone, False, Phrase("shape.zone")),
    },
    "followups": {
        "client": (_text, True, Phrase("shape.client_id")),
        "text": (_text, True, Phrase("shape.text")),
        "due": (_day, True, Phrase("shape.day")),
        "created": (_moment, True, Phrase("shape.moment")),
        "done_at": (_or_none(_moment), False, Phrase("shape.moment_or_null")),
        "tz": (_zone, False, Phrase("shape.zone")),
        "done_tz": (_zone, False, Phrase("shape.zone")),
    },
}

# Tables the store keeps for itself, and the one stock TinyDB makes on its own.
_OTHERS = frozenset({"_meta", "_undo", "_gone", "_default"})


def _all_fit(check: Check, values: list[Any]) -> bool:
    """Whether every value fits, in bulk (C loops) for the kinds a big book has most of."""
    kinds = set(map(type, values))
    if check is _text:
        return kinds <= {str}
    if check in (_moment, _day):
        if not kinds <= {str}:
            return False
        parse = datetime.datetime.fromisoformat if check is _moment else datetime.date.fromisoformat
        try:
            list(map(parse, values))
        except ValueError:
            return False
        return True
    if check is _zone:  # a book holds a handful of offsets: check each once
        return kinds <= {str} and all(map(_zone, set(values)))
    allowed = getattr(check, "allowed", None)
    if allowed is not None:
        return kinds <= {str} and set(values) <= allowed
    shape = getattr(check, "shape", None)
    if shape is not None:  # the contacts of every client, field by field
        return kinds <= {list} and _all_docs_fit([i for v in values for i in v], shape)
    return all(map(check, values))


def _all_docs_fit(docs: list[Any], shape: Mapping[str, Field]) -> bool:
    if not set(map(type, docs)) <= {dict}:
        return False
    for field, (fits, required, _expected) in shape.items():
        try:
            values = list(map(itemgetter(field), docs))
        except KeyError:
            if required:
                return False
            values = [doc[field] for doc in docs if field in doc]
        if not _all_fit(fits, values):
            return False
    return True


def check(tables: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> None:
    """Raise :class:`ShapeError` at the first document not as Rapport writes it.

    Field by field over the whole table first, which is fast; only when a field
    fails are the documents walked one by one to name the first that does.
    """
    for name, docs in tables.items():
        if name not in TABLES and not (name in _OTHERS and (name != "_default" or not docs)):
            raise ShapeError(f"/{name}", Phrase("shape.table"))
    for name, shape in TABLES.items():
        docs = tables.get(name) or {}
        for field, (fits, required, _expected) in shape.items():
            try:
                # Rapport writes every field, so C-speed itemgetter is the common path.
                values = list(map(itemgetter(field), docs.values()))
            except KeyError:
                if required:
                    _locate(name, docs, shape)
                values = [doc[field] for doc in docs.values() if field in doc]
            if not _all_fit(fits, values):
                _locate(name, docs, shape)
    _unique_client_ids(tables.get("clients") or {})


def _locate(name: str, docs: Mapping[str, Mapping[str, Any]], shape: Mapping[str, Field]) -> None:
    for doc_id, doc in docs.items():
        field = _offence(dict(doc), shape)
        if field is not None:
            raise ShapeError(f"/{name}/{doc_id}/{field}", shape[field][2])


def _unique_client_ids(clients: Mapping[str, Mapping[str, Any]]) -> None:
    seen: dict[str, str] = {}
    for doc_id, doc in clients.items():
        other = seen.setdefault(doc["id"], doc_id)
        if other != doc_id:
            raise ShapeError(
                f"/clients/{doc_id}/id", Phrase("shape.own_id", other=f"/clients/{other}")
            )
