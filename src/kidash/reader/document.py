"""A document as the reader understands it before it reads roles: its pieces and what each names,
what the document is about (its subject) and what each section is about, every reference by a
common noun («prosjektet», «styringsgruppa», «RHF-ene») resolved to the actors it stands for, the
page's own date and its publisher, and the facts its shape states (a measure under its plan's
heading, a subproject's heading under the project, a steering group of the project)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kidash.reader.dates import document_date
from kidash.reader.mentions import Registry, segment_mentions
from kidash.reader.names import ActorIndex, Entity, Mention, clean_name
from kidash.reader.nouns import definite, noun_of
from kidash.reader.rules import rules, same_length_plain
from kidash.reader.text import Segment, segments

__all__ = ["Fact", "Document", "read_document_text", "nouns_of"]

_SUBJECT_TYPES = frozenset({"research_centre", "programme"})
_NUMBERS = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10}
_COUNT = re.compile(r"(?<![\wæøå])(?:to|tre|fire|fem|seks|sju|syv|åtte|ni|ti)(?![\wæøå])", re.IGNORECASE)
_DATE_LINE = re.compile(r"^(?:publisert|postet|først publisert|sist oppdatert|oppdatert|dato)\b", re.IGNORECASE)


@dataclass
class Fact:
    """One role the document states (or implies: ``inferred``, with the ``reason``), in one
    segment, by one rule, with how sure the reader is."""

    source: Entity
    relation: str
    target: Entity
    segment: Segment
    rule: str
    confidence: float
    inferred: bool = False
    reason: str = ""


@dataclass
class Document:
    text: str  # as given: quotes are its characters
    plain: str  # what the rules read (same length)
    segments: list[Segment]
    mentions: list[list[Mention]]
    registry: Registry
    subject: Entity | None
    sections: list[Entity | None]
    title: str
    date: str
    publisher: Entity | None
    structure: list[Fact] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date[:4].isdigit() else None


def nouns_of(entity: Entity) -> set[str]:
    """The group nouns that can refer to an entity: its own, its type's, and its names' heads."""
    the = rules()
    found = set(entity.nouns) | set(the.type_nouns.get(entity.type, ()))
    for form in entity.forms | {entity.name, entity.short_name}:
        words = [w for w in re.split(r"[\s:]+", form) if w]
        for word in words[:1] + words[-1:]:
            noun = noun_of(word)
            if noun is not None:
                found.add(noun.base)
                if noun.base.endswith("gruppe"):
                    found.add("gruppe")
    return found


def _title(pieces: list[Segment]) -> str:
    for piece in pieces:
        if piece.kind == "heading" and not piece.label and not _DATE_LINE.match(piece.text):
            return clean_name(piece.text)
        if piece.kind != "heading":
            break
    return ""


def _publisher(text: str, index: ActorIndex, registry: Registry, publisher: str) -> Entity | None:
    """Who published the page: as given, or the organisation its logo names at the top."""
    name = publisher
    if not name:
        logo = re.search(r"^\s*logo(?:en)?\s+(.{3,60})$", text[:400], re.IGNORECASE | re.MULTILINE)
        name = logo.group(1).strip() if logo else ""
    if not name:
        return None
    return index.actor(name) or registry.lookup(name)


class _Resolver:
    """Resolves references in order: a common noun to the actor the section or document is about,
    or the last one it named of that kind, or one it names later; a steering group no name was
    given to becomes one of its initiative's; a collective to the actors of its types."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.bodies: dict[tuple[str, str], Entity] = {}
        self.seen: list[Entity] = []

    def recent(self, number: int) -> list[Entity]:
        """What the sentence before and this one named by name (not by a common noun), in order."""
        named = []
        for back in (number - 1, number):
            if back >= 0:
                named += [m.entity for m in self.doc.mentions[back]
                          if m.entities and m.how not in ("reference", "indefinite", "collective")]  # fmt: skip
        return named

    def candidates(self, noun: str) -> list[Entity]:
        return [e for e in self.doc.registry.entities if e.defined and noun in nouns_of(e) and e.kind != "person"]

    def resolve(self, number: int, mention: Mention) -> None:
        doc = self.doc
        section = doc.sections[number] or doc.subject
        if mention.how == "collective":
            types, scope = mention.noun.split("|")
            wanted = set(types.split(","))
            pool = self.seen if scope == "document" else [*self.seen, *doc.registry.index.entities.values()]
            mention.entities = list(dict.fromkeys(e for e in pool if e.type in wanted))
            if not mention.entities and scope == "document":  # named further down («Dei lokale helseføretaka»)
                mention.entities = [e for e in doc.registry.entities if e.type in wanted and e.new]
            count = _COUNT.search(mention.text)
            if count and len(mention.entities) != _NUMBERS[count.group(0).lower()]:
                mention.entities = []  # «dei fire helseføretaka i regionen», none of them named
            return
        noun = mention.noun
        generic = rules().generic_references.get(mention.text.lower())
        if generic is None and not noun:
            return
        if generic is not None:
            chosen = section if generic == "section" else doc.subject
            mention.entities = [chosen] if chosen is not None else []
            return
        matching = self.candidates(noun)
        chosen = None
        just_named = [e for e in reversed(self.recent(number)) if e in matching and e is not section and e.is_group]
        if just_named and mention.how == "reference":  # «… Nordic AI in Health Network … Nettverket har …»
            chosen = just_named[0]
        if chosen is None and section is not None and section in matching:
            chosen = section
        if chosen is None:
            before = [e for e in reversed(self.seen) if e in matching]
            chosen = before[0] if before else None
        if chosen is None and doc.subject is not None and doc.subject in matching:
            chosen = doc.subject
        group = rules().group_nouns[noun]
        compound = mention.text.split("-")[-1].lower() not in (*group.forms, group.base)
        if chosen is None and mention.how == "reference" and not group.body and compound:
            known = doc.registry.index.generic(
                mention.text
            )  # «det nasjonale koordineringsprosjektet»: the map knows it
            if known is not None:
                chosen = doc.registry.known(known)
        if chosen is None and matching:
            chosen = matching[0]
        if chosen is None and rules().group_nouns[noun].body and section is not None:
            chosen = self._body(noun, mention, section, doc.segments[number])
        elif chosen is not None and chosen.how == "body":
            self._restate(chosen, number)
        if (
            chosen is None
            and doc.subject is not None
            and mention.how == "reference"
            and noun
            in (
                "prosjekt",
                "program",
                "nettverk",
                "senter",
                "satsing",
                "tiltak",
                "plan",
                "gruppe",
                "arbeidsgruppe",
                "konferanse",
                "debatt",
                "seminar",
                "arrangement",
                "initiativ",
            )
        ):
            chosen = doc.subject if doc.subject.is_group or doc.subject.type in _SUBJECT_TYPES else None
        mention.entities = [chosen] if chosen is not None else []

    def _body(self, noun: str, mention: Mention, parent: Entity, segment: Segment) -> Entity:
        """A group the text names only by its noun («styringsgruppen», «en styringsgruppe»): one
        for its initiative, «Styringsgruppen for …», part of it. With words before it that place it
        («det regionale brukarutvalet») it stands on its own, named as written."""
        while parent.how == "body" and parent.parent is not None:
            parent = parent.parent
        if parent.kind not in ("initiative", "event") and parent.type not in _SUBJECT_TYPES:
            # «en arbeidsgruppe» a report speaks of: a group of its own
            entity = Entity(definite(mention.text), group_kind(noun), group_type(noun), nouns={noun}, how="named")
            return self.doc.registry.adopt(entity)
        before = segment.text[: mention.start - segment.start]
        placed = re.search(r"(?<![\w])((?:det|den|dei|de) (?:[a-zæøå]+e )+)$", before, re.IGNORECASE)
        group = rules().group_nouns[noun]
        if placed:
            name = clean_name(placed.group(1) + mention.text)
            entity = Entity(name[0].upper() + name[1:], group.kind, group.type, nouns={noun}, how="named")
            return self.doc.registry.adopt(entity)
        key = (noun, parent.key)
        if key not in self.bodies:
            written = mention.text
            word = definite(written.split("-")[-1] if written[:1].isupper() and "-" in written else written)
            described = re.search(r"(?<![\w])(?:en|ei|et|eit|ein)\s+((?:(?!ny\b|nytt\b|nye\b|eget\b|egen\b|eige\b)[a-zæøå]{3,}\s+){1,2})$",
                                  before, re.IGNORECASE)  # fmt: skip
            if described and mention.how == "indefinite":  # «et rådgivende utvalg»: «Rådgivende utvalg»
                word = clean_name(described.group(1) + written)
                word = word[0].upper() + word[1:]
            parent_name = parent.short_name if parent.short_name and len(parent.short_name) <= 12 else parent.name
            entity = Entity(f"{word} for {parent_name}", group.kind, group.type, region=parent.region,
                            short_name=word, nouns={noun}, how="body", parent=parent)  # fmt: skip
            self.doc.registry.known(entity)
            self.bodies[key] = entity
            self.doc.structure.append(Fact(entity, "part_of", parent, segment, "part_of:group", 0.6, inferred=True,
                                           reason="reader.reason.group_of_subject"))  # fmt: skip
            self._restate(entity, self.doc.segments.index(segment))
        return self.bodies[key]

    def _restate(self, body: Entity, number: int) -> None:
        """A group's part in its initiative, stated once a sentence names both («Prosjektet ledes
        gjennom en styringsgruppe»)."""
        fact = next((f for f in self.doc.structure if f.source is body and f.rule == "part_of:group"), None)
        if fact is None or not fact.inferred:
            return
        names = {e for m in self.doc.mentions[number] for e in m.entities}
        reference = any(m.how == "reference" and fact.target in nouns_candidates(m, fact.target)
                        for m in self.doc.mentions[number])  # fmt: skip
        if fact.target in names or reference:
            fact.segment, fact.inferred, fact.reason, fact.confidence = self.doc.segments[number], False, "", 0.75


def group_kind(noun: str) -> str:
    return rules().group_nouns[noun].kind


def group_type(noun: str) -> str:
    return rules().group_nouns[noun].type


def nouns_candidates(mention: Mention, entity: Entity) -> set[Entity]:
    """The entity, when a reference not yet resolved could stand for it (its noun fits)."""
    return {entity} if mention.noun and mention.noun in nouns_of(entity) else set()


def _salience(doc: Document) -> dict[Entity, float]:
    """How much the document speaks of each group it names: its mentions, the references that
    would fit it, and a head start for one named in the first paragraph."""
    score: dict[Entity, float] = {}
    for number, found in enumerate(doc.mentions):
        early = 2.0 if number < 6 else 1.0 if number < 12 else 0.0  # named early: what the page is about
        for mention in found:
            if mention.how in ("reference", "indefinite", "collective") or not mention.entities:
                continue
            entity = mention.entity
            if not (entity.is_group or entity.kind == "document" or (entity.new and entity.type in _SUBJECT_TYPES)):
                continue
            score[entity] = score.get(entity, 0) + 1 + early
    references = [m.noun for found in doc.mentions for m in found if m.how == "reference"]
    for entity in list(score):
        nouns = nouns_of(entity) - {"gruppe", "arrangement"}
        fitting = sum(1 for noun in references if noun in nouns)
        if entity.kind == "organisation" and not fitting:
            del score[entity]  # a new centre is what a page is about when the page calls it «senteret»
            continue
        score[entity] += fitting
    return score


def _subject(doc: Document, about: str | None) -> Entity | None:
    registry, index = doc.registry, doc.registry.index
    if about:
        found = index.actor(about) or registry.lookup(about)
        if found is None:
            noun = noun_of(about.split()[-1])
            found = Entity(clean_name(about), noun.kind if noun else "initiative", noun.type if noun else "project",
                           how="about")  # fmt: skip
        return registry.known(found)
    opening: list[Entity] = []
    for number, segment in enumerate(doc.segments):
        if segment.kind != "heading":
            break
        for mention in doc.mentions[number]:
            if (
                mention.entities
                and mention.how not in ("reference", "indefinite", "collective")
                and (mention.entity.is_group or mention.entity.kind == "document")
            ):
                if opening and opening[-1] is not mention.entity and mention.entity.new:
                    doc.structure.append(Fact(mention.entity, "part_of", opening[-1], segment, "part_of:heading", 0.7))
                opening.append(mention.entity)
    if opening:
        return opening[-1]
    if doc.title and not _headline(doc.title) and _opening_reference(doc) is not None:
        titled = _title_entity(doc)  # «Taleassistent i poliklinikken» ⏎ «Prosjektet skal teste …»
        if titled is not None:
            return titled
    score = _salience(doc)
    if score:
        best = max(score, key=lambda e: score[e])
        if score[best] >= 2:
            return best
    return _title_entity(doc) or _unnamed_subject(doc)


def _unnamed_subject(doc: Document) -> Entity | None:
    """A page about something it gives no name («… har startet et pilotprosjekt der …»): the
    first group it speaks of with «en/et», named by its noun («Pilotprosjekt»)."""
    for found in doc.mentions[:10]:
        for mention in found:
            if mention.how == "indefinite" and not rules().group_nouns[mention.noun].body:
                group = rules().group_nouns[mention.noun]
                name = (
                    mention.text.split("-")[-1]
                    if "-" in mention.text and not mention.text.endswith("-")
                    else mention.text
                )
                entity = Entity(name[0].upper() + name[1:], group.kind, group.type, nouns={mention.noun}, how="named")
                return doc.registry.adopt(entity)
    return None


def _opening_reference(doc: Document):
    """The group noun the page's first sentence opens with («Prosjektet skal teste …», «Debatten …»),
    when it names nothing before: the title is that group's name."""
    for number, segment in enumerate(doc.segments):
        if segment.kind == "heading":
            if any(m.how not in ("reference", "indefinite", "collective") and m.entities and m.entity.is_group
                   for m in doc.mentions[number]):  # fmt: skip
                return None
            continue
        first = next((m for m in doc.mentions[number] if m.start == segment.start), None)
        if first is not None and first.how == "reference" and first.noun:
            group = rules().group_nouns[first.noun]
            return group if group.kind in ("event", "initiative") else None
        events = [rules().group_nouns[m.noun] for m in doc.mentions[number] if m.how == "reference" and m.noun
                  and rules().group_nouns[m.noun].kind == "event"]  # fmt: skip
        return events[0] if events else None
    return None


def _event_page(doc: Document) -> bool:
    """A page that announces an event: a date, a place and a sign-up or a programme at its top."""
    labels = [s.text.lower().rstrip(":").strip() for s in doc.segments[:12] if s.kind == "heading"]
    text = doc.plain[:1500].lower()
    signals = sum(
        (any(label in ("dato", "tid", "sted", "stad", "tidspunkt") for label in labels),
         bool(re.search(r"\bpåmelding\b|\bmeld deg på\b|\bmeld deg på\b", text)),
         any(label in ("program", "programmet", "dagens program", "agenda") for label in labels),
         bool(re.search(r"\bforedragsholdere\b|\binnledere\b|\bmedvirkende\b|\bmedverkande\b|\bpaneldeltakere\b", text)))
    )  # fmt: skip
    return signals >= 2


def _headline(title: str) -> bool:
    """Whether a title is a sentence (it has a verb), not a name."""
    verbs = rules().verbs | {"skal", "vil", "får", "blir", "er", "åpnes", "etableres", "startes", "lanseres"}
    return any(word.lower() in verbs for word in re.findall(r"[\wæøåÆØÅ]+", title)[1:])


def _proper_name(doc: Document) -> None:
    """A page titled «Sluttrapport: …» that says «Rapporten «Kunstig intelligens i kommunene» …»
    near its top: that name is its subject's own; the two are one."""
    subject = doc.subject
    if subject is None or subject.how not in ("heading", "title", "named"):
        return
    titled = re.match(r"[^:]{3,40}:\s+(.+)$", subject.name)
    if titled:  # «Prosjektplan: Felles journalsøk med KI» … «prosjektet Felles journalsøk med KI»
        wanted = titled.group(1).strip().lower()
        other = next((e for e in doc.registry.entities if e is not subject and e.name.lower() == wanted
                      and (e.is_group or e.kind == "document")), None)  # fmt: skip
        if other is not None:
            doc.registry.add_form(other, subject.name)
            doc.registry.forget(subject)
            for mentions in doc.mentions:
                for m in mentions:
                    m.entities = [other if e is subject else e for e in m.entities]
            doc.subject = other
            return
    for number, found in enumerate(doc.mentions[:8]):
        segment = doc.segments[number]
        for mention in found:
            if mention.how != "quoted" or not mention.entities or mention.entity is subject:
                continue
            before = doc.plain[segment.start : mention.start].split()
            noun = noun_of(before[-1]) if before else None
            if noun is not None and noun.base in subject.nouns and before[-1][:1].isupper():
                other = mention.entity
                doc.registry.forget(other)
                for form in {subject.name, *subject.forms}:
                    doc.registry.add_form(subject, form)
                subject.name = other.name
                doc.registry.add_form(subject, other.name, force=True)
                for mentions in doc.mentions:
                    for m in mentions:
                        m.entities = [subject if e is other else e for e in m.entities]
                return


def _title_entity(doc: Document) -> Entity | None:
    """The title as the name of what the page is about, when it names nothing else: an event's
    page («Debatt», «Konferanse, 23. april 2025»), or an initiative's."""
    if not doc.title:
        return None
    event = None
    for segment in doc.segments:
        first = re.split(r"[\s,:]+", segment.text.strip(), maxsplit=1)[0]
        noun = noun_of(first) if segment.kind == "heading" else None
        if noun is not None and noun.kind == "event":
            event = noun
            break
    if event is None and _event_page(doc):
        event = rules().group_nouns["arrangement"]
    if event is None and _headline(doc.title):
        return None  # «Regional satsing skal ta kunstig intelligens i bruk»: a headline, not a name
    if event is None:
        event = _opening_reference(doc)
    if event is None:
        return None
    entity = Entity(doc.title, event.kind, event.type, how="title", nouns={event.base})
    return doc.registry.known(entity)


def read_document_text(
    text: str, index: ActorIndex, about: str | None = None, date: str = "", publisher: str = ""
) -> Document:
    """Read ``text``: its pieces, what each names, its subject and sections, references resolved."""
    plain = same_length_plain(text)
    pieces = segments(plain)
    registry = Registry(index)
    found = [segment_mentions(piece, index, registry) for piece in pieces]
    for entity in registry.entities:
        entity.nouns |= nouns_of(entity)
    doc = Document(text, plain, pieces, found, registry, None, [None] * len(pieces), _title(pieces),
                   date or document_date(plain), None)  # fmt: skip
    doc.publisher = _publisher(plain, index, registry, publisher)
    for child, relation, parent, at in registry.links:
        segment = next((p for p in pieces if p.start <= at < p.end), None)
        if segment is not None and child is not parent:
            doc.structure.append(Fact(child, relation, parent, segment, f"{relation}:genitive", 0.75))
    doc.subject = _subject(doc, about)
    if doc.subject is not None:
        doc.subject.nouns |= nouns_of(doc.subject)
        _proper_name(doc)
    resolver = _Resolver(doc)
    current, started = doc.subject, False
    for number, mentions in enumerate(doc.mentions):
        segment = pieces[number]
        waiting = False
        if segment.kind != "heading":
            started = True
        elif started and not segment.label:
            current, waiting = _section_of(doc, number, current)
        elif started and _contact_label(segment):  # «Kontakt» at the foot of a page: the page's contacts
            current = doc.subject
        doc.sections[number] = current
        for mention in mentions:
            if mention.how in ("reference", "indefinite", "collective"):
                resolver.resolve(number, mention)
            for entity in mention.entities:
                if entity not in resolver.seen:
                    resolver.seen.append(entity)
        doc.mentions[number] = [m for m in mentions if m.entities]
        if waiting:  # a heading naming a group by its noun («Programstyret»): that group, now resolved
            groups = [m.entity for m in doc.mentions[number] if m.how == "reference" and m.entity.is_group]
            current = groups[-1] if groups else doc.subject
            doc.sections[number] = current
    return doc


def _contact_label(segment: Segment) -> bool:
    return segment.label and any(c.relation == "contact" and c.pattern.fullmatch(segment.text.strip().rstrip(":"))
                                 for c in rules().cues)  # fmt: skip


def _section_of(doc: Document, number: int, current: Entity | None) -> tuple[Entity | None, bool]:
    """What the section a heading opens is about: the group it names (part of what the document
    is about); a group it names by a common noun (``True``: resolve it first); or, naming none,
    the document's subject again."""
    segment = doc.segments[number]
    named = [m.entity for m in doc.mentions[number] if m.entities and m.how not in ("collective",)
             and (m.entity.is_group or m.entity.kind == "document")]  # fmt: skip
    if named:
        chosen = named[-1]
        subject = doc.subject
        if subject is not None and chosen is not subject and chosen.new and chosen.parent is None:
            chosen.parent = subject
            literal = bool(re.match(r"(?:delprosjekt|underprosjekt|arbeidspakke)\b", segment.text, re.I))
            doc.structure.append(Fact(chosen, "part_of", subject, segment, "part_of:section",
                                      0.7 if literal else 0.55, inferred=not literal,
                                      reason="" if literal else "reader.reason.section"))  # fmt: skip
        return chosen, False
    if any(m.how == "reference" for m in doc.mentions[number]):
        return current, True
    return doc.subject, False
