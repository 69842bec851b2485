"""Whether a text is Norwegian, and which written form: the reader reads bokmål and nynorsk and
refuses other languages rather than invent roles from words it does not know."""

from __future__ import annotations

import re

__all__ = ["norwegian_share", "language_of", "MIN_NORWEGIAN_SHARE"]

# Short words that make up a good part of any Norwegian text, bokmål or nynorsk, and of few others.
_NORWEGIAN = frozenset(
    [
        "og",
        "i",
        "er",
        "det",
        "som",
        "på",
        "for",
        "med",
        "av",
        "til",
        "en",
        "ein",
        "et",
        "eit",
        "den",
        "de",
        "dei",
        "ikke",
        "ikkje",
        "har",
        "skal",
        "vil",
        "kan",
        "om",
        "fra",
        "frå",
        "ved",
        "eller",
        "også",
        "óg",
        "seg",
        "sin",
        "sitt",
        "sine",
        "vi",
        "me",
        "vår",
        "vårt",
        "dette",
        "denne",
        "dei",
        "blir",
        "vert",
        "blitt",
        "vore",
        "vært",
        "hos",
        "etter",
    ]
)
MIN_NORWEGIAN_SHARE = 0.08  # of the words; Norwegian prose has 0.2–0.35, English well under 0.05


def norwegian_share(text: str) -> float:
    """The share of the words of ``text`` that are common short Norwegian words.

    >>> norwegian_share("Helsedirektoratet leder prosjektet, og KS er med i styringsgruppen.") > 0.2
    True
    >>> norwegian_share("The directorate leads the project and the board.") < 0.05
    True
    """
    words = re.findall(r"[a-zæøåé]+", text.lower())
    return sum(word in _NORWEGIAN for word in words) / len(words) if words else 0.0


# Words that tell nynorsk from bokmål (each written only in one of them).
_NYNORSK = frozenset(
    [
        "ikkje",
        "eit",
        "ein",
        "vert",
        "vart",
        "frå",
        "kva",
        "korleis",
        "kvifor",
        "dei",
        "berre",
        "mykje",
        "saman",
        "medan",
        "òg",
        "heile",
        "noko",
        "nokre",
        "korleis",
        "sjølv",
        "eigen",
        "eiga",
        "eige",
        "høyrer",
        "gjer",
        "gjennomføre",
        "tenesta",
        "tenester",
        "helseføretak",
    ]
)
_BOKMAL = frozenset(
    [
        "ikke",
        "et",
        "en",
        "blir",
        "fra",
        "hva",
        "hvordan",
        "hvorfor",
        "de",
        "bare",
        "mye",
        "sammen",
        "mens",
        "også",
        "hele",
        "noe",
        "noen",
        "selv",
        "egen",
        "eget",
        "hører",
        "gjør",
        "tjenesten",
        "tjenester",
        "helseforetak",
    ]
)


def language_of(text: str) -> str:
    """``nn`` for nynorsk, else ``nb``: by the words only one of them writes.

    >>> language_of("Prosjektet vert leia av Helse Vest IKT, og dei skal ikkje gjere det åleine.")
    'nn'
    >>> language_of("Prosjektet ledes av Helse Vest IKT, og de skal ikke gjøre det alene.")
    'nb'
    """
    words = re.findall(r"[a-zæøåò]+", text.lower())
    nynorsk = sum(w in _NYNORSK for w in words)
    bokmal = sum(w in _BOKMAL for w in words)
    return "nn" if nynorsk > bokmal else "nb"
