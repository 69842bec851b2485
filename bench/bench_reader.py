"""How well the reader reads: the five source documents, each as if it were new (against the map
without the roles that cite it and without the actors only it names), and the invented documents
in tests/reader_documents (against the whole shipped map; ``dev-*`` were read while the rules were
written, ``held-*`` were not). The reader gets only the text, as `python -m kidash suggest FILE`
does: no title, date or publisher.

Prints per document and in total: recall (roles found with the right ends and relation; of all
roles, and of those stated in words rather than inferred), precision (candidates that are roles),
quotes verbatim (must be 100 %), dates right (roles whose start the data gives), seconds; then the
time to read a ten-page document.

    .venv/bin/python bench/bench_reader.py [--show] [--only NAME]
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from rapidfuzz import fuzz

from kidash.reader.names import ActorIndex
from kidash.reader.suggest import Candidate, read_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
INVENTED = ROOT / "tests" / "reader_documents"
_MATCH = 85


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _forms(end: str, by_id: dict[str, dict]) -> tuple[str, list[str]]:
    """(actor id or "", the names it goes by) for a gold end: an actor id of the map, or a name."""
    actor = by_id.get(end)
    if actor is None:
        return "", [end]
    return end, [actor["name"], actor["short_name"], *actor["aliases"].split(";")]


def _same(candidate_id: str, names: list[str], gold: tuple[str, list[str]]) -> bool:
    gold_id, gold_names = gold
    if candidate_id and gold_id:
        return candidate_id == gold_id
    if candidate_id and not gold_id:
        return False
    return any(n and g and fuzz.ratio(n.lower(), g.lower()) >= _MATCH for n in names for g in gold_names)


def _names(candidate: Candidate, side: str, shorts: dict[str, str]) -> list[str]:
    name = getattr(candidate, f"{side}_name")
    return [name, shorts.get(getattr(candidate, f"{side}_key"), "")]


def _score(text: str, index: ActorIndex, gold: list[dict], by_id: dict, show: bool) -> tuple[dict, float]:
    began = time.perf_counter()
    reading = read_text(text, index)
    seconds = time.perf_counter() - began
    shorts = {a.key: a.short_name for a in reading.actors}
    ends = [(_forms(r["source"], by_id), _forms(r["target"], by_id)) for r in gold]
    matched, right, dated, dates_right = set(), 0, 0, 0
    wrong = []
    for candidate in reading.candidates:
        hits = [i for i, r in enumerate(gold) if r["relation"] == candidate.relation
                and _same(candidate.source, _names(candidate, "source", shorts), ends[i][0])
                and _same(candidate.target, _names(candidate, "target", shorts), ends[i][1])]  # fmt: skip
        if hits:
            right += 1
            matched.update(hits)
            stated_start = gold[hits[0]].get("start", "")
            if stated_start:
                dated += 1
                dates_right += candidate.start.startswith(stated_start[:7]) or stated_start.startswith(candidate.start)
        else:
            wrong.append(candidate)
    verbatim = sum(text[c.quote_start : c.quote_start + len(c.quote)] == c.quote for c in reading.candidates)
    stated = {i for i, r in enumerate(gold) if r.get("inferred") != "true"}
    row = dict(gold=len(gold), stated=len(stated), found=len(matched), found_stated=len(matched & stated),
               candidates=len(reading.candidates), right=right, verbatim=verbatim, dated=dated, dates_right=dates_right)  # fmt: skip
    if show:
        for i, r in enumerate(gold):
            if i not in matched:
                print(
                    f"    missed {'(inferred) ' if r.get('inferred') == 'true' else ''}{r['source']} {r['relation']} {r['target']}"
                )
        for c in wrong:
            print(
                f"    wrong  {c.source_name} {c.relation} {c.target_name}  [{c.rule}{', inferred' if c.inferred else ''}]"
            )
    return row, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print what was missed and what was wrong")
    parser.add_argument("--only", default="", help="only the documents whose name contains this")
    args = parser.parse_args()
    actors, relations, documents = (
        _read(DATA / "actors.csv"),
        _read(DATA / "relations.csv"),
        _read(DATA / "documents.csv"),
    )
    by_id = {a["id"]: a for a in actors}
    print(
        f"{'document':26} {'roles':>5} {'recall':>7} {'stated':>7} {'precision':>9} {'verbatim':>8} {'dates':>6} {'s':>5}"
    )
    groups = {"sources": [], "dev": [], "held": []}
    for document in documents:
        doc = document["id"]
        if args.only and args.only not in doc:
            continue
        text = (DATA / "sources" / document["file"]).read_text(encoding="utf-8")
        only_here = {a["id"] for a in actors if a["documents"].split(";") == [doc]}
        index = ActorIndex([a for a in actors if a["id"] not in only_here])
        gold = [r for r in relations if r["document"] == doc]
        row, seconds = _score(text, index, gold, by_id, args.show)
        groups["sources"].append(row)
        _print(doc, row, seconds)
    whole = ActorIndex(actors)
    for path in sorted(INVENTED.glob("*.txt")):
        if args.only and args.only not in path.stem:
            continue
        gold = _read(path.with_suffix(".gold.csv"))
        row, seconds = _score(path.read_text(encoding="utf-8"), whole, gold, by_id, args.show)
        groups["dev" if path.stem.startswith("dev-") else "held"].append(row)
        _print(path.stem, row, seconds)
    for name, rows in groups.items():
        if rows:
            _print(f"total {name}", {k: sum(r[k] for r in rows) for k in rows[0]}, None)
    if not args.only:
        _ten_pages(whole)


def _ten_pages(index: ActorIndex) -> None:
    """A ten-page document: the five sources one after another, twice (about 5,000 words)."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((DATA / "sources").glob("*.txt"))) * 2
    times = []
    for _ in range(3):
        began = time.perf_counter()
        read_text(text, index)
        times.append(time.perf_counter() - began)
    print(f"ten pages ({len(text.split())} words): {min(times):.2f} s (best of 3), {max(times):.2f} s (worst)")


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:6.1f}%" if whole else "     –"


def _print(name: str, row: dict, seconds: float | None) -> None:
    print(f"{name:26} {row['gold']:5d} {_pct(row['found'], row['gold']):>7} {_pct(row['found_stated'], row['stated']):>7} "
          f"{_pct(row['right'], row['candidates']):>9} {_pct(row['verbatim'], row['candidates']):>8} "
          f"{_pct(row['dates_right'], row['dated']):>6} {'' if seconds is None else f'{seconds:5.2f}'}")  # fmt: skip


if __name__ == "__main__":
    main()
