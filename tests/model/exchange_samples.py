"""Sample address-book files for the import tests, written the way real exporters write them."""

from __future__ import annotations

VCARDS = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Jürgen Müller\r\n"
    "N:Müller;Jürgen;;;\r\n"
    "EMAIL;TYPE=INTERNET,WORK:juergen@oelmuehle.de\r\n"
    "EMAIL;TYPE=INTERNET,HOME:jm@example.org\r\n"
    "TEL;TYPE=WORK:+49 40 1234\r\n"
    "TEL;TYPE=CELL:+49 170 555\r\n"
    "ORG:Café Ölmühle GmbH;Einkauf\r\n"
    "TITLE:Geschäftsführer\r\n"
    "NOTE:a long note that is folded over two lines by the exporter, as RFC 6350 a\r\n"
    " llows\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Zoë Åberg\r\n"
    "EMAIL;TYPE=work:zoe@nordlicht.se\r\n"
    'TEL;VALUE=uri;TYPE="voice,work":tel:+46-8-123\r\n'
    "ORG:Nordlicht AB\r\n"
    "ROLE:Projektleitung\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Heike Sänger\r\n"
    "EMAIL:heike@oelmuehle.de\r\n"
    "ORG:CAFÉ ÖLMÜHLE GMBH\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Solo;Sam;;;\r\n"
    "END:VCARD\r\n"
)

BROKEN = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Alt\r\nEMAIL:anna@alt.de\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bernd Bruch\r\nthis line is no property\r\nEND:VCARD\r\n"
)

CSV = (
    "Name;E-Mail;Telefon;Firma;Notizen;Geburtstag\n"
    "Jürgen Müller;JUERGEN@oelmuehle.de;+49 40 1234;Café Ölmühle GmbH;kennt uns;1970-01-01\n"
    "Paula Neu;paula@neu.de; +49 30 99 ;Neu & Co;;\n"
    "Otto Ohne;;;;;\n"
    ";;;;;\n"
)
