"""The crash target of ``test_journal_crash``: the store worker's, with a journal.

Run as ``python journal_worker.py <fold_lines> <book> <log>``; ``RAPPORT_FOLD_BELOW=0``
comes from the test, so every write is a journal line and every ``fold_lines``
lines a fold.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2]))

from model import journal
from tests.model.store_worker import crash_server

if __name__ == "__main__":
    lines, book, log = sys.argv[1:]
    journal.FOLD_LINES = int(lines)
    crash_server(book, log)
