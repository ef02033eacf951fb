"""The seven-letter refs of a book as last written by this device, kept between processes.

A new record's ref must be checked against every ref in the book; gathering them
means hashing every uid, about 0.15 s for a 100k book, which each fresh
``rapport quick`` would pay.  So after a write the store keeps the refs it knew
(as :func:`model.identity.ref_key` numbers) in the book's state folder, signed with
the file's signature (device, inode, size, mtime) of the book it wrote.  The next
process uses them only if the book is still that very file; a book written by
anyone else (another process, ``git pull``, a hand edit) has another signature,
and the refs are gathered anew.  The file is a cache: a broken or missing one
costs the gathering, never a write.
"""

from __future__ import annotations

import os
from array import array
from bisect import bisect_left
from collections.abc import Iterator, MutableSet
from collections.abc import Set as AbstractSet
from contextlib import suppress
from itertools import chain
from pathlib import Path

import orjson

from model.bookfile import Signature, private_folder

__all__ = ["RefSet", "load", "save"]

#: Version 2 keeps the refs sorted, so they are searched where they lie.
_MAGIC = b"rapport-refs-2 "


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


def load(path: Path, signature: Signature | None) -> RefSet | None:
    """The refs kept for the book with ``signature``, or ``None`` (gather them)."""
    if signature is None:
        return None
    try:
        data = path.read_bytes()
        head, _, body = data.partition(b"\n")
        if not head.startswith(_MAGIC) or orjson.loads(head[len(_MAGIC) :]) != list(signature):
            return None
        keys = array("Q")
        keys.frombytes(body)
    except (OSError, ValueError):
        return None
    return RefSet(keys)


def save(path: Path, signature: Signature | None, keys: AbstractSet[int]) -> None:
    """Keep ``keys`` for the book just written (atomically; a failure only loses the cache)."""
    if signature is None:
        return
    temp = path.with_name(f".{path.name}.{os.getpid()}")
    with suppress(OSError):
        private_folder(path.parent)  # 0700 and 0600 under any umask, like the book
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        with open(fd, "wb") as handle:
            os.fchmod(fd, 0o600)  # open's mode is narrowed by the umask, even to 0000
            handle.write(_MAGIC + orjson.dumps(list(signature)) + b"\n" + _ordered(keys).tobytes())
        os.replace(temp, path)
    with suppress(OSError):
        temp.unlink(missing_ok=True)
