"""Plural templates read once (``model.i18n._pieces``) say what ``string.Formatter`` says."""

from __future__ import annotations

import re

import pytest

from model import i18n
from tui.cli import texts as cli_texts
from tui.texts import board, config, day, screens


def _templates() -> list[str]:
    i18n.use(cli_texts, board, config, day, screens)
    every = {text for catalog in i18n._CATALOGS.values() for text in catalog.values()}
    return sorted(text for text in every if "|" in text)


@pytest.mark.parametrize("count", [0, 1, 2, 7, 1.5, -1])
def test_every_plural_template_reads_as_the_formatter_reads_it(count: float) -> None:
    templates = _templates()
    assert len(templates) > 20
    for template in templates:
        names = set(re.findall(r"{(\w+)", template))
        params = {name: count for name in names}
        assert i18n._plural_format(template, params) == i18n._PLURALS.format(template, **params)


@pytest.mark.parametrize(
    "template",
    [
        "{days:every day|every {days} days}",
        "{n} {n:item|items} of {total:>4}",
        "{{literal}} {n:one|many}",
        "{0} {n:a|b}",  # a positional field: the Formatter's own road
        "{n!r} {n:a|b}",
        "{n.real:a|b}",
    ],
)
def test_odd_templates_read_alike(template: str) -> None:
    for n in (1, 3):
        params = {"n": n, "days": n, "total": 12}
        try:
            expected = i18n._PLURALS.format(template, **params)
        except (IndexError, KeyError, ValueError) as error:
            with pytest.raises(type(error)):
                i18n._plural_format(template, params)
        else:
            assert i18n._plural_format(template, params) == expected


def test_a_missing_value_is_a_key_error_as_before() -> None:
    with pytest.raises(KeyError):
        i18n._plural_format("{days} {days:day|days} and {cadence}", {"days": 2})
