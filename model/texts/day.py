"""Texts of the day's work: today's items, follow-ups, snooze, and their refusals."""

EN: dict[str, str] = {
    # receipts
    "book.followup_added": "Follow-up #{number} for {name}, due {due}.",
    "book.followup_done": "Follow-up #{number} of {name} done.",
    "book.snoozed": "{name} snoozed until {until}: no contact nudge before then.",
    "book.snooze_off": "Snooze of {name} ended.",
    # refusals
    "followup.empty_text": "A follow-up needs a text: what is the next step?",
    "followup.past": "The follow-up date {due} is already past; pick today or a later day.",
    "followup.unknown": "{name} has no follow-up #{number}.",
    "followup.already_done": "Follow-up #{number} is already done.",
    "done.bad_ref": (
        "'{ref}' names nothing that can be marked done — give a follow-up number, "
        "or a ref like followup:3, issue:2, thanks:1."
    ),
    "snooze.past": "The snooze must end after today, not on {until}.",
    "snooze.not_snoozed": "{name} is not snoozed.",
    # health
    "health.followup_late": "follow-up #{number} was due {due}",
    # today
    "today.contact_never": "{name}: never contacted yet (cadence {cadence} {cadence:day|days})",
    "today.contact": "{name}: no contact for {days} {days:day|days} (cadence {cadence}) — call",
    "today.contact_soon": "{name}: cadence of {cadence} {cadence:day|days} runs out on {due}",
    "today.followup": "{name}: follow-up #{number} {text} (due {due})",
    "today.thanks": "{name}: thanks #{number} {text} (by {by})",
    "today.invoice_due": "{name}: invoice {number} falls due {due} ({money} open)",
    "today.invoice_bucket": (
        "{name}: invoice {number} now {days} {days:day|days} overdue, bucket {bucket} ({money} open)"
    ),
    "today.issue_waiting": "{name}: issue #{number} ({severity}) open for {days} {days:day|days}: {text}",
    "today.call": "{name}: ☎ call rather than mail — issue #{number} open, {written} mails since",
}

DE: dict[str, str] = {
    "book.followup_added": "Nachfassen #{number} für {name}, fällig {due}.",
    "book.followup_done": "Nachfassen #{number} von {name} erledigt.",
    "book.snoozed": "{name} zurückgestellt bis {until}: bis dahin keine Kontakt-Erinnerung.",
    "book.snooze_off": "Zurückstellung von {name} beendet.",
    "followup.empty_text": "Nachfassen braucht einen Text: was ist der nächste Schritt?",
    "followup.past": ("Das Datum {due} ist schon vorbei; wähle heute oder einen späteren Tag."),
    "followup.unknown": "{name} hat kein Nachfassen #{number}.",
    "followup.already_done": "Nachfassen #{number} ist schon erledigt.",
    "done.bad_ref": (
        "„{ref}“ benennt nichts, das sich erledigen lässt – gib eine Nachfassen-Nummer "
        "oder einen Verweis wie followup:3, issue:2, thanks:1 an."
    ),
    "snooze.past": "Die Zurückstellung muss nach heute enden, nicht am {until}.",
    "snooze.not_snoozed": "{name} ist nicht zurückgestellt.",
    "health.followup_late": "Nachfassen #{number} war fällig am {due}",
    "today.contact_never": "{name}: noch nie kontaktiert (Rhythmus {cadence} {cadence:Tag|Tage})",
    "today.contact": "{name}: seit {days} {days:Tag|Tagen} kein Kontakt (Rhythmus {cadence}) – anrufen",
    "today.contact_soon": "{name}: Rhythmus von {cadence} {cadence:Tag|Tagen} läuft am {due} ab",
    "today.followup": "{name}: Nachfassen #{number} {text} (fällig {due})",
    "today.thanks": "{name}: Dank #{number} {text} (bis {by})",
    "today.invoice_due": "{name}: Rechnung {number} wird am {due} fällig ({money} offen)",
    "today.invoice_bucket": (
        "{name}: Rechnung {number} jetzt {days} {days:Tag|Tage} überfällig, Stufe {bucket} ({money} offen)"
    ),
    "today.issue_waiting": "{name}: Problem #{number} ({severity}) seit {days} {days:Tag|Tagen} offen: {text}",
    "today.call": (
        "{name}: ☎ lieber anrufen als mailen – Problem #{number} offen, seitdem {written} Mails"
    ),
}
