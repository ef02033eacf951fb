"""Texts of merging copies of the book, in both languages."""

EN: dict[str, str] = {
    "merge.done": "Merged {source}: {what}.",
    "merge.dry_run": "Merging {source} would bring: {what}. Nothing was written (dry run).",
    "merge.nothing": "Nothing new in {source}.",
    "merge.folded": "Folded the conflict copy {copy} into the book; the copy is now at {moved}.",
    "merge.unreadable": (
        "The copy {path} cannot be read as a book ({reason}); it was left where it is."
    ),
    "merge.not_found": "There is no file {path} to merge.",
    "merge.one.call": "1 call",
    "merge.many.call": "{n} calls",
    "merge.one.meeting": "1 meeting",
    "merge.many.meeting": "{n} meetings",
    "merge.one.mail": "1 mail",
    "merge.many.mail": "{n} mails",
    "merge.one.message": "1 message",
    "merge.many.message": "{n} messages",
    "merge.one.note": "1 note",
    "merge.many.note": "{n} notes",
    "merge.one.clients": "1 client",
    "merge.many.clients": "{n} {n:client|clients}",
    "merge.one.issues": "1 issue",
    "merge.many.issues": "{n} issues",
    "merge.one.invoices": "1 invoice",
    "merge.many.invoices": "{n} invoices",
    "merge.one.payments": "1 payment",
    "merge.many.payments": "{n} payments",
    "merge.one.thanks": "1 thanks owed",
    "merge.many.thanks": "{n} thanks owed",
    "merge.one.kudos": "1 kudos",
    "merge.many.kudos": "{n} kudos",
    "merge.one.other": "1 record in {table}",
    "merge.many.other": "{n} records in {table}",
    "merge.one.changed": "1 record changed",
    "merge.many.changed": "{n} records changed",
    "merge.one.removed": "1 record removed",
    "merge.many.removed": "{n} records removed",
    "merge.renumbered.issues": "issue #{old} is now #{new}",
    "merge.renumbered.thanks": "thanks #{old} is now #{new}",
    "merge.renumbered.other": "{table} #{old} is now #{new}",
    "sync.no_repo": "The book's folder {folder} is not in a git repository; run git init there first.",
    "sync.no_remote": "Committed the book in {folder}; there is no git remote to sync with.",
    "sync.set_up": "Set up {folder} for git sync: .gitattributes and the rapport merge driver.",
    "sync.done": "Synced with {source}: {what}.",
    "sync.nothing_came": "Synced with {source}: nothing new came in.",
    "sync.failed": "git {step} failed: {reason}",
}

DE: dict[str, str] = {
    "merge.done": "{source} zusammengeführt: {what}.",
    "merge.dry_run": (
        "{source} zusammenzuführen brächte: {what}. Nichts wurde geschrieben (Probelauf)."
    ),
    "merge.nothing": "Nichts Neues in {source}.",
    "merge.folded": (
        "Die Konfliktkopie {copy} ist ins Buch übernommen; die Kopie liegt jetzt unter {moved}."
    ),
    "merge.unreadable": (
        "Die Kopie {path} lässt sich nicht als Buch lesen ({reason}); sie bleibt, wo sie ist."
    ),
    "merge.not_found": "Es gibt keine Datei {path} zum Zusammenführen.",
    "merge.one.call": "1 Anruf",
    "merge.many.call": "{n} Anrufe",
    "merge.one.meeting": "1 Treffen",
    "merge.many.meeting": "{n} Treffen",
    "merge.one.mail": "1 Mail",
    "merge.many.mail": "{n} Mails",
    "merge.one.message": "1 Nachricht",
    "merge.many.message": "{n} Nachrichten",
    "merge.one.note": "1 Notiz",
    "merge.many.note": "{n} Notizen",
    "merge.one.clients": "1 Kunde",
    "merge.many.clients": "{n} {n:Kund:in|Kund:innen}",
    "merge.one.issues": "1 Problem",
    "merge.many.issues": "{n} Probleme",
    "merge.one.invoices": "1 Rechnung",
    "merge.many.invoices": "{n} Rechnungen",
    "merge.one.payments": "1 Zahlung",
    "merge.many.payments": "{n} Zahlungen",
    "merge.one.thanks": "1 offener Dank",
    "merge.many.thanks": "{n} offene Danksagungen",
    "merge.one.kudos": "1 Lob",
    "merge.many.kudos": "{n} Lobe",
    "merge.one.other": "1 Eintrag in {table}",
    "merge.many.other": "{n} Einträge in {table}",
    "merge.one.changed": "1 Eintrag geändert",
    "merge.many.changed": "{n} Einträge geändert",
    "merge.one.removed": "1 Eintrag gelöscht",
    "merge.many.removed": "{n} Einträge gelöscht",
    "merge.renumbered.issues": "Problem #{old} ist jetzt #{new}",
    "merge.renumbered.thanks": "Dank #{old} ist jetzt #{new}",
    "merge.renumbered.other": "{table} #{old} ist jetzt #{new}",
    "sync.no_repo": (
        "Der Ordner {folder} des Buchs liegt in keinem git-Repository; dort erst git init ausführen."
    ),
    "sync.no_remote": (
        "Das Buch in {folder} ist eingecheckt; es gibt kein git-Remote zum Abgleichen."
    ),
    "sync.set_up": (
        "{folder} ist für den git-Abgleich eingerichtet: .gitattributes und der rapport-Merge-Treiber."
    ),
    "sync.done": "Mit {source} abgeglichen: {what}.",
    "sync.nothing_came": "Mit {source} abgeglichen: nichts Neues kam herein.",
    "sync.failed": "git {step} ist fehlgeschlagen: {reason}",
}
