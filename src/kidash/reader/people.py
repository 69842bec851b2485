"""People and where they work: a person named beside an organisation («Kari Nordmann, KS»,
«Kari Nordmann ved UiT», «Hanne Berg (KS)», «Trond Utne Hemit HF» in a list, «NorwAIs senterleder
Heidi Strand») is affiliated with it, and heads it when their title says so («administrerende
direktør», «senterleder»). A minister's title names the ministry; a person with a title and no
organisation on a page an organisation published is taken to work there (inferred)."""

from __future__ import annotations

import re

from kidash.reader.document import Document, Fact
from kidash.reader.names import Entity, Mention
from kidash.reader.rules import WORD, rules

__all__ = ["affiliations", "title_of"]

_PLACE_WORDS = r"(?:i|ved|fra|frå|hos|på)"


def _title_pattern() -> str:
    return rules().titles.pattern


def title_of(text: str, mention: Mention, base: int, first_end: int = -1) -> str:
    """The title written beside a person's name: before it («professor Ingrid Solberg»), after it
    («Lise Dahl, fastlege,», «Nina Kotte (Kommunikasjonssjef)»), or on the list item's next line."""
    the = rules()
    before = text[max(0, mention.start - base - 60) : mention.start - base]
    found = re.search(rf"((?:{the.titles.pattern})(?:\s+(?:{the.titles.pattern}))?)\s*$", before, re.IGNORECASE)
    if found:
        return found.group(1)
    after = text[mention.end - base : mention.end - base + 70]
    found = re.match(rf"\s*(?:,\s*|\(\s*)((?:{the.titles.pattern})(?:[ ,][^,()\n]{{0,40}}?)?)\s*(?:[,)]|$|\s(?:{_PLACE_WORDS})\s)", after,
                     re.IGNORECASE)  # fmt: skip
    if found:
        return found.group(1).strip()
    if first_end >= 0 and mention.end <= first_end:
        rest = text[first_end - base :].strip()
        line = rest.split("\n", 1)[0].strip()
        if re.match(rf"(?:{the.titles.pattern})\b", line, re.IGNORECASE) or line[:1].isupper():
            return line
    return ""


def _is_head(title: str) -> bool:
    """A head's title: «administrerende direktør», «senterleder», «daglig leder», a bare «direktør»
    (not «direktør for e-helse»), «rektor», a minister."""
    the = rules()
    words = title.split(",")[0].strip()
    return bool(the.head_titles.fullmatch(words))


def _ministry(title: str, doc: Document) -> Entity | None:
    """«Digitaliserings- og forvaltningsminister» → «Digitaliserings- og forvaltningsdepartementet»."""
    found = re.search(r"([A-ZÆØÅa-zæøå]+(?:- og [a-zæøå]+)?)minister\b", title)
    if found is None or not found.group(1):
        return None
    stem = found.group(1)
    name = stem[0].upper() + stem[1:] + "departementet"
    registry = doc.registry
    known = registry.index.actor(name) or registry.lookup(name)
    if known is None:
        first = re.split(r"[\s\-]", name)[0].lower()[:10]
        known = next(
            (e for e in registry.entities if e.type == "ministry" and e.new and e.name.lower().startswith(first)), None
        )
        if known is not None and len(name) > len(known.name):  # the fuller title names it better
            registry.add_form(known, known.name)
            known.name = name
            registry.add_form(known, name)
    return known or registry.adopt(Entity(name, "organisation", "ministry", region="Nasjonal", how="title"))


def _titled_place(title: str, doc: Document, number: int) -> Entity | None:
    """The group a leader's title names the kind of («prosjektleder», «programleiar»)."""
    found = re.match(r"(prosjekt|program|nettverks|senter)(?:leder|leiar)\b", title.strip(), re.IGNORECASE)
    if found is None:
        return None
    noun = {"prosjekt": "prosjekt", "program": "program", "nettverks": "nettverk", "senter": "senter"}[
        found.group(1).lower()
    ]
    for candidate in (doc.sections[number], doc.subject):
        if candidate is not None and candidate.is_group and noun in candidate.nouns:
            return candidate
    subject = doc.subject
    return subject if subject is not None and subject.is_group and noun in ("prosjekt", "program") else None


def affiliations(doc: Document, number: int, mentions: list[Mention]) -> list[Fact]:
    """``affiliated_with`` (and ``heads``) for each person in the segment placed beside their
    organisation; the organisation is marked as attached to the person (not a holder of its own)."""
    segment = doc.segments[number]
    base = segment.start
    text = doc.plain[segment.start : segment.end]
    titles = _title_pattern()
    facts: list[Fact] = []
    item = segment.kind == "item"
    index = 0
    while index < len(mentions):
        person = mentions[index]
        if not person.is_person:
            index += 1
            continue
        chain = [person]
        following = index + 1
        while (
            following < len(mentions)
            and mentions[following].is_person
            and re.fullmatch(r"\s*(?:,|og|,\s*og)\s*", text[chain[-1].end - base : mentions[following].start - base])
        ):
            chain.append(mentions[following])
            following += 1
        organisation, how = None, ""
        if following < len(mentions):
            candidate = mentions[following]
            between = text[chain[-1].end - base : candidate.start - base]
            if candidate.entities and not candidate.is_person and candidate.entity.kind == "organisation":
                if re.fullmatch(r"\s*,\s*|\s*\(\s*", between):
                    organisation, how = candidate, "comma"
                elif re.fullmatch(rf"\s+{_PLACE_WORDS}\s+(?:det |den )?", between, re.IGNORECASE):
                    organisation, how = candidate, "ved"
                elif re.fullmatch(
                    rf"\s+{_PLACE_WORDS}\s+[A-ZÆØÅ][\wæøå\-]+(?:\s+for\s+[\wæøå\-]+)?\s+{_PLACE_WORDS}\s+", between
                ):
                    organisation, how = candidate, "ved"  # «ved Kvalitetsavdelinga i Helse Førde»
                elif re.fullmatch(
                    rf"\s*,\s*som\s+(?:er|var|har vært|har vore)\s+(?:{titles})\s+{_PLACE_WORDS}\s+",
                    between,
                    re.IGNORECASE,
                ):
                    organisation, how = candidate, "ved"  # «Anders Lunde, som er forskingsleiar i Helse Stavanger»
                elif re.fullmatch(rf"\s*(?:,\s*|\(\s*)(?:{titles})(?:[ ,][^,()\n]{{0,40}}?)?\s*(?:,\s*|\)\s*,?\s*|\s{_PLACE_WORDS}\s+)",
                                  between, re.IGNORECASE):  # fmt: skip
                    organisation, how = candidate, "title"
                elif (
                    item
                    and len(chain) == 1
                    and re.fullmatch(r" ", between)
                    and person.start == base + len(text) - len(text.lstrip())
                ):
                    organisation, how = candidate, "list"
        if (
            organisation is None and index > 0
        ):  # «NorwAIs senterleder Heidi Strand», «Helse Midt-Norge RHF ved fagdirektør X»
            candidate = mentions[index - 1]
            between = text[candidate.end - base : person.start - base]
            if (candidate.entities and candidate.entity.kind == "organisation"
                    and re.fullmatch(rf"\s+(?:ved|v/)\s+(?:{titles})\s*", between, re.IGNORECASE)):  # fmt: skip
                organisation, how = candidate, "represents"
            if (organisation is None and candidate.entities and candidate.entity.kind == "organisation" and re.search(r"(?:s|'s|')$", candidate.text)
                    and re.fullmatch(rf"\s*(?:{titles})\s*", between, re.IGNORECASE)):  # fmt: skip
                organisation, how = candidate, "genitive"
        if organisation is not None and how not in ("ved", "represents"):
            chain = chain[-1:]  # «Siri Nygaard, Arne Lie og Hanne Berg (KS)»: KS is Hanne Berg's
        for member in chain:
            title = title_of(text, member, base, segment.first_end) or (
                title_of(text, chain[-1], base, segment.first_end) if member is not chain[-1] else ""
            )
            if title and not member.entity.title:
                member.entity.title = title
            kind_place = _titled_place(title, doc, number)
            if kind_place is not None:  # «prosjektleder Tore Mikkelsen»: the leader of what the page is about
                facts.append(Fact(member.entity, "leads", kind_place, segment, "leads:title", 0.65))
            if organisation is not None:
                organisation.attached = (
                    how != "represents"
                )  # «Prosjekteier er Helse Midt-Norge RHF ved X»: the organisation holds it
                facts.append(
                    Fact(member.entity, "affiliated_with", organisation.entity, segment, f"affiliated_with:{how}", 0.8)
                )
                if title and _is_head(title) and not organisation.entity.is_group:
                    facts.append(Fact(member.entity, "heads", organisation.entity, segment, "heads:title", 0.7))
                continue
            if title and re.search(rf"minister(?!{WORD})", title, re.IGNORECASE):
                ministry = _ministry(title, doc)
                if ministry is not None:
                    reason = "reader.reason.minister"
                    facts.append(
                        Fact(
                            member.entity,
                            "affiliated_with",
                            ministry,
                            segment,
                            "affiliated_with:minister",
                            0.5,
                            True,
                            reason,
                        )
                    )
                    facts.append(Fact(member.entity, "heads", ministry, segment, "heads:minister", 0.45, True, reason))
                continue
            if title and doc.publisher is not None:
                facts.append(Fact(member.entity, "affiliated_with", doc.publisher, segment, "affiliated_with:publisher", 0.4,
                                  True, "reader.reason.publisher"))  # fmt: skip
        index = following
    return facts
