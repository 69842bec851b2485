"""Who a piece of text names: the actors a document speaks of (:class:`Entity`, on the map or new)
and where it names them (:class:`Mention`); :class:`ActorIndex` finds the map's actors by name,
short name and alias, also in genitive («Helsedirektoratets», «Helse Nords»), compound
(«KIN-nettverket») and glued («HelsedirektoratetDirektoratet», as pages lose their line breaks)
forms, and by near-spellings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from kidash.reader.rules import WORD, rules

__all__ = ["Entity", "Mention", "ActorIndex", "GROUP_KINDS", "GROUP_TYPES", "is_generic", "clean_name"]

# What a role is held *in*: an initiative, an event, a group (the target of «member», «observer» …).
GROUP_KINDS = frozenset({"initiative", "event"})
GROUP_TYPES = frozenset({"network", "project", "subproject", "working_group", "committee", "programme", "conference",
                         "debate", "workshop", "measure", "action_plan", "plan", "survey", "meeting"})  # fmt: skip
_SUFFIX = re.compile(r"(?:s|'s|’s|'|’|-[a-zæøå][\wæøå]*)(?![\wæøå])")
_NEAR_CUTOFF = 90


@dataclass(eq=False)
class Entity:
    """An actor a document speaks of: one on the map (``actor`` its id) or a new one the reader
    proposes, with the kind, type and region it proposes (from the shape of its name and what the
    text says of it), the common nouns it can be referred to by («prosjektet»), and the names the
    document writes it by."""

    name: str
    kind: str
    type: str
    actor: str = ""
    region: str = ""
    short_name: str = ""
    nouns: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)
    title: str = ""  # a person's title as the text writes it
    how: str = "name"
    parent: Entity | None = None  # an unnamed group's initiative («styringsgruppen» of the project)
    defined: bool = True  # False: named only by a common noun so far

    @property
    def new(self) -> bool:
        return not self.actor

    @property
    def key(self) -> str:
        return self.actor or f"new:{self.name.lower()}"

    @property
    def is_group(self) -> bool:
        return self.kind in GROUP_KINDS or self.type in GROUP_TYPES

    def __repr__(self) -> str:  # pragma: no cover - for debugging
        return f"Entity({self.name!r}, {self.kind}/{self.type}{', ' + self.actor if self.actor else ''})"


@dataclass(eq=False)
class Mention:
    """A name in the text: where (in the whole text), the words, the actor(s) it is (a collective
    such as «RHF-ene» is many), and how it was found (``name``, ``inflected``, ``near``, ``shape``,
    ``person``, ``reference``, ``collective`` …); ``noun`` the group noun of a reference."""

    start: int
    end: int
    text: str
    entities: list[Entity]
    how: str
    noun: str = ""
    attached: bool = False  # a person's organisation («Kari Nordmann, KS»): not a holder of its own

    @property
    def entity(self) -> Entity:
        return self.entities[0]

    @property
    def is_group(self) -> bool:
        return len(self.entities) == 1 and self.entity.is_group

    @property
    def is_person(self) -> bool:
        return len(self.entities) == 1 and self.entity.kind == "person"

    def __repr__(self) -> str:  # pragma: no cover
        return f"Mention({self.text!r}@{self.start}, {self.how}, {self.entities})"


def clean_name(name: str) -> str:
    """A name as one writes it: white space as single spaces, no stray punctuation at its ends."""
    return " ".join(name.split()).strip(" ,;:-–")


def is_generic(form: str) -> bool:
    """Whether a name is only a common noun («Styringsgruppen», «Regional tiltaksplan»,
    «Koordineringsprosjektet»): it cannot find its actor in another document, where the same words
    mean that document's own group.

    >>> is_generic("Styringsgruppen"), is_generic("Koordineringsprosjektet"), is_generic("Regional tiltaksplan")
    (True, True, True)
    >>> is_generic("KIN-nettverket"), is_generic("Helse Vest RHF"), is_generic("Tiltak 10")
    (False, False, True)
    >>> is_generic("Velferdsteknologiprogrammet")  # what the programme is about names it
    False
    """
    words = form.split()
    if any(re.search(r"[A-ZÆØÅ]{2}", w) or (i and w[:1].isupper()) for i, w in enumerate(words)):
        return False  # an acronym or a proper name in it
    last = re.sub(r"\W+$", "", words[-1].lower()) if words else ""
    if len(words) > 1 and last.isdigit():
        last = words[-2].lower()
    the = rules()
    for found in sorted((f for f in the.noun_forms if len(f) >= 4), key=len, reverse=True):
        if last == found or last.endswith(found):
            prefix = last[: len(last) - len(found)].rstrip("-")
            return len(words) > 1 or prefix in the.generic_prefixes
    return False


class ActorIndex:
    """Finds the map's actors in text.

    A form of several words matches in any case; a single word as written or capitalised (so
    «styringsgruppen» in running text is not «Styringsgruppen»), and an acronym only as written.
    A name may end in a genitive («Helse Nords»), a compound («KIN-nettverket») or run into the
    next word where a page lost its line breaks («RHFHelse Vest»)."""

    def __init__(self, rows: list[dict]):
        self.entities: dict[str, Entity] = {}
        self._forms: dict[str, list[tuple[str, Entity]]] = {}  # first word, lower case -> (form, entity)
        self.by_form: dict[str, Entity] = {}
        for row in rows:
            actor_id = str(row.get("id", "")).strip()
            if not actor_id:
                continue
            entity = Entity(str(row.get("name") or actor_id), str(row.get("kind", "")), str(row.get("type", "")),
                            actor=actor_id, region=str(row.get("region", "")),
                            short_name=str(row.get("short_name", "")))  # fmt: skip
            self.entities[actor_id] = entity
            for form in self._actor_forms(row):
                entity.forms.add(form)
                self.by_form.setdefault(form.lower(), entity)
                first = re.split(r"[\s]", form, maxsplit=1)[0].lower()
                self._forms.setdefault(first, []).append((form, entity))
                head = first.split("-")[0]
                if head != first and len(head) >= 2:
                    self._forms.setdefault(head, []).append((form, entity))
        for found in self._forms.values():
            found.sort(key=lambda pair: -len(pair[0]))
        self._near = [f for f in self.by_form if len(f) >= 8]
        self._generic: dict[str, list[Entity]] = {}
        for row in rows:
            entity = self.entities.get(str(row.get("id", "")).strip())
            for form in (row.get("short_name", ""), *str(row.get("aliases", "")).split(";")):
                form = clean_name(str(form))
                found = (
                    self._generic.setdefault(form.lower(), [])
                    if form and " " not in form and is_generic(form)
                    else None
                )
                if found is not None and entity is not None and entity not in found:
                    found.append(entity)

    @staticmethod
    def _actor_forms(row: dict) -> list[str]:
        forms = [row.get("name", ""), row.get("short_name", ""), *str(row.get("aliases", "")).split(";")]
        out: list[str] = []
        for form in forms:
            form = clean_name(str(form))
            for variant in (form, re.sub(r"\s*\([^)]*\)$", "", form)):  # «Kommunesektorens organisasjon (KS)»
                if len(variant) >= 2 and variant not in out and not is_generic(variant):
                    out.append(variant)
        return out

    def generic(self, word: str) -> Entity | None:
        """The one map actor a common noun is a name of («Koordineringsprosjektet», «Speilkomiteen»),
        read where a document refers to it and names nothing it could mean."""
        key = re.sub(r"^[A-ZÆØÅ]{2,}-", "", clean_name(word)).lower()
        found = self._generic.get(key, [])
        return found[0] if len(found) == 1 else None

    def actor(self, name: str) -> Entity | None:
        """The actor a name (any of its forms, any case, or nearly) is."""
        wanted = clean_name(name).lower()
        found = self.by_form.get(wanted)
        if found is None and len(wanted) >= 8 and self._near:
            best = process.extractOne(wanted, self._near, scorer=fuzz.ratio, score_cutoff=_NEAR_CUTOFF)
            found = self.by_form[best[0]] if best else None
        return found

    def find(self, text: str, base: int = 0) -> list[Mention]:
        """Every map actor named in ``text`` (which starts at ``base`` in the document), left to
        right, none overlapping (the longest wins)."""
        found: list[Mention] = []
        covered = -1
        for start in _word_starts(text):
            if start < covered:
                continue
            best = self._match_at(text, start)
            if best is not None:
                end, entity, how = best
                found.append(Mention(base + start, base + end, text[start:end], [entity], how))
                covered = end
        return found

    def _match_at(self, text: str, start: int) -> tuple[int, Entity, str] | None:
        word = re.match(r"[\wæøåÆØÅ]+(?:-[\wæøåÆØÅ]+)*", text[start:])
        if word is None:
            return None
        token = word.group(0)
        keys = {token.lower(), token.split("-")[0].lower(), re.sub(r"(?:s|'s|’s)$", "", token).lower()}
        # a glued word: «HelsedirektoratetDirektoratet» starts with the first name
        glued = re.match(r"[A-ZÆØÅ]?[a-zæøå]{2,}(?=[A-ZÆØÅ][a-zæøå])|[A-ZÆØÅ]{2,}(?=[A-ZÆØÅ][a-zæøå])", token)
        if glued:
            keys.add(glued.group(0).lower())
        candidates = [pair for key in keys for pair in self._forms.get(key, [])]
        for form, entity in sorted(candidates, key=lambda pair: -len(pair[0])):
            piece = text[start : start + len(form)]
            if piece.lower() != form.lower() or not _case_fits(piece, form):
                continue
            end = start + len(form)
            rest = text[end:]
            if not rest or not re.match(WORD, rest[0]):
                return end, entity, "name"
            if re.match(r"[A-ZÆØÅ][a-zæøå]", rest) and piece[-1:].isalpha():  # glued to the next name
                return end, entity, "name"
            suffix = _SUFFIX.match(rest)
            if suffix and not (" " not in form and form.isupper() and suffix.group(0).startswith("-e")):
                return end + len(suffix.group(0)), entity, "inflected"
        return None

    def near(self, phrase: str) -> Entity | None:
        """A map actor nearly spelt as ``phrase`` (a capitalised phrase of 8 or more letters)."""
        if len(phrase) < 8 or not self._near:
            return None
        best = process.extractOne(phrase.lower(), self._near, scorer=fuzz.ratio, score_cutoff=_NEAR_CUTOFF)
        return self.by_form[best[0]] if best else None


def _case_fits(piece: str, form: str) -> bool:
    """A form of several words in any case (its first letter as written or capitalised); a single
    word as written or capitalised; an acronym only as written."""
    if " " in form:
        first = form.split()[0].lower()
        return piece[0] == form[0] or piece[0].isupper() or first in ("det", "den", "de", "dei", "the")
    if sum(c.isupper() for c in form) >= 2:
        return piece == form
    return piece == form or piece == form[0].upper() + form[1:]


def _word_starts(text: str):
    """Where words start: after a non-letter, and where a page glued two names together
    («RHFHelse», «HelsedirektoratetDirektoratet», «(KS)Helse»)."""
    for match in re.finditer(
        r"(?<![\wæøåÆØÅ])[\wæøåÆØÅ]|(?<=[a-zæøå])(?=[A-ZÆØÅ][a-zæøå]{2})|(?<=[A-ZÆØÅ]{2})(?=[A-ZÆØÅ][a-zæøå]{2})", text
    ):
        yield match.start()
