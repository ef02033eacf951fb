"""How often a client wants to hear from us, by the state of the relationship.

Text 004: call once too early rather than too late.  A new relationship is
still finding its rhythm and a strained one needs attention now, so both want
more contact than one built on blind trust.  The table is a default: a caller
(the config file) may pass its own, and a cadence the user set for one client
always wins.
"""

from __future__ import annotations

from collections.abc import Mapping

from model.client import Client, State

__all__ = ["CADENCE_DEFAULTS", "cadence_table", "effective_cadence"]

CADENCE_DEFAULTS: Mapping[State, int] = {
    State.STRAINED: 14,
    State.REPAIR: 14,
    State.DRIFTING: 30,
    State.NEW: 21,
    State.ROUTINE: 30,
    State.TRUSTED: 60,
    State.ENDED: 30,
}
"""Days between contacts per state, when the client has no cadence of its own."""


def cadence_table(overrides: Mapping[State | str, int] | None = None) -> Mapping[State, int]:
    """The defaults with ``overrides`` (state or state name → days) laid over them."""
    table = dict(CADENCE_DEFAULTS)
    for state, days in (overrides or {}).items():
        table[State(state)] = int(days)
    return table


def effective_cadence(client: Client, table: Mapping[State, int] = CADENCE_DEFAULTS) -> int:
    """The client's own cadence when the user set one, else its state's."""
    if client.cadence_set:
        return client.cadence
    return table.get(client.state, client.cadence)
