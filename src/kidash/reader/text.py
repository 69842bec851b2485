"""A document's text cut into the pieces a role is stated in: headings, sentences, and the items of
a list, each with where it stands in the text (so a quote is the text's own characters) and, for an
item, the block that introduces its list.

A list is bulleted or numbered lines, the short lines under a label («Medlemmer:», «Ordstyrer»,
«Tiltakseigar»), or a label and its value on one line («Sekretariat: Nasjonalt senter for …»). A
line indented under an item, or a title line under a name, belongs to that item (its quote takes
both lines). A page's furniture (cookie notes, «Hopp til innhold», picture captions, file names)
is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kidash.reader.nouns import noun_of
from kidash.reader.rules import rules

__all__ = ["Segment", "segments", "sentences"]

_BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙\-–—*]|\d{1,2}[.)])\s+")
_TIMED = re.compile(r"^\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s+(?=\S)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[»”\"')]?\s+(?=[A-ZÆØÅÉ«\"–\-—(])")
# Words that end with a full stop without ending the sentence (any case).
_ABBREVIATIONS = frozenset(
    [
        "bl.a",
        "f.eks",
        "m.fl",
        "o.l",
        "ca",
        "jf",
        "jfr",
        "dvs",
        "st",
        "nr",
        "adm",
        "dir",
        "prof",
        "dr",
        "mr",
        "kl",
        "pr",
        "mill",
        "mrd",
        "ev",
        "evt",
        "osv",
        "mv",
        "vs",
        "tlf",
        "tel",
        "hhv",
        "ifm",
        "iht",
        "inkl",
        "ekskl",
        "jr",
        "sen",
        "red",
        "ref",
        "resp",
        "sst",
        "avd",
        "seksj",
        "div",
        "ant",
        "fig",
        "kap",
        "pkt",
        "t.o.m",
        "f.o.m",
        "m.m",
        "m.a",
        "bl.anna",
        "etc",
        "e.l",
        "o.a",
        "u.a",
        "sek",
        "min",
        "vit.ass",
        "ass",
        "spes",
        "tidl",
    ]
)
_INITIAL = re.compile(r"(?:^|\s)[A-ZÆØÅ]\.$")  # «Erik M.» before «Hansen»
_LABEL_MAX = 80


@dataclass(frozen=True)
class Segment:
    """One heading, sentence or list item: its text (exactly as in the document), where it starts
    and ends, its kind (``heading``, ``sentence``, ``item``), whether it is a list's ``label``, and
    for an item the block that introduces its list (``lead``) and where its first line ends."""

    text: str
    start: int
    end: int
    kind: str
    label: bool = False
    lead: Segment | None = None
    first_end: int = -1  # an item's first line ends here (its title line follows)
    paragraph: int = 0  # sentences of one paragraph share the number
    timed: bool = False  # an item of a programme («09.20 Erfaringer fra … – Kari Nordmann»)

    @property
    def first_line(self) -> str:
        return self.text if self.first_end < 0 else self.text[: self.first_end - self.start]


def sentences(line: str, offset: int) -> list[tuple[str, int]]:
    """A paragraph's sentences, each with where it starts.

    >>> [s for s, _ in sentences("KIN åpnet 15. juni 2021. Bl.a. KS deltar, jf. St. Olavs hospital. Ferdig.", 0)]
    ['KIN åpnet 15. juni 2021.', 'Bl.a. KS deltar, jf. St. Olavs hospital.', 'Ferdig.']
    >>> [s for s, _ in sentences("Møtet er kl. 10. Det ledes av adm. dir. Erik M. Hansen. Slutt.", 0)]
    ['Møtet er kl. 10.', 'Det ledes av adm. dir. Erik M. Hansen.', 'Slutt.']
    """
    months = rules().months
    out, begin = [], 0
    for match in _SENTENCE_END.finditer(line):
        piece = line[begin : match.start()].rstrip("»”\"')")
        last = piece.rsplit(None, 1)[-1] if piece.split() else ""
        word = last.rstrip(".").lstrip('([«"').lower()
        if word in _ABBREVIATIONS or _INITIAL.search(piece):
            continue
        following = line[match.end() :].split(None, 1)
        if re.fullmatch(r"\d{1,2}\.", last) and following and following[0].lower().strip(",.") in months:
            continue  # «15. Juni» written with a capital
        out.append((line[begin : match.start()], offset + begin))
        begin = match.end()
    out.append((line[begin:], offset + begin))
    return [(text.rstrip(), at) for text, at in out if text.strip()]


def _furniture(body: str) -> bool:
    return any(pattern.match(body) for pattern in rules().furniture)


def _is_label(body: str) -> bool:
    """A short line that introduces what follows: it ends with a colon, or it is a role's noun alone
    («Ordstyrer», «Tiltakseigar», «Involverte aktørar», «Kontaktperson»)."""
    if len(body) > _LABEL_MAX:
        return False
    if body.endswith(":"):
        return True
    return any(cue.read in ("noun", "label") and cue.pattern.fullmatch(body.strip()) for cue in rules().cues)


def _in_a_run(lines: list[str], number: int) -> bool:
    """Whether the line ``number`` has a bulleted line right before or after it (blank lines aside)."""
    for step in (-1, 1):
        other = number + step
        while 0 <= other < len(lines) and not lines[other].strip():
            other += step
        if 0 <= other < len(lines) and _BULLET.match(lines[other]):
            return True
    return False


def _timed_run(lines: list[str], number: int) -> bool:
    """Whether the line is one of two or more lines near each other that start with a time («09.20
    Erfaringer …»): a programme, whose lines are items (a day's heading may stand between them)."""
    near = [lines[i] for i in range(max(0, number - 8), min(len(lines), number + 9)) if i != number]
    return bool(_TIMED.match(lines[number])) and any(_TIMED.match(n) for n in near)


def _looks_like_title(body: str) -> bool:
    return len(body) < 90 and bool(rules().titles.match(body))


def segments(text: str) -> list[Segment]:
    """Every heading, sentence and list item of ``text``, in order; ``text[s.start:s.end] == s.text``.

    >>> [(s.kind, s.text, s.lead.text if s.lead else "") for s in segments("Medlemmer:\\n- KS\\n- Helse Nord RHF\\n")]
    [('heading', 'Medlemmer:', ''), ('item', 'KS', 'Medlemmer:'), ('item', 'Helse Nord RHF', 'Medlemmer:')]
    """
    found: list[Segment] = []
    lead: Segment | None = None  # what the next list's items hang under
    label: Segment | None = None  # a label whose plain lines below are its items (up to a blank line)
    pending_label: Segment | None = None  # a label heading: its next short lines are items even after a blank
    paragraph = 0
    offset = 0
    lines = text.splitlines(keepends=True)
    for number, raw_line in enumerate(lines):
        line = raw_line.rstrip("\r\n")
        stripped = line.strip()
        line_start = offset
        offset += len(raw_line)
        if not stripped:
            label = None
            paragraph += 1
            continue
        left = len(line) - len(line.lstrip())
        body = line[left:].rstrip()
        at = line_start + left
        if _furniture(body):
            continue
        timed = _TIMED.match(line) if _timed_run(lines, number) else None
        bullet = timed or _BULLET.match(line)
        if (
            bullet
            and re.search(r"[.!?»]$", body)
            and (len(line) - bullet.end() > 160 or (line.lstrip()[0] in "-–—" and rules().speech_verbs.search(body)))
        ):
            bullet = None  # «– Vi er glade …, sier X»: a quotation, not a list item
        if bullet and not timed and line.lstrip()[0].isdigit() and not _in_a_run(lines, number):
            bullet = None  # «10. Bruk av kunstig intelligens» on its own: a numbered heading
        previous = found[-1] if found else None
        if bullet:
            item = line[bullet.end() :].rstrip()
            if item:
                begin = line_start + bullet.end()
                found.append(Segment(item, begin, begin + len(item), "item", lead=lead, paragraph=paragraph,
                                     timed=bool(timed)))  # fmt: skip
            continue
        if previous is not None and previous.kind == "item" and previous.first_end < 0 and left > 0 and len(body) < 120:
            # a line indented under an item: its title («Kommunikasjonsdirektør»); the item takes it
            found[-1] = Segment(text[previous.start : at + len(body)], previous.start, at + len(body), "item",
                                lead=previous.lead, first_end=previous.end, paragraph=previous.paragraph)  # fmt: skip
            continue
        if label is not None and len(body) < 120 and not _is_label(body):
            found.append(Segment(body, at, at + len(body), "item", lead=label, paragraph=paragraph))
            continue
        if pending_label is not None and len(body) < 90 and not re.search(r"[.!?:]$", body) and not _is_label(body):
            if (
                previous is not None
                and previous.kind == "item"
                and previous.lead is pending_label
                and _looks_like_title(body)
            ):
                found[-1] = Segment(text[previous.start : at + len(body)], previous.start, at + len(body), "item",
                                    lead=pending_label, first_end=previous.end, paragraph=previous.paragraph)  # fmt: skip
                pending_label = None
                continue
            if previous is pending_label:  # «Tiltakseigar» ⏎ ⏎ «Erik M. Hansen»
                found.append(Segment(body, at, at + len(body), "item", lead=pending_label, paragraph=paragraph))
                continue
        pending_label = None
        labelled = re.match(r"^([^:]{2,40}):\s+(\S.*)$", body)
        if (labelled and _is_label(labelled.group(1) + ":") and not re.search(r"\d:\d", body[: labelled.end(1) + 1])
                and noun_of(labelled.group(1).split()[-1]) is None and noun_of(labelled.group(1).split()[0]) is None):  # fmt: skip
            # «Sekretariat: Nasjonalt senter for e-helseforskning»: a label and its one item
            name = Segment(labelled.group(1) + ":", at, at + labelled.end(1) + 1, "heading", label=True)
            value_at = at + labelled.start(2)
            found += [name, Segment(labelled.group(2), value_at, value_at + len(labelled.group(2)), "item",
                                    lead=name, paragraph=paragraph)]  # fmt: skip
            continue
        if _is_label(body):
            segment = Segment(body, at, at + len(body), "heading", label=True, paragraph=paragraph)
            found.append(segment)
            lead = segment
            label = segment
            pending_label = segment if not body.endswith(":") else None
            continue
        if len(body) < 90 and not re.search(r"[.!?»:]$", body):
            segment = Segment(body, at, at + len(body), "heading", paragraph=paragraph)
            found.append(segment)
            lead = segment
            continue
        pieces = sentences(body, at)
        for sentence, begin in pieces:
            found.append(Segment(sentence, begin, begin + len(sentence), "sentence", paragraph=paragraph))
        # the paragraph introduces a list below it: its last sentence when that ends with a colon
        # («Andre som samarbeider i arbeidsgruppen er:»), else the whole paragraph
        last_text, last_at = pieces[-1] if pieces else (body, at)
        lead = (
            Segment(last_text, last_at, last_at + len(last_text), "sentence", paragraph=paragraph)
            if last_text.rstrip().endswith(":")
            else Segment(body, at, at + len(body), "paragraph", paragraph=paragraph)
        )
        if body.endswith(":") and len(pieces) == 1 and len(body) < 160:
            label = lead
    return found
