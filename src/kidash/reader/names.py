"""Who a piece of text names: actors already on the map (by name, short name and alias, in their
inflected forms and near-spellings) and new ones by the shapes Norwegian organisation and person
names take."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from kidash.reader.rules import WORD, rules

__all__ = ["Actor", "Mention", "ActorIndex", "GROUP_KINDS", "GROUP_TYPES"]

# What a role is held *in*: an initiative, an event, a group (the target of «member», «observer» …).
GROUP_KINDS = {"initiative", "event"}
GROUP_TYPES = {"network", "project", "subproject", "working_group", "committee", "programme", "conference",
               "debate", "workshop", "measure", "action_plan", "plan"}  # fmt: skip
_PERSON = re.compile(r"[A-ZÆØÅ][a-zæøåéüö]+(?:[ \-](?:[A-ZÆØÅ][a-zæøåéüö]+|[A-ZÆØÅ]\.)){1,3}")
_CAPITALISED = re.compile(r"[A-ZÆØÅ][\w\-]+(?:\s(?:[A-ZÆØÅ][\w\-]+|for|og|i|på|av|til))*")
_SUFFIX = r"(?:s|'s|’s|-[\wæøå]+)?"


@dataclass(frozen=True)
class Actor:
    """An actor on the map as the reader knows it."""

    id: str
    name: str
    kind: str
    type: str
    forms: tuple[str, ...]

    @property
    def is_group(self) -> bool:
        return self.kind in GROUP_KINDS or self.type in GROUP_TYPES


@dataclass(frozen=True)
class Mention:
    """A name in the text: where (in the whole text), the words, the actor on the map it is
    (``actor`` empty: a new one), its kind, and how it was found."""

    start: int
    end: int
    text: str
    actor: Actor | None
    kind: str  # person | organisation | initiative | …
    how: str  # name | inflected | near | shape | title | list

    @property
    def name(self) -> str:
        return self.actor.name if self.actor else self.text

    @property
    def is_group(self) -> bool:
        return self.actor.is_group if self.actor else self.kind in GROUP_KINDS


def _forms(row: dict) -> tuple[str, ...]:
    forms = [row.get("name", ""), row.get("short_name", ""), *str(row.get("aliases", "")).split(";")]
    out = []
    for form in forms:
        form = " ".join(str(form).split())
        if len(form) >= 2 and form not in out:
            out.append(form)
            bare = re.sub(r"\s*\([^)]*\)$", "", form)  # «Kommunesektorens organisasjon (KS)»
            if bare != form and len(bare) >= 3 and bare not in out:
                out.append(bare)
    return tuple(out)


class ActorIndex:
    """Finds the map's actors in text. Multi-word forms match in any case; a single word as
    written or capitalised (so «styringsgruppen» in running text is not «Styringsgruppen»)."""

    def __init__(self, rows: list[dict]):
        self.actors = [Actor(r["id"], r["name"], r.get("kind", ""), r.get("type", ""), _forms(r)) for r in rows]
        self.by_form: dict[str, Actor] = {}
        for actor in self.actors:
            for form in actor.forms:
                self.by_form.setdefault(form.lower(), actor)
        multi = sorted({f for a in self.actors for f in a.forms if " " in f or "-" in f}, key=len, reverse=True)
        single = sorted({f for a in self.actors for f in a.forms if " " not in f and "-" not in f}, key=len,
                        reverse=True)  # fmt: skip
        alternation = lambda forms: "|".join(re.escape(f) for f in forms) or "(?!)"  # noqa: E731
        self._multi = re.compile(rf"(?<!{WORD})({alternation(multi)}){_SUFFIX}(?!{WORD})", re.IGNORECASE)
        capitalised = {f[0].upper() + f[1:] for f in single} | set(single)
        self._single = re.compile(rf"(?<!{WORD})({alternation(sorted(capitalised, key=len, reverse=True))}){_SUFFIX}"
                                  rf"(?!{WORD})")  # fmt: skip
        self._near = [f for f in self.by_form if len(f) >= 8]

    def actor(self, name: str) -> Actor | None:
        """The actor a name (any of its forms, any case, or nearly) is."""
        found = self.by_form.get(" ".join(name.split()).lower())
        if found is None and self._near:
            best = process.extractOne(name.lower(), self._near, scorer=fuzz.ratio, score_cutoff=88)
            found = self.by_form[best[0]] if best else None
        return found

    def find(self, text: str, base: int = 0, item: bool = False, heading: bool = False) -> list[Mention]:
        """Every actor named in ``text`` (which starts at ``base`` in the document), left to right,
        none overlapping (the longest wins), known ones first, then new ones by their shape."""
        spans: list[Mention] = []
        for pattern in (self._multi, self._single):
            for match in pattern.finditer(text):
                if _overlaps(spans, base + match.start(), base + match.end()):
                    continue
                actor = self.by_form[match.group(1).lower()]
                how = "name" if match.end() == match.end(1) else "inflected"
                spans.append(Mention(base + match.start(), base + match.end(), match.group(0), actor, actor.kind, how))
        if item:
            self._person_then_place(text, base, spans)
            whole = rules().item_organisation.fullmatch(text.strip())
            if whole and not spans:  # «Sykehuspartner» alone on a list's line
                at = text.index(text.strip())
                name = re.sub(r"\s*\([^)]*\)$", "", text.strip())
                spans.append(Mention(base + at, base + at + len(name), name, self.actor(name), "organisation", "list"))
        self._near_spellings(text, base, spans)
        self._shapes(text, base, spans, item, heading)
        return sorted(spans, key=lambda m: m.start)

    def _person_then_place(self, text: str, base: int, spans: list[Mention]) -> None:
        """A list item «Trond Utne Hemit HF»: a person's name (two to four words), then where
        they are from, known or of an organisation's shape."""
        words = list(re.finditer(r"[A-ZÆØÅ][\wæøåé\-]+", text))
        if len(words) < 3 or words[0].start() != 0:
            return
        for count in (2, 3, 4):
            if count >= len(words) or text[words[count - 1].end() : words[count].start()] != " ":
                continue
            if any(text[words[i].end() : words[i + 1].start()] != " " for i in range(count - 1)):
                break
            rest = text[words[count].start() :].rstrip()
            rest_end = words[count].start() + len(rest)
            known = self.actor(rest)
            shaped = known is not None or any(shape.fullmatch(rest) for shape in rules().organisation_shapes)
            if not shaped or _overlaps(spans, base, base + rest_end):
                continue
            person = text[: words[count - 1].end()]
            spans.append(Mention(base, base + len(person), person, self.by_form.get(person.lower()), "person", "list"))
            spans.append(Mention(base + words[count].start(), base + rest_end, rest, known,
                                 known.kind if known else "organisation", "list"))  # fmt: skip
            return

    def _near_spellings(self, text: str, base: int, spans: list[Mention]) -> None:
        if not self._near:
            return
        for match in _CAPITALISED.finditer(text):
            phrase = match.group(0).rstrip(" -")
            if len(phrase) < 8 or _overlaps(spans, base + match.start(), base + match.start() + len(phrase)):
                continue
            best = process.extractOne(phrase.lower(), self._near, scorer=fuzz.ratio, score_cutoff=90)
            if best:
                actor = self.by_form[best[0]]
                spans.append(Mention(base + match.start(), base + match.start() + len(phrase), phrase, actor,
                                     actor.kind, "near"))  # fmt: skip

    def _shapes(self, text: str, base: int, spans: list[Mention], item: bool = False, heading: bool = False) -> None:
        the = rules()
        for shape in the.group_shapes:  # a new initiative or group: «prosjektet «X»», «Arbeidsgruppe for X»
            for match in shape.finditer(text):
                start, end = base + match.start(1), base + match.end(1)
                if heading and match.start(1) == 0:  # a heading that begins with a group's name is the name
                    end = base + len(text.rstrip())
                if _overlaps(spans, start, end):
                    continue
                name = text[start - base : end - base].strip()
                known = self.actor(name)
                spans.append(Mention(start, start + len(name), name, known, known.kind if known else "initiative",
                                     "shape"))  # fmt: skip
        for shape in the.organisation_shapes:
            for match in shape.finditer(text):
                if not _overlaps(spans, base + match.start(), base + match.end()):
                    known = self.actor(match.group(0))
                    spans.append(Mention(base + match.start(), base + match.end(), match.group(0), known,
                                         known.kind if known else "organisation", "shape"))  # fmt: skip
        masked = list(text)  # a person's name ends where a name already found begins
        for mention in spans:
            masked[mention.start - base : mention.end - base] = "#" * (mention.end - mention.start)
        for match in _PERSON.finditer("".join(masked)):
            first = re.match(r"[^\s\-]+\s", match.group(0))
            if first and the.titles.fullmatch(first.group(0).strip()):  # «Professor Kari Nordmann»
                rest = _PERSON.fullmatch(match.group(0)[first.end() :])
                if rest is None:
                    continue
                match = _PERSON.match("".join(masked), match.start() + first.end())
            start, end = base + match.start(), base + match.end()
            if _overlaps(spans, start, end):
                continue
            before = text[max(0, match.start() - 40) : match.start()]
            after = text[match.end() : match.end() + 6]
            # a title just before it («senterleder Stein Olav Skrøvseth»), or a comma or «ved/fra»
            # and the place after it («Finn Henry Hansen, Helse Nord RHF»)
            near_title = bool(re.search(rf"(?:{the.titles.pattern})\s*$", before, re.IGNORECASE))
            followed = bool(re.match(r"\s*(?:,|ved |fra |frå |hos )", after))
            # a list item that begins with a name: «Eiliv Flakne Helse Midt-Norge RHF», «Nina Kotte (…)»
            listed = item and match.start() == 0 and bool(re.match(r"\s*(?:$|\(|#|,)", "".join(masked)[match.end() :]))
            if near_title or followed or listed:
                known = self.actor(match.group(0))
                spans.append(Mention(start, end, match.group(0), known, known.kind if known else "person",
                                     "title" if near_title else "shape"))  # fmt: skip


def _overlaps(spans: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in spans)
