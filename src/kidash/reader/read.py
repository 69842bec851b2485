"""A document file in, candidates out, or the reasons there are none: the same text extraction
as a document added to the living map (:func:`kidash.data.document_text.read_document`), then a
check that the text is Norwegian, then :func:`kidash.reader.suggest.suggest`."""

from __future__ import annotations

import re

from kidash.data.document_text import read_document
from kidash.data.problems import Problem
from kidash.reader.names import ActorIndex
from kidash.reader.suggest import Candidate, suggest

__all__ = ["read_and_suggest", "norwegian_share", "MIN_NORWEGIAN_SHARE"]

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


def read_and_suggest(
    name: str, raw: bytes, index: ActorIndex, about: str | None = None, document_date: str = "", title: str = ""
) -> tuple[list[Candidate], list[Problem], str]:
    """(candidates, problems, the text read) for a document file ``name`` with bytes ``raw``.
    Problems (the file is empty, binary, a PDF without text, too big, not Norwegian) come with no
    candidates: nothing is invented from what could not be read."""
    document, problems = read_document(name, raw)
    if document is None:
        return [], problems, ""
    if norwegian_share(document.text) < MIN_NORWEGIAN_SHARE:
        return [], [Problem(name, None, None, "not_norwegian", {})], document.text
    return suggest(document.text, index, about, document_date, title), [], document.text
