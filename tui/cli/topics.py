"""``rapport help TOPIC``: the longer explanations, in both languages.

The grammar of the quick-log is written out here rather than derived from the
parser's tables, because a reader needs the order and the examples; the verb
list is checked against :data:`model.quicklog.VERBS` by a test.
"""

TOPICS = ("quicklog", "dates", "amounts", "files", "sync")

EN: dict[str, str] = {
    "cli.topic.quicklog.title": "the quick-log language: one line per act",
    "cli.topic.quicklog": """\
One line: CLIENT VERB [ARGS]

  CLIENT   an id (acme), a unique prefix of one (ac), or part of the name;
           "ACME GmbH" in quotes when it has spaces.
  VERB     English or German, whatever the screen language.

  call | meeting | mail | message | note   [TIME] TEXT [WHEN]
           (anruf, treffen, mail, nachricht, notiz)
  issue[!|!!] TEXT [#KIND] [WHEN]          ! medium, !! high (problem, problem!, problem!!)
           KIND: scope_creep communication delay contact_change
                 expectation_drift quality payment other
  resolve N [NOTE]                         (gelöst)
  invoice NUMBER AMOUNT [CUR] [on DATE] [due DATE | in 14d]     (rechnung)
           without due date the client's payment terms apply
  paid NUMBER [AMOUNT [CUR]] [on DATE]     without amount: the whole rest (bezahlt)
  thanks TEXT [by DATE]                    a thank-you you owe (danke)
  thanked N                                the thank-you N is done (gedankt)
  kudos "TEXT" [from NAME]                 a compliment received (lob ... von NAME)
  state STATE [NOTE]                       strained repair drifting new routine trusted ended
                                           (status; German state names work too)
  followup TEXT by DAY                     a dated next step (nachfassen ... bis TAG)
  done N | done followup:N                 the follow-up N is done (erledigt)
  snooze 2w [REASON] | until DATE | off    no contact nudge until then (zurückstellen)
  void NUMBER [REASON]                     the invoice no longer counts (storno)
  credit NUMBER AMOUNT [REASON]            a credit note lowers what is open (gutschrift)
  writeoff NUMBER [AMOUNT] [REASON]        the open rest, or that much, written off (abschreiben)

  WHEN     today, yesterday, 3d ago, on 2026-11-20, am 20.11.2026 (rapport help dates)
  AMOUNT   1250, 1250.50, 1.250,50, 1,250.50 (rapport help amounts)
  TIME     how long an interaction took, first or last: 45m, 1h30m, 1,5h, 90min, 1,5 Std

A line that does not parse is refused with the word that failed and what fits there;
nothing is written.  `rapport quick -` reads one line per command from stdin (also
`rapport quick` with no words when stdin is not a terminal): blank lines and lines
starting with # are skipped, every line is its own write, a refused line is reported
with its number and the others still run; the exit status is 2 if any was refused.
`rapport quick --dry-run LINE` shows how the line is read and writes nothing.

Examples:
  rapport quick "acme call talked about the Q1 budget"
  rapport quick "acme issue!! landing page outside the scope #scope_creep"
  rapport quick "acme invoice 2026-017 1.250,50 EUR due 2026-12-24"
  rapport quick "acme paid 2026-017 500 on 20.11.2026"
  rapport quick "acme anruf Budget besprochen gestern"
  printf 'acme call\\nglobex mail sent the offer\\n' | rapport quick -""",
    "cli.topic.dates.title": "the days a line can name",
    "cli.topic.dates": """\
Two calendar forms, with the day where the form puts it, never guessed:

  2026-11-20     ISO, year first
  20.11.2026     German, day first (01.02.2026 is the 1st of February)

Relative days count whole days from now:

  today, yesterday            heute, gestern
  3d ago, 3 days ago          vor 3 Tagen
  in 14d, in 14 days          in 14 Tagen      (for due dates)

A word shaped like a date that names no real day (2026-02-29, 31.02.2026) is an
error, not text, so a typo never files a note on the wrong day.  `on DATE` (`am DATE`)
puts an interaction at noon of that day; `by DATE` (`bis`) is the day a thank-you is
due; `due DATE` (`fällig`) the day an invoice is.""",
    "cli.topic.amounts.title": "how money is written",
    "cli.topic.amounts": """\
Amounts are exact decimals with at most two decimals, never floating point:

  1250   1250.50   1250,50   1.250,50   1,250.50

With both marks the last one is the decimal mark; one mark followed by exactly
three digits is a thousands mark (1.250 is 1250), otherwise a decimal mark (1,5).
Zero and negative amounts are refused.

The currency follows the amount as an ISO 4217 code (EUR, USD, CHF) or a sign
(€ $ £); without one, the client's currency applies.  A new client's currency,
payment terms and cadence come from `client add --currency/--terms/--cadence`, else
RAPPORT_CURRENCY / RAPPORT_TERMS / RAPPORT_CADENCE, else config.toml, else EUR, 30, 30.""",
    "cli.topic.files.title": "where the book, the backups and the settings live",
    "cli.topic.files": """\
The book    one JSON file: --db PATH, else RAPPORT_DB, else the user data folder
            (~/.local/share/rapport/book.json on Linux).
Backups     book.json.1 ... book.json.5 beside it, the last five versions.
Lock        book.json.lock: every write holds it; a second terminal waits its turn.
History     the board's quick-log history, in the user state folder.

Settings    config.toml in the user config folder (~/.config/rapport/config.toml,
            $XDG_CONFIG_HOME/rapport/config.toml), or the file RAPPORT_CONFIG names:

              locale = "de"          # en or de
              currency = "EUR"       # for new clients
              terms = 14             # payment terms in days, for new clients
              cadence = 21           # days between contacts, for new clients
              theme = "nord"         # the board's theme; the board saves your pick here

              [keys]                 # remap the board's keys by id (see the help screen)
              undo = "ctrl+z"
              quicklog = "l,colon"

Precedence: the command line, then the environment (RAPPORT_LOCALE, RAPPORT_CURRENCY,
RAPPORT_TERMS, RAPPORT_CADENCE, RAPPORT_THEME), then config.toml, then LANG and the
built-in defaults.  A bad file is refused with its line (exit status 2).  Saving the
theme keeps the file's other settings and comments.

A broken book file is never overwritten: every command says where it is broken and
which backup to restore (exit status 1).""",
    "cli.topic.sync.title": "one book on several devices",
    "cli.topic.sync": """\
The book is one file, so it can live in a synced folder or a git repository.

Within one machine, any number of terminals and the open board share the book
safely: every write takes the lock, re-reads what another process wrote, and
replaces the file atomically; the board shows another terminal's write within a
second.  Undo takes back the last change, from whichever terminal it came.

Across devices, two copies of the book are merged record by record, so nothing
either side wrote is lost; see `rapport merge --help` and `rapport sync --help`
where your version has them.  Never let a sync tool write into a book while
Rapport writes it: keep the book in git, or sync the folder while the board is
closed.""",
}

DE: dict[str, str] = {
    "cli.topic.quicklog.title": "die Schnell-Log-Sprache: eine Zeile je Handlung",
    "cli.topic.quicklog": """\
Eine Zeile: KUNDE VERB [ARGUMENTE]

  KUNDE    eine ID (acme), ein eindeutiger Anfang davon (ac) oder ein Teil des Namens;
           "ACME GmbH" in Anführungszeichen, wenn er Leerzeichen hat.
  VERB     deutsch oder englisch, gleich in welcher Sprache der Bildschirm spricht.

  anruf | treffen | mail | nachricht | notiz   [DAUER] TEXT [WANN]
           (call, meeting, mail, message, note)
  problem[!|!!] TEXT [#ART] [WANN]         ! mittel, !! hoch (issue, issue!, issue!!)
           ART: scope_creep communication delay contact_change
                expectation_drift quality payment other
  gelöst N [NOTIZ]                         (resolve)
  rechnung NUMMER BETRAG [WÄHRUNG] [am DATUM] [fällig DATUM | in 14d]   (invoice)
           ohne Fälligkeit gilt das Zahlungsziel der Kund:in
  bezahlt NUMMER [BETRAG [WÄHRUNG]] [am DATUM]   ohne Betrag: der ganze Rest (paid)
  danke TEXT [bis DATUM]                   ein Dank, den du schuldest (thanks)
  gedankt N                                der Dank N ist erledigt (thanked)
  lob "TEXT" [von NAME]                    ein erhaltenes Kompliment (kudos ... from NAME)
  status STATUS [NOTIZ]                    strained repair drifting new routine trusted ended
                                           (state; auch die deutschen Namen)
  nachfassen TEXT bis TAG                  ein datierter nächster Schritt (followup ... by DAY)
  erledigt N | erledigt followup:N         das Nachfassen N ist erledigt (done)
  zurückstellen 2w [GRUND] | bis DATUM | aus   kein Kontakt-Hinweis bis dahin (snooze)
  storno NUMMER [GRUND]                    die Rechnung zählt nicht mehr (void)
  gutschrift NUMMER BETRAG [GRUND]         eine Gutschrift senkt den offenen Betrag (credit)
  abschreiben NUMMER [BETRAG] [GRUND]      der offene Rest, oder so viel, abgeschrieben (writeoff)

  WANN     heute, gestern, vor 3 Tagen, am 20.11.2026, on 2026-11-20 (rapport help dates)
  BETRAG   1250, 1250.50, 1.250,50, 1,250.50 (rapport help amounts)
  DAUER    wie lange ein Kontakt dauerte, vorn oder hinten: 45m, 1h30m, 1,5 Std, 90 Min

Eine Zeile, die nicht lesbar ist, wird mit dem Wort abgelehnt, an dem es scheitert,
und mit dem, was dort passt; nichts wird geschrieben.  `rapport quick -` liest eine
Zeile je Befehl von stdin (auch `rapport quick` ohne Wörter, wenn stdin kein Terminal
ist): leere Zeilen und Zeilen mit # am Anfang werden übersprungen, jede Zeile ist ein
eigener Schreibvorgang, eine abgelehnte Zeile wird mit ihrer Nummer gemeldet und die
übrigen laufen weiter; der Exit-Status ist 2, wenn eine abgelehnt wurde.
`rapport quick --dry-run ZEILE` zeigt, wie die Zeile gelesen wird, und schreibt nichts.

Beispiele:
  rapport quick "acme anruf Budget besprochen gestern"
  rapport quick "acme problem!! Landingpage außerhalb des Umfangs #scope_creep"
  rapport quick "acme rechnung 2026-017 1.250,50 EUR fällig 24.12.2026"
  rapport quick "acme bezahlt 2026-017 500 am 20.11.2026"
  printf 'acme anruf\\nglobex mail Angebot geschickt\\n' | rapport quick -""",
    "cli.topic.dates.title": "die Tage, die eine Zeile nennen kann",
    "cli.topic.dates": """\
Zwei Kalenderformen, der Tag steht, wo die Form ihn hinstellt, nie geraten:

  2026-11-20     ISO, Jahr zuerst
  20.11.2026     deutsch, Tag zuerst (01.02.2026 ist der 1. Februar)

Relative Tage zählen ganze Tage ab jetzt:

  heute, gestern              today, yesterday
  vor 3 Tagen                 3d ago, 3 days ago
  in 14 Tagen, in 14d         in 14 days       (für Fälligkeiten)

Ein Wort in Datumsform, das keinen echten Tag nennt (2026-02-29, 31.02.2026), ist ein
Fehler und kein Text, damit ein Tippfehler nie eine Notiz am falschen Tag ablegt.
`am DATUM` (`on`) legt einen Kontakt auf zwölf Uhr dieses Tages; `bis DATUM` (`by`) ist
der Tag, bis zu dem ein Dank fällig ist; `fällig DATUM` (`due`) der einer Rechnung.""",
    "cli.topic.amounts.title": "wie Geld geschrieben wird",
    "cli.topic.amounts": """\
Beträge sind genaue Dezimalzahlen mit höchstens zwei Nachkommastellen, nie Gleitkomma:

  1250   1250.50   1250,50   1.250,50   1,250.50

Mit beiden Zeichen ist das letzte das Dezimalzeichen; ein Zeichen mit genau drei
Ziffern danach trennt Tausender (1.250 ist 1250), sonst ist es das Dezimalzeichen (1,5).
Null und negative Beträge werden abgelehnt.

Die Währung folgt dem Betrag als ISO-4217-Code (EUR, USD, CHF) oder Zeichen (€ $ £);
ohne sie gilt die Währung der Kund:in.  Währung, Zahlungsziel und Rhythmus einer neuen
Kund:in kommen aus `client add --currency/--terms/--cadence`, sonst aus
RAPPORT_CURRENCY / RAPPORT_TERMS / RAPPORT_CADENCE, sonst aus config.toml, sonst
EUR, 30, 30.""",
    "cli.topic.files.title": "wo Buch, Sicherungen und Einstellungen liegen",
    "cli.topic.files": """\
Das Buch       eine JSON-Datei: --db PFAD, sonst RAPPORT_DB, sonst der Datenordner
               des Benutzers (~/.local/share/rapport/book.json unter Linux).
Sicherungen    book.json.1 ... book.json.5 daneben, die letzten fünf Fassungen.
Sperre         book.json.lock: jeder Schreibvorgang hält sie; ein zweites Terminal wartet.
Verlauf        der Schnell-Log-Verlauf des Boards, im Zustandsordner des Benutzers.

Einstellungen  config.toml im Konfigurationsordner (~/.config/rapport/config.toml,
               $XDG_CONFIG_HOME/rapport/config.toml) oder die Datei, die RAPPORT_CONFIG nennt:

                 locale = "de"          # en oder de
                 currency = "EUR"       # für neue Kund:innen
                 terms = 14             # Zahlungsziel in Tagen, für neue Kund:innen
                 cadence = 21           # Tage zwischen Kontakten, für neue Kund:innen
                 theme = "nord"         # das Farbschema des Boards; das Board speichert deine Wahl

                 [keys]                 # Tasten des Boards nach ID umlegen (siehe Hilfe)
                 undo = "ctrl+z"
                 quicklog = "l,colon"

Vorrang: die Kommandozeile, dann die Umgebung (RAPPORT_LOCALE, RAPPORT_CURRENCY,
RAPPORT_TERMS, RAPPORT_CADENCE, RAPPORT_THEME), dann config.toml, dann LANG und die
eingebauten Vorgaben.  Eine fehlerhafte Datei wird mit ihrer Zeile abgelehnt
(Exit-Status 2).  Beim Speichern des Farbschemas bleiben die übrigen Einstellungen und
Kommentare erhalten.

Eine kaputte Buchdatei wird nie überschrieben: jeder Befehl sagt, wo sie kaputt ist
und welche Sicherung zurückzuholen ist (Exit-Status 1).""",
    "cli.topic.sync.title": "ein Buch auf mehreren Geräten",
    "cli.topic.sync": """\
Das Buch ist eine Datei, es kann also in einem synchronisierten Ordner oder einem
git-Repository liegen.

Auf einem Rechner teilen sich beliebig viele Terminals und das offene Board das Buch
sicher: jeder Schreibvorgang nimmt die Sperre, liest nach, was ein anderer Prozess
schrieb, und ersetzt die Datei in einem Schritt; das Board zeigt den Schreibvorgang
eines anderen Terminals binnen einer Sekunde.  Rückgängig nimmt die letzte Änderung
zurück, aus welchem Terminal sie auch kam.

Zwischen Geräten werden zwei Kopien des Buchs Eintrag für Eintrag zusammengeführt,
sodass nichts verloren geht, was eine Seite schrieb; siehe `rapport merge --help` und
`rapport sync --help`, wo deine Fassung sie hat.  Lass nie ein Sync-Werkzeug in ein
Buch schreiben, während Rapport hineinschreibt: leg das Buch in git, oder synchronisiere
den Ordner, während das Board geschlossen ist.""",
}
