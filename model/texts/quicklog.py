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
    "quicklog.date.too_far": "'{word}' is too far away; at most {max} days.",
    "quicklog.money.amount": "'{word}' is not an amount — write it like {formats}.",
    "quicklog.money.decimals": "'{word}' has more than two decimals.",
    "quicklog.money.positive": "'{word}' is not more than zero; amounts are positive.",
    "quicklog.money.currency": "Unknown currency '{word}' — write a code or sign like {formats}.",
    "quicklog.verb.call": "call — log a call: acme call talked about the Q1 budget",
    "quicklog.verb.meeting": "meeting — log a meeting: acme meeting kickoff yesterday",
    "quicklog.verb.mail": "mail — log a mail: acme mail sent the offer",
    "quicklog.verb.message": "message — log a message: acme message confirmed the date",
    "quicklog.verb.note": "note — keep a note: acme note prefers calls before 10",
    "quicklog.verb.issue": "issue — open a minor issue: acme issue slow replies #communication",
    "quicklog.verb.issue!": "issue! — open an issue: acme issue! extra page #scope_creep",
    "quicklog.verb.issue!!": "issue!! — open a severe issue: acme issue!! launch slipped #delay",
    "quicklog.verb.resolve": "resolve — close an issue: acme resolve 3 agreed a change request",
    "quicklog.verb.invoice": "invoice — add an invoice: acme invoice 2026-017 1250 EUR in 14d",
    "quicklog.verb.paid": "paid — record a payment: acme paid 2026-017 (or an amount for a part)",
    "quicklog.verb.void": "void — void a wrong invoice, kept on file: acme void 2026-019 typo",
    "quicklog.verb.credit": "credit — a credit note lowering what is open: acme credit 2026-017 200",
    "quicklog.verb.writeoff": "writeoff — write off the open rest (or an amount): acme writeoff 2026-017",
    "quicklog.verb.thanks": "thanks — owe a thank-you: acme thanks card after launch by 2026-12-01",
    "quicklog.verb.thanked": "thanked — mark a thank-you done: acme thanked 2",
    "quicklog.verb.kudos": 'kudos — keep a compliment: acme kudos "great work!" from Maren',
    "quicklog.verb.state": "state — set the state: acme state strained contact person changed",
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
    "quicklog.date.too_far": "„{word}“ ist zu weit weg; höchstens {max} Tage.",
    "quicklog.money.amount": "„{word}“ ist kein Betrag – schreibe ihn wie {formats}.",
    "quicklog.money.decimals": "„{word}“ hat mehr als zwei Nachkommastellen.",
    "quicklog.money.positive": "„{word}“ ist nicht größer als null; Beträge sind positiv.",
    "quicklog.money.currency": (
        "Unbekannte Währung „{word}“ – schreibe einen Code oder ein Zeichen wie {formats}."
    ),
    "quicklog.verb.call": "anruf – einen Anruf festhalten: acme anruf Budget Q1 besprochen",
    "quicklog.verb.meeting": "treffen – ein Treffen festhalten: acme treffen Kickoff gestern",
    "quicklog.verb.mail": "mail – eine Mail festhalten: acme mail Angebot geschickt",
    "quicklog.verb.message": (
        "nachricht – eine Nachricht festhalten: acme nachricht Termin bestätigt"
    ),
    "quicklog.verb.note": "notiz – eine Notiz anlegen: acme notiz telefoniert lieber vor 10",
    "quicklog.verb.issue": (
        "problem – ein kleines Problem öffnen: acme problem langsame Antworten #communication"
    ),
    "quicklog.verb.issue!": (
        "problem! – ein Problem öffnen: acme problem! Zusatzseite #scope_creep"
    ),
    "quicklog.verb.issue!!": (
        "problem!! – ein ernstes Problem öffnen: acme problem!! Launch verschoben #delay"
    ),
    "quicklog.verb.resolve": (
        "gelöst – ein Problem schließen: acme gelöst 3 Änderungsantrag vereinbart"
    ),
    "quicklog.verb.invoice": (
        "rechnung – eine Rechnung anlegen: acme rechnung 2026-017 1.250 EUR in 14 Tagen"
    ),
    "quicklog.verb.paid": (
        "bezahlt – eine Zahlung erfassen: acme bezahlt 2026-017 (mit Betrag für eine Teilzahlung)"
    ),
    "quicklog.verb.void": "storno – eine falsche Rechnung stornieren: acme storno 2026-019 Tippfehler",
    "quicklog.verb.credit": "gutschrift – eine Gutschrift, die den offenen Betrag senkt: acme gutschrift 2026-017 200",
    "quicklog.verb.writeoff": "abschreiben – den offenen Rest (oder einen Betrag) abschreiben: acme abschreiben 2026-017",
    "quicklog.verb.thanks": (
        "danke – einen Dank vormerken: acme danke Karte nach dem Launch bis 01.12.2026"
    ),
    "quicklog.verb.thanked": "gedankt – einen Dank als erledigt markieren: acme gedankt 2",
    "quicklog.verb.kudos": 'lob – ein Kompliment aufheben: acme lob "Tolle Arbeit!" von Maren',
    "quicklog.verb.state": (
        "status – den Status setzen: acme status bewährungsprobe Ansprechpartner gewechselt"
    ),
}
