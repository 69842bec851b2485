"""Actors the map does not have yet, found by the shapes Norwegian names take: organisations
(«… HF», «Helse …», «Universitetet i …», «…direktoratet», «Senter for …», acronyms), named groups,
initiatives, events and documents («programmet «KI i Vest»», «Arbeidsgruppe for …», «Delprosjekt:
…», «rapporten …»), and people (a given name or a title beside the name), each with the kind, type
and region its name proposes."""

from __future__ import annotations

import re

from kidash.reader.names import Entity, clean_name
from kidash.reader.nouns import noun_of, noun_state
from kidash.reader.rules import CAP, WORD, GroupNoun, rules

__all__ = ["Found", "organisations", "groups", "people", "region_of", "kind_of_noun", "person_name"]

_STOP = frozenset(
    [
        "er",
        "var",
        "skal",
        "vil",
        "har",
        "kan",
        "blir",
        "ble",
        "vert",
        "vart",
        "som",
        "og",
        "med",
        "som",
        "at",
        "der",
        "når",
        "om",
        "så",
        "men",
        "fordi",
        "etter",
        "før",
        "mot",
        "ledes",
        "leies",
        "består",
        "bestående",
        "beståande",
        "deltar",
        "deltek",
        "har",
        "hadde",
        "får",
        "fikk",
        "fekk",
        "gir",
        "gav",
        "ga",
        "inviterer",
        "starter",
        "startar",
        "åpner",
        "opnar",
        "samarbeider",
        "samarbeidar",
        "skal",
    ]
)
# Group nouns that never name one group («samarbeid», «arbeid», «møte»), and those too general to
# name one where a text describes it in passing («tiltak», «arrangement»)
_NOT_A_NAME = frozenset({"samarbeid", "arbeid", "møte"})
_NOT_A_NAME_HERE = _NOT_A_NAME | {"tiltak", "arrangement"}
_DEFINED = re.compile(
    r"^(?P<name>[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:\s+[A-ZÆØÅ][\wæøåÆØÅ\-]*){0,4})\s+(?:er|blir|vert|var)\s+(?:et|en|ei|eit|ein)\s+"
)
_NAMED_AFTER_NOUN = re.compile(
    r"(?<![\wæøå])(prosjektet|programmet|nettverket|satsingen|satsinga|tiltaket|initiativet|senteret|veilederen|"
    r"rettleiaren|strategien|planen|arbeidsgruppen|arbeidsgruppa|utvalget|utvalet|piloten|komiteen|komitéen|"
    r"forumet|styringsgruppen|styringsgruppa|ekspertgruppen|ekspertgruppa)\s+"
    r"([A-ZÆØÅ][\wæøåÆØÅ\-/]*(?:\s+(?:[\wæøåÆØÅ\-/]+)){0,7}?)(?=\s*(?:[,.;:!?()]|$)|\s+(?:som|er|skal|har|vil|blir|vert|ble|og)\b)"
)
# An active verb of leading or owning and the definite group it has, described by what follows
_LED_OBJECT = re.compile(
    r"(?<![\wæøå])(?:leder|leier|leiar|koordinerer|koordinerar|eier|eig|driver|driv|etablerer|etablerar|starter|startar)"
    r" (?P<noun>[a-zæøå]{4,}(?:en|et|a|ene|ane)) (?P<link>av|for|om|med) "
)
# A group noun glued to a short name, with a proper name after it: «KI-forum Vest», «KI-nettverk Nord»
_COMPOUND_NAME = re.compile(
    r"(?<![\wæøåÆØÅ\-])(?:[A-ZÆØÅ]{2,}|[A-ZÆØÅ][a-zæøå]+)-(?P<noun>[a-zæøå]{4,})"
    r"(?P<rest>(?: (?:[A-ZÆØÅ][\wæøå]+|\d{4})){1,2})(?![\wæøåÆØÅ])"
)
_GENITIVE = re.compile(rf"(?<![\w\-])(?P<gen>(?:{CAP} )*{CAP}(?:s|'s|')(?<![Ss]s)|(?:{CAP} )*{CAP} (?:sin|sitt|sine)) ")
_GLUE = re.compile(r"(?<=[a-zæøå]{2}|[A-ZÆØÅ]{2})(?=[A-ZÆØÅ][a-zæøå]{2})")
_QUOTED = re.compile(r"[«\"“]([^»\"”\n]{2,120})[»\"”]")
_PERSON_WORD = r"(?:[A-ZÆØÅÉ][a-zæøåéüöäA-ZÆØÅ]+(?:-[A-ZÆØÅ][a-zæøåéüöä]+)?|[A-ZÆØÅ]\.)"
_PERSON = re.compile(rf"(?<![\w.]){_PERSON_WORD}(?: (?:{_PERSON_WORD}|von|van|de|af|der|den|la|le)){{1,4}}(?![\w])")


class Found:
    """A stretch of text naming a new actor: where, the name, and the entity proposed for it;
    ``owner`` the organisation a genitive names as its own («Standard Norges speilkomite»)."""

    __slots__ = ("start", "end", "name", "entity", "how", "noun", "owner")

    def __init__(self, start: int, end: int, name: str, entity: Entity, how: str, noun: str = "", owner: str = ""):
        self.start, self.end, self.name, self.entity, self.how, self.noun = start, end, name, entity, how, noun
        self.owner = owner

    def __repr__(self) -> str:  # pragma: no cover
        return f"Found({self.name!r}@{self.start}, {self.how})"


def region_of(name: str) -> str:
    """The health region a name places an actor in, or «Nasjonal» / «Internasjonal», or ""."""
    for region, pattern in rules().regions:
        if pattern.search(name):
            return region
    return ""


def kind_of_noun(noun: GroupNoun) -> tuple[str, str]:
    return noun.kind, noun.type


def _organisation_type(shape_type: str, name: str) -> str:
    the = rules()
    if shape_type == "by_suffix":
        suffix = name.rsplit(" ", 1)[-1]
        return the.suffix_types.get(suffix, "other_organisation")
    if shape_type == "by_head":
        for head, kind in the.head_types.items():
            if re.search(rf"\b{head}\b", name, re.IGNORECASE):
                return kind
        return "other_organisation"
    return shape_type


def _accept_acronym(name: str) -> bool:
    the = rules()
    return name not in the.acronym_stop and not name.isdigit() and len(name) <= 7


def organisations(text: str, base: int, taken: list[tuple[int, int]]) -> list[Found]:
    """New organisations named in ``text`` by their shape, the longest first, none over ``taken``."""
    the = rules()
    found: list[Found] = []
    spans = list(taken)
    matches = []
    for order, shape in enumerate(the.shapes):
        for match in shape.pattern.finditer(text):
            name = re.sub(r"(?:[ \-]+(?:og|i|for|samt|eller|på))+$|-$", "", match.group(0))
            if not name.strip():
                continue
            matches.append((match.start(), match.start() + len(name), order, shape, name))
    matches.sort(key=lambda m: (-(m[1] - m[0]), m[2]))
    for start, end, _, shape, name in matches:
        glue = _GLUE.search(name)
        if glue:  # «Helse Midt-Norge RHFHelse Vest RHF»: two names a page ran together
            name = name[: glue.start()]
            end = start + len(name)
            if not any(p.fullmatch(name) for p in (s.pattern for s in the.shapes)):
                continue
        person = _leading_person(name)
        if person:  # «Trond Utne Hemit HF» in a list: a person, then their organisation
            start += len(person) + 1
            name = name[len(person) + 1 :]
        if any(s < base + end and base + start < e for s, e in spans):
            continue
        first = name.split()[0]
        if first in the.not_first_in_organisation and first not in shape.pattern.pattern:
            continue
        if " " not in name and name.isupper() and not _accept_acronym(name):
            continue
        if " " not in name and name in the.not_names:
            continue
        if " " not in name and noun_of(name) is not None and noun_of(name).kind != "organisation":
            continue  # «Nettverket», «Programmet»: a group's common noun, not an organisation
        kind = shape.kind
        type_ = _organisation_type(shape.type, name)
        entity = Entity(clean_name(name), kind, type_, region=region_of(name), how="shape")
        found.append(Found(base + start, base + end, entity.name, entity, "shape"))
        spans.append((base + start, base + end))
    return found


def _leading_person(name: str) -> str:
    """A person's name at the start of what looked like one organisation's name, when the rest is
    a name of its own («Eiliv Flakne Helse Midt-Norge RHF» → «Eiliv Flakne»): of the ways to cut
    it, the one whose rest has the most telling shape («Helse …» before «… HF»)."""
    the = rules()
    words = name.split()
    best, best_score = "", 0
    for count in range(2, min(5, len(words))):
        person, rest = " ".join(words[:count]), " ".join(words[count:])
        if not person_name(person) or rest in the.acronym_stop:
            continue
        score = max((3 if order == 0 else 1 if order in (1, len(the.shapes) - 1) else 2)
                    for order, shape in enumerate(the.shapes) if shape.pattern.fullmatch(rest)) if any(
                        shape.pattern.fullmatch(rest) for shape in the.shapes) else 0  # fmt: skip
        if score > best_score:
            best, best_score = person, score
    return best


def _complement(text: str, at: int) -> int:
    """Where a name's complement («for kunstig intelligens i allmennlegetjenesten») that starts at
    ``at`` ends: at punctuation, a verb or function word, or a word starting a new name."""
    end = at
    for match in re.finditer(rf"\s*({WORD}[\w\-/æøåÆØÅ]*|[–\-](?= ))", text[at:]):
        word = match.group(1)
        if word in "–-" and not re.match(r"\s*\d", text[at + match.end() :]):
            break  # «… for KI i helse – direktør Bjørn Lie»: a dash ends it («2020 – 2023» does not)
        if word.lower() in rules().verbs and end > at:
            break
        if word.lower() in _STOP and not (
            word.lower() == "og" and text[at + match.start() - 1 : at + match.start()] == "-"
        ):
            if word.lower() == "og" and re.match(r"\s*[a-zæøå]", text[at + match.end() :]) and end > at:
                end = at + match.end()  # «helse- og omsorgstjenesten»
                continue
            break
        between = text[end : at + match.start(1)]
        if re.search(r"[.,;:!?()«»\"\n]", between):
            break
        end = at + match.end()
    return end


def groups(text: str, base: int, taken: list[tuple[int, int]], heading: bool = False) -> list[Found]:
    """New groups, initiatives, events and documents named in ``text``: a group noun with its name
    in quotes («programmet «KI i Vest»»), a group noun with its complement («Ekspertgruppe for …»,
    «en referansegruppe for arbeidet i …»), a report's title after «rapporten», a heading
    «Delprosjekt: …» or «10. …»."""
    the = rules()
    out: list[Found] = []

    def free(start: int, end: int) -> bool:
        return not any(s < base + end and base + start < e for s, e in taken + [(f.start, f.end) for f in out])

    def add(start: int, end: int, name: str, noun: GroupNoun, how: str) -> None:
        name = clean_name(name)
        if len(name) < 3 or not free(start, end):
            return
        entity = Entity(name[0].upper() + name[1:], noun.kind, noun.type, region=region_of(name), how=how,
                        nouns={noun.base})  # fmt: skip
        out.append(Found(base + start, base + end, entity.name, entity, how, noun.base))

    for match in _QUOTED.finditer(text):  # «programmet «KI i Vest»», «veilederen «…»»
        before = re.search(rf"({WORD}+)\s*$", text[: match.start()])
        noun = noun_of(before.group(1)) if before else None
        if noun is None and re.search(
            r"(?:navnet|namnet|navn|namn|kalles|kallast|kalt|heter|heiter)\s*$", text[: match.start()], re.I
        ):
            # «Prosjektet har fått navnet «KI i radiologi Sør-Øst»»: named for the group the sentence speaks of
            nouns = [noun_of(w) for w in re.findall(rf"{WORD}+", text[: match.start()])]
            noun = next((n for n in reversed(nouns) if n is not None), None)
        if noun is not None:
            add(match.start(), match.end(), match.group(1), noun, "quoted")
    if heading:
        labelled = re.match(rf"((?:{CAP}))(\s+[\w\-/]*\d[\w\-/]*)?\s*:\s+(\S.{{2,100}})$", text)
        if labelled and noun_of(labelled.group(1)) is not None and len(labelled.group(1)) > 3:
            add(0, len(text), text, noun_of(labelled.group(1)), "heading")
            if labelled.group(2) and out:  # «Oppdrag 2026-14: Nasjonal løsning …»: the name is after the colon
                out[-1].entity.short_name = clean_name(labelled.group(3))
        numbered = re.match(r"\d{1,2}\.\s+[A-ZÆØÅ].{3,90}$", text)
        if numbered and not out:
            add(0, len(text), text, the.group_nouns["tiltak"], "heading")
        # «Helse-KI 2026 – nasjonal konferanse om …»: a name, a dash, and what it is
        dashed = re.match(r"(?P<name>[A-ZÆØÅ][^–—:]{1,50}?)\s+[–—-]\s+(?P<what>[a-zæøå][^:]{2,150})$", text)
        if dashed and not out:
            words = re.findall(r"[\wæøåÆØÅ\-]+", dashed.group("what"))
            if words and words[0].lower() in the.not_first_in_organisation | {
                "fra",
                "frå",
                "til",
                "om",
                "med",
                "i",
                "på",
            }:
                words = []  # «KI i klinikken 2025 – fra pilot til drift»: a subtitle, not what it is
            noun = next((noun_of(w) for w in words[:2] if noun_of(w) is not None), None)
            if noun is not None and noun.base not in _NOT_A_NAME_HERE:
                add(0, dashed.end("name"), dashed.group("name"), noun, "heading")
    for match in _COMPOUND_NAME.finditer(text):  # «KI-forum Vest», «KI-nettverk Nord»
        noun = noun_of(match.group("noun"))
        if noun is None or noun_state(match.group("noun")) != "indefinite" or noun.base in _NOT_A_NAME:
            continue
        if match.group("rest").split()[0] in the.not_first_in_organisation:
            continue
        add(match.start(), match.end(), match.group(0), noun, "named")
    for match in _DEFINED.finditer(text):  # «SFI Helse-KI er et senter for forskningsdrevet innovasjon ved UiA»
        words = re.findall(r"[\wæøåÆØÅ\-]+", text[match.end() : match.end() + 40])
        noun = next((noun_of(w) for w in words[:3] if noun_of(w) is not None), None)
        name = match.group("name")
        if (
            noun is None
            or noun.base in _NOT_A_NAME
            or name.split()[0] in the.not_first_in_organisation
            or (len(name.split()) == 1 and noun_of(name) is not None)  # «Komiteen er en …»: a reference
        ):
            continue
        if any(shape.kind == "organisation" and shape.pattern.fullmatch(name) for shape in the.shapes[:-3]):
            continue  # an organisation's name of its own shape («Helse Vest RHF er en …»)
        before = len(out)
        add(match.start("name"), match.end("name"), name, noun, "defined")
        if len(out) > before:  # what follows describes it: no second name there
            taken = taken + [(base + match.end(), base + match.end() + _complement(text, match.end()) - match.end())]
    for match in re.finditer(
        r"(?<![\w\-])(?:(?P<article>en|ei|et|eit|ein) )?(?:(?P<adjective>[A-ZÆØÅ][a-zæøå]+) )?"
        r"(?P<noun>(?:[\wæøåÆØÅ]+- og )?(?:[A-ZÆØÅ][\wæøå]*-)?[\wæøåÆØÅ]+)(?P<link> (?:for|om|i|på|til|mellom) )",
        text,
    ):
        noun = noun_of(match.group("noun"))
        word = match.group("noun")
        if noun is None or noun.base in _NOT_A_NAME_HERE:
            continue
        adjective = match.group("adjective")
        if adjective and (noun_state(word) != "indefinite" or adjective in the.not_first_in_organisation
                          or noun_of(adjective) is not None or adjective.endswith("s")
                          or re.search(r"[A-ZÆØÅ][\wæøå]*\s$", text[: match.start("adjective")])):  # fmt: skip
            adjective = None  # «Dette prosjektet for …», «Prosjektet arbeidsgruppe for …»: no name
        if adjective and any(shape.kind == "organisation" and shape.pattern.match(text, match.start("adjective"))
                             for shape in the.shapes[:-3]):  # fmt: skip
            continue  # «Nasjonalt senter for e-helseforskning»: an organisation's name of its own shape
        if not (word[0].isupper() or match.group("article") or adjective):
            continue  # «i arbeidsgruppen for …» in running text is a reference, not a new name
        end = _complement(text, match.end("link"))
        if end <= match.end("link"):
            continue
        if match.group("link").strip() == "mellom":  # «Samarbeidsorganet mellom Helse Midt-Norge og NTNU»
            more = re.match(r"(?:,? og |, )([A-ZÆØÅ])", text[end:])
            if more is None:
                continue
            end = _complement(text, end + more.start(1))
        start = match.start("adjective") if adjective else match.start("noun")
        add(start, end, text[start:end], noun, "named")
    for match in _LED_OBJECT.finditer(text):  # «… leder utprøvingen av KI for beinbrudd»: what it leads, unnamed
        noun = noun_of(match.group("noun"))
        if noun is None or noun_state(match.group("noun")) != "definite" or noun.base in _NOT_A_NAME:
            continue
        end = _complement(text, match.end("link"))
        if end > match.end("link"):
            add(match.start("noun"), end, text[match.start("noun") : end], noun, "named")
    for match in _GENITIVE.finditer(text):  # «Standard Norges speilkomite for kunstig intelligens»
        if noun_of(match.group("gen").split()[-1]) is not None:
            continue  # «Senterets styre»: the group a reference names, read as a reference
        words = list(re.finditer(r"(?:[A-ZÆØÅ]{2,}-)?[a-zæøå][\wæøå\-]+", text[match.end() : match.end() + 60]))
        found = None
        for position, word in enumerate(words[:3]):
            if word.start() != (words[position - 1].end() + 1 if position else 0):
                break
            noun = noun_of(word.group(0))
            if noun is not None:
                found = (noun, match.end() + word.end())
                break
            if not word.group(0).endswith("e"):
                break  # only adjectives («regionale», «nye») stand between
        if found is None or found[0].base in _NOT_A_NAME_HERE:
            continue
        noun, end = found
        rest = text[end:]
        if re.match(r"\s+[A-ZÆØÅ]", rest):
            continue  # «NTNUs forskningssenter NorwAI»: the name follows (see mentions)
        link = re.match(r" (?:for|om|i|på|til) ", rest)
        if link:
            end = max(end, _complement(text, end + link.end()))
        before = len(out)
        add(match.start(), end, text[match.start() : end], noun, "genitive")
        if len(out) > before:
            out[-1].owner = re.sub(r"(?:'s|s|'| sin| sitt| sine)$", "", match.group("gen"))
    for match in _NAMED_AFTER_NOUN.finditer(text):
        noun = noun_of(match.group(1))
        name = match.group(2)
        if (
            noun is None
            or name.split()[0] in the.not_first_in_organisation
            or any(shape.pattern.fullmatch(name) for shape in the.shapes)
        ):
            continue
        add(match.start(2), match.start(2) + len(name), name, noun, "named")
    for match in re.finditer(r"\brapporten\s+(?![«\"“])([A-ZÆØÅ][^.!?\n]{3,150})", text):
        add(match.start(1), match.end(1), match.group(1), the.group_nouns["rapport"], "named")
    return out


def person_name(words: str) -> bool:
    """Whether words look like a person's name: two to five capitalised words (initials allowed),
    the first a given name, none a word that starts other names («Helse», «Nasjonalt»)."""
    the = rules()
    parts = words.replace("-", " ").split()
    if not 2 <= len(words.split()) <= 5 or any(p in the.not_names for p in parts):
        return False
    return words.split()[0].split("-")[0] in the.given_names


def people(text: str, base: int, taken: list[tuple[int, int]], item: bool = False) -> list[Found]:
    """People named in ``text``: two to five capitalised words that start with a given name, or that
    stand beside a title («professor Ingrid Solberg», «Lise Dahl, fastlege»), after a role's words
    («ledes av Kari Vik»), or open a list item."""
    the = rules()
    masked = list(text)
    for s, e in taken:
        for i in range(max(0, s - base), min(len(text), e - base)):
            masked[i] = "#"
    plain = "".join(masked)
    out: list[Found] = []
    for match in _PERSON.finditer(plain):
        words = match.group(0)
        start = match.start()
        first = words.split()[0]
        if the.titles.fullmatch(first) or first.lower() in ("prof.", "dr."):
            words = words[len(first) + 1 :]
            start += len(first) + 1
        while words and words.split()[-1] in the.not_names:
            words = words.rsplit(" ", 1)[0] if " " in words else ""
        if len(words.split()) < 2:
            continue
        if words.endswith("."):
            words = words[:-1]
        before = text[max(0, start - 60) : start]
        after = text[start + len(words) : start + len(words) + 30]
        titled = bool(re.search(rf"(?:{the.titles.pattern})\s*$", before, re.IGNORECASE))
        beside = bool(re.match(rf"\s*(?:,\s*)?(?:\((?:{the.titles.pattern})|(?:{the.titles.pattern}))", after,
                               re.IGNORECASE))  # fmt: skip
        opens = item and start == len(text) - len(text.lstrip())
        if not (person_name(words) or titled or beside or (opens and len(words.split()) <= 4)):
            continue
        if any(w in the.not_names for w in words.split()):
            continue
        entity = Entity(words, "person", "person", how="person")
        out.append(Found(base + start, base + start + len(words), words, entity, "person"))
    return out
