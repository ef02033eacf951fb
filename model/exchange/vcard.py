"""vCard files in and out, through vobject (Apache 2.0, the long-kept vCard/iCalendar
parser; it unfolds lines, decodes escapes and quoted parameters, which a hand-written
reader gets wrong).

A file is split into its cards first (``BEGIN:VCARD`` … ``END:VCARD``), each parsed on
its own, so that a broken card is named by its number and name, and so that a front
end can show progress card by card.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import vobject

from model.client import Client, Contact
from model.errors import InputError
from model.exchange.people import Person

__all__ = ["read_card", "split_cards", "write_cards"]

_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^END:VCARD\s*$", re.IGNORECASE)
_FN = re.compile(r"^FN(?:;[^:]*)?:(.*)$", re.IGNORECASE | re.MULTILINE)


def split_cards(text: str, source: str) -> list[str]:
    """The text of each card in ``text``; an unterminated card or none at all is refused."""
    cards: list[str] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if _BEGIN.match(line):
            if current is not None:
                _refuse(len(cards) + 1, "\n".join(current), "END:VCARD missing")
            current = [line]
        elif current is not None:
            current.append(line)
            if _END.match(line):
                cards.append("\r\n".join(current) + "\r\n")
                current = None
    if current is not None:
        _refuse(len(cards) + 1, "\n".join(current), "END:VCARD missing")
    if not cards:
        raise InputError("exchange.no_cards", path=source)
    return cards


def _refuse(number: int, text: str, reason: str) -> None:
    found = _FN.search(text)
    name = found.group(1).strip() if found else "?"
    raise InputError("exchange.bad_card", number=number, name=name, reason=reason)


def _values(card: Any, key: str) -> tuple[str, ...]:
    found = [str(item.value).strip() for item in card.contents.get(key, [])]
    return tuple(v for v in found if v)


def _name(card: Any) -> str:
    if "fn" in card.contents and str(card.fn.value).strip():
        return str(card.fn.value).strip()
    if "n" in card.contents:
        n = card.n.value
        parts = [n.prefix, n.given, n.additional, n.family, n.suffix]
        flat = [" ".join(p) if isinstance(p, list) else str(p) for p in parts]
        return " ".join(p.strip() for p in flat if p.strip())
    return ""


def _organisation(card: Any) -> str:
    if "org" not in card.contents:
        return ""
    value = card.org.value
    units = value if isinstance(value, list) else [value]
    return str(units[0]).strip() if units else ""


def read_card(text: str, number: int) -> Person:
    """Card ``number`` (from 1) as a Person; InputError naming it when it does not parse."""
    try:
        card = vobject.readOne(text, validate=False)
        name = _name(card)
        person = Person(
            name=name,
            emails=_values(card, "email"),
            # vCard 4 may write a phone as a URI (``tel:+49-40-1234``)
            phones=tuple(p.removeprefix("tel:") for p in _values(card, "tel")),
            company=_organisation(card),
            role=(_values(card, "title") or _values(card, "role") or ("",))[0],
            where=f"card {number}",
        )
    except InputError:
        raise
    except Exception as error:  # vobject raises ParseError, ValueError and more
        _refuse(number, text, str(error).strip() or type(error).__name__)
        raise  # unreachable: _refuse raises
    if not person.name:
        _refuse(number, text, "no FN or N")
    return person


def _card(client: Client, contact: Contact, uid: str) -> Any:
    card = vobject.vCard()
    card.add("fn").value = contact.name
    given, _, family = contact.name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family or given, given=given if family else "")
    for email in (contact.email, *contact.more_emails):
        if email:
            card.add("email").value = email
    for phone in (contact.phone, *contact.more_phones):
        if phone:
            card.add("tel").value = phone
    card.add("org").value = [client.name]
    if contact.role:
        card.add("title").value = contact.role
    if uid:
        card.add("uid").value = uid
    return card


def write_cards(people: Iterable[tuple[Client, Contact, str]]) -> str:
    """One vCard 3.0 per (client, contact, uid), the organisation being the client."""
    return "".join(str(_card(c, p, uid).serialize()) for c, p, uid in people)
