"""Texts of the config file's refusals, in both languages.

Registered with the board's texts (``import tui``), so that :mod:`tui.config`
can explain a bad file to the command line and to the board alike.
"""

EN: dict[str, str] = {
    "config.error": "config file {path}, line {line}: {problem}",
    "config.unknown": "'{name}' is not a setting (known: {known})",
    "config.text": "'{name}' must be a non-empty text in quotes",
    "config.choice": "'{name}' must be one of {allowed}",
    "config.currency": "'currency' must be a three-letter ISO 4217 code such as \"EUR\"",
    "config.days": "'{name}' must be a whole number of days between 1 and 3650",
    "config.flag": "'{name}' must be true or false",
    "config.keys_table": "'keys' must be a table: [keys] with lines like undo = \"ctrl+z\"",
    "config.key_value": "the key for '{name}' must be a text such as \"ctrl+z\"",
    "config.key_id": "'{name}' is no key of the board (known: {known})",
    "config.theme": "'{value}' is no theme (known: {known})",
}

DE: dict[str, str] = {
    "config.error": "Konfigurationsdatei {path}, Zeile {line}: {problem}",
    "config.unknown": "'{name}' ist keine Einstellung (bekannt: {known})",
    "config.text": "'{name}' muss ein nicht leerer Text in Anführungszeichen sein",
    "config.choice": "'{name}' muss eines von {allowed} sein",
    "config.currency": "'currency' muss ein dreibuchstabiger ISO-4217-Code wie \"EUR\" sein",
    "config.days": "'{name}' muss eine ganze Zahl von Tagen zwischen 1 und 3650 sein",
    "config.flag": "'{name}' muss true oder false sein",
    "config.keys_table": "'keys' muss eine Tabelle sein: [keys] mit Zeilen wie undo = \"ctrl+z\"",
    "config.key_value": "die Taste für '{name}' muss ein Text wie \"ctrl+z\" sein",
    "config.key_id": "'{name}' ist keine Taste des Boards (bekannt: {known})",
    "config.theme": "'{value}' ist kein Farbschema (bekannt: {known})",
}
