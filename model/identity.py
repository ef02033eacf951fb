"""Who wrote what, and when: record ids, refs, device ids and the hybrid logical clock.

Two devices that edit one book offline must never create the same id, and must
agree afterwards on which of two edits of one field is the later.  A stamp is a
hybrid logical clock reading (milliseconds, a counter for writes in the same
millisecond or when the wall clock lags a stamp already seen) followed by the
device id, written in Crockford base32 with fixed widths, so that comparing two
stamps as strings compares (time, counter, device).  A record's ``uid`` is the
stamp of its creation: unique across devices, and sorted by creation.

A ``ref`` is what a user types to name a record: seven letters derived from the
uid, so it never changes with edits, undo or merges.  Only where two records
would share one does the later get a longer one stored in its ``ref`` field.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from platformdirs import user_state_path

__all__ = [
    "BOOKKEEPING",
    "DEVICE_ENV",
    "Clock",
    "book_state_dir",
    "device_id",
    "device_of",
    "encode",
    "items_of",
    "last_change",
    "ref_key",
    "ref_of",
    "refs_in",
    "short_refs_in",
    "state_dir",
    "system_ms",
]

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DEVICE_ENV = "RAPPORT_DEVICE"
DEVICE_WIDTH = 6
_TIME_WIDTH = 10
_COUNTER_WIDTH = 2
_COUNTER_LIMIT = 32**_COUNTER_WIDTH
REF_WIDTH = 7

#: Fields the store keeps on a record for identity and merging, never domain data:
#: ``uid``, per-field stamps ``fs``, values that lost a merge ``lost``, embedded
#: items taken back ``gone``, the number first claimed ``n0``, a ref override ``ref``.
BOOKKEEPING = frozenset({"uid", "fs", "lost", "gone", "n0", "ref", "st"})


def encode(number: int, width: int) -> str:
    """``number`` in Crockford base32, ``width`` characters, most significant first."""
    chars = []
    for _ in range(width):
        number, digit = divmod(number, 32)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def _decode(text: str) -> int:
    number = 0
    for char in text:
        number = number * 32 + ALPHABET.index(char)
    return number


def system_ms() -> int:
    """The wall clock for stamps; injected everywhere else, read only at the edge."""
    return time.time_ns() // 1_000_000


def state_dir() -> Path:
    """This user's state folder (another HOME is another device)."""
    return Path(user_state_path("rapport"))


def book_state_dir(book: Path) -> Path:
    """The folder for the files of one book that belong to this device alone."""
    key = hashlib.sha256(os.fsencode(os.path.realpath(book))).hexdigest()[:16]  # no raise on loops
    return state_dir() / "books" / f"{book.stem[:40]}-{key}"


def _normalised(name: str) -> str:
    upper = name.strip().upper()
    if len(upper) == DEVICE_WIDTH and all(char in ALPHABET for char in upper):
        return upper
    digest = int.from_bytes(hashlib.blake2b(name.encode(), digest_size=4).digest(), "big")
    return encode(digest, DEVICE_WIDTH)


def device_id(env: Mapping[str, str] | None = None) -> str:
    """``RAPPORT_DEVICE`` (any text, made six base32 characters), else the id kept in the
    state folder, made once with 30 random bits."""
    env = os.environ if env is None else env
    named = env.get(DEVICE_ENV, "")
    if named:
        return _normalised(named)
    path = state_dir() / "device"
    try:
        return _normalised(path.read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError):
        pass
    fresh = encode(secrets.randbits(5 * DEVICE_WIDTH), DEVICE_WIDTH)
    from model.bookfile import private_folder

    private_folder(path.parent)  # 0700 and 0600 under any umask, like the book
    temp = path.with_name(f".device.{os.getpid()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    with open(fd, "w", encoding="ascii") as handle:
        os.fchmod(fd, 0o600)  # open's mode is narrowed by the umask, even to 0000
        handle.write(fresh)
    try:
        os.link(temp, path)  # the first device id written wins a race
    except FileExistsError:
        fresh = _normalised(path.read_text(encoding="ascii"))
    finally:
        temp.unlink()
    return fresh


def device_of(stamp: str) -> str:
    return stamp[_TIME_WIDTH + _COUNTER_WIDTH :]


_COUNTERS = [encode(counter, _COUNTER_WIDTH) for counter in range(_COUNTER_LIMIT)]


class Clock:
    """A hybrid logical clock for one device: every stamp is later than every one seen."""

    def __init__(self, device: str, wall: Callable[[], int] = system_ms) -> None:
        if len(device) != DEVICE_WIDTH or any(char not in ALPHABET for char in device):
            raise ValueError(f"not a device id: {device!r}")
        self.device = device
        self._wall = wall
        self._ms = 0
        self._counter = 0
        self._time_text = (0, "")  # the last ms encoded: a bulk load ticks many times in one

    def observe(self, stamp: str) -> None:
        """Move past ``stamp`` (the newest one in a book just read or merged)."""
        if len(stamp) < _TIME_WIDTH + _COUNTER_WIDTH:
            return
        ms = _decode(stamp[:_TIME_WIDTH])
        counter = _decode(stamp[_TIME_WIDTH : _TIME_WIDTH + _COUNTER_WIDTH])
        if (ms, counter) > (self._ms, self._counter):
            self._ms, self._counter = ms, counter

    def tick(self) -> str:
        wall = self._wall()
        if wall > self._ms:
            self._ms, self._counter = wall, 0
        else:
            self._counter += 1
            if self._counter == _COUNTER_LIMIT:
                self._ms, self._counter = self._ms + 1, 0
        return self.last()

    def last(self) -> str:
        """The newest stamp given or seen (``""`` before the first)."""
        if not self._ms:
            return ""
        if self._time_text[0] != self._ms:
            self._time_text = (self._ms, encode(self._ms, _TIME_WIDTH))
        return self._time_text[1] + _COUNTERS[self._counter] + self.device


def last_change(doc: Mapping[str, Any]) -> str:
    """The stamp of a record's newest change: its creation unless a field changed since."""
    stamps: dict[str, str] = doc.get("fs") or {}
    created: str = doc.get("uid", "")
    return max(created, *stamps.values()) if stamps else created


_REF_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no l, o, 0 or 1 to misread
_REF_PAIRS = [a + b for a in _REF_ALPHABET for b in _REF_ALPHABET]
_SEED = 0x9E3779B9


def ref_of(uid: str, width: int = REF_WIDTH) -> str:
    """The ref derived from a uid; ``width`` up to 12 for the longer ones a clash needs.

    Two CRC32s with different seeds make a 64-bit hash at C speed: a 100k book's refs
    are checked in 60 ms, where hashlib would take 300 ms.
    """
    data = uid.encode()
    mixed = zlib.crc32(data) | (zlib.crc32(data, _SEED) << 32)
    pairs = _REF_PAIRS
    ref = (
        pairs[mixed & 1023]
        + pairs[(mixed >> 10) & 1023]
        + pairs[(mixed >> 20) & 1023]
        + pairs[(mixed >> 30) & 1023]
    )
    if width > len(ref):
        ref += pairs[(mixed >> 40) & 1023] + pairs[(mixed >> 50) & 1023]
    return ref[:width]


def ref_key(uid: str) -> int:
    """The seven-letter ref of ``uid`` as the 35 bits it is made of (bits 0-29 and 35-39
    of :func:`ref_of`'s hash): equal keys, equal refs, without making a string."""
    data = uid.encode()
    return (zlib.crc32(data) & 0x3FFFFFFF) | ((zlib.crc32(data, _SEED) & 0xF8) << 27)


def items_of(doc: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The embedded records of a document (contacts, payments, state changes, a reflection)."""
    for key, value in doc.items():
        if key in BOOKKEEPING:
            continue
        if isinstance(value, dict) and "uid" in value:
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and "uid" in item:
                    yield item


def refs_in(docs: Iterable[Mapping[str, Any]]) -> set[str]:
    """Every ref in use by ``docs`` and their embedded records."""
    refs: set[str] = set()
    add = refs.add
    for doc in docs:
        uid = doc.get("uid")
        if uid is None:
            continue
        add(doc.get("ref") or ref_of(uid))
        # Most records (interactions) hold no embedded records: look before walking.
        for value in doc.values():
            if type(value) is list or type(value) is dict:
                for item in items_of(doc):
                    add(item.get("ref") or ref_of(item["uid"]))
                break
    return refs


def short_refs_in(docs: Iterable[Mapping[str, Any]]) -> set[int]:
    """The seven-letter refs in use by ``docs`` and their embedded records, as
    :func:`ref_key` numbers: all a new record's ref must be checked against.

    A record with a ``ref`` of its own has a longer one, which no seven-letter ref can
    equal, so it is left out.  Numbers, not strings, make a 100k book's check four
    times faster (a fresh ``rapport quick`` pays it once).
    """
    keys: set[int] = set()
    add = keys.add
    crc = zlib.crc32
    for doc in docs:
        uid = doc.get("uid")
        if uid is None:
            continue
        if "ref" not in doc:
            data = uid.encode()
            add((crc(data) & 0x3FFFFFFF) | ((crc(data, _SEED) & 0xF8) << 27))
        # Most records (interactions) hold no embedded records: look before walking.
        for value in doc.values():
            if type(value) is list or type(value) is dict:
                keys.update(ref_key(i["uid"]) for i in items_of(doc) if "ref" not in i)
                break
    return keys
