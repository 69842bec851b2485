"""From a document's text to what the reader proposes: candidate roles (a source, a relation of the
data contract, a target, the sentence or list item that states it in the text's own characters, a
start and end read from the same words, how sure the reader is and by which rule, and whether the
words state it or only imply it), the new actors they need (with the kind, type and region their
names and the text give them) and dated events for the timeline."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from kidash.data.schema import RELATION_ENDS
from kidash.reader.dates import read_dates, role_dates
from kidash.reader.document import Document, Fact, read_document_text
from kidash.reader.language import language_of
from kidash.reader.names import ActorIndex, Entity
from kidash.reader.nouns import noun_of
from kidash.reader.roles import read_roles
from kidash.reader.rules import WORD, rules
from kidash.reader.shapes import region_of

__all__ = ["Candidate", "ProposedActor", "ProposedEvent", "Reading", "COLUMNS", "EVENT_COLUMNS", "suggest", "read_text"]

COLUMNS = ("source_name", "relation", "target_name", "quote", "start", "date_basis", "source", "target",
           "confidence", "rule", "inferred", "end", "source_kind", "source_type", "source_region", "target_kind",
           "target_type", "target_region")  # fmt: skip
_NAMED_PREFIX_REST = re.compile(r"^(?:RHF|HF|SF|AS|ASA|IKS|KF)$")


@dataclass(frozen=True)
class Candidate:
    source_name: str
    relation: str
    target_name: str
    quote: str  # a verbatim substring of the document's text
    start: str
    date_basis: str  # day | month | season | year (read from the quote) | document (the page's date) | ""
    source: str  # actor id on the map, empty for a new actor
    target: str
    confidence: float
    rule: str
    inferred: bool = False
    end: str = ""
    source_kind: str = ""
    source_type: str = ""
    source_region: str = ""
    target_kind: str = ""
    target_type: str = ""
    target_region: str = ""
    quote_start: int = -1  # where the quote stands in the text
    reason: str = ""  # why an inferred candidate is inferred (an i18n key)
    source_key: str = ""  # the actor on the map, or «new:<name>» for a new one
    target_key: str = ""

    def row(self) -> dict:
        found = asdict(self)
        return {column: found[column] for column in COLUMNS}

    @property
    def key(self) -> str:
        """Stable for one role in one document: who, what, where, by name (a new actor keeps its
        name when it is added to the map, so a rejection still finds its candidate after that)."""
        return (
            f"{' '.join(self.source_name.lower().split())}|{self.relation}|{' '.join(self.target_name.lower().split())}"
        )


@dataclass(frozen=True)
class ProposedActor:
    """A new actor the candidates need, as the reader proposes it."""

    key: str
    name: str
    short_name: str
    kind: str
    type: str
    region: str
    role_title: str
    quote: str
    quote_start: int


EVENT_COLUMNS = ("title", "start", "end", "date_precision", "actors", "actor_names", "quote", "category", "inferred")


@dataclass(frozen=True)
class ProposedEvent:
    """A dated happening for the timeline: what, when (and how the date was read), who, the words."""

    title: str
    start: str
    end: str
    date_precision: str
    actors: tuple[str, ...]  # actor keys (map ids, or «new:<name>»)
    actor_names: tuple[str, ...]
    quote: str
    quote_start: int
    category: str
    inferred: bool = False

    @property
    def key(self) -> str:
        return f"event|{self.title.lower()}|{self.start}"

    def row(self) -> dict:
        found = asdict(self)
        found["actors"], found["actor_names"] = ";".join(self.actors), ";".join(self.actor_names)
        return {column: found[column] for column in EVENT_COLUMNS}


@dataclass
class Reading:
    """All the reader proposes for one document."""

    candidates: list[Candidate]
    actors: list[ProposedActor]
    events: list[ProposedEvent]
    subject: str
    date: str
    title: str
    language: str = "nb"
    notes: list[str] = field(default_factory=list)


# --- the ends of a relation ------------------------------------------------------------------------
_INITIATIVE_TYPE = {"senter": "project", "program": "programme", "nettverk": "network", "satsing": "programme"}


def _fits(relation: str, source: Entity, target: Entity) -> bool:
    sources, targets = RELATION_ENDS.get(relation, (frozenset(), frozenset()))
    return source.kind in sources and target.kind in targets


def _settle_kinds(facts: list[Fact]) -> None:
    """A new organisation that is the place of a role («Senter for … er et samarbeid mellom …»,
    «Senteret ledes av …») is an initiative: decided once, before any relation is fitted."""
    for fact in facts:
        target, source = fact.target, fact.source
        sources, targets = RELATION_ENDS.get(fact.relation, (frozenset(), frozenset()))
        switch = target.new and target.kind == "organisation" and "initiative" in targets
        if switch and "organisation" not in targets and source.kind in sources and fact.relation != "leads":
            noun = next((n for n in ("senter", "program", "nettverk", "satsing") if n in target.nouns), "senter")
            target.kind, target.type = "initiative", _INITIATIVE_TYPE[noun]


def _adapt(fact: Fact) -> Fact | None:
    """The fact in the contract's terms: a new organisation that holds roles' places («Senter for …
    er et samarbeid mellom …») is an initiative; a person who leads an organisation heads it; an
    initiative that establishes another has it as its part; what no relation allows is dropped."""
    relation, source, target = fact.relation, fact.source, fact.target
    if relation == "member" and source.kind == "person" and target.kind == "event":
        # a person who takes part in a conference or a debate («Deltakere:», «deltar i panelet») speaks there
        return Fact(source, "speaker", target, fact.segment, fact.rule, fact.confidence, fact.inferred, fact.reason)
    if _fits(relation, source, target):
        return fact
    sources, targets = RELATION_ENDS.get(relation, (frozenset(), frozenset()))
    if target.new and target.kind == "organisation" and "initiative" in targets and source.kind in sources:
        noun = next((n for n in ("senter", "program", "nettverk", "satsing") if n in target.nouns), "senter")
        target.kind, target.type = "initiative", _INITIATIVE_TYPE[noun]
        return fact
    swap = {("leads", "person", "organisation"): "heads", ("member", "person", "organisation"): "affiliated_with",
            ("member", "organisation", "organisation"): "involved", ("observer", "organisation", "organisation"): "involved",
            ("owner", "organisation", "organisation"): "involved", ("publishes", "organisation", "initiative"): "owner",
            ("publishes", "person", "initiative"): "owner"}  # fmt: skip
    relation = swap.get((fact.relation, source.kind, target.kind))
    if relation is not None and _fits(relation, source, target):
        return Fact(
            source, relation, target, fact.segment, fact.rule, fact.confidence - 0.05, fact.inferred, fact.reason
        )
    if fact.relation == "owner" and source.kind == "initiative" and _fits("part_of", target, source):
        return Fact(
            target, "part_of", source, fact.segment, fact.rule, fact.confidence - 0.1, fact.inferred, fact.reason
        )
    return None


# --- facts from a name's shape and the page ----------------------------------------------------------
def _prefix_parts(doc: Document, facts: list[Fact]) -> list[Fact]:
    """«Helse Vest IKT», «NTNU NorwAI»: a new organisation whose name starts with another's is
    taken to be part of it (inferred from the name)."""
    out = []
    entities = [e for e in doc.registry.entities if e.kind == "organisation"]
    firsts = {}
    for fact in facts:
        for entity in (fact.source, fact.target):
            firsts.setdefault(entity, fact.segment)
    for entity in entities:
        if not entity.new or entity not in firsts:
            continue
        for other in [*entities, *doc.registry.index.entities.values()]:
            if other is entity or other.kind != "organisation":
                continue
            for form in {other.name, other.short_name, *other.forms} - {""}:
                rest = entity.name[len(form) :].strip()
                if (len(form) >= 3 and entity.name.startswith(form + " ") and rest and not _NAMED_PREFIX_REST.match(rest)
                        and not rest[:1].islower()):  # fmt: skip
                    out.append(
                        Fact(entity, "part_of", other, firsts[entity], "part_of:name", 0.45, True, "reader.reason.name")
                    )
                    break
            else:
                continue
            break
    return out


def _publisher_plan(doc: Document) -> list[Fact]:
    """The plan a page is (or is part of) belongs to whoever published the page (inferred)."""
    if doc.publisher is None or doc.subject is None:
        return []
    plan = doc.subject
    while plan.parent is not None and plan.type not in ("plan", "action_plan"):
        plan = plan.parent
    parents = [f.target for f in doc.structure if f.source is doc.subject and f.relation == "part_of"]
    if plan.type not in ("plan", "action_plan") and parents and parents[0].type in ("plan", "action_plan"):
        plan = parents[0]
    if plan.type not in ("plan", "action_plan"):
        return []
    segment = next((s for s, found in zip(doc.segments, doc.mentions, strict=False)
                    if any(plan in m.entities for m in found)), None)  # fmt: skip
    if segment is None:
        return []
    return [Fact(doc.publisher, "owner", plan, segment, "owner:publisher", 0.45, True, "reader.reason.publisher_plan")]


def _event_items(doc: Document) -> tuple[list[Fact], list[ProposedEvent]]:
    """Dated items under words that name events («de ønskede workshopene i listen under»): each an
    event of that kind, part of what the section is about, on the timeline on its day."""
    facts, events = [], []
    for number, segment in enumerate(doc.segments):
        if segment.kind != "item" or segment.lead is None or doc.mentions[number]:
            continue
        lead = doc.plain[segment.lead.start : segment.lead.end]
        noun = next((noun_of(w) for w in re.findall(rf"{WORD}+", lead) if noun_of(w) is not None
                     and noun_of(w).kind == "event" and w.lower() in noun_of(w).plural), None)  # fmt: skip
        if noun is None:
            continue
        dates = read_dates(segment.text, doc.year)
        if not dates or dates[0].start > 20:
            continue
        rest = re.sub(
            r"^.*?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\.?\s*|^[^.]*?\d{4}\.?\s*", "", segment.text
        ).strip(" .,")
        if not rest or len(rest) > 90:
            continue
        place = doc.sections[number] or doc.subject
        inviting = _we_invite(doc, number)
        name = f"{noun.base[0].upper()}{noun.base[1:]}: {rest}"
        event = doc.registry.adopt(Entity(name, "event", noun.type, region=place.region if place else "", how="list",
                                          nouns={noun.base}))  # fmt: skip
        if place is not None:
            facts.append(Fact(event, "part_of", place, segment, "part_of:list", 0.7))
        if inviting is not None and doc.subject is not None:
            facts.append(
                Fact(doc.subject, "organiser", event, inviting, "organiser:we", 0.45, True, "reader.reason.we")
            )
        events.append(_event(doc, event.name, dates[0], [event] + ([place] if place else []), segment, noun.type))
    return facts, events


def _we_invite(doc: Document, number: int):
    """The sentence above a list in its section where the page says «Vi inviterer til …»: the page
    (what it is about) organises what the list holds."""
    section = doc.sections[number]
    for back in range(number - 1, -1, -1):
        segment = doc.segments[back]
        if doc.sections[back] is not section or (segment.kind == "heading" and not segment.label):
            break
        if segment.kind == "sentence" and re.search(
            r"(?<![\wæøå])[Vv]i (?:\w+ )?invitere?r?\s+(?:(?:nå|no|deg|dykk|dere)\s+)*til\b", segment.text
        ):
            return segment
    return None


def _section_parts(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A report or survey a subproject's section introduces («har nylig publisert rapporten …», «vi
    har ute en spørreundersøkelse om …») is taken to be part of that subproject (inferred)."""
    out = []
    parted = {f.source for f in facts if f.relation == "part_of"}
    for number, found in enumerate(doc.mentions):
        section = doc.sections[number]
        if section is None or section is doc.subject or doc.segments[number].kind == "heading":
            continue
        for mention in found:
            entity = mention.entity if mention.entities else None
            if (entity is None or not entity.new or entity in parted or entity is section or mention.how not in ("named", "quoted")
                    or not (entity.kind == "document" or entity.type == "survey")):  # fmt: skip
                continue
            parted.add(entity)
            out.append(Fact(entity, "part_of", section, doc.segments[number], "part_of:section", 0.5, True,
                            "reader.reason.section"))  # fmt: skip
    return out


def _event(
    doc: Document, title: str, date, actors: list[Entity], segment, category: str, inferred: bool = False
) -> ProposedEvent:
    precision = {"day": "day", "month": "month", "season": "month"}.get(date.basis, "year")
    keys = tuple(dict.fromkeys(e.key for e in actors))
    names = tuple(dict.fromkeys(e.name for e in actors))
    return ProposedEvent(title, date.iso, "", precision, keys, names, doc.text[segment.start : segment.end], segment.start,
                         category, inferred or date.year_from_document)  # fmt: skip


def _dated_events(doc: Document) -> list[ProposedEvent]:
    """Sentences that date a happening («15. juni åpner … (KIN)», «Senteret åpner 1. september
    2025»), and an event page's own day: events for the timeline."""
    the = rules()
    out = []
    for number, segment in enumerate(doc.segments):
        if segment.kind != "sentence":
            continue
        plain = doc.plain[segment.start : segment.end]
        verb = the.event_verb_pattern.search(plain)
        dates = [d for d in read_dates(plain, doc.year) if d.basis in ("day", "month", "season") and d.role == "start"]
        if verb is None or not dates:
            continue
        groups = [
            m.entity
            for m in doc.mentions[number]
            if m.is_group or (m.entities and m.entity.new and m.entity.kind == "organisation")
        ]
        about = groups[0] if groups else doc.sections[number] or doc.subject
        if about is None:
            continue
        word = the.event_verbs[verb.group(0).lower()]
        label = about.short_name or about.name
        actors = [
            e
            for m in doc.mentions[number]
            for e in m.entities
            if e.kind in ("organisation", "initiative", "event", "person")
        ]
        out.append(
            _event(
                doc,
                f"{label} {word}",
                dates[0],
                [about, *actors],
                segment,
                "opening" if "åpn" in word or "opn" in word else "milestone",
            )
        )
    subject = doc.subject
    if subject is not None and subject.kind == "event" and doc.date:
        dates = [d for d in read_dates(doc.plain[:600], doc.year) if d.basis == "day"]
        if dates:
            segment = next((s for s in doc.segments if s.start <= dates[0].start < s.end), doc.segments[0])
            out.append(_event(doc, subject.name, dates[0], [subject], segment, subject.type))
    return out


# --- candidates ----------------------------------------------------------------------------------
def _region(entity: Entity, facts: list[Fact]) -> str:
    """An actor's region as the data contract's rule gives it: its name's words; a person their
    organisation's; an initiative or event who leads, owns or organises it."""
    if entity.region:
        return entity.region
    if entity.kind == "person":
        orgs = [f.target for f in facts if f.source is entity and f.relation == "affiliated_with"]
        return next((_region(o, []) for o in orgs if _region(o, [])), "")
    if entity.kind in ("initiative", "event", "document"):
        holders = [f.source for f in facts if f.target is entity and f.relation in ("leads", "owner", "organiser")]
        regions = {r for r in (_region(h, []) for h in holders) if r}
        return regions.pop() if len(regions) == 1 else region_of(entity.name)
    return region_of(entity.name)


def _dates(doc: Document, fact: Fact) -> tuple[str, str, str]:
    """(start, how it was read, end) for a fact: from its words, leaving out dates inside names
    («Nasjonal helse- og sykehusplan 2020-2023»); else the page's own date."""
    segment = fact.segment
    plain = list(doc.plain[segment.start : segment.end])
    for found in doc.mentions[doc.segments.index(segment)]:
        for i in range(max(0, found.start - segment.start), min(len(plain), found.end - segment.start)):
            plain[i] = " "
    start, end = role_dates("".join(plain), doc.year)
    if start is not None:
        return start.iso, start.basis, end.iso if end else ""
    return (doc.date, "document", end.iso if end else "") if doc.date else ("", "", end.iso if end else "")


def _candidates(doc: Document, facts: list[Fact]) -> list[Candidate]:
    best: dict[tuple[str, str, str], Candidate] = {}
    for fact in facts:
        source, target = fact.source, fact.target
        if source is target or (source.actor and source.actor == target.actor):
            continue
        confidence = fact.confidence - 0.1 * (source.new + target.new) - (0.1 if fact.inferred else 0)
        start, basis, end = _dates(doc, fact)
        candidate = Candidate(
            source.name, fact.relation, target.name, doc.text[fact.segment.start : fact.segment.end], start, basis,
            source.actor, target.actor, round(max(0.05, min(confidence, 0.95)), 2), fact.rule, fact.inferred, end,
            source.kind, source.type, _region(source, facts), target.kind, target.type, _region(target, facts),
            fact.segment.start, fact.reason, source.key, target.key,
        )  # fmt: skip
        key = (source.key, fact.relation, target.key)
        held = best.get(key)
        if (
            held is None
            or (held.inferred and not candidate.inferred)
            or (held.inferred == candidate.inferred and held.confidence < candidate.confidence)
        ):
            best[key] = candidate
    return sorted(best.values(), key=lambda c: (c.quote_start, -c.confidence))


def _proposed(doc: Document, candidates: list[Candidate], facts: list[Fact]) -> list[ProposedActor]:
    wanted = {c.source_key for c in candidates if not c.source} | {c.target_key for c in candidates if not c.target}
    out = []
    for entity in doc.registry.entities:
        if entity.key not in wanted or not entity.new:
            continue
        first = next((s for s, found in zip(doc.segments, doc.mentions, strict=False)
                      if any(entity in m.entities for m in found)), None)  # fmt: skip
        quote_start = first.start if first else -1
        quote = doc.text[first.start : first.end] if first else ""
        short = entity.short_name if entity.short_name and entity.short_name != entity.name else ""
        out.append(ProposedActor(entity.key, entity.name, short, entity.kind, entity.type, _region(entity, facts),
                                 entity.title if entity.kind == "person" else "", quote, quote_start))  # fmt: skip
    return out


def read_text(text: str, index: ActorIndex, about: str | None = None, document_date: str = "", title: str = "",
              publisher: str = "") -> Reading:  # fmt: skip
    """Everything the reader proposes for ``text``: candidate roles, the new actors they need and
    dated events. ``about`` names what the document is about (an actor's name, or a new one);
    ``document_date`` is the page's own date (read from the text when not given), the start of a
    role whose words give none; ``publisher`` who published it."""
    doc = read_document_text(text, index, about, document_date, publisher)
    facts = read_roles(doc)
    item_facts, item_events = _event_items(doc)
    facts += item_facts
    facts += _prefix_parts(doc, facts)
    facts += _publisher_plan(doc)
    facts += _section_parts(doc, facts)
    _settle_kinds(facts)
    adapted = [f for f in (_adapt(f) for f in facts) if f is not None]
    candidates = _candidates(doc, adapted)
    events = list({e.key: e for e in [*item_events, *_dated_events(doc)]}.values())
    return Reading(candidates, _proposed(doc, candidates, adapted), events,
                   doc.subject.name if doc.subject else "", doc.date, title or doc.title, language_of(text))  # fmt: skip


def suggest(text: str, index: ActorIndex, about: str | None = None, document_date: str = "", title: str = "",
            publisher: str = "") -> list[Candidate]:  # fmt: skip
    """The roles ``text`` states, as candidates (the strongest of each source–relation–target)."""
    return read_text(text, index, about, document_date, title, publisher).candidates
