"""A source document's text, from what a person pastes or uploads: plain text, a web page (HTML) or a
PDF. One reader for the living map's documents and for the reader of new documents.

The text is kept as the document states it, people's contact details taken out
(:func:`kidash.data.privacy.redact`), with a hash of its content. What cannot be read is a
:class:`~kidash.data.problems.Problem` naming the file and what to do, never a guess: an empty
file, a binary file named .txt, a scanned PDF with no text layer, a file over the size limit.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath

from kidash.data.privacy import redact
from kidash.data.problems import Problem

__all__ = ["MAX_DOCUMENT_BYTES", "DocumentText", "read_document", "normalised", "content_hash"]

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # a long report as PDF; larger is refused with the limit named
_MIN_LETTERS = 20  # fewer letters than this is no document to read roles from


@dataclass(frozen=True)
class DocumentText:
    """A document's text as kept: the text, how it was read (``text``, ``html``, ``pdf``) and its hash."""

    text: str
    read_as: str
    hash: str


def normalised(text: str) -> str:
    """Text with every run of white space as one space (how a quote is looked for in a document).

    >>> normalised(" Helse\\u00a0Vest\\n  RHF ")
    'Helse Vest RHF'
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(text: str) -> str:
    """A hash of a document's content (its white-space-normalised text), the same however it was pasted."""
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()


def _kind(name: str, raw: bytes) -> str:
    suffix = PurePosixPath(name.lower()).suffix
    if raw.startswith(b"%PDF") or suffix == ".pdf":
        return "pdf"
    head = raw[:2048].lower()
    if suffix in (".html", ".htm") or b"<html" in head or b"<!doctype html" in head or b"<body" in head:
        return "html"
    return "text"


def _decode(raw: bytes) -> str | None:
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # a binary file, whatever its name says
    for encoding in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text[:4096] if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
        if controls <= len(text[:4096]) * 0.01:
            return text
    return None


def _html_text(html: str) -> str:
    import trafilatura  # imported here: only documents added as web pages need it

    found = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if found:
        return found
    # no main text found (a page of lists): its visible text, scripts and styles left out
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(html)
    for element in tree.xpath("//script|//style|//noscript"):
        element.drop_tree()
    return "\n".join(line.strip() for line in tree.text_content().splitlines() if line.strip())


def _pdf_text(raw: bytes) -> str:
    from pypdf import PdfReader  # imported here: only documents added as PDFs need it

    reader = PdfReader(io.BytesIO(raw))
    return "\n".join((page.extract_text() or "") for page in reader.pages)


def read_document(name: str, raw: bytes) -> tuple[DocumentText | None, list[Problem]]:
    """The text of one pasted or uploaded document (``name`` says where it came from; pasted text is
    passed encoded as UTF-8 with a name ending in .txt), or the problems that stop it being read."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        size, limit = f"{len(raw) / 1048576:.1f}", MAX_DOCUMENT_BYTES // 1048576
        return None, [Problem(name, None, None, "document_too_big", {"size": size, "limit": limit})]
    kind = _kind(name, raw)
    try:
        if kind == "pdf":
            text = _pdf_text(raw)
        else:
            decoded = _decode(raw)
            if decoded is None:
                return None, [Problem(name, None, None, "document_binary", {})]
            text = _html_text(decoded) if kind == "html" else decoded
    except Exception as err:  # noqa: BLE001 - a broken file is a message, never a traceback
        return None, [Problem(name, None, None, "unreadable", {"detail": type(err).__name__})]
    text = re.sub(r"[ \t]+\n", "\n", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if sum(1 for c in text if c.isalpha()) < _MIN_LETTERS:
        code = "pdf_without_text" if kind == "pdf" else "empty_document"
        return None, [Problem(name, None, None, code, {})]
    text = redact(text)
    return DocumentText(text=text, read_as=kind, hash=content_hash(text)), []
