"""One client's file as JSON, for ``rapport client show --json``.

The keys are the model's field names, so they are as stable as the book's own
schema; money stays a decimal string beside its currency, never a float.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from model import ClientFile

__all__ = ["client_json"]


def client_json(f: ClientFile, locale: str) -> dict[str, Any]:
    def plain(records: tuple[Any, ...]) -> list[dict[str, Any]]:
        return [dataclasses.asdict(r) for r in records]

    suggestion = f.suggestion
    return {
        **dataclasses.asdict(f.client),
        "cadence": f.cadence,  # the one in effect: the client's own, else its state's
        "snoozed_until": f.snoozed_until,
        "health": f.health.score,
        "reasons": [
            {"key": x.key, "text": x.text(locale), "weight": x.weight} for x in f.health.reasons
        ],
        "suggestion": None
        if suggestion is None
        else {
            "state": suggestion.state.value,
            "key": suggestion.reason.key,
            "text": suggestion.reason.text(locale),
        },
        "needs_call": f.needs_call,
        "interactions": plain(f.interactions),
        "issues": plain(f.issues),
        "invoices": [{**dataclasses.asdict(i), "outstanding": i.outstanding} for i in f.invoices],
        "thanks": plain(f.thanks),
        "kudos": plain(f.kudos),
        "followups": plain(f.followups),
    }
