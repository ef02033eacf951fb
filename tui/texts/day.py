"""Texts of the day's work on the screens: follow-ups, snoozes, the search screen.

The board's own (the Today pane, its keys, the snooze mark) are in :mod:`tui.texts.board`."""

EN: dict[str, str] = {
    "screens.section.followups": "Follow-ups",
    "screens.followups.none": "No follow-ups.",
    "screens.followups.due": "due {day}",
    "screens.followups.late": "late",
    "screens.followups.done_on": "done {day}",
    "screens.client.snoozed": "⏸ snoozed until {day}",
    "screens.search.placeholder": "Search every note, issue, kudos, thanks, follow-up …",
    "screens.search.title": "Search",
    "screens.search.hint": "Type words; Enter opens the client at that record, Escape goes back.",
    "screens.search.searching": "Searching …",
    "screens.search.count": "{count} found",
    "screens.search.none": "Nothing found for “{text}”.",
    "screens.search.failed": "The search failed: {error}",
    "screens.search.col.when": "When",
    "screens.search.col.kind": "Kind",
    "screens.search.col.client": "Client",
    "screens.search.col.text": "Text",
    "screens.search.col.ref": "Ref",
    "screens.search.kind.issue": "issue",
    "screens.search.kind.kudos": "kudos",
    "screens.search.kind.thanks": "thanks",
    "screens.search.kind.followup": "follow-up",
    "screens.keys.results": "Results",
}

DE: dict[str, str] = {
    "screens.section.followups": "Nachfassen",
    "screens.followups.none": "Nichts nachzufassen.",
    "screens.followups.due": "fällig {day}",
    "screens.followups.late": "überfällig",
    "screens.followups.done_on": "erledigt {day}",
    "screens.client.snoozed": "⏸ zurückgestellt bis {day}",
    "screens.search.placeholder": "Alle Notizen, Probleme, Lob, Dank, Nachfassen durchsuchen …",
    "screens.search.title": "Suche",
    "screens.search.hint": (
        "Wörter tippen; Enter öffnet die Kund:in bei diesem Eintrag, Escape geht zurück."
    ),
    "screens.search.searching": "Suche läuft …",
    "screens.search.count": "{count} gefunden",
    "screens.search.none": "Nichts gefunden für „{text}“.",
    "screens.search.failed": "Die Suche schlug fehl: {error}",
    "screens.search.col.when": "Wann",
    "screens.search.col.kind": "Art",
    "screens.search.col.client": "Kund:in",
    "screens.search.col.text": "Text",
    "screens.search.col.ref": "Ref",
    "screens.search.kind.issue": "Problem",
    "screens.search.kind.kudos": "Lob",
    "screens.search.kind.thanks": "Dank",
    "screens.search.kind.followup": "Nachfassen",
    "screens.keys.results": "Treffer",
}
