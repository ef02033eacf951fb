"""CSV files in and out, through the standard library's csv module.

Reading takes the columns an address book or spreadsheet exports (name, email,
phone, company, role; English and German headers alike) and reports the others
as ignored, so a user sees what did not come in.  The delimiter is sniffed from
the header, since German spreadsheets write ``;``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from model.errors import InputError
from model.exchange.people import Person
from model.words import fold

__all__ = ["COLUMNS", "Rows", "people", "read_rows", "write_csv"]

#: What each column a person may have is called in a header (folded, without spaces).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "displayname", "contact", "kontakt", "vollername"),
    "email": ("email", "e-mail", "mail", "emailaddress", "e-mail-adresse", "emailadresse"),
    "phone": ("phone", "telephone", "tel", "mobile", "telefon", "handy", "telefonnummer"),
    "company": ("company", "organisation", "organization", "org", "client", "firma", "kunde"),
    "role": ("role", "title", "jobtitle", "position", "rolle", "funktion"),
}
_LOOKUP = {
    alias.replace("-", ""): column for column, aliases in COLUMNS.items() for alias in aliases
}
_SPLIT_MAILS = re.compile(r"[;,\s]+")


def _column(header: str) -> str | None:
    return _LOOKUP.get(re.sub(r"[\s_\-]+", "", fold(header)))


@dataclass(frozen=True)
class Rows:
    """The header as read: where each known column is, and the columns ignored."""

    columns: Mapping[str, int]
    ignored: tuple[str, ...]
    dialect: type[csv.Dialect] | csv.Dialect
    body: list[list[str]]


def read_rows(text: str, source: str) -> Rows:
    """The header and rows of ``text``; refused when no column names a person."""
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    table = list(csv.reader(io.StringIO(text), dialect))
    if not table:
        raise InputError("exchange.csv_empty", path=source)
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, header in enumerate(table[0]):
        known = _column(header)
        if known is None or known in columns:
            ignored.append(header.strip())
        else:
            columns[known] = index
    if "name" not in columns and "email" not in columns:
        raise InputError("exchange.csv_no_columns", path=source, header=", ".join(table[0]))
    return Rows(columns, tuple(i for i in ignored if i), dialect, table[1:])


def people(rows: Rows) -> Iterator[Person]:
    """Each row that names someone, as a Person (``where`` is its line in the file)."""
    for number, row in enumerate(rows.body, start=2):

        def cell(name: str, row: list[str] = row) -> str:
            index = rows.columns.get(name)
            return row[index].strip() if index is not None and index < len(row) else ""

        emails = tuple(e for e in _SPLIT_MAILS.split(cell("email")) if e)
        phones = tuple(p.strip() for p in cell("phone").split(";") if p.strip())
        name = cell("name") or (emails[0] if emails else "") or cell("company")
        if not name:
            continue  # an empty line, or one with only ignored columns
        yield Person(name, emails, phones, cell("company"), cell("role"), f"line {number}")


def write_csv(header: Iterable[str], records: Iterable[Mapping[str, Any]]) -> str:
    """One CSV text with ``header`` and a row per record (lists joined by ``;``)."""
    out = io.StringIO()
    names = list(header)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for record in records:
        writer.writerow([_cell(record.get(name)) for name in names])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)
