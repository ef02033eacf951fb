"""Long text in $EDITOR: a real process (a stand-in editor script set as EDITOR) edits a real
temp file; the reflection it writes ends a client in a real book file."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from textual.drivers.headless_driver import HeadlessDriver
from textual.pilot import Pilot

from model import Book, Reflection, State
from tests.tui.conftest import NOW, run, until
from tui.app import RapportApp
from tui.editor import edit_text, editor_command
from tui.screens.reflection import ReflectionScreen, read_template, template
from tui.widgets.quicklog import QuickLogBar

# Writes what the test wants into the file it is given, and notes the file's mode beside it.
SCRIPT = """#!/bin/sh
stat -c %a "$1" > "$(dirname "$0")/mode"
cat "$(dirname "$0")/text" > "$1"
"""


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """``editor(text)``: EDITOR is a script that writes ``text`` into the file it opens."""
    folder = tmp_path / "editor"
    folder.mkdir()
    script = folder / "fake-editor"
    script.write_text(SCRIPT)
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))

    def writes(text: str) -> Path:
        (folder / "text").write_text(text)
        return folder

    return writes


@pytest.fixture
def suspendable(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The headless driver steps aside as a terminal's does: App.suspend works under Pilot."""
    monkeypatch.setattr(HeadlessDriver, "can_suspend", property(lambda self: True))
    monkeypatch.setattr(HeadlessDriver, "suspend_application_mode", lambda self: None)
    monkeypatch.setattr(HeadlessDriver, "resume_application_mode", lambda self: None)
    yield


def test_the_editor_is_visual_then_editor_then_vi() -> None:
    assert editor_command({"VISUAL": "code --wait", "EDITOR": "nano"}) == ["code", "--wait"]
    assert editor_command({"EDITOR": "nano -R"}) == ["nano", "-R"]
    assert editor_command({}) == ["vi"]


def test_edit_text_runs_the_editor_on_a_private_temp_file(editor: Callable[[str], Path]) -> None:
    folder = editor("written in the editor\n")
    seen: list[str] = []

    def run(command: Sequence[str]) -> int:
        seen.append(command[-1])
        return os.spawnv(os.P_WAIT, command[0], list(command))  # the real script, a real process

    assert edit_text("before", run=run) == "written in the editor\n"
    assert (folder / "mode").read_text().strip() == "600"
    assert not Path(seen[0]).exists(), "the temp file is removed"


def test_an_editor_that_fails_gives_nothing_back(tmp_path: Path) -> None:
    assert edit_text("x", env={"EDITOR": "false"}) is None


def test_the_template_reads_back_field_by_field() -> None:
    said = Reflection(stop="late scope talks", pause="", play="a kick-off call")
    assert read_template(template(said, "de")) == said
    edited = "# Stop: …\nno more\nfree extras\n# Pause: …\n\n# Play: …\ncall first\n"
    assert read_template(edited) == Reflection("no more\nfree extras", "", "call first")


def test_the_reflection_written_in_the_editor_ends_the_client(
    book_path: Path,
    open_app: Callable[..., RapportApp],
    editor: Callable[[str], Path],
    suspendable: None,
) -> None:
    editor("# Stop\nsaying yes to every extra\n# Pause\nthe team\n# Play\nclear scope\n")
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l", *"state ended", "enter")  # ACME is selected: "acme state ended"
        await until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        await pilot.press("ctrl+e")
        await until(pilot, lambda: Book(book_path).resolve("acme").state is State.ENDED)
        reflection = Book(book_path).resolve("acme").reflection
        assert reflection == Reflection("saying yes to every extra", "the team", "clear scope")

    run(app, body)


def test_a_quicklog_note_written_in_the_editor(
    book_path: Path,
    open_app: Callable[..., RapportApp],
    editor: Callable[[str], Path],
    suspendable: None,
) -> None:
    editor("acme call talked it\nthrough at length\n")
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l", "ctrl+e")
        bar = app.board.query_one(QuickLogBar)
        assert bar.input.value == "acme call talked it through at length"
        await pilot.press("enter")
        await until(pilot, lambda: not bar.display)
        texts = [i.text for i in Book(book_path).client_file("acme", NOW).interactions]
        assert "talked it through at length" in texts

    run(app, body)


def test_without_a_terminal_to_hand_over_the_board_says_so(
    book_path: Path, open_app: Callable[..., RapportApp], editor: Callable[[str], Path]
) -> None:
    editor("never read")
    app = open_app(book_path)

    async def body(pilot: Pilot[None]) -> None:
        await pilot.press("l", *"x", "ctrl+e")
        await pilot.pause()
        assert app.board.query_one(QuickLogBar).input.value == "acme x"
        said = [n.message for n in app._notifications]
        assert any("cannot hand over to an editor" in s for s in said)

    run(app, body)
