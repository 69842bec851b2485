"""From a document's text to candidate roles: each a source, a relation of the data contract, a
target, the sentence or list item that states it (the text's own characters), a start date read
from the same words (or the document's date), how sure the reader is and by which rule."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass

from kidash.reader.dates import read_dates
from kidash.reader.names import ActorIndex, Mention
from kidash.reader.rules import Cue, rules
from kidash.reader.text import Segment, segments

__all__ = ["Candidate", "COLUMNS", "suggest", "document_subject"]

COLUMNS = ("source_name", "relation", "target_name", "quote", "start", "date_basis", "source", "target",
           "confidence", "rule")  # fmt: skip


@dataclass(frozen=True)
class Candidate:
    source_name: str
    relation: str
    target_name: str
    quote: str  # a verbatim substring of the document's text
    start: str
    date_basis: str
    source: str  # actor id on the map, empty for a new actor
    target: str
    confidence: float
    rule: str
    quote_start: int = -1  # where the quote stands in the text

    def row(self) -> dict:
        found = asdict(self)
        return {column: found[column] for column in COLUMNS}


@dataclass(frozen=True)
class _End:
    """One end of a role: a mention, or the document's subject (named by a common noun)."""

    name: str
    actor: str
    kind: str
    new: bool


def _end(mention: Mention) -> _End:
    return _End(mention.name, mention.actor.id if mention.actor else "", mention.kind, mention.actor is None)


def document_subject(text: str, index: ActorIndex, about: str | None = None, title: str = "") -> _End | None:
    """What the document is about: ``about`` (an actor's name, or a new one), else the group
    named in its title, else the group it names most."""
    if about:
        actor = index.actor(about)
        return _End(actor.name, actor.id, actor.kind, False) if actor else _End(about, "", "initiative", True)
    pieces = segments(text)
    counts: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    titled: Mention | None = None
    opening = True  # the headings before the first sentence: the title, the most specific last
    for piece in pieces:
        opening = opening and piece.kind == "heading"
        for mention in index.find(piece.text, piece.start, piece.kind == "item", piece.kind == "heading"):
            if not mention.is_group:
                continue
            if opening:
                titled = mention
            counts[mention.name] += 1
            first.setdefault(mention.name, mention)
    if titled is not None:
        return _end(titled)
    if counts:
        return _end(first[counts.most_common(1)[0][0]])
    if title.strip():  # nothing named as a group: the document's title names its event or initiative
        actor = index.actor(title)
        return (
            _End(actor.name, actor.id, actor.kind, False)
            if actor
            else _End(" ".join(title.split()), "", "initiative", True)
        )
    return None


def _cues(segment: Segment) -> list[tuple[Cue, re.Match]]:
    found = []
    for cue in rules().cues:
        for match in cue.pattern.finditer(segment.text):
            if any(m.start() < match.end() and match.start() < m.end() for _, m in found):
                continue  # a longer cue took these words («ledes av» before «leder»)
            found.append((cue, match))
    return sorted(found, key=lambda pair: pair[1].start())


def _subject_mention(segment: Segment, subject: _End | None, mentions: list[Mention]) -> tuple[int, _End] | None:
    """Where the segment names the document's subject by a common noun («prosjektet»)."""
    if subject is None:
        return None
    match = rules().subject_nouns.search(segment.text)
    if match is None or any(m.start - segment.start <= match.start() < m.end - segment.start for m in mentions):
        return None
    return match.start(), subject


def _part(noun: str, index: ActorIndex | None, subject: _End | None) -> _End:
    """What a common noun for a group («styringsgruppen», «arbeidsgruppen») names: the document's
    subject when it is that kind of group, else an actor on the map by that name, else a new one."""
    stem = noun.lower()[:8]
    if subject is not None and stem in subject.name.lower():
        return subject
    actor = index.actor(noun) if index is not None else None
    if actor is not None:
        return _End(actor.name, actor.id, actor.kind, False)
    return _End(noun[0].upper() + noun[1:], "", "initiative", True)


def _ends_for(
    cue: Cue,
    at: re.Match,
    segment: Segment,
    mentions: list[Mention],
    subject: _End | None,
    index: ActorIndex | None = None,
):
    """(sources, target) for one cue in one segment."""
    local = [(m.start - segment.start, m) for m in mentions]
    noun = _subject_mention(segment, subject, mentions)
    before = [m for offset, m in local if offset < at.start()]
    after = [m for offset, m in local if offset >= at.end()]
    if cue.read == "active":
        target = _end(after[0]) if after else (noun[1] if noun and noun[0] >= at.end() else None)
        sources = [_end(m) for m in before] or ([noun[1]] if noun and noun[0] < at.start() else [])
        return sources[-1:] if len(sources) > 1 and cue.relation in ("part_of",) else sources, target
    if cue.read == "passive":
        if before:
            target = _end(before[-1])
        else:  # «Speilkomiteen ledes av …»: a part named by its common noun, or the subject («prosjektet»)
            words = segment.text[: at.start()].split()
            last = words[-1].lower() if words else ""
            if last in rules().part_noun_words:
                target = _part(words[-1], index, subject)
            else:
                target = noun[1] if noun and noun[0] < at.start() else subject
        return [_end(m) for m in after], target
    part = rules().part_nouns.match(segment.text[at.end() :])  # «observatør i styringsgruppen»
    if part and not (after and after[0].start - segment.start < at.end() + part.end()):
        return [_end(m) for m in mentions], _part(part.group(1), index, subject)
    groups_after = [m for m in after if m.is_group]
    groups_before = [m for m in before if m.is_group]
    if groups_after:
        target_mention = groups_after[0]
    elif groups_before and (len(before) > 1 or after):
        target_mention = groups_before[-1]
    else:
        target_mention = None
    target = _end(target_mention) if target_mention else (noun[1] if noun else subject)
    # Not the ones who speak («…, sier Skrøvseth») nor the places people are from («X fra NSE»).
    the = rules()
    places = {id(place) for _, place, _ in _person_and_place(segment, mentions)}
    sources = [_end(m) for m in mentions if m is not target_mention and id(m) not in places
               and not the.attribution.search(segment.text[: m.start - segment.start])]  # fmt: skip
    return sources, target


def _person_and_place(segment: Segment, mentions: list[Mention]):
    """(person, organisation, how) for each person named with where they are from: «Person
    ved/fra Org» (``ved``), «Person, Org» (``comma``), «Trond Utne Hemit HF» in a list (``list``)."""
    the = rules()
    for left, right in zip(mentions, mentions[1:], strict=False):
        if left.kind != "person" or right.kind == "person" or right.is_group:
            continue
        between = segment.text[left.end - segment.start : right.start - segment.start]
        if segment.kind == "item" and not between.strip():
            yield left, right, "list"
        elif re.fullmatch(rf"\s*,\s*|{the.affiliation.pattern}", between):
            yield left, right, "comma" if "," in between else "ved"


def _affiliations(segment: Segment, mentions: list[Mention], titled: bool = False):
    """(person, relation, organisation, rule): ``affiliated_with`` for each person named with
    where they are from, and ``heads`` when a head's title stands before the name («senterleder
    Person ved Org») or on the list's next line (``titled``)."""
    the = rules()
    out = []
    for left, right, how in _person_and_place(segment, mentions):
        out.append((left, "affiliated_with", right, f"affiliated_with:{how}"))
        title = segment.text[max(0, left.start - segment.start - 40) : left.start - segment.start]
        if titled or re.search(rf"(?:{the.heads.pattern})\s*$", title, re.IGNORECASE):
            out.append((left, "heads", right, "heads:title"))
    return out


def suggest(
    text: str, index: ActorIndex, about: str | None = None, document_date: str = "", title: str = ""
) -> list[Candidate]:
    """The roles ``text`` states, as candidates (the strongest of each source–relation–target);
    ``about`` names what the document is about, ``title`` is its title (the subject when the text
    names no group), ``document_date`` the start of a role whose words give no date."""
    subject = document_subject(text, index, about, title)
    year = int(document_date[:4]) if document_date[:4].isdigit() else None
    best: dict[tuple[str, str, str], Candidate] = {}
    lead_cues: dict[str, list[tuple[Cue, _End | None]]] = {}

    def add(source: _End, relation: str, target: _End | None, segment: Segment, rule: str, confidence: float):
        if target is None or source.name == target.name or (source.actor and source.actor == target.actor):
            return
        dates = read_dates(segment.text, year)
        start, basis = (dates[0].iso, dates[0].basis) if dates else (document_date, "document" if document_date else "")
        if source.new or target.new:
            confidence -= 0.2
        candidate = Candidate(source.name, relation, target.name, segment.text, start, basis, source.actor,
                              target.actor, round(max(0.05, min(confidence, 0.95)), 2), rule, segment.start)  # fmt: skip
        key = (source.name.lower(), relation, target.name.lower())
        if key not in best or best[key].confidence < candidate.confidence:
            best[key] = candidate

    pieces = segments(text)
    for number, segment in enumerate(pieces):
        mentions = index.find(segment.text, segment.start, segment.kind == "item", segment.kind == "heading")
        if segment.kind == "heading" and number > 0:
            # A section: a heading naming a group («Delprosjekt: …») is what the words under it are
            # about, up to the next such heading; a heading naming none leaves the document's subject.
            groups = [m for m in mentions if m.is_group]
            if groups:
                subject = _end(groups[-1])
        cues = _cues(segment)
        if segment.kind == "item" and not cues and segment.lead in lead_cues:
            places = {id(place) for _, place, _ in _person_and_place(segment, mentions)}
            persons = [m for m in mentions if m.kind == "person"] or [m for m in mentions if id(m) not in places]
            for cue, target in lead_cues[segment.lead]:
                for mention in persons:
                    add(_end(mention), cue.relation, target, segment, cue.name + ":list", 0.6)
        for cue, at in cues:
            sources, target = _ends_for(cue, at, segment, mentions, subject, index)
            for source in sources:
                add(source, cue.relation, target, segment, cue.name, 0.75 if cue.read != "group" else 0.6)
        if segment.kind != "item" and cues:
            lead_cues[segment.text] = [
                (cue, _ends_for(cue, at, segment, mentions, subject, index)[1]) for cue, at in cues
            ]
        following = pieces[number + 1] if number + 1 < len(pieces) else None
        titled = (
            following is not None
            and following.kind == "item"
            and bool(re.match(rf"(?:{rules().heads.pattern})\b", following.text, re.IGNORECASE))
        )  # the title on the next line
        for person, relation, organisation, rule in _affiliations(segment, mentions, titled):
            add(_end(person), relation, _end(organisation), segment, rule, 0.7)
    return sorted(best.values(), key=lambda c: (c.quote_start, -c.confidence))
