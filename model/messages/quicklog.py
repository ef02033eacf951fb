"""Texts of quicklog, in both languages."""

EN: dict[str, str] = {}

DE: dict[str, str] = {}
