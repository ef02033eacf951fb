"""The copies a file-sync tool leaves beside the book when two devices changed it.

Each tool names them its own way; the book is folded together with every copy it
finds (``Book.fold_copies``), and the copy is then set aside in this device's state
folder, never deleted.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from model.bookfile import private_folder

__all__ = ["conflict_copies", "set_aside"]


def _patterns(book: Path) -> re.Pattern[str]:
    stem, suffix = re.escape(book.stem), re.escape(book.suffix)
    return re.compile(
        "|".join(
            [
                # Syncthing: book.sync-conflict-20261201-101010-ABCDEFG.json
                rf"{stem}\.sync-conflict-\d{{8}}-\d{{6}}-[A-Z0-9]{{7}}{suffix}",
                # Dropbox: book (Anna's conflicted copy 2026-12-01).json, maybe " (1)" inside
                rf"{stem} \(.+'s conflicted copy \d{{4}}-\d{{2}}-\d{{2}}(?: \(\d+\))?\){suffix}",
                # Nextcloud and ownCloud: book (conflicted copy 2026-12-01 101010).json
                rf"{stem} \(conflicted copy \d{{4}}-\d{{2}}-\d{{2}} \d{{6}}\){suffix}",
                # iCloud: book 2.json
                rf"{stem} \d+{suffix}",
                # OneDrive: book-HOSTNAME.json
                rf"{stem}-[A-Za-z0-9][A-Za-z0-9_-]*{suffix}",
            ]
        )
    )


def conflict_copies(book: Path) -> list[Path]:
    """The conflict copies of ``book`` in its folder, oldest name first (cheap: one scandir)."""
    pattern = _patterns(book)
    try:
        with os.scandir(book.parent) as entries:
            found = [
                Path(entry.path)
                for entry in entries
                if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
            ]
    except OSError:
        return []
    return sorted(found)


def set_aside(copy: Path, folder: Path) -> Path:
    """Move ``copy`` into ``folder`` under a name not taken there; where it went."""
    private_folder(folder)
    target = folder / copy.name
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{copy.stem}.{number}{copy.suffix}"
    shutil.move(copy, target)
    return target
