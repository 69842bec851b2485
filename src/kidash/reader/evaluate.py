"""How well the reader read a document: its candidates against the roles a careful reader recorded
(``gold``: rows with ``source``, ``relation``, ``target``, ``inferred``; an end is an actor id of
the map or, for an actor the map does not have, its name). A candidate is right when its relation
is the gold row's and each end is the same actor: the same id, or for a new actor a name or short
name within :data:`MATCH` of one of the gold actor's names (rapidfuzz's ratio). One rule for
``bench/bench_reader.py`` and the tests that hold the reader to its numbers."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from kidash.reader.suggest import Candidate, Reading

__all__ = ["Score", "score", "MATCH", "sources_as_new"]

MATCH = 85


@dataclass
class Score:
    """Counts for one document (they add up over many)."""

    gold: int = 0
    stated: int = 0
    found: int = 0
    found_stated: int = 0
    candidates: int = 0
    right: int = 0
    verbatim: int = 0
    dated: int = 0
    dates_right: int = 0
    missed: tuple = ()
    wrong: tuple = ()

    def __add__(self, other: Score) -> Score:
        counts = {k: getattr(self, k) + getattr(other, k) for k in ("gold", "stated", "found", "found_stated",
                                                                     "candidates", "right", "verbatim", "dated",
                                                                     "dates_right")}  # fmt: skip
        return Score(**counts, missed=self.missed + other.missed, wrong=self.wrong + other.wrong)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.candidates if self.candidates else 1.0

    @property
    def quotes_verbatim(self) -> float:
        return self.verbatim / self.candidates if self.candidates else 1.0


def _forms(end: str, actors: dict[str, dict]) -> tuple[str, list[str]]:
    actor = actors.get(end)
    if actor is None:
        return "", [end]
    return end, [actor.get("name", ""), actor.get("short_name", ""), *str(actor.get("aliases", "")).split(";")]


def _same(candidate_id: str, names: list[str], gold: tuple[str, list[str]]) -> bool:
    gold_id, gold_names = gold
    if candidate_id:  # on the map: the very actor; a new one: by its names (a source read as new)
        return candidate_id == gold_id
    return any(n and g and fuzz.ratio(n.lower(), g.lower()) >= MATCH for n in names for g in gold_names)


def _names(candidate: Candidate, side: str, shorts: dict[str, str]) -> list[str]:
    return [getattr(candidate, f"{side}_name"), shorts.get(getattr(candidate, f"{side}_key"), "")]


def score(text: str, reading: Reading, gold: list[dict], actors: dict[str, dict]) -> Score:
    """The reading of ``text`` scored against ``gold`` (``actors``: the map's actors by id)."""
    shorts = {a.key: a.short_name for a in reading.actors}
    ends = [(_forms(r["source"], actors), _forms(r["target"], actors)) for r in gold]
    matched: set[int] = set()
    right = dated = dates_right = 0
    wrong = []
    for candidate in reading.candidates:
        hits = [i for i, r in enumerate(gold) if r["relation"] == candidate.relation
                and _same(candidate.source, _names(candidate, "source", shorts), ends[i][0])
                and _same(candidate.target, _names(candidate, "target", shorts), ends[i][1])]  # fmt: skip
        if not hits:
            wrong.append(candidate)
            continue
        right += 1
        matched.update(hits)
        stated_start = gold[hits[0]].get("start", "")
        if stated_start:
            dated += 1
            dates_right += candidate.start.startswith(stated_start[:7]) or stated_start.startswith(candidate.start)
    stated = {i for i, r in enumerate(gold) if r.get("inferred") != "true"}
    verbatim = sum(text[c.quote_start : c.quote_start + len(c.quote)] == c.quote for c in reading.candidates)
    missed = tuple(gold[i] for i in range(len(gold)) if i not in matched)
    return Score(len(gold), len(stated), len(matched), len(matched & stated), len(reading.candidates), right,
                 verbatim, dated, dates_right, missed, tuple(wrong))  # fmt: skip


def csv_rows(path: Path) -> list[dict]:
    """A CSV file's rows as dicts of text (a table of data/ or a gold file), nothing checked."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def sources_as_new(actors: list[dict], relations: list[dict], document: str) -> tuple[list[dict], list[dict]]:
    """A source document read as if it were new: (the map's actors without those only it names,
    the roles that cite it, the gold)."""
    only_here = {a["id"] for a in actors if str(a.get("documents", "")).split(";") == [document]}
    return [a for a in actors if a["id"] not in only_here], [r for r in relations if r["document"] == document]
