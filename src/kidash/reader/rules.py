"""The reader's rules, loaded once from ``rules.json`` (data a domain reader can extend)."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

__all__ = ["Cue", "Rules", "rules", "WORD"]

WORD = r"[\wÆØÅæøåéÉüÜ]"  # a letter or digit of a Norwegian word


@dataclass(frozen=True)
class Cue:
    """A role cue: the relation it states, how its sentence is read, and the words."""

    relation: str
    read: str  # active | passive | group
    pattern: re.Pattern[str]
    name: str  # the rule's name in the output: relation:read


@dataclass(frozen=True)
class Rules:
    cues: tuple[Cue, ...]
    affiliation: re.Pattern[str]
    heads: re.Pattern[str]
    titles: re.Pattern[str]
    organisation_shapes: tuple[re.Pattern[str], ...]
    group_shapes: tuple[re.Pattern[str], ...]
    subject_nouns: re.Pattern[str]
    attribution: re.Pattern[str]
    part_nouns: re.Pattern[str]
    part_noun_words: frozenset[str]
    item_organisation: re.Pattern[str]
    months: dict[str, int]
    seasons: dict[str, int]


def _words(alternatives: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!{WORD})(?:{alternatives})(?!{WORD})", re.IGNORECASE)


@functools.cache
def rules() -> Rules:
    """The rules in ``rules.json``, compiled."""
    raw = json.loads(resources.files("kidash.reader").joinpath("rules.json").read_text(encoding="utf-8"))
    cues = tuple(
        Cue(c["relation"], c["read"], _words(c["pattern"]), f"{c['relation']}:{c['read']}") for c in raw["cues"]
    )
    for cue in cues:
        if cue.read not in ("active", "passive", "group"):
            raise ValueError(f"rules.json: a cue for {cue.relation} is read {cue.read!r}")
    return Rules(
        cues=cues,
        affiliation=re.compile(rf"\s*,?\s*(?:{raw['affiliation']})\s+"),
        heads=_words("|".join(raw["heads"])),
        titles=_words("|".join(raw["heads"] + raw["titles"])),
        organisation_shapes=tuple(re.compile(shape) for shape in raw["organisation_shapes"]),
        group_shapes=tuple(re.compile(shape) for shape in raw["group_shapes"]),
        subject_nouns=_words("|".join(raw["subject_nouns"])),
        part_nouns=re.compile(
            rf"^\\s*(?:i|til|for|av|frå|fra)\\s+(?:den |det )?({'|'.join(raw['part_nouns'])})(?!{WORD})", re.IGNORECASE
        ),
        part_noun_words=frozenset(raw["part_nouns"]),
        item_organisation=re.compile(raw["item_organisation"]),
        attribution=re.compile(rf"(?<!{WORD})(?:{raw['attribution']})\s+$", re.IGNORECASE),
        months=raw["months"],
        seasons=raw["seasons"],
    )
