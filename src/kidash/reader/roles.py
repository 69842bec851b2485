"""Roles read from a document's words: each cue of ``cues.json`` read in its clause by its reading
(active, passive, noun, between, with, consists), each list item under the words that introduce
its list, and each person's organisation and title where the text places them side by side."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kidash.data.schema import RELATION_ENDS
from kidash.reader.dates import read_dates
from kidash.reader.document import Document, Fact
from kidash.reader.names import Entity, Mention
from kidash.reader.nouns import noun_of
from kidash.reader.people import affiliations
from kidash.reader.rules import WORD, Cue, rules
from kidash.reader.text import Segment

__all__ = ["read_roles", "Unit", "units_of"]

# Names coordinated: «A, B og C», «A og/eller B», or run together where a page lost its line breaks
# («HelsedirektoratetDirektoratet for e-helse»); a bare space between two names is no list.
_GLUE = re.compile(r"^(?:\s*(?:,|,?\s*og|,?\s*samt|,?\s*eller|og/eller|&|/|\+)\s*(?:blant annet|bl\.a\.|mellom anna)?\s*|)$",
                   re.IGNORECASE)  # fmt: skip
_GAP = 70  # characters between a cue and the name it reaches
_DETERMINERS = re.compile(r"^\s*(?:(?:det|den|dei|de|en|ei|et|eit|ein|nye?|nytt|nasjonale?|nasjonalt|regionale?|regionalt|"
                          r"felles|stort|store|nå|no|også|òg|snart|allerede|alt|fleire|flere|alle|"
                          r"to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|\d+|"
                          r"både|og|representanter|representantar|fagfolk|forskere|forskarar|fra|frå|av|i|med|"
                          r"[a-zæøå]+(?:rådgiver|rådgjevar|direktør|leder|leiar|sjef|lege|forsker|forskar)|"
                          r"professor|overlege|fagdirektør|administrerende|administrerande|daglig|dagleg)\b\s*)*$",
                          re.IGNORECASE)  # fmt: skip


@dataclass
class Unit:
    """Names coordinated in a text («A, B og C»): read together as holders or as one place."""

    mentions: list[Mention]

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[-1].end

    @property
    def entities(self) -> list[Entity]:
        return list(dict.fromkeys(e for m in self.mentions for e in m.entities))

    @property
    def group(self) -> Entity | None:
        groups = [e for e in self.entities if e.is_group or e.kind == "document"]
        return groups[0] if len(self.entities) == 1 and groups else None


def units_of(text: str, base: int, mentions: list[Mention]) -> list[Unit]:
    """The segment's names in coordinated runs; a person's organisation is part of the person."""
    out: list[Unit] = []
    free = [m for m in mentions if not m.attached]
    for mention in free:
        if out:
            last = out[-1].mentions[-1]
            between = text[last.end - base : mention.start - base]
            between = _without_attached(between, last.end, mentions)
            if _GLUE.match(between) and last.is_person == mention.is_person:
                out[-1].mentions.append(mention)
                continue
        out.append(Unit([mention]))
    return out


def _without_attached(between: str, at: int, mentions: list[Mention]) -> str:
    for mention in mentions:
        if mention.attached and at <= mention.start and mention.end <= at + len(between):
            between = between[: mention.start - at] + " " * (mention.end - mention.start) + between[mention.end - at :]
    return re.sub(r"\s*\([^)]*\)\s*|,\s*[a-zæøå][\wæøå\- ]{2,40}(?=,)", " ", between)


def _clauses(segment: Segment, plain: str) -> list[tuple[int, int]]:
    """Where the segment's clauses start and end (in the document)."""
    text = plain[segment.start : segment.end]
    cuts = [0]
    for match in rules().clause_breaks.finditer(text):
        cuts.append(match.start())
    cuts.append(len(text))
    return [(segment.start + a, segment.start + b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _subject_unit(plain: str, start: int, units: list[Unit], before: int) -> Unit | None:
    """The clause's subject: its first run of names that does not follow a preposition."""
    the = rules()
    previous = start
    for unit in units:
        if unit.start >= before:
            return None
        if not the.preposition_before.search(plain[previous : unit.start]):
            return unit
        previous = unit.end
    return None


def _first_after(plain: str, at: int, units: list[Unit], limit: int) -> Unit | None:
    for unit in units:
        if unit.start >= at:
            gap = plain[at : unit.start]
            for date in reversed(read_dates(gap)):  # «lanserte tirsdag 8. oktober 2024 veilederen …»
                gap = gap[: date.start] + " " + gap[date.end :]
            gap = re.sub(rf"[«»\"“”,]|(?<!{WORD})(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tysdag|i dag|i går|nylig|nettopp)(?!{WORD})",
                         " ", gap, flags=re.IGNORECASE)  # fmt: skip
            gap = " ".join(w for w in gap.split() if noun_of(w) is None or noun_of(w).kind == "organisation")
            if unit.start - at <= _GAP and unit.start <= limit and _DETERMINERS.match(gap):
                return _genitive_head(plain, units, unit)
            return None
    return None


def _genitive_head(plain: str, units: list[Unit], unit: Unit) -> Unit:
    """«prosjektets referansegruppe»: the group a reference's genitive owns, where one follows it."""
    following = units[units.index(unit) + 1] if unit in units and units.index(unit) + 1 < len(units) else None
    if (following is not None and len(unit.mentions) == 1 and unit.mentions[0].how == "reference"
            and unit.mentions[0].text.endswith("s") and following.mentions[0].is_group
            and not plain[unit.end : following.start].strip()):  # fmt: skip
        return following
    return unit


def _relative(plain: str, units: list[Unit], at: int) -> Unit | None:
    """«…satsingen «Trygg KI», som koordineres av …»: the name «som» stands for."""
    before = [u for u in units if u.end <= at]
    if before and re.fullmatch(r"[»\"”)]?\s*,?\s*som\s+(?:\w+\s+){0,2}", plain[before[-1].end : at], re.IGNORECASE):
        return before[-1]
    return None


_DEMONSTRATIVE = re.compile(r"\s*(?:av|blant|for) (?:desse|disse|dei|de|dem)\b", re.IGNORECASE)
_INDEFINITE_GROUP = re.compile(
    r"(?:(?:ei|ein|en|et|eit) (?:rekkje|rekke|del|mengd) |flere |fleire |mange |nokre |noen |eit |et |ein |en |ei )?"
    r"((?:[a-zæøå]+(?:ande|ende|e) )*(?:prosjekt|prosjekter|program|satsing|satsingar|satsinger|initiativ)"
    r"(?: (?:i|på|ved) [A-ZÆØÅ][\wæøå\-]*(?: [A-ZÆØÅ][\wæøå\-]*)*)?)(?=\s)"
)


class _Reader:
    def __init__(self, doc: Document):
        self.doc = doc
        self.facts: list[Fact] = []
        self.places: dict[int, Entity] = {}  # the place of the last role read in each segment
        self.item_places: dict[int, Entity] = {}  # a list item: where its lead's role is held
        self.inherited: Unit | None = None  # the subject a clause goes on with («…, og ledes av …»)
        self.antecedent: Unit | None = None  # the last name of the clause before a relative one («der …»)
        self.relative_place: Entity | None = None  # the group a relative clause («der …») speaks of

    def indefinite_group(self, text: str) -> Entity | None:
        """«ei rekkje pågåande prosjekt i Helse Vest … i regi av …»: an initiative the text speaks
        of without a name, named by its words («Pågåande prosjekt i Helse Vest»)."""
        found = None
        for match in _INDEFINITE_GROUP.finditer(text):
            found = match
        if found is None:
            return None
        name = found.group(1)
        entity = Entity(name[0].upper() + name[1:], "initiative", "project", nouns={"prosjekt"}, how="named")
        return self.doc.registry.adopt(entity)

    def place_default(self, number: int) -> Entity | None:
        """Where a role is held when the words name no place: for a list item, where its lead's
        role is held; else what the section or the document is about."""
        return self.item_places.get(number) or self.doc.sections[number] or self.doc.subject

    def add(self, holders: list[Entity], relation: str, place: Entity | None, segment: Segment, rule: str,
            confidence: float, inferred: bool = False, reason: str = "", stated_place: bool = True) -> int:  # fmt: skip
        if place is None:
            return 0
        number = self.doc.segments.index(segment)
        if holders and not stated_place and not _fits(relation, holders[0], place):
            # «… har vært observatører» on a report's page: the group the page last spoke of, where it fits
            fitting = [p for n, p in sorted(self.places.items(), reverse=True)
                       if n < number and self.doc.sections[n] is self.doc.sections[number] and _fits(relation, holders[0], p)]  # fmt: skip
            place = fitting[0] if fitting else place
        added = 0
        for holder in holders:
            if holder is place:
                continue
            self.facts.append(Fact(holder, relation, place, segment, rule, confidence, inferred, reason))
            added += 1
        if added:
            self.places[self.doc.segments.index(segment)] = place
        return added

    # --- one cue in one clause ------------------------------------------------------------------
    def cue(self, number: int, cue: Cue, match: re.Match, clause: tuple[int, int], units: list[Unit]) -> int:
        doc, plain = self.doc, self.doc.plain
        segment = doc.segments[number]
        start, end = clause
        at, until = start + match.start(), start + match.end()
        inside = [u for u in units if start <= u.start and u.end <= end]
        default = self.place_default(number)
        subject = _subject_unit(plain, start, inside, at) or (
            self.inherited if cue.read in ("passive", "active") else None
        )
        relative = _relative(plain, inside, at)
        after = _first_after(plain, until, inside, end)
        read = cue.read
        before_cue = plain[max(start, at - 40) : at]
        if relative is None and re.search(
            r"(?<![\wæøå])(?:de|dei|den|det|alle|dem)\s+som\s+(?:\w+\s+)?$", before_cue, re.I
        ):
            return 0  # «de som leder delprosjekter»: those who, not a name
        if read in ("active", "active_near") and re.search(r"(?<![\wæøå])(?:er|blir|ble|vart|vert|var|har blitt|har vorte)(?:\s+(?:også|videre|nå|no|òg|allerede|alt))*\s+$",
                                                       before_cue, re.I) and re.match(r"\w+(?:et|t|a|ert)\b", plain[at:until]):  # fmt: skip
            return 0  # «Det er også opprettet en referansegruppe»: no one is said to have done it
        self.relative_place = None
        if re.match(r"\s*,?\s*(?:der|hvor|kor|som)\s", plain[start:end]) and self.antecedent is not None:
            default = self.antecedent.group or default  # «… en referansegruppe der Helse Vest RHF … er med»
            self.relative_place = self.antecedent.group
        earlier = self.places.get(number - 1)
        demonstrative = _DEMONSTRATIVE.match(plain[start:end]) is not None and earlier is not None
        if demonstrative:
            # «Av desse kan særleg arbeidet knytt til X nemnast»: what the sentence before spoke of
            default, subject, relative = earlier, None, None
        if read in ("active", "active_near"):
            near = [u for u in inside if u.end <= at]
            holder = relative or (near[-1] if read == "active_near" and near else subject)
            if holder is None:  # «I 2021 ledet Helsedirektoratet arbeidet»: the verb before its subject
                later = [u for u in inside if u.start >= until]
                if len(later) >= 2 and _first_after(plain, until, later, end) is later[0]:
                    return self.add(later[0].entities, cue.relation, later[1].group or later[1].entities[0], segment,
                                    cue.name, 0.7)  # fmt: skip
                return 0
            inner = [u for u in inside if until > u.start >= at and u is not holder]
            if after is None and inner:  # «Høgskulen følgjer prosjektet med forsking»
                after = inner[0]
            place = after.group if after is not None else None
            if place is None and after is not None and len(after.entities) == 1:
                place = after.entities[0]
            if (place is None and cue.relation == "member" and re.search(r"samarbeid|avtale|partnerskap|partnarskap", plain[at:until])
                    and default is not None and default.is_group):  # fmt: skip
                return self.add(holder.entities, cue.relation, default, segment, cue.name, 0.65)
            if (place is None and cue.relation == "owner" and default is not None and default.is_group
                    and not any(u.start >= until for u in inside)):  # fmt: skip
                return self.add(
                    holder.entities, cue.relation, default, segment, cue.name, 0.6
                )  # «X lyser ut 15 millionar»
            if place is None and cue.relation == "organiser" and default is not None and default.kind == "event":
                return self.add(
                    holder.entities, cue.relation, default, segment, cue.name, 0.65
                )  # «X inviterer til en dag om …»
            return self.add(holder.entities, cue.relation, place, segment, cue.name, 0.8)
        if read == "passive":
            if after is None:
                return 0
            inner = [u for u in inside if at <= u.start and u.end <= until]
            target = relative or (inner[0] if inner else None) or subject  # «får prosjektet veiledning fra …»
            place = (target.group or target.entities[0]) if target is not None and target.start < until else None
            if place is not None and place.kind == "organisation" and cue.relation in ("leads", "organiser"):
                place = None  # «prosjekt i Helse Vest i regi av …»: not Helse Vest
            if place is None:
                near = [u for u in inside if u.end <= at and u.group is not None]
                place = near[-1].group if near else None
            if demonstrative:
                place = earlier
            if place is None and default is not earlier:
                place = self.indefinite_group(plain[start:at])
            holders = after.entities
            together = next((u for u in inside if u.start >= after.end and u.start - after.end <= 30
                             and re.fullmatch(r"\s*,?\s*(?:sammen med|saman med|i samarbeid med)\s*", plain[after.end : u.start])), None)  # fmt: skip
            if together is not None:  # «arrangert av NSE sammen med St. Olavs hospital»
                holders = holders + together.entities
            return self.add(holders, cue.relation, place or default, segment, cue.name,
                            0.8 if place is not None else 0.6)  # fmt: skip
        if read in ("between", "consists"):
            after = self.list_after(until, inside, end) or after
        if read in ("between", "with"):
            if after is None:
                return 0
            holder_place = relative or subject
            place = holder_place.group if holder_place is not None and holder_place.start < at else None
            relation = cue.relation
            chosen = place or default
            if read == "with" and chosen is not None and chosen.kind == "event":
                relation = "organiser"
            return self.add(after.entities, relation, chosen, segment, f"{relation}:{read}",
                            0.8 if place is not None else 0.65)  # fmt: skip
        if read == "consists":
            near = [u for u in inside if u.end <= at]
            place = near[-1].group if near else None
            if after is None:
                return 0
            return self.add(after.entities, cue.relation, place or default, segment, cue.name,
                            0.8 if place is not None else 0.6)  # fmt: skip
        if read == "noun":
            return self.noun(number, cue, at, until, start, end, inside, subject, default)
        return 0

    def noun(self, number: int, cue: Cue, at: int, until: int, start: int, end: int, inside: list[Unit],
             subject: Unit | None, default: Entity | None) -> int:  # fmt: skip
        """A role's noun: «KS er observatør i nettverket», «Prosjektleder er Kari Nordmann»,
        «Sekretariatet ligger i Helsedirektoratet», «Kontaktperson i X er Y»."""
        doc, plain = self.doc, self.doc.plain
        segment = doc.segments[number]
        pp = None  # the name after the noun's preposition: where the role is held (or the holder's organisation)
        for unit in inside:
            if unit.start >= until:
                gap = plain[until : unit.start]
                if len(gap) <= 45 and re.search(rf"(?<!{WORD})(?:i|av|for|til|ved|på|hos|under|frå|fra)\s+(?:\S+\s+){{0,2}}$", gap, re.I) \
                        and not rules().copulas.search(gap):  # fmt: skip
                    pp = _genitive_head(plain, inside, unit)
                break
        kind_place = _kind_place(plain[at:until], doc, number)
        owner = (
            re.search(r"(?:s|'s|')$", subject.mentions[-1].text) and not plain[subject.end : at].strip()
            if subject is not None and subject.end <= at
            else None
        )
        if subject is not None and owner is not None and subject.end >= at - 2 and subject.group is not None:
            # «Nettverkets sekretariat ved NSE»: the network's, held by who follows
            after = next((u for u in inside if u.start >= until), None)
            if after is not None and after.start - until <= 25:
                return self.add(after.entities, cue.relation, subject.group, segment, cue.name, 0.75)
        if subject is not None and subject.start < at:
            holders = subject.entities
            place = pp.group if pp is not None else None
            if place is None:
                others = [u.group for u in inside if u is not subject and u.group is not None]
                place = others[0] if others else None
            place = place or kind_place
            if (
                place is None
                and pp is not None
                and cue.relation in ("contact", "secretariat", "involved")
                and len(pp.entities) == 1
            ):
                place = pp.entities[0]
            return self.add(holders, cue.relation, place or self.relative_place or self.recent(number) or default,
                            segment, cue.name, 0.8 if place is not None else 0.65, stated_place=place is not None)  # fmt: skip
        rest = plain[until:end]
        copula = rules().copulas.search(rest)
        colon = re.match(r"\s*:\s*", rest)
        towards = re.search(r"(?:med|til)\s*$", plain[at:until]) or re.match(r"\s*(?:med|til)\s", rest)
        by = re.search(r"(?:av|ved)\s*$", plain[at:until])  # «foredrag av X», «åpning ved X»
        if by is not None and cue.relation in ("speaker", "moderator", "organiser"):
            towards = by
        if (
            copula is None
            and colon is None
            and not (cue.relation in ("contact", "speaker", "moderator", "organiser") and towards)
        ):
            return 0
        begin = until + (copula.end() if copula is not None else colon.end() if colon is not None else
                         (towards.end() if towards is not None and towards.string is rest else 0))  # fmt: skip
        holders_unit = next((u for u in inside if u.start >= begin and u is not pp), None)
        if holders_unit is None or holders_unit.start - begin > _GAP:
            return 0
        if towards is not None and towards is by and holders_unit.mentions[0].is_person:
            more = self.list_after(begin, inside, end)  # «foredrag av klinikksjef A fra X og professor B fra Y»
            if more is not None:
                holders_unit = Unit([m for m in more.mentions if m.is_person] or holders_unit.mentions)
        place = pp.group if pp is not None else None
        if pp is not None and place is None and holders_unit.mentions[0].is_person:
            for person in [m for m in holders_unit.mentions if m.is_person]:  # «Kontaktperson i Helsedirektoratet er …»
                self.facts.append(
                    Fact(person.entity, "affiliated_with", pp.entities[0], segment, "affiliated_with:noun", 0.7)
                )
        place = place or kind_place
        return self.add(holders_unit.entities, cue.relation, place or self.recent(number) or default, segment,
                        cue.name, 0.8 if place is not None else 0.7, stated_place=place is not None)  # fmt: skip

    def list_after(self, at: int, inside: list[Unit], end: int) -> Unit | None:
        """Everyone a «samarbeid mellom …» or «består av …» goes on to name, up to a verb or the
        clause's end («mellom dei fire helseføretaka i regionen og Helse Vest IKT»)."""
        plain = self.doc.plain
        verbs = rules().verbs
        first = _first_after(plain, at, inside, end)
        if first is None:
            gap_ok = [u for u in inside if u.start >= at]
            first = (
                gap_ok[0]
                if gap_ok and gap_ok[0].start - at <= _GAP and not _has_verb(plain[at : gap_ok[0].start], verbs)
                else None
            )
        if first is None:
            return None
        mentions = list(first.mentions)
        last = first
        for unit in inside:
            if unit.start < last.end or unit is first:
                continue
            between = plain[last.end : unit.start]
            if _has_verb(between, verbs) or re.search(r"[.;:!?]", between) or len(between) > 50:
                break
            mentions += unit.mentions
            last = unit
        return Unit(mentions)

    def recent(self, number: int) -> Entity | None:
        """The group the sentences just before, in the same paragraph, held a role in («Arbeidsgruppen
        har vært ledet av X. Sekretariatet har vært lagt til Y.»)."""
        segment = self.doc.segments[number]
        for back in range(number - 1, -1, -1):
            other = self.doc.segments[back]
            if other.paragraph != segment.paragraph or other.kind != "sentence":
                return None
            place = self.places.get(back)
            if place is not None and place.is_group:
                return place
        return None

    # --- list items -----------------------------------------------------------------------------
    def items(self, number: int, units: list[Unit]) -> None:
        doc = self.doc
        segment = doc.segments[number]
        lead = segment.lead
        if lead is None or not units:
            return
        the = rules()
        if the.not_actor_leads.search(lead.text) and not any(
            c.pattern.search(lead.text) for c in the.cues if c.read != "label"
        ):
            return
        holders = [e for u in units for e in u.entities]
        people = [e for e in holders if e.kind == "person"]
        holders = people or holders
        lead_plain = doc.plain[lead.start : lead.end]
        found_cues = [(c, m) for c in the.cues for m in c.pattern.finditer(lead_plain)
                      if c.read != "label" or c.pattern.fullmatch(lead_plain.strip().rstrip(":"))]  # fmt: skip
        if not found_cues and segment.timed and people and self.place_default(number) is not None:
            place = self.place_default(number)  # a programme's line: who gives the talk speaks at the event
            if place.kind == "event":
                self.add(people, "speaker", place, segment, "speaker:programme", 0.7)
                return
        if not found_cues:
            groups = [m.entity for found, s in zip(doc.mentions, doc.segments, strict=False)
                      if lead.start <= s.start and s.end <= lead.end for m in found if m.is_group]  # fmt: skip
            if groups and (lead.label or lead_plain.rstrip().endswith(":")):  # «Styringsgruppe:» ⏎ «• Helse Nord RHF»
                self.item_places[number] = groups[-1]
                own = any(c.pattern.match(doc.plain[segment.start : segment.end]) for c in the.cues if c.read == "noun")
                if not own:  # «• Leder: Helsedirektoratet» says its own role
                    self.add(holders, "member", groups[-1], segment, "member:list", 0.7)
            return
        if any(not cue.weak for cue, _ in found_cues):
            found_cues = [(cue, match) for cue, match in found_cues if not cue.weak]
        cue, match = max(found_cues, key=lambda pair: pair[1].start())
        if cue.read == "label" and not (doc.subject is not None and doc.subject.kind == "event"):
            return
        aside = re.search(r"\(([^()]{2,40})\)\s*$", doc.plain[segment.start : segment.end])
        if aside and any(c.read == "noun" and not c.weak and c.relation != cue.relation
                         and c.pattern.fullmatch(aside.group(1).strip()) for c in the.cues):  # fmt: skip
            return  # «Lene Dahl, Helse Sør-Øst RHF (leder)» under «Til stede:»: the item says its own role
        place = self.lead_place(number, lead, cue, match)
        if place is not None:
            self.item_places[number] = place
        self.add(holders, cue.relation, place, segment, f"{cue.relation}:list", 0.75)
        employer = self.lead_employer(lead, match)
        if employer is not None:  # «Kontaktperson i departementet:» ⏎ «Kristoffer Lie»
            for person in people:
                if not any(f.source is person and f.relation == "affiliated_with" for f in self.facts):
                    self.facts.append(Fact(person, "affiliated_with", employer, segment, "affiliated_with:lead", 0.65))

    def lead_employer(self, lead: Segment, match: re.Match) -> Entity | None:
        """The organisation a list's lead names right after its role («Kontaktperson i departementet:»)."""
        doc = self.doc
        at = lead.start + match.end()
        for found, segment in zip(doc.mentions, doc.segments, strict=False):
            if lead.start <= segment.start and segment.end <= lead.end:
                for mention in found:
                    if (mention.start >= at and mention.entities and mention.entity.kind == "organisation"
                            and re.fullmatch(r"\s*(?:i|ved|hos|fra|frå)\s+", doc.plain[at : mention.start])):  # fmt: skip
                        return mention.entity
        return None

    def lead_place(self, number: int, lead: Segment, cue: Cue, match: re.Match) -> Entity | None:
        """Where the role a list's lead names is held: a group its words name after the cue («…
        sitter i sekretariatet i KIN-nettverket sammen med:»), the group it names before a
        «består av:», or what the section is about."""
        doc = self.doc
        mentions = [m for found, s in zip(doc.mentions, doc.segments, strict=False)
                    if lead.start <= s.start and s.end <= lead.end for m in found]  # fmt: skip
        if cue.read == "consists":
            before = [m for m in mentions if m.end <= lead.start + match.start() and m.is_group]
            if before:
                return before[-1].entity
        after = [m for m in mentions if m.start >= lead.start + match.end() and m.is_group]
        if after:
            return after[0].entity
        groups = [m for m in mentions if m.is_group]
        if groups and cue.read in ("noun", "label"):
            return groups[-1].entity
        kind_place = _kind_place(match.group(0), doc, number)
        return kind_place or self.place_default(number)


def _fits(relation: str, source: Entity, target: Entity) -> bool:
    sources, targets = RELATION_ENDS.get(relation, (frozenset(), frozenset()))
    new_place = target.new and target.kind == "organisation" and "initiative" in targets
    return (source.kind in sources or source.new) and (target.kind in targets or new_place)


def _has_verb(text: str, verbs: frozenset[str]) -> bool:
    return any(word.lower() in verbs for word in re.findall(r"[\wæøåÆØÅ]+", text))


def _kind_place(words: str, doc: Document, number: int) -> Entity | None:
    """A role noun that names the kind of its place («prosjektleder», «senterleder»,
    «nettverksleder»): the group of that kind the document is about."""
    lower = words.lower()
    for prefix in ("prosjekt", "program", "senter", "nettverks", "gruppe"):
        if lower.startswith(prefix) and not lower.startswith(prefix + "eier"):
            noun = noun_of(prefix.rstrip("s"))
            if noun is None:
                return None
            subject = doc.subject
            section = doc.sections[number]
            for candidate in (section, subject):
                if candidate is not None and noun.base in candidate.nouns:
                    return candidate
            return subject if subject is not None and subject.is_group else None
    return None


def _speech(segment: Segment) -> bool:
    """A quotation («– Vi er glade …, sier X»): its words are someone's, not the page's statement."""
    return bool(re.match(r"\s*[–—\-«\"]", segment.text))


def read_roles(doc: Document) -> list[Fact]:
    """Every role the document's words state, as facts (the strongest of each is kept later)."""
    reader = _Reader(doc)
    the = rules()
    for number, segment in enumerate(doc.segments):
        mentions = doc.mentions[number]
        reader.facts += affiliations(doc, number, mentions)
        units = units_of(doc.plain[segment.start : segment.end], segment.start, mentions)
        if segment.kind == "item":
            reader.items(number, units)
        if _speech(segment) or segment.label:
            continue
        inherited: Unit | None = None
        previous_units: list[Unit] = []
        for clause in _clauses(segment, doc.plain):
            clause_text = doc.plain[clause[0] : clause[1]]
            inside = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]]
            units = units_of(clause_text, clause[0], inside)
            first = _subject_unit(doc.plain, clause[0], units, clause[1])
            # «Styringsgruppen består av …, og ledes av Lene Brekke»: the clause goes on with the subject before
            reader.inherited = inherited if re.match(r"\s*,?\s*(?:og|samt|men)\s", clause_text) else None
            reader.antecedent = previous_units[-1] if previous_units else None
            previous_units = units
            inherited = first or reader.inherited
            if the.hedges.search(clause_text) and re.search(r"\benten\b", clause_text, re.IGNORECASE):
                continue
            found = [
                (cue, match) for cue in the.cues if cue.read != "label" for match in cue.pattern.finditer(clause_text)
            ]
            together = [m for cue, m in found if cue.weak and cue.read == "with"]  # «sammen med»
            if any(not cue.weak for cue, _ in found):
                found = [(cue, match) for cue, match in found if not cue.weak]
            elif together and any(cue.read != "with" for cue, _ in found):  # «har plass i X sammen med A»
                found = [(cue, match) for cue, match in found if cue.read != "with"]
            else:
                together = []
            added_from = len(reader.facts)
            # the longest words first: «har deltakere fra» before «deltakere»
            found.sort(key=lambda pair: pair[1].start() - pair[1].end())
            taken: list[tuple[int, int, str]] = []
            for cue, match in found:
                if any(s < match.end() and match.start() < e and r == cue.relation for s, e, r in taken):
                    continue
                if reader.cue(number, cue, match, clause, units):
                    taken.append((match.start(), match.end(), cue.relation))
            _together(reader, together, clause, units, added_from)
    return [*doc.structure, *reader.facts]


def _together(reader: _Reader, matches: list[re.Match], clause: tuple[int, int], units: list[Unit], since: int) -> None:
    """«Helsedirektoratet har plass i referansegruppa sammen med A og B»: who is named after «sammen
    med» holds the role the clause gives the one named before it."""
    for match in matches:
        at = clause[0] + match.end()
        after = next((u for u in units if u.start >= at and not reader.doc.plain[at : u.start].strip(" ,")), None)
        if after is None:
            continue
        for fact in list(reader.facts[since:]):
            if fact.rule.endswith(":with") or fact.source in after.entities:
                continue
            for entity in after.entities:
                if entity is not fact.target and entity.kind == fact.source.kind:
                    reader.facts.append(Fact(entity, fact.relation, fact.target, fact.segment,
                                             f"{fact.relation}:together", fact.confidence - 0.05))  # fmt: skip
