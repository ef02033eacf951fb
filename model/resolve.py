"""Finding the client a user means from what they typed.

People type ``acme``, ``ac`` or ``müller``: an exact id wins, then a unique id
prefix, then a part of the name.  Names compare folded (:func:`model.words.folds`):
case and accents never matter, in either direction (``cafe`` finds *Café*,
``muller``, ``mueller`` and ``müller`` find *Müller*).  More than one match is an
error that lists the candidates, so nothing is written to the wrong client.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple, Protocol, TypeVar

from model.errors import InputError
from model.words import folds

__all__ = ["resolve_client", "resolve_id"]

_MAX_LISTED = 8


class Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=Named)


def resolve_client(ref: str, clients: Iterable[N]) -> N:
    """Exact id, exact name, unique id prefix, unique part of a name: the first that decides."""
    pool = list(clients)
    wanted = ref.strip()
    if not wanted:
        raise InputError("client.missing")
    exact = wanted.casefold()
    needles = folds(wanted)
    matchers: tuple[Callable[[N], bool], ...] = (
        lambda c: c.id.casefold() == exact,
        lambda c: any(n == h for n in needles for h in folds(c.name)),
        lambda c: any(folds(c.id)[0].startswith(n) for n in needles),
        lambda c: any(n in h for n in needles for h in folds(c.name)),
    )
    for matcher in matchers:
        hits = [c for c in pool if matcher(c)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            names = ", ".join(f"{c.id} ({c.name})" for c in hits[:_MAX_LISTED])
            raise InputError("client.ambiguous", ref=ref, candidates=names)
    if not pool:
        raise InputError("client.unknown_empty", ref=ref)
    known = ", ".join(sorted(c.id for c in pool)[:_MAX_LISTED])
    raise InputError("client.unknown", ref=ref, known=known)


class _Doc(NamedTuple):
    id: str
    name: str


def resolve_id(ref: str, docs: Iterable[Mapping[str, Any]]) -> str:
    """:func:`resolve_client` over the clients' stored documents: the id ``ref`` names,
    without building every :class:`~model.client.Client` to find one.  Candidates are
    listed by id, as :meth:`model.book.Book.clients` gives them."""
    return resolve_client(ref, sorted(_Doc(d["id"], d["name"]) for d in docs)).id
