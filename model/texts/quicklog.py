"""Texts of the quick-log line, its date words and its amounts, in both languages.

Error texts name the failing word and what would fit there, because the user is
mid-keystroke and needs the fix, not the diagnosis.
"""

EN: dict[str, str] = {
    "quicklog.error": "This line cannot be read: '{word}'.",
    "quicklog.empty": (
        "The line is empty. Write CLIENT VERB [TEXT], e.g. acme call talked about the budget."
    ),
    "quicklog.unclosed_quote": "The client name {word} opens a quote that is never closed.",
    "quicklog.verb_first": (
        "'{word}' is a verb, but a line starts with the client: CLIENT {word} …"
    ),
    "quicklog.missing_client": "The client name is empty.",
    "quicklog.missing_verb": "What happened with {client}? Add a verb — one of: {expected}.",
    "quicklog.unknown_verb": "Unknown verb '{word}' — expected one of: {expected}.",
    "quicklog.missing_text": "'{verb}' needs a text, e.g. {verb} extra pages outside the scope.",
    "quicklog.missing_thanks_text": "'{verb}' needs what you owe thanks for, e.g. {verb} card for the referral by friday.",
    "quicklog.missing_kudos_text": "'{verb}' needs the compliment, e.g. {verb} \"great work!\" from Maren.",
    "quicklog.two_dates": "'{word}' is a second date in this line, which takes one; put the one that belongs to the text in quotes.",
    "quicklog.unknown_kind": "Unknown issue kind '{word}' — expected one of: {expected}.",
    "quicklog.kind_twice": "An issue has one kind; '{word}' is a second one.",
    "quicklog.missing_number": "'{verb}' needs the number, e.g. {verb} 3.",
    "quicklog.bad_number": "'{word}' is not a number — expected one like {expected}.",
    "quicklog.missing_state": "'{verb}' needs the new state — one of: {expected}.",
    "quicklog.unknown_state": "Unknown state '{word}' — expected one of: {expected}.",
    "quicklog.missing_invoice": "'{verb}' needs the invoice number, e.g. {verb} 2026-017.",
    "quicklog.missing_amount": "'{verb}' needs the amount, e.g. 1250, 1250.50 or 1.250,50.",
    "quicklog.missing_date": "A date is missing here — expected: {expected}.",
    "quicklog.unexpected": "'{word}' does not fit here — expected: {expected}.",
    "quicklog.twice": "'{word}' says a second time what the line already said.",
    "quicklog.date.form": "'{word}' is not a date — write it as {formats}.",
    "quicklog.date.invalid": "There is no day '{word}' in the calendar.",
    "quicklog.date.range": "'{word}' is outside the years {first} to {last}.",
    "quicklog.date.too_far": "'{word}' is too far away; at most {max} {max:day|days}.",
    "quicklog.money.amount": "'{word}' is not an amount — write it like {formats}.",
    "quicklog.money.decimals": "'{word}' has more than two decimals.",
    "quicklog.money.too_big": "'{word}' is too large; at most {max} digits before the decimal mark.",
    "quicklog.money.positive": "'{word}' is not more than zero; amounts are positive.",
    "quicklog.money.currency": "Unknown currency '{word}' — write a code or sign like {formats}.",
    "quicklog.unknown_verb_near": (
        "Unknown verb '{word}' — did you mean '{near}'? Expected one of: {expected}."
    ),
    "quicklog.missing_followup_day": (
        "'{verb}' needs the day of the next step, e.g. by friday — expected: {expected}."
    ),
    "quicklog.missing_ref": "'{verb}' needs what is done, e.g. {verb} 3 or {verb} followup:3.",
    "quicklog.bad_ref": "'{word}' is not a ref — expected one like {expected}.",
    "quicklog.missing_snooze": "'{verb}' needs how long — one of: {expected}.",
    "quicklog.snooze_length": "'{word}' is not a snooze length — expected one like {expected}.",
}

DE: dict[str, str] = {
    "quicklog.error": "Diese Zeile ist nicht lesbar: „{word}“.",
    "quicklog.empty": (
        "Die Zeile ist leer. Schreibe KUNDE VERB [TEXT], z. B. acme anruf Budget besprochen."
    ),
    "quicklog.unclosed_quote": (
        "Der Kundenname {word} öffnet ein Anführungszeichen, das nie geschlossen wird."
    ),
    "quicklog.verb_first": (
        "„{word}“ ist ein Verb, aber eine Zeile beginnt mit dem Kunden: KUNDE {word} …"
    ),
    "quicklog.missing_client": "Der Kundenname ist leer.",
    "quicklog.missing_verb": ("Was war mit {client}? Es fehlt ein Verb – eines von: {expected}."),
    "quicklog.unknown_verb": "Unbekanntes Verb „{word}“ – erwartet wird eines von: {expected}.",
    "quicklog.missing_text": (
        "„{verb}“ braucht einen Text, z. B. {verb} Zusatzseiten außerhalb des Umfangs."
    ),
    "quicklog.missing_thanks_text": "„{verb}“ braucht, wofür du dankst, z. B. {verb} Karte für die Empfehlung bis Freitag.",
    "quicklog.missing_kudos_text": "„{verb}“ braucht das Lob, z. B. {verb} „Tolle Arbeit!“ von Maren.",
    "quicklog.two_dates": "„{word}“ ist ein zweites Datum in dieser Zeile, die nur eines nimmt; setze das, was zum Text gehört, in Anführungszeichen.",
    "quicklog.unknown_kind": "Unbekannte Problemart „{word}“ – erwartet wird eine von: {expected}.",
    "quicklog.kind_twice": "Ein Problem hat eine Art; „{word}“ ist eine zweite.",
    "quicklog.missing_number": "„{verb}“ braucht die Nummer, z. B. {verb} 3.",
    "quicklog.bad_number": "„{word}“ ist keine Nummer – erwartet wird eine wie {expected}.",
    "quicklog.missing_state": "„{verb}“ braucht den neuen Status – einen von: {expected}.",
    "quicklog.unknown_state": "Unbekannter Status „{word}“ – erwartet wird einer von: {expected}.",
    "quicklog.missing_invoice": "„{verb}“ braucht die Rechnungsnummer, z. B. {verb} 2026-017.",
    "quicklog.missing_amount": ("„{verb}“ braucht den Betrag, z. B. 1250, 1250,50 oder 1.250,50."),
    "quicklog.missing_date": "Hier fehlt ein Datum – erwartet wird: {expected}.",
    "quicklog.unexpected": "„{word}“ passt hier nicht – erwartet wird: {expected}.",
    "quicklog.twice": "„{word}“ sagt ein zweites Mal, was die Zeile schon gesagt hat.",
    "quicklog.date.form": "„{word}“ ist kein Datum – schreibe es als {formats}.",
    "quicklog.date.invalid": "Den Tag „{word}“ gibt es im Kalender nicht.",
    "quicklog.date.range": "„{word}“ liegt außerhalb der Jahre {first} bis {last}.",
    "quicklog.date.too_far": "„{word}“ ist zu weit weg; höchstens {max} {max:Tag|Tage}.",
    "quicklog.money.amount": "„{word}“ ist kein Betrag – schreibe ihn wie {formats}.",
    "quicklog.money.too_big": "„{word}“ ist zu groß; höchstens {max} Stellen vor dem Komma.",
    "quicklog.money.decimals": "„{word}“ hat mehr als zwei Nachkommastellen.",
    "quicklog.money.positive": "„{word}“ ist nicht größer als null; Beträge sind positiv.",
    "quicklog.money.currency": (
        "Unbekannte Währung „{word}“ – schreibe einen Code oder ein Zeichen wie {formats}."
    ),
    "quicklog.unknown_verb_near": (
        "Unbekanntes Verb „{word}“ – meintest du „{near}“? Erwartet wird eines von: {expected}."
    ),
    "quicklog.missing_followup_day": (
        "„{verb}“ braucht den Tag des nächsten Schritts, z. B. bis freitag – erwartet: {expected}."
    ),
    "quicklog.missing_ref": (
        "„{verb}“ braucht, was erledigt ist, z. B. {verb} 3 oder {verb} followup:3."
    ),
    "quicklog.bad_ref": "„{word}“ ist kein Verweis – erwartet wird einer wie {expected}.",
    "quicklog.missing_snooze": "„{verb}“ braucht die Dauer – eine von: {expected}.",
    "quicklog.snooze_length": (
        "„{word}“ ist keine Dauer zum Zurückstellen – erwartet wird eine wie {expected}."
    ),
}
