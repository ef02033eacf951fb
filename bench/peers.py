"""The yardsticks: rapport itself, Taskwarrior, jrnl and stock TinyDB, each on data of one size.

Every tool gets the same number of records (interactions, pending tasks, journal
entries) in a temp folder of its own, written straight in its own file format so
that a 100k set-up takes seconds, and a command line that does one event.  A tool
that is not installed is ``None`` and its column says so (``make bench`` installs
Taskwarrior from Debian and jrnl into a venv of its own when it can).
"""

from __future__ import annotations

import os
import shutil
import sys
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import orjson

__all__ = ["Jrnl", "Rapport", "StockTinyDB", "Taskwarrior", "first_client"]

RAPPORT = str(Path(sys.executable).parent / "rapport")
PROJECTS = 1_000  # as many as the books have clients: ``task project:X`` finds ~n/1000 tasks


def first_client(path: Path) -> str:
    clients = orjson.loads(path.read_bytes())["clients"]
    return str(min(doc["id"] for doc in clients.values()))


class Rapport:
    """``rapport`` as a user runs it, on ``book``, with its own state folder and no config."""

    def __init__(self, folder: Path, book: Path) -> None:
        self.book = book
        self.client = first_client(book)
        self.env = self.environment(folder, book)

    @staticmethod
    def environment(folder: Path, book: Path) -> dict[str, str]:
        return {
            **os.environ,
            "RAPPORT_DB": str(book),
            "RAPPORT_LOCALE": "en",
            "RAPPORT_CONFIG": str(folder / "no-config.toml"),
            # The state folder of whoever built the book, as all their terminals share it:
            # the refs index its fold saved is there (a fresh device gathers every ref first).
            "XDG_STATE_HOME": str(book.parent / "state"),
        }

    @staticmethod
    def demo(clients: int, interactions: int) -> list[str]:
        return [RAPPORT, "demo", "--clients", str(clients), "--interactions", str(interactions)]

    def quick(self) -> list[str]:
        return [RAPPORT, "quick", f"{self.client} call talked about the budget"]

    def list_json(self) -> list[str]:
        return [RAPPORT, "list", "--json"]

    def client_show(self) -> list[str]:
        return [RAPPORT, "client", "show", self.client]

    def today(self) -> list[str]:
        return [RAPPORT, "today"]


class Taskwarrior:
    """Taskwarrior (2.6: one line a task in ``pending.data``) with ``n`` pending tasks."""

    def __init__(self, folder: Path, n: int) -> None:
        self.executable = shutil.which("task")
        data = folder / "task"
        data.mkdir()
        rc = folder / "taskrc"
        rc.write_text(f"data.location={data}\nconfirmation=off\n")
        with (data / "pending.data").open("w") as f:
            for i in range(n):
                f.write(
                    f'[description:"call {i} talked about the budget" entry:"1764000000" '
                    f'modified:"1764000000" project:"c{i % PROJECTS}" status:"pending" '
                    f'uuid:"{uuid.UUID(int=i + 1)}"]\n'
                )
        for name in ("completed.data", "undo.data", "backlog.data"):
            (data / name).touch()
        self.env = {**os.environ, "TASKRC": str(rc)}

    @classmethod
    def installed(cls) -> bool:
        return shutil.which("task") is not None

    def add(self) -> list[str]:
        return ["task", "add", "call", "talked", "about", "the", "budget", "project:c1"]

    def list_all(self) -> list[str]:
        return ["task", "list"]

    def project_list(self) -> list[str]:
        return ["task", "project.is:c1", "list"]


class Jrnl:
    """jrnl with a plain-text journal of ``n`` entries."""

    def __init__(self, folder: Path, n: int, executable: str) -> None:
        self.executable = executable
        journal = folder / "journal.txt"
        start = datetime(2000, 1, 1)
        with journal.open("w") as f:
            for i in range(n):
                when = (start + timedelta(minutes=i)).strftime("%Y-%m-%d %H:%M")
                f.write(f"[{when}] call {i} talked about the budget\n\n")
        config = folder / "config" / "jrnl"
        config.mkdir(parents=True)
        (config / "jrnl.yaml").write_text(
            "colors: {body: none, date: none, tags: none, title: none}\n"
            "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\n"
            "highlight: false\nindent_character: '|'\n"
            f"journals:\n  default:\n    journal: {journal}\n"
            "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
            "timeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n"
        )
        self.env = {**os.environ, "XDG_CONFIG_HOME": str(folder / "config")}

    def add(self) -> list[str]:
        return [self.executable, "call talked about the budget"]


_INSERT = (
    "import sys\n"
    "from tinydb import TinyDB\n"
    "TinyDB(sys.argv[1]).table('interactions').insert("
    "{'client': 'c1', 'kind': 'call', 'text': 'talked about the budget'})\n"
)


class StockTinyDB:
    """A minimal script: open a copy of the same book with stock TinyDB, insert one document."""

    def __init__(self, folder: Path, book: Path) -> None:
        self.copy = folder / "stock.json"
        shutil.copyfile(book, self.copy)
        self.env = dict(os.environ)

    def insert(self) -> list[str]:
        return [sys.executable, "-c", _INSERT, str(self.copy)]
