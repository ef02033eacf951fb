"""How names are compared and turned into ids, whatever script they are written in.

People type ``cafe`` for *Café*, ``muller`` or ``mueller`` for *Müller*: a match
must not depend on accents, case or the keyboard at hand.  Transliteration is
anyascii's (ISC licence, pure Python, loads one small table per Unicode block on
first use); German umlauts go first
as ``ae``/``oe``/``ue``, which is how Germans write them without the dots and
what anyascii would flatten to a plain vowel.  Plain ASCII is its own fold and
never loads anyascii (with it importlib.resources): ``rapport quick acme ...``
resolves an ASCII id without it.
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["fold", "folds", "slugify", "transliterate"]

_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)


def _ascii(text: str) -> str:
    if text.isascii():
        return text  # what anyascii would give
    from anyascii import anyascii

    return anyascii(unicodedata.normalize("NFC", text))


@functools.lru_cache(maxsize=4096)
def transliterate(text: str) -> str:
    """Readable ASCII: ``Müller`` → ``Mueller``, ``Işık`` → ``Isik``, ``Москва`` → ``Moskva``."""
    return _ascii(unicodedata.normalize("NFC", text).translate(_UMLAUTS))


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """The form names are compared in: no case, no accents (``Café`` → ``cafe``).

    Umlauts fold to the plain vowel here, not to ``ue``: a search for ``muller``
    must find *Müller* as well as ``mueller`` does (see :func:`folds`).
    """
    return _ascii(text).casefold()


def folds(text: str) -> tuple[str, ...]:
    """Every folded form of ``text`` a typed word may be part of.

    ``Müller`` gives ``muller`` and ``mueller``, so ``muller``, ``mueller`` and
    ``müller`` all find it; most names have one form.
    """
    plain = fold(text)
    german = transliterate(text).casefold()
    return (plain,) if german == plain else (plain, german)


def slugify(name: str) -> str:
    """``"Müller & Söhne GmbH"`` → ``"mueller-soehne-gmbh"``, ``"Café Olé"`` → ``"cafe-ole"``.

    Ids stay typeable on any keyboard and keep the name's letters; a name with no
    letter or digit at all (``"???"``) becomes ``client``.
    """
    out: list[str] = []
    for ch in transliterate(name).lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-") or "client"
