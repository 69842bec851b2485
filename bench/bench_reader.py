"""How well the reader reads the five source documents: each read as if it were new (the map
without the roles that cite it, and without the actors only it names), its candidates compared
with the roles in data/ that cite it. Prints recall (roles found with the right ends and relation;
of all roles, and of those stated in words, not inferred), precision (candidates that are roles),
quotes verbatim (must be 100 %) and dates right, per document and in total.

    .venv/bin/python bench/bench_reader.py [--show]
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from rapidfuzz import fuzz

from kidash.reader.names import ActorIndex
from kidash.reader.suggest import suggest

DATA = Path(__file__).resolve().parents[1] / "data"


def _read(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _same(candidate_id: str, candidate_name: str, actor: dict) -> bool:
    if candidate_id:
        return candidate_id == actor["id"]
    forms = [actor["name"], actor["short_name"], *actor["aliases"].split(";")]
    return any(f and fuzz.ratio(candidate_name.lower(), f.lower()) >= 85 for f in forms)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print what was missed and what was wrong")
    args = parser.parse_args()
    actors, relations, documents = _read("actors.csv"), _read("relations.csv"), _read("documents.csv")
    by_id = {a["id"]: a for a in actors}
    totals = dict(gold=0, stated=0, found=0, found_stated=0, candidates=0, right=0, verbatim=0, dated=0, dates_right=0)
    print(
        f"{'document':22} {'roles':>5} {'recall':>7} {'stated':>7} {'precision':>9} {'verbatim':>8} {'dates':>6} {'s':>5}"
    )
    for document in documents:
        doc = document["id"]
        text = (DATA / "sources" / document["file"]).read_text(encoding="utf-8")
        only_here = {a["id"] for a in actors if a["documents"].split(";") == [doc]}
        index = ActorIndex([a for a in actors if a["id"] not in only_here])
        began = time.perf_counter()
        candidates = suggest(text, index, document_date=document["published"], title=document["title"])
        seconds = time.perf_counter() - began
        gold = [r for r in relations if r["document"] == doc]
        matched_gold, right = set(), 0
        dated = dates_right = 0
        for candidate in candidates:
            hits = [i for i, r in enumerate(gold) if r["relation"] == candidate.relation
                    and _same(candidate.source, candidate.source_name, by_id[r["source"]])
                    and _same(candidate.target, candidate.target_name, by_id[r["target"]])]  # fmt: skip
            if hits:
                right += 1
                matched_gold.update(hits)
                stated_start = gold[hits[0]]["start"]
                if stated_start:
                    dated += 1
                    dates_right += candidate.start.startswith(stated_start[:7]) or stated_start.startswith(
                        candidate.start
                    )
        verbatim = sum(
            c.quote in text and text[c.quote_start : c.quote_start + len(c.quote)] == c.quote for c in candidates
        )
        stated = [i for i, r in enumerate(gold) if r["inferred"] != "true"]
        row = dict(gold=len(gold), stated=len(stated), found=len(matched_gold),
                   found_stated=len(matched_gold & set(stated)), candidates=len(candidates), right=right,
                   verbatim=verbatim, dated=dated, dates_right=dates_right)  # fmt: skip
        for key in totals:
            totals[key] += row[key]
        _print(doc, row, seconds)
        if args.show:
            for i, r in enumerate(gold):
                if i not in matched_gold:
                    print(
                        f"    missed {'(inferred) ' if r['inferred'] == 'true' else ''}{r['source']} {r['relation']} {r['target']}"
                    )
            for c in candidates:
                if not any(r["relation"] == c.relation and _same(c.source, c.source_name, by_id[r["source"]])
                           and _same(c.target, c.target_name, by_id[r["target"]]) for r in gold):  # fmt: skip
                    print(f"    wrong  {c.source_name} {c.relation} {c.target_name}  [{c.rule}]")
    _print("total", totals, None)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:6.1f}%" if whole else "     –"


def _print(name: str, row: dict, seconds: float | None) -> None:
    print(f"{name:22} {row['gold']:5d} {_pct(row['found'], row['gold']):>7} {_pct(row['found_stated'], row['stated']):>7} "
          f"{_pct(row['right'], row['candidates']):>9} {_pct(row['verbatim'], row['candidates']):>8} "
          f"{_pct(row['dates_right'], row['dated']):>6} {'' if seconds is None else f'{seconds:5.2f}'}")  # fmt: skip


if __name__ == "__main__":
    main()
