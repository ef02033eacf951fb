"""The Book's side of many devices: merging another copy in, folding conflict copies.

Every merge is one transaction under the lock, undone as one step; merging the same
copy twice changes nothing, so two processes that fold one conflict copy at once do
no harm.  A copy that cannot be read is reported and left where it is.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from model import bookfile
from model.conflicts import conflict_copies, set_aside
from model.errors import BookTooNew, InputError, RapportError
from model.merge import merge
from model.migrations import SCHEMA_VERSION, Tables, migrate, schema_of
from model.receipt import Receipt
from model.storage import LayoutError, parse
from model.store import Store

__all__ = ["Syncing", "read_copy"]


def read_copy(path: Path) -> Tables:
    """Another copy of a book, lifted to the current schema; ``InputError`` if it is none."""
    try:
        loaded = bookfile.read(path)
    except OSError as error:
        raise InputError("merge.unreadable", path=str(path), reason=error.strerror) from error
    if loaded is None:
        raise InputError("merge.not_found", path=str(path))
    try:
        tables = parse(loaded[0])
    except (orjson.JSONDecodeError, LayoutError) as error:
        raise InputError("merge.unreadable", path=str(path), reason=str(error)) from error
    schema = schema_of(tables)
    if schema > SCHEMA_VERSION:
        raise BookTooNew(path=str(path), found=schema, supported=SCHEMA_VERSION)
    return migrate(tables, schema)


def merged_files(a: Path, b: Path) -> bytes:
    """The bytes of the merge of two book files (for git's merge driver)."""
    from model.storage import dump

    return dump(merge(read_copy(a), read_copy(b)))


class Syncing:
    _store: Store
    _on_fold: Callable[[Receipt], None] | None = None
    _folding = False

    def merge(self, other: str | os.PathLike[str], *, dry_run: bool = False) -> Receipt:
        """Fold the copy at ``other`` into this book; ``dry_run`` only says what would come."""
        from model.merge_receipt import MergeReceipt, what_came_in  # a merge's, not a write's

        path = Path(other)
        tables = read_copy(path)

        def label(before: Tables, after: Tables) -> dict[str, Any]:
            params = {"source": path.name, **what_came_in(before, after, tables)}
            return {"key": "merge.done", "params": params}

        try:
            done = self._store.merge_in(tables, label, dry_run=dry_run)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            # JSON laid out as a book, but its records are not what Rapport writes.
            raise InputError("merge.unreadable", path=str(path), reason=repr(error)) from error
        return MergeReceipt("merge.dry_run" if dry_run else "merge.done", done["params"])

    def sync(self, driver: str) -> Receipt:
        """``rapport sync``: commit, pull with the merge driver, push; what came in."""
        from model.gitsync import sync
        from model.merge_receipt import MergeReceipt, what_came_in

        remote, before, after = sync(self._store, driver, self._store_device())
        params = {"source": remote, **what_came_in(before, after, after)}
        return MergeReceipt("sync.done", params)

    def sync_setup(self, driver: str) -> Path:
        """``rapport sync --setup``: the repository root it set up."""
        from model.gitsync import set_up

        return set_up(self._store.path, driver)

    def _store_device(self) -> str:
        clock = self._store.clock
        return clock.device if clock is not None else "unknown"

    def fold_copies(self) -> list[Receipt]:
        """Merge every conflict copy beside the book and set it aside; what was done."""
        if self._folding:
            return []
        copies = conflict_copies(self._store.path)
        if not copies:
            return []
        receipts: list[Receipt] = []
        self._folding = True
        try:
            for copy in copies:
                try:
                    receipts.append(self.merge(copy))
                except RapportError as error:
                    receipts.append(Receipt(error.key, error.params))  # left where it is
                    continue
                moved = set_aside(copy, self._store.state_dir / "merged")
                receipts.append(Receipt("merge.folded", {"copy": copy.name, "moved": str(moved)}))
        finally:
            self._folding = False
        for receipt in receipts:
            if self._on_fold is not None:
                self._on_fold(receipt)
        return receipts
