"""`make screenshots` keeps working, and the README's pictures are all there."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from screenshots.make import HERE, SHOTS, Shot, make

README_PICTURES = {
    "board",
    "board-filtered",
    "client",
    "quicklog-error",
    "board-de",
    "kudos",
    "board-light",
    "board-80x24",
    "help",
}


def test_every_picture_is_made_and_committed() -> None:
    assert {shot.name for shot in SHOTS} == README_PICTURES
    for name in README_PICTURES:
        assert (HERE / f"{name}.svg").is_file(), name


def test_a_shot_is_an_svg_of_the_screen_after_its_keys(tmp_path: Path) -> None:
    [path] = make(tmp_path, (Shot("jar-de", locale="de", keys=("K",)),))
    assert path == tmp_path / "jar-de.svg"
    svg = path.read_text(encoding="utf-8")
    assert ElementTree.fromstring(svg).tag.endswith("svg")
    assert "Lobglas" in svg
