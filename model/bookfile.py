"""The book file on disk: cheap peeks, atomic replacement, rotated backups.

A kill at any instant must leave the old or the new book, never a torn one, so a
new version is written to a temp file next to the book, fsynced, and renamed
over it.  The version it replaces becomes the newest backup through a hard link
made just before the rename: no copy, and only versions that parsed are kept,
because the store loaded the old file under its lock before replacing it.
Nothing here knows the layout of the data; ``model.store`` does.
"""

from __future__ import annotations

import os
import re
from contextlib import suppress
from pathlib import Path

__all__ = [
    "BACKUPS",
    "Signature",
    "backup_path",
    "backups",
    "peek",
    "read",
    "replace",
    "write_new",
]

#: How many replaced versions are kept next to the book.
BACKUPS = 5

_HEAD_BYTES = 512
_HEAD = re.compile(rb'\A\s*\{\s*"_meta"\s*:\s*\{\s*"1"\s*:\s*\{([^{}]*)\}')
_HEAD_GENERATION = re.compile(rb'"generation"\s*:\s*(\d+)')

#: (device, inode, size, mtime): a change is a reason to re-read, sameness proves nothing.
Signature = tuple[int, int, int, int]


def _signature(st: os.stat_result) -> Signature:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def peek(path: Path) -> tuple[int | None, Signature] | None:
    """The generation named in the head of the file (``None`` if it names none) and its
    signature; ``None`` when there is no file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    try:
        signature = _signature(os.fstat(fd))
        head = os.read(fd, _HEAD_BYTES)
    finally:
        os.close(fd)
    match = _HEAD.match(head)
    found = _HEAD_GENERATION.search(match.group(1)) if match else None
    return (int(found.group(1)) if found else None), signature


def read(path: Path) -> tuple[bytes, Signature] | None:
    """The whole file and the signature of what was read; ``None`` when there is no file."""
    try:
        with open(path, "rb") as handle:
            return handle.read(), _signature(os.fstat(handle.fileno()))
    except FileNotFoundError:
        return None


def write_new(path: Path, payload: bytes) -> Signature:
    """Create ``path`` (mode 0600 whatever the umask) holding ``payload``, fsynced.

    Only the lock holder writes, so a file already at ``path`` was left by a writer
    that was killed and is removed first.  On error nothing is left behind.
    """
    with suppress(FileNotFoundError):
        os.unlink(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        signature = _signature(os.fstat(fd))
    except BaseException:
        os.close(fd)
        os.unlink(path)
        raise
    os.close(fd)
    return signature


def backup_path(path: Path, number: int) -> Path:
    """Backup ``number`` of the book: 1 is the newest."""
    return path.with_name(f"{path.name}.{number}")


def backups(path: Path) -> list[Path]:
    """The rotated backups that exist, newest first."""
    found = (backup_path(path, number) for number in range(1, BACKUPS + 1))
    return [candidate for candidate in found if candidate.exists()]


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(f".{path.name}{suffix}")


def replace(path: Path, payload: bytes, *, keep: bool = True) -> Signature:
    """Put ``payload`` in place of ``path`` atomically; with ``keep`` the old file
    becomes backup 1.  Raises ``OSError`` with every file exactly as it was."""
    temp, kept = _sibling(path, ".tmp"), _sibling(path, ".keep")
    signature = write_new(temp, payload)
    keeping = False
    try:
        keeping = keep and _keep(path, kept)
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        if keeping:
            with suppress(OSError):
                os.unlink(kept)
        raise
    if keeping:
        _rotate(path, kept)
    _fsync_dir(path.parent)
    return signature


def _keep(path: Path, kept: Path) -> bool:
    """Hard-link the book about to be replaced as ``kept``; a copy where links fail."""
    with suppress(FileNotFoundError):
        os.unlink(kept)  # left by a writer that was killed
    try:
        os.link(path, kept)
    except FileNotFoundError:
        return False
    except OSError:
        loaded = read(path)
        if loaded is None:
            return False
        write_new(kept, loaded[0])
    os.chmod(kept, 0o600)  # a book made by another program may be more open than that
    return True


def _rotate(path: Path, kept: Path) -> None:
    # The new book is in place already: a backup that cannot be rotated must not
    # turn a successful write into a reported failure.
    with suppress(OSError):
        for number in range(BACKUPS - 1, 0, -1):
            with suppress(FileNotFoundError):
                os.replace(backup_path(path, number), backup_path(path, number + 1))
        os.replace(kept, backup_path(path, 1))


def _fsync_dir(folder: Path) -> None:
    # The rename is done and visible to every process: a failure to make it durable
    # must not be reported as a failed write, which would invite the user to repeat it.
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
