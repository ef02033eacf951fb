"""The Book's reports: what clients bring and cost, and how it went month by month.

Read-only queries over the tables, each with the caller's ``now``; the figures
themselves are pure functions in :mod:`model.report` and :mod:`model.trends`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from model.client import Client, State
from model.resolve import resolve_client
from model.store import Store

if TYPE_CHECKING:  # the figures load with the first report: a quick-log write needs none
    import pendulum

    from model.report import ClientReport, Period, Report
    from model.trends import Month

__all__ = ["Reporting"]


class Reporting:
    """The Book inherits these beside its other queries."""

    _store: Store
    _cadence: Mapping[State, int]
    _reports: dict[tuple[int, Period, pendulum.Date], Report]

    def report(self, now: pendulum.DateTime, period: Period | None = None) -> Report:
        """Money and effort per client and in total; the period defaults to this year.

        A report depends on ``now`` only by its day, so the book keeps the last few per
        generation of the file: the client screen and ``R`` on a 100,000-interaction book
        then pay the few hundred milliseconds of a report once a day and write.
        """
        from model import report as _report

        tables = self._store.tables()
        key = (self._store.generation, period or _report.Period.year(now.year), now.date())
        cache = self._reports
        if key not in cache:
            if len(cache) >= 4 or any(k[0] != key[0] for k in cache):
                cache.clear()
            cache[key] = _report.report(tables, now, key[1])
        return cache[key]

    def client_report(self, ref: str, now: pendulum.DateTime, period: Period) -> ClientReport:
        """One client's row of :meth:`report` (all zero when the period holds nothing)."""
        from model.report import ClientReport

        client = self._client(ref)
        for row in self.report(now, period).clients:
            if row.client.id == client.id:
                return row
        return ClientReport(client, (), 0, 0, 0)

    def monthly(
        self, now: pendulum.DateTime, ref: str | None = None, months: int = 12
    ) -> list[Month]:
        """Revenue, minutes and interactions per month, of one client or the book."""
        from model import trends as _trends

        client = None if ref is None else self._client(ref).id
        return _trends.monthly(self._store.tables(), now, months, client)

    def health_trend(self, ref: str, now: pendulum.DateTime, months: int = 12) -> list[int | None]:
        """The client's health at each month's end, from the history."""
        from model import trends as _trends

        client = self._client(ref)
        return _trends.health_trend(self._store.tables(), client.id, now, months, self._cadence)

    def _client(self, ref: str) -> Client:
        docs = (self._store.tables().get("clients") or {}).values()
        return resolve_client(ref, [Client.from_doc(d) for d in docs])
