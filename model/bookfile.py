"""The book file on disk: cheap peeks, atomic replacement, rotated backups.

A kill at any instant must leave the old or the new book, never a torn one, so a
new version is written to a temp file next to the book, fsynced, and renamed
over it.  The version it replaces becomes the newest backup through a hard link
made just before the rename: no copy, and only versions that parsed are kept,
because the store loaded the old file under its lock before replacing it.
Nothing here knows the layout of the data; ``model.store`` does.

What is at the path must be a regular file: a FIFO would hang a plain ``open``,
a folder or socket would end in a traceback, so every open is non-blocking and
checked with ``fstat`` first (:class:`~model.errors.BookUnusable`).  A write by
root (``sudo rapport ...``) gives every file it makes the book's owner, so the
user can still open their own book afterwards.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from contextlib import suppress
from pathlib import Path

import orjson

from model.errors import BookUnusable

__all__ = [
    "BACKUPS",
    "Signature",
    "absolute",
    "adopt",
    "backup_path",
    "backups",
    "head_meta",
    "meta_of",
    "open_head",
    "peek",
    "private_folder",
    "read",
    "replace",
    "write_new",
]

#: How many replaced versions are kept next to the book.
BACKUPS = 5

_HEAD_BYTES = 4096
_HEAD = re.compile(rb'\A\s*\{\s*"_meta"\s*:\s*\{\s*"1"\s*:\s*\{([^{}]*)\}')
_HEAD_GENERATION = re.compile(rb'"generation"\s*:\s*(\d+)')

#: (device, inode, size, mtime): a change is a reason to re-read, sameness proves nothing.
Signature = tuple[int, int, int, int]


def _signature(st: os.stat_result) -> Signature:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


_KINDS = {
    stat.S_IFDIR: "it is a folder",
    stat.S_IFIFO: "it is a named pipe (FIFO)",
    stat.S_IFSOCK: "it is a socket",
    stat.S_IFCHR: "it is a device",
    stat.S_IFBLK: "it is a device",
}


def _open_book(path: Path) -> int | None:
    """A read descriptor on the regular file at ``path``; ``None`` when there is none.

    ``O_NONBLOCK`` so that a FIFO planted at the path cannot hang the open.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as error:
        # A socket refuses open() itself (ENXIO): say what it is, not "no such device".
        reason = _KINDS[stat.S_IFSOCK] if error.errno == errno.ENXIO else error.strerror
        raise BookUnusable(path=str(path), reason=reason or str(error)) from error
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        reason = _KINDS.get(stat.S_IFMT(mode), "it is not a regular file")
        raise BookUnusable(path=str(path), reason=reason)
    return fd


def check_path(path: Path) -> None:
    """Refuse, before any write, a path at which no book can be (see :func:`_open_book`)."""
    fd = _open_book(path)
    if fd is not None:
        os.close(fd)
        return
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if parent.exists() and not parent.is_dir():
        raise BookUnusable(path=str(path), reason=f"{parent} is a file, not a folder")
    if len(os.fsencode(path.name)) > 255 - 16:  # room for ".name.keep", ".lock", ".5"
        raise BookUnusable(path=str(path), reason="the file name is too long")


def peek(path: Path) -> tuple[int | None, Signature] | None:
    """The generation named in the head of the file (``None`` if it names none) and its
    signature; ``None`` when there is no file."""
    fd = _open_book(path)
    if fd is None:
        return None
    try:
        signature = _signature(os.fstat(fd))
        head = os.read(fd, _HEAD_BYTES)
    finally:
        os.close(fd)
    match = _HEAD.match(head)
    found = _HEAD_GENERATION.search(match.group(1)) if match else None
    return (int(found.group(1)) if found else None), signature


def head_meta(path: Path) -> dict[str, object] | None:
    """The ``_meta`` document at the head of the file, when it is there and one brace deep."""
    fd = _open_book(path)
    if fd is None:
        return None
    try:
        return meta_of(os.read(fd, _HEAD_BYTES))
    finally:
        os.close(fd)


def meta_of(head: bytes) -> dict[str, object] | None:
    """The ``_meta`` document in the first bytes of a book, if they hold it whole."""
    match = _HEAD.match(head)
    if match is None:
        return None
    try:
        meta = orjson.loads(b"{" + match.group(1) + b"}")
    except orjson.JSONDecodeError:
        return None
    return meta if isinstance(meta, dict) else None


def open_head(path: Path) -> tuple[int, bytes, Signature] | None:
    """A read descriptor on the book (the caller closes it), its head and its signature."""
    fd = _open_book(path)
    if fd is None:
        return None
    try:
        return fd, os.pread(fd, _HEAD_BYTES, 0), _signature(os.fstat(fd))
    except BaseException:
        os.close(fd)
        raise


def read(path: Path) -> tuple[bytes, Signature] | None:
    """The whole file and the signature of what was read; ``None`` when there is no file."""
    fd = _open_book(path)
    if fd is None:
        return None
    with open(fd, "rb") as handle:
        return handle.read(), _signature(os.fstat(handle.fileno()))


def absolute(path: Path) -> Path:
    """``path`` made absolute; a loop of symlinks is left for the open to refuse in words."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def private_folder(folder: Path) -> None:
    """Make ``folder`` and any missing parents, each 0700 whatever the umask."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        with suppress(FileExistsError):
            os.mkdir(made, 0o700)
            os.chmod(made, 0o700)  # mkdir's mode is narrowed by the umask, even to 0000


def adopt(fd: int, book: Path) -> None:
    """Run as root, give the file at ``fd`` the owner of the book (or of its folder).

    ``sudo rapport ...`` must not leave a book, backup or lock the user cannot open.
    """
    if os.geteuid() != 0:
        return
    for model in (book, book.parent):
        try:
            st = os.stat(model)
        except OSError:
            continue
        with suppress(OSError):
            os.fchown(fd, st.st_uid, st.st_gid)
        return


def write_new(path: Path, payload: bytes, *, like: Path | None = None) -> Signature:
    """Create ``path`` (mode 0600 whatever the umask) holding ``payload``, fsynced.

    With ``like``, the file that ``path`` will replace, it keeps that file's owner
    (when run as root) and its owner's read/write bits; group and others are never
    given access.  Only the lock holder writes, so a file already at ``path`` was left
    by a writer that was killed and is removed first.  On error nothing is left behind.
    """
    with suppress(FileNotFoundError):
        os.unlink(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        os.fchmod(fd, _mode_like(like))
        adopt(fd, like or path.parent)
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


def _mode_like(like: Path | None) -> int:
    if like is None:
        return 0o600
    try:
        return stat.S_IMODE(os.stat(like).st_mode) & 0o600 or 0o600
    except OSError:
        return 0o600


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
    if keep:
        _recover(path, kept)
    signature = write_new(temp, payload, like=path)
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


def _recover(path: Path, kept: Path) -> None:
    """Finish what a writer killed mid-way left: ``kept`` is a whole earlier version.

    Killed before its rename, ``kept`` is the book itself (the same inode, or the same
    bytes where it is a copy) and goes.  Killed after the rename but before the
    rotation, ``kept`` is the version just replaced and in no backup yet: it is
    rotated in now, or it would be lost from every backup.
    """
    try:
        kept_stat = os.stat(kept)
    except FileNotFoundError:
        return
    try:
        book_stat = os.stat(path)
    except FileNotFoundError:
        book_stat = None
    same = book_stat is not None and (kept_stat.st_dev, kept_stat.st_ino) == (
        book_stat.st_dev,
        book_stat.st_ino,
    )
    if not same and book_stat is not None and kept_stat.st_size == book_stat.st_size:
        same = kept.read_bytes() == path.read_bytes()
    if same:
        with suppress(FileNotFoundError):
            os.unlink(kept)
    else:
        _rotate(path, kept)


def _keep(path: Path, kept: Path) -> bool:
    """Hard-link the book about to be replaced as ``kept``; a copy where links fail.

    The copy is made aside and renamed, so ``kept`` is always a whole version.
    """
    try:
        os.link(path, kept)
    except FileNotFoundError:
        return False
    except OSError:
        loaded = read(path)
        if loaded is None:
            return False
        copy = _sibling(path, ".keep.tmp")
        write_new(copy, loaded[0], like=path)
        os.replace(copy, kept)
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
