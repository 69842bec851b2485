"""Everything one segment names, in order: the map's actors, new ones by their shapes, people, a
name's acronym in parentheses («Senter for trygg klinisk KI (STKI)»), two names side by side that
are one («NTNU NorwAI»), references by a common noun («prosjektet», «styringsgruppa») and
collectives («RHF-ene»). References and collectives are resolved later, when the whole document
has been read (:mod:`kidash.reader.document`)."""

from __future__ import annotations

import re

from kidash.reader.names import ActorIndex, Entity, Mention, clean_name
from kidash.reader.nouns import noun_of, noun_state
from kidash.reader.rules import WORD, rules
from kidash.reader.shapes import Found, groups, organisations, people, person_name
from kidash.reader.text import Segment

__all__ = ["segment_mentions", "Registry"]

_LEGAL = re.compile(r"\s+(?:RHF|HF|SF|AS|ASA|IKS|KF)$")
_YEARS = re.compile(r"\s+\d{4}(?:\s?[–\-]\s?\d{2,4})?$")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-ZÆØÅ][\wæøåÆØÅ/\-]{1,11})\)")


class Registry:
    """The actors one document speaks of, each once: a name read twice, an acronym given in
    parentheses, a person named in full and then in part, are one entity."""

    def __init__(self, index: ActorIndex):
        self.index = index
        self.entities: list[Entity] = []
        self._by_form: dict[str, Entity] = {}
        # (child, relation, parent, where): what a genitive or an apposition states («Standard Norges
        # speilkomite», «NTNUs forskningssenter NorwAI»)
        self.links: list[tuple[Entity, str, Entity, int]] = []

    def known(self, entity: Entity) -> Entity:
        if entity not in self.entities:
            self.entities.append(entity)
        for form in entity.forms | {entity.name}:
            self._by_form.setdefault(form.lower(), entity)
            undated = _YEARS.sub("", form)
            if undated != form and entity.kind != "person":  # «Nasjonal helse- og sykehusplan» (2020-2023)
                self._by_form.setdefault(undated.lower(), entity)
            bare = _LEGAL.sub("", form)
            if bare != form and entity.kind == "organisation" and " " in bare:  # «Sykehuset Innlandet» (HF)
                self._by_form.setdefault(bare.lower(), entity)
        return entity

    def lookup(self, name: str) -> Entity | None:
        wanted = clean_name(name).lower()
        found = self._by_form.get(wanted)
        if found is None:
            bare = re.sub(r"\s+(?:rhf|hf|sf|as|asa|iks|kf)$", "", wanted)
            found = self._by_form.get(bare) if bare != wanted and " " in bare else None
        if found is None and " " in wanted:  # «NorwAI NTNU» and «NTNU NorwAI»
            words = sorted(wanted.split())
            found = next((e for f, e in self._by_form.items() if " " in f and sorted(f.split()) == words), None)
        return found

    def add_form(self, entity: Entity, form: str, force: bool = False) -> None:
        entity.forms.add(form)
        if force:
            self._by_form[form.lower()] = entity
        else:
            self._by_form.setdefault(form.lower(), entity)

    def forms(self) -> list[tuple[str, Entity]]:
        """Every name the document's actors go by (as first written, not in lower case)."""
        return [(form, e) for e in self.entities for form in {e.name, e.short_name, *e.forms} if form] + [
            (re.sub(r"\s+(?:RHF|HF|SF|AS|ASA|IKS|KF)$", "", e.name), e)
            for e in self.entities if e.kind == "organisation" and re.search(r"\s(?:RHF|HF|SF|AS|ASA|IKS|KF)$", e.name)
        ]  # fmt: skip

    def forget(self, entity: Entity) -> None:
        if entity in self.entities:
            self.entities.remove(entity)
        for form in [f for f, e in self._by_form.items() if e is entity]:
            del self._by_form[form]

    def adopt(self, entity: Entity) -> Entity:
        """The document's entity for a newly found one: the map's actor of that name, one already
        read, or this one, registered."""
        found = self.lookup(entity.name)
        if found is None:
            found = self.index.actor(entity.name) if entity.kind != "person" or " " in entity.name else None
            if found is not None and found.kind == "person" and entity.kind != "person":
                found = None
        if found is None and entity.kind == "person":
            found = self._same_person(entity.name)
        if found is None and entity.short_name:
            found = self.lookup(entity.short_name)
        if found is None and entity.kind in ("initiative", "event") and entity.nouns:
            found = self._same_group(entity)
        if found is not None:
            if found.actor == "" and entity.nouns:
                found.nouns |= entity.nouns
            return self.known(found)
        entity.forms.add(entity.name)
        return self.known(entity)

    def _same_group(self, entity: Entity) -> Entity | None:
        """A group named in its definite form («Helsearbeidsgruppen for KI-standardisering») after one
        of its kind was named («Arbeidsgruppe for KI-standardisering i …»): the same group, when
        their names share words beyond the noun."""
        first = entity.name.split()[0]
        if noun_state(first) != "definite":
            return None
        words = {w.lower() for w in re.findall(r"[\wæøå\-]{4,}", entity.name)[1:]}
        for other in self.entities:
            if other is entity or not (other.nouns & entity.nouns) or other.kind not in ("initiative", "event"):
                continue
            theirs = {w.lower() for w in re.findall(r"[\wæøå\-]{4,}", other.name)}
            if not words or words & theirs:
                return other
        return None

    def _same_person(self, name: str) -> Entity | None:
        """A person already read whose name has the same first and last word («Karianne Tung» and
        «Karianne Oldernes Tung»), on the map or in the document."""
        words = name.split()
        for entity in [*self.entities, *self.index.entities.values()]:
            if entity.kind != "person":
                continue
            for form in entity.forms | {entity.name}:
                other = form.split()
                if len(other) >= 2 and other[0] == words[0] and other[-1] == words[-1]:
                    return entity
        return None


def _mention(found: Found, registry: Registry) -> Mention:
    entity = registry.adopt(found.entity)
    if found.owner:
        owner = registry.lookup(found.owner) or registry.index.actor(found.owner)
        if owner is None:
            owner = registry.adopt(Entity(found.owner, "organisation", "other_organisation", how="genitive"))
        registry.known(owner)
        owned = entity.type in ("plan", "programme", "action_plan") or entity.kind == "document"
        relation = (
            ("owner" if entity.kind != "document" or entity.type == "plan" else "publishes") if owned else "part_of"
        )
        registry.links.append(
            (owner, relation, entity, found.start) if owned else (entity, relation, owner, found.start)
        )
    return Mention(found.start, found.end, found.name, [entity], found.how, noun=found.noun)


_CAPITALISED = re.compile(r"[A-ZÆØÅ][\wæøå\-]+(?:\s(?:[A-ZÆØÅ][\wæøå\-]+|for|og|i|på|av|til))*")


def _near_spellings(text: str, base: int, mentions: list[Mention], index: ActorIndex) -> list[Mention]:
    """A map actor's name nearly spelt («Helsedirektoratte»): a capitalised phrase of eight letters
    or more that no other rule read, close enough to one of the map's names."""
    found: list[Mention] = []
    for match in _CAPITALISED.finditer(text):
        phrase = re.sub(r"(?:\s(?:for|og|i|på|av|til))+$", "", match.group(0)).rstrip(" -")
        start, end = base + match.start(), base + match.start() + len(phrase)
        if len(phrase) < 8 or any(m.start < end and start < m.end for m in [*mentions, *found]):
            continue
        entity = index.near(phrase)
        if entity is not None:
            found.append(Mention(start, end, phrase, [entity], "near"))
    return found


def _registry_forms(text: str, base: int, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """New actors the document named before, named again («Vestre Viken HF» … «i Vestre Viken»,
    «Senter for … (STKI)» … «STKI»): found by the names the document gave them."""
    forms = sorted(
        ((f, e) for f, e in registry.forms() if e.new and e.kind != "person" and len(f) >= 3), key=lambda p: -len(p[0])
    )
    found: list[Mention] = []
    for form, entity in forms:
        for match in re.finditer(
            rf"(?<!{WORD}){re.escape(form)}(?:s|'s|')?(?!{WORD})", text, re.IGNORECASE if " " in form else 0
        ):
            start, end = base + match.start(), base + match.end()
            if any(m.start < end and start < m.end for m in [*mentions, *found]):
                continue
            found.append(Mention(start, end, match.group(0), [entity], "name"))
    return found


def _inner_parent(found: Found, text: str, base: int, index: ActorIndex, registry: Registry) -> None:
    """«en referansegruppe for arbeidet i Nasjonal helse- og sykehusplan»: a group named for a plan
    or initiative is part of it."""
    if found.how not in ("named", "genitive"):
        return
    link = re.search(r" (?:for|i|under) (?:arbeidet (?:i|med) )?", found.name)
    if link is None:
        return
    offset = found.start - base + link.end()
    inner_text = text[offset : found.end - base]
    inner = [m.entity for m in index.find(inner_text, base + offset)]
    inner += [f.entity for f in organisations(inner_text, base + offset, [])]
    for entity in inner:
        if entity.kind in ("initiative", "event") or entity.type == "plan":
            parent = registry.adopt(entity)
            registry.links.append((found.entity, "part_of", parent, found.start))
            return


def _appositions(text: str, base: int, mentions: list[Mention], registry: Registry) -> None:
    """«NTNUs forskningssenter NorwAI»: the second is part of the first; «Senter for … (CLIN-ML),
    et nytt forskningssenter ved Universitetet i Oslo»: the first is part of the second."""
    for left, right in zip(mentions, mentions[1:], strict=False):
        if not (left.entities and right.entities) or left.is_person or right.is_person:
            continue
        between = text[left.end - base : right.start - base]
        if (
            left.is_group
            and right.entity.kind == "organisation"
            and re.fullmatch(r"[»\"”]?\s+(?:fra|frå|ved|hos)\s+", between)
        ):
            registry.links.append(
                (right.entity, "owner", left.entity, left.start)
            )  # «prosjektet «Aiberg» fra Helse Bergen HF»
            continue
        placed = re.fullmatch(
            r",\s+(?:et|eit|ein|en|ei)\s+(?:[a-zæøå]+(?:t|e)\s+)?([a-zæøå][\wæøå\-]+)\s+(?:ved|på|i|under)\s+", between
        )
        if placed and right.entity.kind == "organisation" and (noun_of(placed.group(1)) is not None or
                                                               re.search(r"(?:senter|institutt|avdeling|enhet)$", placed.group(1))):  # fmt: skip
            registry.links.append((left.entity, "part_of", right.entity, right.start))
            continue
        word = re.fullmatch(r" ([a-zæøå][\wæøå\-]+) ", between)
        if (
            word
            and re.search(r"(?:s|'s|')$", left.text)
            and left.entity.kind == "organisation"
            and (
                noun_of(word.group(1)) is not None
                or re.search(r"(?:senter|institutt|avdeling|klinikk|enhet|selskap)$", word.group(1))
            )
        ):
            registry.links.append((right.entity, "part_of", left.entity, right.start))
            left.attached = True  # «NTNUs forskningssenter NorwAI og …»: NorwAI is who, NTNU whose


def _absorb_acronyms(text: str, base: int, mentions: list[Mention], registry: Registry) -> None:
    """«Senter for trygg klinisk KI (STKI)»: the acronym is the entity's short name, and its
    parentheses part of the mention; «Hanne Berg (KS)» is a person and her organisation, not this."""
    for mention in mentions:
        if mention.is_person or len(mention.entities) != 1:
            continue
        match = _ACRONYM_AFTER.match(text, mention.end - base)
        if match is None:
            continue
        short = match.group(1)
        inner = [m for m in mentions if m is not mention and base + match.start(1) <= m.start < base + match.end(1)]
        entity = mention.entity
        if inner and inner[0].entity is not entity:
            if entity.new and inner[0].entity.actor:
                mention.entities = [inner[0].entity]  # «Det nasjonale kompetansenettverket (KIN)»
            elif not entity.new:
                continue
        if entity.new and not entity.short_name:
            entity.short_name = short
        for other in inner:
            mentions.remove(other)
            if other.entity.new and other.entity is not mention.entities[0] and other.entity.how == "shape":
                registry.forget(other.entity)  # «(STKI)» read as a name of its own a moment ago
        registry.add_form(mention.entities[0], short, force=True)
        mention.end = base + match.end()
        mention.text = text[mention.start - base : mention.end - base]


def _join_neighbours(text: str, base: int, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """Two organisations side by side with only a space between them are one name («NTNU NorwAI»,
    «NorwAI NTNU»): the second is part of the first, or the first's unit in the second."""
    out: list[Mention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if (last is not None and text[last.end - base : mention.start - base] == " "
                and not last.is_person and not mention.is_person and len(last.entities) == 1
                and len(mention.entities) == 1 and last.entity.kind == mention.entity.kind == "organisation"
                and (last.entity.new or mention.entity.new) and last.how != "reference"):  # fmt: skip
            name = clean_name(text[last.start - base : mention.end - base])
            known = registry.index.actor(name) or registry.lookup(name)
            if known is None:
                parent = last.entity if not last.entity.new else mention.entity if not mention.entity.new else None
                joined = Entity(name, "organisation", (mention.entity if mention.entity.new else last.entity).type,
                                region=last.entity.region or mention.entity.region, how="shape")  # fmt: skip
                joined.parent = parent
                known = registry.adopt(joined)
            out[-1] = Mention(last.start, mention.end, name, [known], "shape")
            continue
        out.append(mention)
    return out


def _references(text: str, base: int, taken: list[Mention], heading: bool = False) -> list[Mention]:
    """Words that refer to a group by its common noun («prosjektet», «Koordineringsprosjektet»,
    «Helse-arbeidsgruppen», «en styringsgruppe»), and collectives («RHF-ene»). A noun right before
    the name it introduces («rapporten «Behov for data til KI»») is not a reference of its own."""
    the = rules()
    found: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return not any(m.start < base + end and base + start < m.end for m in [*taken, *found])

    for collective in the.collectives:
        for match in collective.pattern.finditer(text):
            if free(match.start(), match.end()):
                found.append(Mention(base + match.start(), base + match.end(), match.group(0), [], "collective",
                                     noun=",".join(sorted(collective.types)) + "|" + collective.scope))  # fmt: skip
    for match in _NOUN_WORD.finditer(text):
        word = match.group("word")
        if word.lower() in the.generic_references and not match.group("article"):  # «Arbeidet», «samarbeidet»
            start, end = match.start("word"), match.end("word")
            if free(start, end):
                found.append(Mention(base + start, base + end, word, [], "reference", noun=""))
            continue
        noun = noun_of(word)
        if noun is None:
            continue
        state = noun_state(word)
        article = (match.group("article") or "").lower()
        if not article:  # «et regionalt prosjekt», «en ny styringsgruppe»
            before = _ARTICLE_BEFORE.search(text[: match.start("word")])
            article = before.group(1).lower() if before else ""
        owned = re.search(r"([\wæøåÆØÅ\-]+)s\s+$", text[: match.start("word")])  # «Senterets styre»
        if (
            owned
            and noun.body
            and (noun_state(owned.group(1)) == "definite" or noun_state(owned.group(1) + "s") == "definite")
        ):
            article = "en"
        alone = (
            heading and re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", text.strip().rstrip(":")).lower() == word.lower()
        )  # «Styringsgruppe:», «2.2 Styringsgruppe»
        if (
            state == "indefinite"
            and not alone
            and (article not in ("en", "ei", "et", "eit", "ein") or not noun.compound)
        ):
            continue  # «prosjektperiode», «et samarbeid»: not a reference to a group
        if state == "plural" and noun.base != "informasjonsside":
            continue
        start, end = match.start("word"), match.end("word")
        following = next((m for m in taken if m.start >= base + end), None)
        if (
            following is not None
            and following.noun == noun.base
            and not text[end : following.start - base].strip(' «"“')
        ):
            continue  # the noun that introduces a name
        if free(start, end):
            how = "indefinite" if state == "indefinite" else "reference"
            found.append(Mention(base + start, base + end, word, [], how, noun=noun.base))
    return found


_ARTICLE_BEFORE = re.compile(
    r"(?<![\wæøåÆØÅ])(en|ei|et|eit|ein|denne|dette|den|det|dei|de)\s+"
    r"(?:(?!(?:og|i|for|på|til|av|fra|frå|med|som|er|har|skal|vil|ved|om)\s)[a-zæøå]{3,}\s+){0,2}$",
    re.IGNORECASE,
)
_NOUN_WORD = re.compile(
    rf"(?<!{WORD})(?:(?P<article>en|ei|et|eit|ein|denne|dette|den|det|dei|de) )?"
    rf"(?P<word>(?:[\wæøåÆØÅ]+- og )?(?:[A-ZÆØÅ][\wæøå]*-)?[\wæøåÆØÅ]{{4,}})(?!{WORD})"
)


def segment_mentions(segment: Segment, index: ActorIndex, registry: Registry) -> list[Mention]:
    """Everything ``segment`` names, left to right, none overlapping; references and collectives
    with their entities still to find."""
    text, base = segment.text, segment.start
    item = segment.kind == "item"
    heading = segment.kind == "heading"
    named = groups(text, base, [], heading)
    for found in named:
        _inner_parent(found, text, base, index, registry)
    taken = [(f.start, f.end) for f in named]
    known = [m for m in index.find(text, base) if not any(s < m.end and m.start < e for s, e in taken)]
    shaped = organisations(text, base, taken)
    mentions: list[Mention] = [_mention(f, registry) for f in named]
    for mention in known:
        longer = next((f for f in shaped if f.start <= mention.start and mention.end <= f.end
                       and (f.end - f.start) > (mention.end - mention.start)), None)  # fmt: skip
        rest = text[mention.end - base : longer.end - base] if longer is not None else ""
        if (
            longer is not None
            and not re.fullmatch(r"\s*(?:RHF|HF|SF|AS|ASA)", rest)
            and not re.match(r"\s*(?:,|og\b|samt\b)", rest)
        ):
            continue  # «Helse Vest IKT» is not «Helse Vest»
        if longer is not None:
            shaped.remove(longer)
        registry.known(mention.entity)
        mentions.append(mention)
    taken = [(m.start, m.end) for m in mentions]
    for found in shaped:
        if not any(s < found.end and found.start < e for s, e in taken):
            mentions.append(_mention(found, registry))
    mentions += _registry_forms(text, base, mentions, registry)
    mentions += _near_spellings(text, base, mentions, index)
    mentions.sort(key=lambda m: m.start)
    taken = [(m.start, m.end) for m in mentions]
    for found in people(text, base, taken, item):
        mentions.append(_mention(found, registry))
    mentions.sort(key=lambda m: m.start)
    _absorb_acronyms(text, base, mentions, registry)
    mentions = _join_neighbours(text, base, mentions, registry)
    _appositions(text, base, mentions, registry)
    if item and not mentions:
        whole = _item_as_actor(segment, registry)
        if whole is not None:
            mentions.append(whole)
    mentions += _references(text, base, mentions, heading)
    mentions.sort(key=lambda m: m.start)
    _reference_acronyms(text, base, mentions)
    return mentions


def _reference_acronyms(text: str, base: int, mentions: list[Mention]) -> None:
    """«det nasjonale kompetansenettverket (KIN)»: the reference is the actor in parentheses."""
    for mention in list(mentions):
        if mention.how != "reference" or mention not in mentions:
            continue
        match = _ACRONYM_AFTER.match(text, mention.end - base)
        inner = next(
            (m for m in mentions if match and m.entities and base + match.start(1) <= m.start < base + match.end(1)),
            None,
        )
        if inner is None:
            continue
        mentions.remove(inner)
        mention.entities, mention.how = inner.entities, "name"
        mention.end = base + match.end()
        mention.text = text[mention.start - base : mention.end - base]


def _item_as_actor(segment: Segment, registry: Registry) -> Mention | None:
    """A list item under a list of actors that names none the reader knows: the item is the name
    («Sykehuspartner», «Dei lokale helseføretaka»), when it reads as one."""
    the = rules()
    lead = segment.lead.text if segment.lead else ""
    line = segment.first_line.strip()
    if not lead or the.not_actor_leads.search(lead) or not line[:1].isupper():
        return None
    if not (
        the.actor_leads.search(lead)
        or any(c.read in ("noun", "consists", "between", "with") and c.pattern.search(lead) for c in the.cues)
    ):
        return None
    if len(line.split()) > 6 or re.search(r"[.!?:]$", line) or the.speech_verbs.search(line):
        return None
    name = re.sub(r"\s*\([^)]*\)$", "", line)
    if person_name(name):
        entity = Entity(name, "person", "person", how="list")
    else:
        noun = noun_of(name.split()[-1])
        kind, type_ = (
            ("organisation", "health_trust")
            if noun is None and re.search(r"(?:foretak|føretak)", name, re.I)
            else (("organisation", "other_organisation") if noun is None else (noun.kind, noun.type))
        )
        entity = Entity(clean_name(name), kind, type_, how="list")
    at = segment.start + segment.text.index(line)
    return Mention(at, at + len(name), name, [registry.adopt(entity)], "list")
