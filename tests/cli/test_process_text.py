"""What rapport prints and writes, as a real process: user text never obeyed by the
terminal, and no file or folder wider than private under any umask."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import orjson
import pytest

from tests.cli.test_process import RAPPORT, rapport

NOW = "2026-11-25T10:00:00+01:00"


HOSTILE = {
    "clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "title": "\x1b]0;pwned\x1b\\",
    "clear": "\x1b[2J\x1b[H",
    "c1": "\x9b31m",
    "bidi": "\u202egnp.exe",
}


@pytest.mark.parametrize("name", HOSTILE)
def test_no_escape_sequence_from_user_text_reaches_the_terminal(tmp_path: Path, name: str) -> None:
    evil = HOSTILE[name]
    book = tmp_path / "book.json"
    env = {"RAPPORT_NOW": NOW}
    runs = [
        rapport(book, "client", "add", f"Evil{evil}Corp", "--id", "evil", "--tag", f"t{evil}"),
        rapport(book, "quick", f"evil call note{evil}here", env=env),
        rapport(book, "quick", f"evil kudos 'great{evil}work' from Ma{evil}ren", env=env),
        rapport(book, "quick", f"evil thanks card{evil} by 2026-12-20", env=env),
        rapport(book, "quick", f"evil issue! broken{evil}thing", env=env),
        rapport(book, "client", "list"),
        rapport(book, "client", "show", "evil", env=env),
        rapport(book, "list", env=env),
        rapport(book, "list", "--json", env=env),
        rapport(book, "quick", f"nobody{evil} call x", env=env),  # an error naming the text
        rapport(book, "client", "show", f"no{evil}one", env=env),
        rapport(book, "undo"),
    ]
    assert [r.returncode for r in runs] == [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0]
    for result in runs:
        shown = result.stdout + result.stderr
        assert "\x1b" not in shown and "\x9b" not in shown and "\u202e" not in shown, shown
        assert "Traceback" not in shown
    assert "Evil␛" in runs[0].stdout or "Evil\ufffd" in runs[0].stdout or name == "bidi"
    stored = orjson.loads(book.read_bytes())["clients"]["1"]["name"]
    assert stored == f"Evil{evil}Corp", "the book keeps the text exactly as typed"
    data = orjson.loads(runs[8].stdout)
    assert data["clients"][0]["name"] == f"Evil{evil}Corp", "JSON keeps the data exact, escaped"


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o777])
def test_nothing_is_written_wider_than_private_under_any_umask(tmp_path: Path, umask: int) -> None:
    book = tmp_path / "new" / "deep" / "book.json"
    env = {**os.environ, "RAPPORT_DB": str(book), "RAPPORT_LOCALE": "en", "RAPPORT_NOW": NOW}
    # The device id, undo and redo logs and the ref cache go to a state folder made anew.
    env["XDG_STATE_HOME"] = str(tmp_path / "state" / "deep")
    for args in (
        ["client", "add", "ACME GmbH", "--id", "acme"],
        ["quick", "acme call one"],
        ["demo", "--force", "--yes", "--clients", "4", "--interactions", "4"],
        ["undo"],
    ):
        result = subprocess.run(
            [RAPPORT, *args], capture_output=True, text=True, env=env, umask=umask, timeout=60
        )
        assert result.returncode == 0, result.stderr
    made = list((tmp_path / "new").rglob("*"))
    assert {p.name for p in made} >= {
        "deep",
        "book.json",
        "book.json.lock",
        "book.json.before-demo",
    }
    state = list((tmp_path / "state").rglob("*"))
    assert {p.name for p in state} >= {"device", "undo.json", "redo.json"}
    for path in [tmp_path / "new", *made, tmp_path / "state", *state]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
