"""A book in a git repository: a merge driver, and ``rapport sync`` (commit, pull, push).

git merges text line by line, which for one JSON line is a conflict every time; the
``rapport`` merge driver merges the two books record by record instead (the way
JabRef merges ``.bib`` files), so a pull never leaves conflict markers in the book.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from model.errors import RapportError
from model.migrations import Tables
from model.store import Store

__all__ = ["GitFailed", "NoRemote", "NoRepository", "ignored_names", "set_up", "sync"]


class NoRepository(RapportError):
    key = "sync.no_repo"


class NoRemote(RapportError):
    key = "sync.no_remote"


class GitFailed(RapportError):
    key = "sync.failed"


def ignored_names(book: Path) -> list[str]:
    """The files beside the book that belong to this device and must not be synced."""
    name = book.name
    return [
        f"{name}.lock",
        f"{name}.[0-9]",
        f".{name}.tmp",
        f".{name}.keep",
        f"{name}.v*.bak",
        f"{name}.journal-*",
    ]


def _git(folder: Path, *args: str, step: str | None = None) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
    )
    if done.returncode and step is not None:
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise GitFailed(step=step, reason=reason[-1] if reason else f"exit {done.returncode}")
    return done.stdout.strip() if not done.returncode else ""


def _root(book: Path) -> Path:
    top = _git(book.parent, "rev-parse", "--show-toplevel")
    if not top:
        raise NoRepository(folder=str(book.parent))
    return Path(top)


def _add_lines(path: Path, lines: list[str]) -> None:
    present = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    missing = [line for line in lines if line not in present]
    if missing:
        text = "\n".join([*present, *missing]) + "\n"
        path.write_text(text, encoding="utf-8")


def set_up(book: Path, driver: str) -> Path:
    """Write ``.gitattributes``, ``.gitignore`` and the merge driver config; the repo root."""
    root = _root(book)
    relative = book.resolve().relative_to(root.resolve()).as_posix()
    _add_lines(root / ".gitattributes", [f"{relative} merge=rapport"])
    folder = book.resolve().parent.relative_to(root.resolve()).as_posix()
    prefix = "" if folder == "." else f"{folder}/"
    _add_lines(root / ".gitignore", [prefix + name for name in ignored_names(book)])
    _git(root, "config", "merge.rapport.name", "Rapport book, record by record", step="config")
    _git(root, "config", "merge.rapport.driver", f"{driver} merge-driver %O %A %B", step="config")
    return root


def _snapshot(store: Store) -> Tables:
    return {name: dict(table) for name, table in store.tables().items()}


def sync(store: Store, driver: str, device: str) -> tuple[str, Tables, Tables]:
    """Commit the book, pull with the merge driver, push; ``(remote, before, after)``.

    The book's lock is held throughout, so no Rapport process writes while git does.
    """
    root = set_up(store.path, driver)
    files = [str(store.path), str(root / ".gitattributes"), str(root / ".gitignore")]
    with store.hold():
        before = _snapshot(store)
        _git(root, "add", "--", *files, step="add")
        if _git(root, "diff", "--cached", "--name-only"):
            who = [] if _git(root, "config", "user.name") else ["-c", "user.name=Rapport"]
            who += (
                [] if _git(root, "config", "user.email") else ["-c", f"user.email={device}@rapport"]
            )
            _git(
                root,
                *who,
                "commit",
                "-q",
                "-m",
                f"rapport: book from device {device}",
                step="commit",
            )
        remote = _git(root, "remote").splitlines()
        if not remote:
            raise NoRemote(folder=str(root))
        branch = _git(root, "rev-parse", "--abbrev-ref", "HEAD") or "HEAD"
        upstream = _git(root, "rev-parse", "--abbrev-ref", "@{upstream}")
        target = upstream.split("/", 1) if upstream else [remote[0], branch]
        if _git(root, "ls-remote", "--heads", target[0], target[1]):
            who = [] if _git(root, "config", "user.name") else ["-c", "user.name=Rapport"]
            who += (
                [] if _git(root, "config", "user.email") else ["-c", f"user.email={device}@rapport"]
            )
            _git(root, *who, "pull", "-q", "--no-rebase", "--no-edit", *target, step="pull")
        _git(root, "push", "-q", "-u", *target, step="push")
    after = _snapshot(store)
    return target[0], before, after
