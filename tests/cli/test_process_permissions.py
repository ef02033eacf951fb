"""Owners, modes and refusals of the disk, as a real process with real permissions.

Run as root (CI's container): ``sudo rapport`` is root writing a user's book, a
user who may not write is root without the capabilities that bypass file
permissions (``setpriv``), a read-only file system and a full disk are real mounts
in a private mount namespace (``unshare -m``).  Elsewhere these tests are skipped.
"""

from __future__ import annotations

import os
import shlex
import shutil
import stat
import subprocess
from pathlib import Path

import orjson
import pytest

from tests.cli.test_process import RAPPORT, rapport

USER = 1000
AS_ROOT = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (chown, mount namespaces)")
NO_BYPASS = "setpriv --bounding-set=-dac_override,-dac_read_search,-fowner,-chown --"


def in_shell(script: str, book: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RAPPORT_DB": str(book), "RAPPORT_LOCALE": "en"}
    return subprocess.run(["sh", "-c", script], capture_output=True, text=True, env=env, timeout=60)


def owned_by_user(folder: Path) -> None:
    """Hand ``folder`` and everything in it to another user, as their home would be."""
    for path in [folder, *folder.iterdir()]:
        os.chown(path, USER, USER, follow_symlinks=False)
    folder.chmod(0o755)


@pytest.fixture
def user_book(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    book = folder / "book.json"
    assert rapport(book, "client", "add", "ACME GmbH", "--id", "acme").returncode == 0
    assert rapport(book, "quick", "acme call kick-off").returncode == 0
    owned_by_user(folder)
    return book


@AS_ROOT
def test_sudo_rapport_keeps_the_owner_and_mode_of_every_file(user_book: Path) -> None:
    user_book.chmod(0o600)
    result = rapport(user_book, "quick", "acme call as root")
    assert result.returncode == 0, result.stderr
    made = [p for p in user_book.parent.iterdir() if p.name.startswith("book.json")]
    assert {p.name for p in made} >= {"book.json", "book.json.1", "book.json.lock"}
    for path in made:
        st = path.lstat()
        assert (st.st_uid, st.st_gid) == (USER, USER), path
        assert stat.S_IMODE(st.st_mode) == 0o600, path
    # A book the user made readable to no one but themselves read-only stays so too.
    user_book.chmod(0o400)
    assert rapport(user_book, "quick", "acme call again").returncode == 0
    assert stat.S_IMODE(user_book.stat().st_mode) == 0o400


@AS_ROOT
def test_a_user_who_may_not_write_gets_advice_about_permission(user_book: Path) -> None:
    user_book.chmod(0o644)  # readable to all, writable by its owner only
    before = user_book.read_bytes()
    result = in_shell(f"{NO_BYPASS} {RAPPORT} quick 'acme call x'", user_book)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "Permission denied" in line and "You may not write this file" in line
    assert "disk space" not in line
    assert user_book.read_bytes() == before


@AS_ROOT
def test_an_older_book_is_read_only_for_a_user_who_may_not_write_it(user_book: Path) -> None:
    data = orjson.loads(user_book.read_bytes())
    del data["_meta"]  # a schema 0 book, as stock TinyDB or an old Rapport wrote it
    user_book.write_bytes(orjson.dumps(data))
    user_book.chmod(0o644)  # readable to all, writable by its owner only
    user_book.with_name("book.json.lock").unlink()
    before = user_book.read_bytes()
    for args in ("client list", "client show acme", "list"):
        result = in_shell(f"{NO_BYPASS} {RAPPORT} {args}", user_book)
        assert result.returncode == 0, result.stderr
        assert "ACME GmbH" in result.stdout or "acme" in result.stdout
        (line,) = result.stderr.strip().splitlines()
        assert "older layout (schema 0)" in line and "read-only" in line
    write = in_shell(f"{NO_BYPASS} {RAPPORT} quick 'acme call x'", user_book)
    assert write.returncode == 1 and "You may not write" in write.stderr
    assert user_book.read_bytes() == before
    assert sorted(p.name for p in user_book.parent.iterdir()) == ["book.json", "book.json.1"]


def _mount(kind: str, folder: Path) -> str:
    if kind == "ro":
        target = shlex.quote(str(folder))
        return f"mount --bind {target} {target} && mount -o remount,bind,ro {target}"
    return f"mount -t tmpfs -o size=96k tmpfs {shlex.quote(str(folder))}"


def _namespaces_work() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return probe.returncode == 0


NAMESPACES = pytest.mark.skipif(not _namespaces_work(), reason="needs unshare -m as root")


@NAMESPACES
def test_a_read_only_file_system_gets_advice_about_the_mount(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    assert rapport(book, "client", "add", "ACME GmbH", "--id", "acme").returncode == 0
    before = book.read_bytes()
    script = f"{_mount('ro', tmp_path)} && {RAPPORT} quick 'acme call x'"
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "RAPPORT_DB": str(book), "RAPPORT_LOCALE": "en"},
        timeout=60,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "Read-only file system" in line and "mounted read-only" in line
    assert book.read_bytes() == before


@NAMESPACES
def test_a_full_disk_gets_advice_about_space(tmp_path: Path) -> None:
    folder = tmp_path / "small"
    folder.mkdir()
    book = folder / "book.json"
    # The mount is empty: the book is made on it, then grows until the disk is full.
    script = (
        f"{_mount('tmpfs', folder)} && {RAPPORT} client add 'ACME GmbH' --id acme && "
        "note=$(printf 'x%.0s' $(seq 2000)); i=0; while [ $i -lt 400 ]; do "
        f'{RAPPORT} quick "acme note $note" > /dev/null || exit $?; i=$((i+1)); done'
    )
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "RAPPORT_DB": str(book), "RAPPORT_LOCALE": "en"},
        timeout=240,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert "No space left on device" in line and "Free some disk space" in line
