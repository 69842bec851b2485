"""The reader's rules, loaded once from the JSON files in ``rules/`` (data a domain reader extends):
``cues.json`` (role words per relation and reading), ``names.json`` (titles, given names, shapes of
new actors' names, group nouns, collectives, regions) and ``words.json`` (dates and small words)."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

__all__ = [
    "Cue",
    "Shape",
    "GroupNoun",
    "Collective",
    "Rules",
    "rules",
    "WORD",
    "CAP",
    "LOW",
    "READINGS",
    "same_length_plain",
]

WORD = r"[\wÆØÅæøåéÉüÜöÖäÄ]"  # a letter or digit of a Norwegian word
CAP = r"[A-ZÆØÅÉÜ][a-zæøåéüöäA-ZÆØÅ]*(?:-[A-ZÆØÅa-zæøå]+)*"  # «Helse», «Sør-Øst», «Midt-Norge»
LOW = r"[a-zæøåéüöä]+(?:-[a-zæøåéüöä]+)*-?"  # «helse-», «e-helse», «arktiske»
ACR = r"(?<![\w])[A-ZÆØÅ]{2,7}(?![\w])"
# A lower-case word that can be part of a name: not a verb or function word that ends one.
_NAME_LOW = (
    r"(?!(?:å|en|ei|et|eit|ein|som|er|var|skal|vil|har|kan|kunne|blir|vert|det|den|de|dei|der|og|i|for|på|"
    r"til|av|fra|frå|om|ved|hos|ikke|ikkje|med|mot|under|etter|mellom|samt|eller|blant|gjennom|at|så|nå|no|også|òg|sammen|saman)"
    r"(?![\w\-]))" + LOW
)
READINGS = ("active", "active_near", "passive", "noun", "between", "with", "consists", "label")


@dataclass(frozen=True)
class Cue:
    """A role cue: the relation it states, how its sentence is read, and its words."""

    relation: str
    read: str
    pattern: re.Pattern[str]
    name: str  # the rule's name in the output: relation:read
    weak: bool = False  # gives way to any other cue in its clause


@dataclass(frozen=True)
class Shape:
    """The shape of a name the map may not have yet, and the kind and type it proposes."""

    pattern: re.Pattern[str]
    kind: str
    type: str


@dataclass(frozen=True)
class GroupNoun:
    """A common noun for an initiative, group, event or document: its base form, the kind and type
    of what it names, its definite and plural forms; ``body`` a group inside another (a steering
    group), ``compound`` whether a compound ending in it («koordineringsprosjektet») counts."""

    base: str
    kind: str
    type: str
    forms: tuple[str, ...]
    plural: tuple[str, ...]
    body: bool
    compound: bool


@dataclass(frozen=True)
class Collective:
    """Words that name many actors at once («RHF-ene»): the types they are, and where to look
    (``map``: every such actor the map or the document has; ``document``: those the document names)."""

    pattern: re.Pattern[str]
    types: frozenset[str]
    scope: str


@dataclass(frozen=True)
class Rules:
    cues: tuple[Cue, ...]
    shapes: tuple[Shape, ...]
    suffix_types: dict[str, str]
    head_types: dict[str, str]
    titles: re.Pattern[str]  # any title, a whole-words alternation
    head_titles: re.Pattern[str]  # a title that makes one head of one's organisation
    given_names: frozenset[str]
    not_names: frozenset[str]
    not_first_in_organisation: frozenset[str]
    acronym_stop: frozenset[str]
    group_nouns: dict[str, GroupNoun]
    noun_forms: dict[str, tuple[str, str]]  # a word form -> (base, "definite" | "plural" | "indefinite")
    collectives: tuple[Collective, ...]
    regions: tuple[tuple[str, re.Pattern[str]], ...]
    months: dict[str, int]
    seasons: dict[str, int]
    start_words: re.Pattern[str]
    end_words: re.Pattern[str]
    deadline_words: re.Pattern[str]
    document_date_labels: re.Pattern[str]
    furniture: tuple[re.Pattern[str], ...]
    clause_breaks: re.Pattern[str]
    preposition_before: re.Pattern[str]  # a preposition just before a name
    copulas: re.Pattern[str]
    speech_verbs: re.Pattern[str]
    hedges: re.Pattern[str]
    not_actor_leads: re.Pattern[str]
    actor_leads: re.Pattern[str]
    event_verbs: dict[str, str]
    event_verb_pattern: re.Pattern[str]
    generic_references: dict[str, str]  # a word -> "section" | "document": what «arbeidet» stands for
    verbs: frozenset[str]  # common verbs, which end a name
    generic_prefixes: frozenset[str]  # «koordinerings»prosjektet: a group noun with one of these is only a noun
    type_nouns: dict[str, tuple[str, ...]]  # an actor's type -> the group nouns that can refer to it


def words(alternatives: list[str] | str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Whole words: any of ``alternatives`` (regular expressions), not inside a longer word."""
    joined = alternatives if isinstance(alternatives, str) else "|".join(alternatives)
    return re.compile(rf"(?<!{WORD})(?:{joined})(?!{WORD})", flags)


def expand(pattern: str, verbs: str = "") -> str:
    """A shape's pattern with its placeholders written out; a lower-case name word is none of
    ``verbs`` (an alternation), which end a name («Senter for e-helseforskning sitter i …»)."""
    low = _NAME_LOW if not verbs else rf"(?!(?:{verbs})(?![\w\-])){_NAME_LOW}"
    return (
        pattern.replace("{Cap}", CAP).replace("{low}", low).replace("{Acr}", r"[A-ZÆØÅ]{2,7}")
        .replace("{Word}", rf"{WORD}+")
    )  # fmt: skip


def same_length_plain(text: str) -> str:
    """``text`` with no-break and thin spaces as plain spaces and typographic apostrophes as «'»,
    character for character (so every offset into it is an offset into ``text``): what the rules
    read, while quotes are cut from the text itself."""
    return text.translate(_PLAIN)


_PLAIN = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u2019": "'", "\t": " "})


def _load(name: str) -> dict:
    return json.loads(resources.files("kidash.reader").joinpath("rules", name).read_text(encoding="utf-8"))


def _noun_forms(nouns: dict[str, GroupNoun]) -> dict[str, tuple[str, str]]:
    forms: dict[str, tuple[str, str]] = {}
    for noun in nouns.values():
        forms.setdefault(noun.base, (noun.base, "indefinite"))
        for form in noun.forms:
            forms.setdefault(form, (noun.base, "definite"))
        for form in noun.plural:
            forms.setdefault(form, (noun.base, "plural"))
    return forms


@functools.cache
def rules() -> Rules:
    """The rules in ``rules/*.json``, compiled."""
    cue_data, name_data, word_data = _load("cues.json"), _load("names.json"), _load("words.json")
    cues = []
    for entry in cue_data["cues"]:
        if entry["read"] not in READINGS:
            raise ValueError(f"cues.json: a cue for {entry['relation']} is read {entry['read']!r}")
        cues.append(Cue(entry["relation"], entry["read"], words(entry["words"]), f"{entry['relation']}:{entry['read']}",
                        bool(entry.get("weak"))))  # fmt: skip
    verbs = "|".join(sorted(word_data["verbs"], key=len, reverse=True))
    shapes = tuple(
        Shape(re.compile(rf"(?<![\w.]){expand(s['pattern'], verbs)}(?![\w])"), s["kind"], s["type"])
        for s in name_data["shapes"]
    )
    nouns = {
        base: GroupNoun(
            base,
            n["kind"],
            n["type"],
            tuple(n["forms"]),
            tuple(n["plural"]),
            bool(n.get("body")),
            bool(n.get("compound", True)),
        )  # fmt: skip
        for base, n in name_data["group_nouns"].items()
    }
    collectives = tuple(
        Collective(words(c["words"]), frozenset(c["types"]), c["from"]) for c in name_data["collectives"]
    )
    regions = tuple(
        (region, words([re.escape(w) for w in sorted(found, key=len, reverse=True)], 0))
        for region, found in name_data["regions"].items()
    )
    prepositions = sorted(word_data["prepositions"], key=len, reverse=True)
    return Rules(
        cues=tuple(cues),
        shapes=shapes,
        suffix_types=name_data["suffix_types"],
        head_types=name_data["head_types"],
        titles=words(sorted(name_data["titles"] + name_data["head_titles"], key=len, reverse=True)),
        head_titles=words(sorted(name_data["head_titles"], key=len, reverse=True)),
        given_names=frozenset(name_data["given_names"]),
        not_names=frozenset(name_data["not_names"]),
        not_first_in_organisation=frozenset(name_data["not_first_in_organisation"]),
        acronym_stop=frozenset(name_data["acronym_stop"]),
        group_nouns=nouns,
        noun_forms=_noun_forms(nouns),
        collectives=collectives,
        regions=regions,
        months=word_data["months"],
        seasons=word_data["seasons"],
        start_words=words(word_data["start_words"]),
        end_words=words(word_data["end_words"]),
        deadline_words=words(word_data["deadline_words"]),
        document_date_labels=words(sorted(word_data["document_date_labels"], key=len, reverse=True)),
        furniture=tuple(re.compile(f, re.IGNORECASE) for f in word_data["furniture"]),
        clause_breaks=re.compile("|".join(re.escape(b) for b in word_data["clause_breaks"]), re.IGNORECASE),
        preposition_before=re.compile(
            rf"(?<!{WORD})(?:{'|'.join(re.escape(p) for p in prepositions)})\s*$", re.IGNORECASE
        ),  # fmt: skip
        copulas=words(sorted(word_data["copulas"], key=len, reverse=True)),
        speech_verbs=words(word_data["speech_verbs"]),
        hedges=words(word_data["hedges"]),
        not_actor_leads=words(word_data["not_actor_leads"]),
        actor_leads=words(word_data["actor_leads"]),
        event_verbs=word_data["event_verbs"],
        event_verb_pattern=words(sorted((re.escape(v) for v in word_data["event_verbs"]), key=len, reverse=True)),
        generic_references=name_data["generic_references"],
        verbs=frozenset(word_data["verbs"]),
        generic_prefixes=frozenset(name_data["generic_prefixes"]),
        type_nouns={t: tuple(n) for t, n in name_data["type_nouns"].items()},
    )
