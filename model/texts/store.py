"""Texts of store, in both languages.

A damaged book is the moment a user is most worried, so each text names the
file, where the damage is, that nothing was changed, and what to do next.
"""

EN: dict[str, str] = {
    "store.corrupt": (
        "The book {path} is damaged at line {line}, column {column} (character {char}): "
        "{reason}. Rapport has left it unchanged. Restore it from the backup {backup}, "
        "for example by copying that file over {path}."
    ),
    "store.corrupt_no_backup": (
        "The book {path} is damaged at line {line}, column {column} (character {char}): "
        "{reason}. Rapport has left it unchanged. There is no backup of it; repair the file "
        "in an editor, or move it aside to start a new, empty book."
    ),
    "store.corrupt_layout": (
        "The book {path} is valid JSON but not laid out as a Rapport book at {where} "
        "(expected {{table: {{number: document}}}}). Rapport has left it unchanged. Restore it "
        "from the backup {backup}, for example by copying that file over {path}."
    ),
    "store.corrupt_layout_no_backup": (
        "The book {path} is valid JSON but not laid out as a Rapport book at {where} "
        "(expected {{table: {{number: document}}}}). Rapport has left it unchanged. There is no "
        "backup of it; repair the file in an editor, or move it aside to start a new, empty book."
    ),
    "store.corrupt_shape": (
        "The book {path} has a document Rapport did not write at {where} (expected "
        "{expected}). Rapport has left it unchanged. Fix that field in an editor, or restore "
        "the backup {backup}, for example by copying that file over {path}."
    ),
    "store.corrupt_shape_no_backup": (
        "The book {path} has a document Rapport did not write at {where} (expected "
        "{expected}). Rapport has left it unchanged. There is no backup of it; fix that field "
        "in an editor."
    ),
    "store.too_new": (
        "The book {path} was written by a newer Rapport (schema {found}; this version knows "
        "schema {supported} at most). Rapport has left it unchanged; update Rapport to open it."
    ),
    "store.write_failed": (
        "Could not write the book {path}: {reason}. Nothing was saved; the book is as it was "
        "before. Free some disk space or check the disk, then try again."
    ),
    "store.write_failed.disk_full": (
        "Could not write the book {path}: {reason}. Nothing was saved; the book is as it was "
        "before. Free some disk space, then try again."
    ),
    "store.write_failed.permission": (
        "Could not write the book {path}: {reason}. Nothing was saved; the book is as it was "
        "before. You may not write this file or its folder: run Rapport as the user who owns "
        "it, or fix the permissions (ls -l shows them), then try again."
    ),
    "store.write_failed.read_only": (
        "Could not write the book {path}: {reason}. Nothing was saved; the book is as it was "
        "before. The file system is mounted read-only: copy the book to a writable place and "
        "point --db there, or remount it writable."
    ),
    "store.write_failed.other": (
        "Could not write the book {path}: {reason}. Nothing was saved; the book is as it was "
        "before. Check the disk and the path, then try again."
    ),
    "store.unusable": (
        "{path} cannot be used as a book: {reason}. Rapport has changed nothing; point --db "
        "(or RAPPORT_DB) at a regular file, or at a path where one can be made."
    ),
    "store.lock_timeout": (
        "Another Rapport process has held the book {path} for {seconds:g} {seconds:second|seconds} (its lock is "
        "{lock}). Nothing was written. Let that process finish (a stopped one goes on with fg or "
        "kill -CONT) or end it, then try again."
    ),
    "store.lock_waiting": "Waiting for another Rapport process to finish with {path} …",
    "store.read_only": (
        "The book {path} uses an older layout (schema {found}) and cannot be upgraded here "
        "({reason}); it is shown read-only, and nothing will be written."
    ),
    "store.unencodable": "This cannot be saved in the book: {reason}. Nothing was saved.",
    "store.unencodable_text": (
        "The text in {field} contains a broken character (a lone surrogate) that cannot be "
        "saved. Retype it and try again; nothing was saved."
    ),
    "store.unencodable_number": (
        "{field} is not a finite number (NaN or infinity) and cannot be saved. "
        "Enter a real number and try again; nothing was saved."
    ),
    "store.journal_damaged": (
        "The journal {journal} of the book {path} is damaged at line {line}. Rapport has "
        "left both files unchanged. Move the journal aside to open the book as of its last "
        "fold, or repair that line in an editor."
    ),
    "store.journal_foreign": (
        "The journal {journal} does not continue the book {path} (line {line} was written "
        "on another version of it). Rapport has left both files unchanged; move the journal "
        "aside, then merge the writes it holds with rapport merge."
    ),
    "store.rewritten": (
        "The book {path} was rewritten by another program while {journal} still held "
        "writes not yet in it (line {line} on). Rapport has left both files unchanged; "
        "restore the backup {backup} or move the journal aside."
    ),
    "store.folded": "Folded {lines} journal lines into {path}.",
    "store.fold_nothing": "Nothing to fold: {path} holds every write.",
}

DE: dict[str, str] = {
    "store.corrupt": (
        "Das Buch {path} ist in Zeile {line}, Spalte {column} (Zeichen {char}) beschädigt: "
        "{reason}. Rapport hat es nicht verändert. Stell es aus der Sicherung {backup} "
        "wieder her, etwa indem du diese Datei über {path} kopierst."
    ),
    "store.corrupt_no_backup": (
        "Das Buch {path} ist in Zeile {line}, Spalte {column} (Zeichen {char}) beschädigt: "
        "{reason}. Rapport hat es nicht verändert. Es gibt keine Sicherung davon; reparier "
        "die Datei in einem Editor oder verschieb sie, um ein neues, leeres Buch "
        "zu beginnen."
    ),
    "store.corrupt_layout": (
        "Das Buch {path} ist gültiges JSON, hat aber bei {where} nicht den Aufbau eines "
        "Rapport-Buchs (erwartet: {{Tabelle: {{Nummer: Dokument}}}}). Rapport hat es nicht "
        "verändert. Stell es aus der Sicherung {backup} wieder her, etwa indem du diese "
        "Datei über {path} kopierst."
    ),
    "store.corrupt_layout_no_backup": (
        "Das Buch {path} ist gültiges JSON, hat aber bei {where} nicht den Aufbau eines "
        "Rapport-Buchs (erwartet: {{Tabelle: {{Nummer: Dokument}}}}). Rapport hat es nicht "
        "verändert. Es gibt keine Sicherung davon; reparier die Datei in einem Editor "
        "oder verschieb sie, um ein neues, leeres Buch zu beginnen."
    ),
    "store.corrupt_shape": (
        "Das Buch {path} enthält bei {where} ein Dokument, das Rapport so nicht schreibt "
        "(erwartet: {expected}). Rapport hat es nicht verändert. Korrigier dieses Feld in einem "
        "Editor oder stell die Sicherung {backup} wieder her, etwa indem du diese Datei über "
        "{path} kopierst."
    ),
    "store.corrupt_shape_no_backup": (
        "Das Buch {path} enthält bei {where} ein Dokument, das Rapport so nicht schreibt "
        "(erwartet: {expected}). Rapport hat es nicht verändert. Es gibt keine Sicherung davon; "
        "korrigier dieses Feld in einem Editor."
    ),
    "store.too_new": (
        "Das Buch {path} wurde von einem neueren Rapport geschrieben (Schema {found}; diese "
        "Version kennt höchstens Schema {supported}). Rapport hat es nicht verändert; "
        "aktualisiere Rapport, um es zu öffnen."
    ),
    "store.write_failed": (
        "Das Buch {path} konnte nicht geschrieben werden: {reason}. Es wurde nichts "
        "gespeichert; das Buch ist unverändert. Schaffe Platz auf dem Datenträger oder "
        "prüfe ihn, und versuch es dann erneut."
    ),
    "store.write_failed.disk_full": (
        "Das Buch {path} konnte nicht geschrieben werden: {reason}. Es wurde nichts "
        "gespeichert; das Buch ist unverändert. Schaffe Platz auf dem Datenträger und "
        "versuch es dann erneut."
    ),
    "store.write_failed.permission": (
        "Das Buch {path} konnte nicht geschrieben werden: {reason}. Es wurde nichts "
        "gespeichert; das Buch ist unverändert. Du darfst diese Datei oder ihren Ordner "
        "nicht schreiben: starte Rapport als die Person, der sie gehört, oder korrigiere "
        "die Rechte (ls -l zeigt sie), und versuch es dann erneut."
    ),
    "store.write_failed.read_only": (
        "Das Buch {path} konnte nicht geschrieben werden: {reason}. Es wurde nichts "
        "gespeichert; das Buch ist unverändert. Das Dateisystem ist schreibgeschützt "
        "eingehängt: kopier das Buch an einen beschreibbaren Ort und gib ihn mit --db an, "
        "oder häng es beschreibbar ein."
    ),
    "store.write_failed.other": (
        "Das Buch {path} konnte nicht geschrieben werden: {reason}. Es wurde nichts "
        "gespeichert; das Buch ist unverändert. Prüfe den Datenträger und den Pfad, und "
        "versuch es dann erneut."
    ),
    "store.unusable": (
        "{path} kann kein Buch sein: {reason}. Rapport hat nichts verändert; gib mit --db "
        "(oder RAPPORT_DB) eine normale Datei an oder einen Pfad, an dem eine entstehen kann."
    ),
    "store.lock_timeout": (
        "Ein anderer Rapport-Prozess hält das Buch {path} seit {seconds:g} {seconds:Sekunde|Sekunden} (seine "
        "Sperre ist {lock}). Es wurde nichts geschrieben. Lass diesen Prozess fertig werden "
        "(ein angehaltener läuft mit fg oder kill -CONT weiter) oder beende ihn und versuch es "
        "dann erneut."
    ),
    "store.lock_waiting": "Warte, bis ein anderer Rapport-Prozess mit {path} fertig ist …",
    "store.read_only": (
        "Das Buch {path} hat einen älteren Aufbau (Schema {found}) und kann hier nicht "
        "aktualisiert werden ({reason}); es wird nur gelesen, und nichts wird geschrieben."
    ),
    "store.unencodable": (
        "Das lässt sich nicht im Buch speichern: {reason}. Es wurde nichts gespeichert."
    ),
    "store.unencodable_text": (
        "Der Text in {field} enthält ein defektes Zeichen (ein einzelnes Surrogat), das sich "
        "nicht speichern lässt. Gib ihn neu ein und versuch es erneut; es wurde "
        "nichts gespeichert."
    ),
    "store.unencodable_number": (
        "{field} ist keine endliche Zahl (NaN oder unendlich) und lässt sich nicht speichern. "
        "Gib eine echte Zahl ein und versuch es erneut; es wurde nichts gespeichert."
    ),
    "store.journal_damaged": (
        "Das Journal {journal} des Buchs {path} ist in Zeile {line} beschädigt. Rapport hat "
        "beide Dateien nicht verändert. Verschieb das Journal, um das Buch im Stand seines "
        "letzten Einfaltens zu öffnen, oder reparier diese Zeile in einem Editor."
    ),
    "store.journal_foreign": (
        "Das Journal {journal} setzt das Buch {path} nicht fort (Zeile {line} wurde auf einer "
        "anderen Fassung geschrieben). Rapport hat beide Dateien nicht verändert; verschieb "
        "das Journal und führe seine Einträge dann mit rapport merge zusammen."
    ),
    "store.rewritten": (
        "Das Buch {path} wurde von einem anderen Programm neu geschrieben, während {journal} "
        "noch Einträge hielt, die nicht darin stehen (ab Zeile {line}). Rapport hat beide "
        "Dateien nicht verändert; stell die Sicherung {backup} wieder her oder verschieb das "
        "Journal."
    ),
    "store.folded": "{lines} Journalzeilen in {path} eingefaltet.",
    "store.fold_nothing": "Nichts einzufalten: {path} enthält jeden Eintrag.",
}
