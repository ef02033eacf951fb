"""The shape check of embedded lists (contacts, history, payments), in bulk and one by one."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model import shapes

CONTACT = {"name": "Anna", "email": "anna@acme.example", "since": "2026-01-01"}
HISTORY = {"state": "new", "at": "2026-01-01T10:00:00+01:00"}
CLIENT = {"id": "acme", "name": "Acme", "state": "new", "contacts": [CONTACT], "history": [HISTORY]}
INVOICE = {
    "number": "1",
    "client": "acme",
    "amount": "100",
    "currency": "EUR",
    "issued": "2026-01-01",
    "due": "2026-01-15",
    "payments": [{"amount": "50", "on": "2026-01-10"}],
}


def where(tables: dict[str, Any]) -> str | None:
    try:
        shapes.check(tables)
    except shapes.ShapeError as error:
        return error.where
    return None


@pytest.mark.parametrize(
    ("table", "field", "value", "named"),
    [
        ("clients", "contacts", [CONTACT, {**CONTACT, "name": 1}], "/clients/2/contacts"),
        ("clients", "contacts", [{"name": "Bo", "since": None}], "/clients/2/contacts"),
        ("clients", "contacts", {"name": "Bo"}, "/clients/2/contacts"),
        ("clients", "history", [{**HISTORY, "state": "gone"}], "/clients/2/history"),
        ("clients", "history", ["new"], "/clients/2/history"),
        ("invoices", "payments", [{"amount": "x", "on": "2026-01-10"}], "/invoices/2/payments"),
    ],
)
def test_a_bad_embedded_record_is_named_by_its_document(
    table: str, field: str, value: object, named: str
) -> None:
    good = CLIENT if table == "clients" else INVOICE
    docs = {"1": good, "2": {**good, "id": "other", field: value}}
    assert where({table: docs}) == named
    assert where({table: {"1": good, "2": {**good, "id": "other"}}}) is None


contacts = st.lists(
    st.fixed_dictionaries(
        {"name": st.sampled_from(["Anna", 1]), "email": st.just("a@b.example")},
        optional={"since": st.sampled_from([None, "2026-01-01", "soon"]), "phone": st.just(2)},
    ),
    max_size=3,
)


@given(st.lists(contacts, min_size=1, max_size=5))
def test_the_bulk_check_agrees_with_the_one_by_one_check(lists: list[list[dict[str, Any]]]) -> None:
    check = shapes.TABLES["clients"]["contacts"][0]
    assert shapes._all_fit(check, list(lists)) == all(map(check, lists))
