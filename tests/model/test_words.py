"""Ids keep a name's letters; names and filters match whatever the accents and case."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from model import BoardFilter, Book, InputError
from model.words import fold, folds, slugify


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Café Olé", "cafe-ole"),
        ("Müller", "mueller"),
        ("Müller & Söhne GmbH", "mueller-soehne-gmbh"),
        ("Straße 9", "strasse-9"),
        ("Işık", "isik"),
        ("Иван Петров", "ivan-petrov"),
        ("ヤマダ商事", "yamadashangshi"),
        ("Ñandú", "nandu"),
        ("???", "client"),
    ],
)
def test_slugify_keeps_the_letters(name: str, slug: str) -> None:
    assert slugify(name) == slug


@given(st.text(max_size=40))
def test_slugify_is_always_a_typeable_id(name: str) -> None:
    slug = slugify(name)
    assert slug and slug.isascii()
    assert all(ch.isalnum() or ch == "-" for ch in slug)
    assert not slug.startswith("-") and not slug.endswith("-")


def test_fold_forgets_case_and_accents() -> None:
    assert fold("Café OLÉ") == "cafe ole"
    assert folds("Müller") == ("muller", "mueller")


@pytest.fixture
def clients(book: Book, now: pendulum.DateTime) -> Book:
    book.add_client("Café Olé", now)
    book.add_client("Müller", now, tags=["Retail"])
    book.add_client("Işık Tasarım", now)
    return book


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("cafe", "cafe-ole"),
        ("CAFÉ", "cafe-ole"),
        ("Café Olé", "cafe-ole"),
        ("muller", "mueller"),
        ("müller", "mueller"),
        ("MUELLER", "mueller"),
        ("isik", "isik-tasarim"),
        ("Işık", "isik-tasarim"),
    ],
)
def test_names_resolve_without_regard_to_accents(clients: Book, typed: str, found: str) -> None:
    assert clients.resolve(typed).id == found


def test_an_unknown_name_is_still_refused(clients: Book) -> None:
    with pytest.raises(InputError):
        clients.resolve("mallorca")


@pytest.mark.parametrize("typed", ["cafe", "CAFÉ", "olé"])
def test_search_filter_is_accent_blind(clients: Book, now: pendulum.DateTime, typed: str) -> None:
    rows = clients.board(now, BoardFilter(search=typed))
    assert [r.client.id for r in rows] == ["cafe-ole"]


@pytest.mark.parametrize("tag", ["retail", "Retail", "RETAIL"])
def test_tags_match_case_insensitively(clients: Book, now: pendulum.DateTime, tag: str) -> None:
    rows = clients.board(now, BoardFilter(tags=(tag,)))
    assert [r.client.id for r in rows] == ["mueller"]
