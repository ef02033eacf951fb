"""``rapport`` as a real process: what a user in another terminal gets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

RAPPORT = str(Path(sys.executable).parent / "rapport")


def rapport(
    book: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "RAPPORT_DB": str(book), "RAPPORT_LOCALE": "en", **(env or {})}
    return subprocess.run(
        [RAPPORT, *args], capture_output=True, text=True, env=full_env, timeout=60
    )


def test_a_user_session(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    assert rapport(book, "client", "add", "ACME GmbH", "--id", "acme").returncode == 0
    quick = rapport(book, "quick", "acme call talked about the Q1 budget")
    assert quick.returncode == 0 and "Call logged for ACME GmbH" in quick.stdout
    bad = rapport(book, "quick", "acme call on 2026-13-45")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    assert "Took back" in rapport(book, "undo").stdout


def test_shell_completion_of_sub_commands_and_client_ids(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    rapport(book, "client", "add", "ACME GmbH", "--id", "acme")
    rapport(book, "client", "add", "Acme Labs", "--id", "acme-labs")
    env = {
        "_RAPPORT_COMPLETE": "bash_complete",
        "COMP_WORDS": "rapport client show ac",
        "COMP_CWORD": "3",
    }
    ids = [line.split(",", 1)[1] for line in rapport(book, env=env).stdout.split()]
    assert ids == ["acme", "acme-labs"]
    env = {"_RAPPORT_COMPLETE": "bash_complete", "COMP_WORDS": "rapport qu", "COMP_CWORD": "1"}
    assert "quick" in rapport(book, env=env).stdout


def test_locale_from_the_environment(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    rapport(book, "client", "add", "ACME GmbH", "--id", "acme")
    out = rapport(book, "quick", "acme anruf", env={"RAPPORT_LOCALE": "de"}).stdout
    assert "Anruf für ACME GmbH" in out
