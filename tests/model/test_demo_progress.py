"""A long write tells how far it got: the demo's build, the records stamped, the file written."""

from __future__ import annotations

import pendulum

from model import Book
from model.book import PROGRESS_STEP
from model.demo import build_demo


def test_build_demo_reports_every_stage_up_to_its_total(book: Book, now: pendulum.DateTime) -> None:
    heard: list[tuple[str, int, int]] = []
    build_demo(
        book,
        now,
        clients=10,
        interactions=2 * PROGRESS_STEP + 7,
        progress=lambda *a: heard.append(a),
    )
    stages = [stage for stage, _, _ in heard]
    assert stages == sorted(stages, key=["build", "load", "write"].index)
    for stage in ("build", "load", "write"):
        counts = [(done, total) for s, done, total in heard if s == stage]
        assert counts == sorted(counts) and counts[-1][0] == counts[-1][1] > 0
    build = [done for s, done, _ in heard if s == "build"]
    assert build[:3] == [0, PROGRESS_STEP, 2 * PROGRESS_STEP]
    [loaded] = {total for s, _, total in heard if s == "load"}
    tables = book._store.tables()
    assert loaded == sum(len(tables[name]) for name in tables if name != "_meta")
    assert len(tables["interactions"]) == 2 * PROGRESS_STEP + 7
