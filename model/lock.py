"""The book's lock: one exclusive ``flock`` on a file next to it, waited for within bounds.

The book itself is replaced on every write, so it cannot carry the lock.  The lock
file is opened with ``O_NOFOLLOW`` and must be a regular file: a symlink planted in
its place (to ``~/.bashrc``, say) is refused, never followed and never truncated.
A writer that holds the lock and is stopped (``kill -STOP``, a laptop lid) must not
freeze every other terminal forever: others say once that they wait, and give up
after :func:`timeout` seconds with :class:`~model.errors.LockTimeout`, nothing
written.  A process that is quitting (the board) calls :func:`abandon_waits` so a
thread stuck waiting does not keep it alive.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from model.bookfile import adopt, private_folder
from model.errors import BookUnusable, LockTimeout, write_failed

__all__ = ["DEFAULT_TIMEOUT", "abandon_waits", "exclusive", "timeout"]

#: Seconds a writer waits for another process before it gives up.
DEFAULT_TIMEOUT = 30.0

# Each call of abandon_waits() starts a new round; a wait begun in an earlier round gives up.
_rounds = threading.Condition()
_round = 0
_POLL = 0.05


def timeout() -> float:
    """``RAPPORT_LOCK_TIMEOUT`` (seconds) when set to a number, else :data:`DEFAULT_TIMEOUT`."""
    raw = os.environ.get("RAPPORT_LOCK_TIMEOUT", "")
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if 0 <= value < 86_400 else DEFAULT_TIMEOUT


def abandon_waits() -> None:
    """Make every wait for the lock in this process give up now: the process is ending.

    Waits that start later are not affected (a test runs many boards in one process).
    """
    global _round
    with _rounds:
        _round += 1
        _rounds.notify_all()


def _open(lock_path: Path, book: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK
    try:
        private_folder(lock_path.parent)
        fd = os.open(lock_path, flags, 0o600)
    except OSError as error:
        if error.errno == errno.ELOOP:
            reason = f"its lock file {lock_path} is a symbolic link, which Rapport never follows"
            raise BookUnusable(path=str(book), reason=reason) from error
        if error.errno in (errno.ENOTDIR, errno.ENAMETOOLONG, errno.EISDIR, errno.ENXIO):
            raise BookUnusable(path=str(book), reason=error.strerror or str(error)) from error
        raise write_failed(book, error) from error
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        reason = f"its lock file {lock_path} is not a regular file"
        raise BookUnusable(path=str(book), reason=reason)
    with suppress(PermissionError):
        os.fchmod(fd, 0o600)
    adopt(fd, book)
    return fd


@contextmanager
def exclusive(
    lock_path: Path,
    book: Path,
    *,
    on_wait: Callable[[], None] | None = None,
    wait: bool = True,
) -> Iterator[None]:
    """Hold the lock for the block; :class:`LockTimeout` if another process keeps it
    (at once without ``wait``: a quitting board folds only if nobody is writing)."""
    fd = _open(lock_path, book)
    try:
        if wait:
            _acquire(fd, lock_path, book, on_wait)
        else:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise LockTimeout(path=str(book), seconds="0", lock=str(lock_path)) from None
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _abandoned_since(started: int) -> bool:
    with _rounds:
        return _rounds.wait_for(lambda: _round != started, timeout=_POLL)


def _acquire(fd: int, lock_path: Path, book: Path, on_wait: Callable[[], None] | None) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    if on_wait is not None:
        on_wait()
    limit = timeout()
    deadline = time.monotonic() + limit
    started = _round
    while not _abandoned_since(started):
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                break
    raise LockTimeout(path=str(book), seconds=limit, lock=str(lock_path))
