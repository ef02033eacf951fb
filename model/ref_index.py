"""The seven-letter refs of a book, kept in the file the fold writes.

A new record's ref must be checked against every ref in the book; gathering them
means parsing every table and hashing every uid: 0.7 s and 165 MiB for a 100k book,
seconds and a gigabyte at 1M, which each fresh ``rapport quick`` would pay.  So
the fold writes the refs it knew into the file itself (``model.layout``: a second
``_meta`` document, signed with the fold's token), and a process that opens that
file looks a new ref up there and adds those of the journal lines it replays.
Kept in the book, not in this device's state folder: a copy, a ``git pull`` or
another state folder finds them as well.  A file without them (written by another
program, or by an older Rapport) costs one gathering, and the next fold writes them.

On disk each key (35 bits, :func:`model.identity.ref_key`) is six characters of an
alphabet in ASCII order, most significant first, and the keys are sorted: the text
sorts as the numbers do, so a lookup is a binary search in the open file (eleven
reads of 3 KB for a million refs, the first ones shared by every lookup), and
nothing is parsed or held in memory.  Six bytes a record, 4 % of a demo book.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableSet
from collections.abc import Set as AbstractSet

__all__ = ["WIDTH", "KeptRefs", "decode", "encode"]

#: 64 characters in ASCII order, none that JSON escapes.
_ALPHABET = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
_PAIRS = [a + b for a in _ALPHABET for b in _ALPHABET]
_VALUE = {char: number for number, char in enumerate(_ALPHABET)}
WIDTH = 6
#: Keys read at once by a lookup (3 KB): a page of the file, give or take.
_BLOCK = 512

#: ``read(start, end)``: those bytes of the open file (it raises if it cannot).
Read = Callable[[int, int], bytes]


def _key_text(key: int) -> str:
    return _PAIRS[key >> 24] + _PAIRS[(key >> 12) & 4095] + _PAIRS[key & 4095]


def _text_key(text: str) -> int:
    number = 0
    for char in text:
        number = number * 64 + _VALUE[char]
    return number


def encode(keys: AbstractSet[int]) -> str:
    """``keys`` (each below 2**35) as the text a fold writes."""
    if isinstance(keys, KeptRefs):
        return keys.merged()
    return "".join(map(_key_text, sorted(keys)))


def decode(text: str) -> list[int]:
    """Every key of a text :func:`encode` wrote; ``ValueError`` if it is not such."""
    if len(text) % WIDTH or not set(text) <= _VALUE.keys():
        raise ValueError("not refs")
    return [_text_key(text[at : at + WIDTH]) for at in range(0, len(text), WIDTH)]


def _insert(text: str, keys: Iterable[int]) -> str:
    """``text`` with ``keys`` (none of them in it) put in their places."""
    pieces, done = [], 0
    count = len(text) // WIDTH
    for key in sorted(keys):
        wanted = _key_text(key)
        lo, hi = done // WIDTH, count
        while lo < hi:
            mid = (lo + hi) // 2
            if text[mid * WIDTH : mid * WIDTH + WIDTH] < wanted:
                lo = mid + 1
            else:
                hi = mid
        pieces += [text[done : lo * WIDTH], wanted]
        done = lo * WIDTH
    pieces.append(text[done:])
    return "".join(pieces)


class KeptRefs(MutableSet[int]):
    """The refs a fold kept, looked up where they lie in the open file, plus the ones
    added since (the journal's lines, this process's inserts).

    A ref taken out stays kept: a ref no record has any more only makes
    ``Transaction.fresh`` draw the next uid, never a clash."""

    __slots__ = ("_added", "_blocks", "_count", "_read", "_start")

    def __init__(self, read: Read, start: int, count: int) -> None:
        self._read = read
        self._start = start
        self._count = count
        self._added: set[int] = set()
        #: Blocks of keys read so far: every search starts at the same few.
        self._blocks: dict[int, bytes] = {}

    def _key_at(self, number: int) -> bytes:
        block, at = divmod(number, _BLOCK)
        found = self._blocks.get(block)
        if found is None:
            first = self._start + block * _BLOCK * WIDTH
            end = self._start + min((block + 1) * _BLOCK, self._count) * WIDTH
            found = self._blocks[block] = self._read(first, end)
        return found[at * WIDTH : at * WIDTH + WIDTH]

    def _kept(self, key: int) -> bool:
        if not 0 <= key < 64**WIDTH:
            return False
        wanted = _key_text(key).encode("ascii")
        lo, hi = 0, self._count
        while lo < hi:
            mid = (lo + hi) // 2
            found = self._key_at(mid)
            if found < wanted:
                lo = mid + 1
            elif found > wanted:
                hi = mid
            else:
                return True
        return False

    def _text(self) -> str:
        return self._read(self._start, self._start + self._count * WIDTH).decode("ascii")

    def merged(self) -> str:
        """Every key as :func:`encode` writes them: the kept text with the added ones in."""
        return _insert(self._text(), self._added)

    def __contains__(self, key: object) -> bool:
        return key in self._added or (type(key) is int and self._kept(key))

    def __iter__(self) -> Iterator[int]:
        yield from decode(self._text())
        yield from self._added

    def __len__(self) -> int:
        return self._count + len(self._added)

    def add(self, key: int) -> None:
        if key not in self._added and not self._kept(key):
            self._added.add(key)

    def discard(self, key: int) -> None:
        self._added.discard(key)
