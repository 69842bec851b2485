"""A document's text cut into the pieces a role is stated in: sentences, and the items of a list,
each with where it stands in the text (so its quote is the text's own characters) and, for an
item, the line that introduces its list."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Segment", "segments"]

_BULLET = re.compile(r"^\s*(?:[•·▪●◦\-–—*]|\d{1,2}[.)])\s+")
# A sentence ends at . ! ? (or a closing quote after one) before a space and a capital, a dash or a quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[»”\"]?\s+(?=[A-ZÆØÅ«\-–\"])")
_ABBREVIATIONS = ("bl.a.", "f.eks.", "m.fl.", "o.l.", "ca.", "jf.", "dvs.", "St.", "nr.", "adm.", "dir.", "mv.")


@dataclass(frozen=True)
class Segment:
    """One sentence or list item: its text (exactly as in the document), where it starts and
    ends, its kind (``sentence``, ``item``, ``heading``), and for an item the line before its list."""

    text: str
    start: int
    end: int
    kind: str
    lead: str = ""


def _sentences(line: str, offset: int) -> list[tuple[str, int]]:
    out, begin = [], 0
    for match in _SENTENCE_END.finditer(line):
        piece = line[begin : match.start()].rstrip('»”"')
        if any(piece.endswith(a) for a in _ABBREVIATIONS) or re.search(r"\b\d{1,2}\.$", piece):
            continue  # «bl.a. Helse Vest», «15. juni»
        chunk = line[begin : match.start()]
        out.append((chunk, offset + begin))
        begin = match.end()
    out.append((line[begin:], offset + begin))
    return [(text, at) for text, at in out if text.strip()]


def _in_a_run(lines: list[str], number: int) -> bool:
    """Whether the line ``number`` has a bulleted line right before or after it (blank lines aside)."""
    for step in (-1, 1):
        other = number + step
        while 0 <= other < len(lines) and not lines[other].strip():
            other += step
        if 0 <= other < len(lines) and _BULLET.match(lines[other]):
            return True
    return False


def segments(text: str) -> list[Segment]:
    """Every sentence and list item of ``text``, in order; ``text[s.start:s.end] == s.text``.

    A list is bulleted lines, or the short lines right under a label («Arrangør(er):»,
    «Kontaktperson») until a blank line; each is an item whose ``lead`` is the line above it.
    """
    found: list[Segment] = []
    lead = ""
    label = ""  # a short label line whose lines below, up to a blank line, are its items
    after_item = False  # an indented line right under a list item belongs to its list (a title)
    offset = 0
    lines = text.splitlines(keepends=True)
    for number, raw_line in enumerate(lines):
        line = raw_line.rstrip("\r\n")
        stripped = line.strip()
        start_of_line = offset
        offset += len(raw_line)
        if not stripped:
            label = ""
            after_item = False
            continue
        left = len(line) - len(line.lstrip())
        body = line[left:].rstrip()
        bullet = _BULLET.match(line)
        if bullet and len(line) - bullet.end() > 120:  # «- Vi er glade …, sier X»: a quotation, not a list item
            bullet = None
        if bullet and line.lstrip()[0].isdigit() and not _in_a_run(lines, number):
            bullet = None  # «10. Bruk av kunstig intelligens» on its own: a numbered heading
        if bullet:
            item = line[bullet.end() :].rstrip()
            found.append(
                Segment(item, start_of_line + bullet.end(), start_of_line + bullet.end() + len(item), "item", lead)
            )
            after_item = True
            continue
        if after_item and left > 0 and len(body) < 120:
            found.append(Segment(body, start_of_line + left, start_of_line + left + len(body), "item", lead))
            continue
        after_item = False
        if label and len(body) < 120 and not body.endswith(":"):
            found.append(Segment(body, start_of_line + left, start_of_line + left + len(body), "item", label))
            continue
        if len(body) < 90 and not re.search(r"[.!?»]$", body) and not body.endswith(":"):
            found.append(Segment(body, start_of_line + left, start_of_line + left + len(body), "heading"))
            lead = label = body
            continue
        for sentence, at in _sentences(body, start_of_line + left):
            trimmed = sentence.rstrip()
            found.append(Segment(trimmed, at, at + len(trimmed), "sentence"))
        lead = found[-1].text  # the sentence that introduces a list below it
        label = body if body.endswith(":") and len(body) < 60 else ""
    return found
