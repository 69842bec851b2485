"""A document file in, candidates out, or the reasons there are none: the same text extraction
as a document added to the living map (:func:`kidash.data.document_text.read_document`), then a
check that the text is Norwegian, then :func:`kidash.reader.suggest.suggest`."""

from __future__ import annotations

from kidash.data.document_text import DocumentText, read_document
from kidash.data.problems import Problem
from kidash.reader.language import MIN_NORWEGIAN_SHARE, language_of, norwegian_share
from kidash.reader.names import ActorIndex
from kidash.reader.suggest import Candidate, Reading, read_text, suggest

__all__ = ["read_and_suggest", "read_file", "norwegian_share", "language_of", "MIN_NORWEGIAN_SHARE"]


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


def read_file(
    name: str, raw: bytes, index: ActorIndex, about: str | None = None, document_date: str = "", title: str = "",
    publisher: str = "",
) -> tuple[Reading | None, list[Problem], DocumentText | None]:  # fmt: skip
    """(everything the reader proposes, problems, the document's text as kept) for a file ``name``
    with bytes ``raw``; with a problem, no reading: nothing is invented from what could not be read."""
    document, problems = read_document(name, raw)
    if document is None:
        return None, problems, None
    if norwegian_share(document.text) < MIN_NORWEGIAN_SHARE:
        return None, [Problem(name, None, None, "not_norwegian", {})], document
    return read_text(document.text, index, about, document_date, title, publisher), [], document
