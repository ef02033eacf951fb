"""Every text the board shows exists in both languages, down to the keys built at run time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import tui
from model.i18n import t
from tui.keys import KEYS
from tui.texts import board as catalog
from tui.widgets.board_table import BoardTable
from tui.widgets.panes import PANES

TUI = Path(tui.__file__).parent
_LITERAL = re.compile(r"[\"'](board\.[a-z_]+\.?[a-z_]*)[\"']")


def _used_keys() -> set[str]:
    used = {m.group(1) for path in TUI.rglob("*.py") for m in _LITERAL.finditer(path.read_text())}
    used |= {key.description for key in KEYS}
    for table in (BoardTable, *(spec.table for spec in PANES)):
        used |= {f"board.col.{column}" for column in table.COLUMNS}
    for spec in PANES:
        used.add(f"board.pane.{spec.name}")
    verbs = {m.group(1) for key in KEYS if (m := re.fullmatch(r"prefill\('(\w+)'\)", key.action))}
    today = {"thanked", "done"}  # the verbs of Today items (TodayItem.verb) beyond those
    used |= {f"board.verb.{verb}" for verb in verbs | {"resolve", "paid", "thanks"} | today}
    used |= {
        f"board.filter.{flag}"
        for flag in ("overdue", "open_issues", "owed_thanks", "include_ended")
    }
    return used


def test_every_key_the_board_uses_is_in_the_catalog() -> None:
    used = _used_keys()
    assert used - set(catalog.EN) == set()
    assert used <= set(catalog.DE)


def test_the_catalog_holds_no_key_nobody_uses() -> None:
    assert set(catalog.EN) - _used_keys() == set()


@pytest.mark.parametrize("key", sorted(catalog.EN))
def test_german_is_german(key: str) -> None:
    if catalog.EN[key] == catalog.DE[key]:
        assert key == "board.filter.title"  # "Filter:" is German too
    assert t(key, "de") == catalog.DE[key]


def test_the_quick_log_verbs_are_words_the_parser_knows() -> None:
    from model.quicklog import VERBS

    verbs = [k for k in catalog.EN if k.startswith("board.verb.")]
    for key in verbs:
        assert catalog.EN[key] in VERBS and catalog.DE[key] in VERBS, key
