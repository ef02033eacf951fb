"""Texts of the date checks: what was refused, and what is accepted instead."""

EN: dict[str, str] = {
    "date.ahead": "This is dated {day}, after today ({today}): only today or an earlier day is accepted.",
    "date.interaction_ahead": "The {kind} is dated {day}, after today ({today}): log what happened, today or earlier.",
    "date.payment_ahead": "The payment is dated {day}, after today ({today}): record it on the day it came, today or earlier.",
    "date.payment_before_invoice": "The payment on {day} is before invoice {number} was issued ({issued}): a payment comes on the invoice day or later.",
    "date.invoice_ahead": "Invoice {number} is issued on {day}, after today ({today}): an invoice is issued today or earlier.",
    "date.due_before_issue": "Invoice {number} is due on {due}, before it was issued ({issued}): the due day is the issue day or later.",
    "date.by_past": "The thanks would be due by {day}, which has passed (today is {today}): give today or a later day.",
    "book.date_read": "{what} (read {read})",
}

DE: dict[str, str] = {
    "date.ahead": "Das ist auf den {day} datiert, nach heute ({today}): nur heute oder ein früherer Tag geht.",
    "date.interaction_ahead": "{kind} ist auf den {day} datiert, nach heute ({today}): trage ein, was geschehen ist, heute oder früher.",
    "date.payment_ahead": "Die Zahlung ist auf den {day} datiert, nach heute ({today}): trage sie am Tag des Eingangs ein, heute oder früher.",
    "date.payment_before_invoice": "Die Zahlung am {day} liegt vor dem Rechnungsdatum von {number} ({issued}): eine Zahlung kommt am Rechnungstag oder später.",
    "date.invoice_ahead": "Rechnung {number} ist auf den {day} datiert, nach heute ({today}): eine Rechnung wird heute oder früher gestellt.",
    "date.due_before_issue": "Rechnung {number} wäre am {due} fällig, vor ihrem Rechnungsdatum ({issued}): fällig ist sie am Rechnungstag oder später.",
    "date.by_past": "Der Dank wäre bis {day} fällig, und der Tag ist vorbei (heute ist der {today}): gib heute oder einen späteren Tag an.",
    "book.date_read": "{what} (gelesen: {read})",
}
