"""The seven-letter refs of a book, kept in the file the fold writes.

A new record's ref must be checked against every ref in the book; gathering them
means parsing every table and hashing every uid: 0.7 s and 165 MiB for a 100k book,
seconds and a gigabyte at 1M, which each fresh ``rapport quick`` would pay.  So
the fold writes the refs it knew into the file itself (``model.layout``: a second
``_meta`` document, signed with the fold's token), as a sorted array, and a
process that opens that file reads them in milliseconds and adds those of the
journal lines it replays.  Kept in the book, not in this device's state folder:
a copy, a ``git pull`` or another state folder finds them as well.  A file without
them (written by another program, or by an older Rapport) costs one gathering,
and the next fold writes them again.

On disk the keys are five bytes each (a key is 35 bits), stored byte plane by
byte plane (every key's lowest byte, then every key's next one...), so both ways
are slices at C speed, then base64: 6.7 bytes a record, 4 % of a demo book.
"""

from __future__ import annotations

import base64
import binascii
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterator, MutableSet
from collections.abc import Set as AbstractSet
from itertools import chain

__all__ = ["RefSet", "decode", "encode"]

_PLANES = 5  # bytes per key: ``identity.ref_key`` is below 2**35


class RefSet(MutableSet[int]):
    """Refs as a sorted array (8 bytes each) plus the ones added since: a million-record
    book's refs load in milliseconds, where a set of a million ints takes a tenth of a
    second to build for one quick-log line."""

    __slots__ = ("_added", "_sorted")

    def __init__(self, ordered: array[int]) -> None:
        self._sorted = ordered
        self._added: set[int] = set()

    def _kept(self, key: int) -> bool:
        at = bisect_left(self._sorted, key)
        return at < len(self._sorted) and self._sorted[at] == key

    def __contains__(self, key: object) -> bool:
        return key in self._added or (type(key) is int and self._kept(key))

    def __iter__(self) -> Iterator[int]:
        yield from self._sorted
        yield from self._added

    def __len__(self) -> int:
        return len(self._sorted) + len(self._added)

    def add(self, key: int) -> None:
        if not self._kept(key):
            self._added.add(key)

    def discard(self, key: int) -> None:
        self._added.discard(key)
        if self._kept(key):
            self._sorted.pop(bisect_left(self._sorted, key))


def _ordered(keys: AbstractSet[int]) -> array[int]:
    if isinstance(keys, RefSet):  # mostly in order already: C-speed, no generator
        return array("Q", sorted(chain(keys._sorted, keys._added)))
    return array("Q", sorted(keys))


def encode(keys: AbstractSet[int]) -> str:
    """``keys`` (each below 2**35) as the text a fold writes."""
    ordered = _ordered(keys)
    if sys.byteorder == "big":
        ordered.byteswap()
    raw = ordered.tobytes()
    planes = b"".join(raw[plane::8] for plane in range(_PLANES))
    return base64.b64encode(planes).decode("ascii")


def decode(text: str) -> RefSet:
    """The keys :func:`encode` wrote; ``ValueError`` if ``text`` is not such."""
    try:
        planes = base64.b64decode(text, validate=True)
    except (binascii.Error, UnicodeEncodeError) as error:
        raise ValueError("not refs") from error
    count, rest = divmod(len(planes), _PLANES)
    if rest:
        raise ValueError("not refs")
    raw = bytearray(8 * count)
    for plane in range(_PLANES):
        raw[plane::8] = planes[plane * count : (plane + 1) * count]
    keys = array("Q")
    keys.frombytes(raw)
    if sys.byteorder == "big":
        keys.byteswap()
    return RefSet(keys)
