"""Texts of durations and of the report (what each client brings and costs), both languages.

The report's words live with the model, because the command line and the board
show the same figures under the same names.
"""

EN: dict[str, str] = {
    "quicklog.duration.form": "'{word}' is not a duration — write it like {formats}.",
    "quicklog.duration.invalid": (
        "'{word}' is no duration in whole minutes — write it like 45m, 1h30m or 1,5h."
    ),
    "quicklog.duration.zero": "'{word}' is no time at all; leave the duration out instead.",
    "quicklog.duration.too_long": "'{word}' is longer than one interaction can be ({max} hours).",
    "book.logged_duration": "{kind} of {duration} logged for {name} on {day}.",
    "report.bad_day": "'{day}' is not a day — write it as YYYY-MM-DD or DD.MM.YYYY.",
    "report.period_both": "Give either --year or --from/--to, not both.",
    "report.period_reversed": "The period ends ({end}) before it starts ({start}).",
    "report.head": "What each client brings and costs, {start} to {end} (as of {today}):",
    "report.nothing": "Nothing invoiced, logged or open from {start} to {end}.",
    "report.money": "{currency}  invoiced {invoiced} · paid {paid} · open {open}",
    "report.repairs": "credited {credited} · written off {written_off}",
    "report.dso": "{days} {days:day|days} to payment",
    "report.per_hour": "{amount} per hour",
    "report.effort": (
        "{interactions} {interactions:interaction|interactions}, {time} logged, "
        "{scope} open scope-creep {scope:issue|issues}"
    ),
    "report.high_effort": "high effort for its revenue",
    "report.total": "All clients",
    "report.rule": (
        "High effort: at least an hour logged and no revenue, or revenue per hour below "
        "half the median of the book's clients in that currency."
    ),
    "report.title": "Report",
    "report.screen_head": "What each client brings and costs · {start} – {end} · as of {today}",
    "report.col.client": "Client",
    "report.col.revenue": "Revenue",
    "report.col.open": "Open",
    "report.col.time": "Time",
    "report.col.per_hour": "Per hour",
    "report.col.dso": "DSO",
    "report.revenue_month": "Revenue per month ({currency})",
    "report.hours_month": "Hours per month",
    "report.money_head": "Money and time",
    "report.this_year": "This year ({year})",
    "report.last_year": "Last year ({year})",
    "report.money_line": "invoiced {invoiced} · paid {paid} · open {open}",
    "report.none": "nothing invoiced",
    "report.time_line": "{time} logged in {interactions} {interactions:interaction|interactions}",
    "report.health_trend": "Health, last 12 months",
    "report.interactions_trend": "Interactions per month",
}

DE: dict[str, str] = {
    "quicklog.duration.form": "„{word}“ ist keine Dauer – schreibe sie wie {formats}.",
    "quicklog.duration.invalid": (
        "„{word}“ ist keine Dauer in ganzen Minuten – schreibe sie wie 45m, 1h30m oder 1,5h."
    ),
    "quicklog.duration.zero": "„{word}“ ist gar keine Zeit; lass die Dauer dann weg.",
    "quicklog.duration.too_long": (
        "„{word}“ ist länger, als ein Kontakt dauern kann ({max} Stunden)."
    ),
    "book.logged_duration": "{kind} von {duration} für {name} am {day} eingetragen.",
    "report.bad_day": "„{day}“ ist kein Tag – schreibe ihn als JJJJ-MM-TT oder TT.MM.JJJJ.",
    "report.period_both": "Gib entweder --year oder --from/--to an, nicht beides.",
    "report.period_reversed": "Der Zeitraum endet ({end}), bevor er beginnt ({start}).",
    "report.head": "Was jeder Kunde bringt und kostet, {start} bis {end} (Stand {today}):",
    "report.nothing": "Von {start} bis {end} nichts berechnet, eingetragen oder offen.",
    "report.money": "{currency}  berechnet {invoiced} · bezahlt {paid} · offen {open}",
    "report.repairs": "gutgeschrieben {credited} · abgeschrieben {written_off}",
    "report.dso": "{days} {days:Tag|Tage} bis zur Zahlung",
    "report.per_hour": "{amount} pro Stunde",
    "report.effort": (
        "{interactions} {interactions:Kontakt|Kontakte}, {time} erfasst, "
        "{scope} {scope:offener Sonderwunsch|offene Sonderwünsche}"
    ),
    "report.high_effort": "viel Aufwand für den Umsatz",
    "report.total": "Alle Kunden",
    "report.rule": (
        "Viel Aufwand: mindestens eine Stunde erfasst und kein Umsatz, oder Umsatz pro Stunde "
        "unter der Hälfte des Medians der Kunden in dieser Währung."
    ),
    "report.title": "Bericht",
    "report.screen_head": "Was jeder Kunde bringt und kostet · {start} – {end} · Stand {today}",
    "report.col.client": "Kunde",
    "report.col.revenue": "Umsatz",
    "report.col.open": "Offen",
    "report.col.time": "Zeit",
    "report.col.per_hour": "Pro Stunde",
    "report.col.dso": "DSO",
    "report.revenue_month": "Umsatz pro Monat ({currency})",
    "report.hours_month": "Stunden pro Monat",
    "report.money_head": "Geld und Zeit",
    "report.this_year": "Dieses Jahr ({year})",
    "report.last_year": "Letztes Jahr ({year})",
    "report.money_line": "berechnet {invoiced} · bezahlt {paid} · offen {open}",
    "report.none": "nichts berechnet",
    "report.time_line": "{time} erfasst in {interactions} {interactions:Kontakt|Kontakten}",
    "report.health_trend": "Gesundheit, letzte 12 Monate",
    "report.interactions_trend": "Kontakte pro Monat",
}
