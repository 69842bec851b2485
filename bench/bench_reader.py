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
import time
from pathlib import Path

from kidash.reader.evaluate import Score, csv_rows, score, sources_as_new
from kidash.reader.names import ActorIndex
from kidash.reader.suggest import read_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
INVENTED = ROOT / "tests" / "reader_documents"


def _score(text: str, index: ActorIndex, gold: list[dict], by_id: dict, show: bool) -> tuple[Score, float]:
    began = time.perf_counter()
    reading = read_text(text, index)
    seconds = time.perf_counter() - began
    found = score(text, reading, gold, by_id)
    if show:
        for row in found.missed:
            print(
                f"    missed {'(inferred) ' if row.get('inferred') == 'true' else ''}{row['source']} {row['relation']} {row['target']}"
            )
        for c in found.wrong:
            print(
                f"    wrong  {c.source_name} {c.relation} {c.target_name}  [{c.rule}{', inferred' if c.inferred else ''}]"
            )
    return found, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print what was missed and what was wrong")
    parser.add_argument("--only", default="", help="only the documents whose name contains this")
    args = parser.parse_args()
    actors, relations, documents = (
        csv_rows(DATA / "actors.csv"),
        csv_rows(DATA / "relations.csv"),
        csv_rows(DATA / "documents.csv"),
    )
    by_id = {a["id"]: a for a in actors}
    print(
        f"{'document':26} {'roles':>5} {'recall':>7} {'stated':>7} {'precision':>9} {'verbatim':>8} {'dates':>6} {'s':>5}"
    )
    groups: dict[str, list[Score]] = {"sources": [], "dev": [], "held": []}
    for document in documents:
        doc = document["id"]
        if args.only and args.only not in doc:
            continue
        text = (DATA / "sources" / document["file"]).read_text(encoding="utf-8")
        known, gold = sources_as_new(actors, relations, doc)
        found, seconds = _score(text, ActorIndex(known), gold, by_id, args.show)
        groups["sources"].append(found)
        _print(doc, found, seconds)
    whole = ActorIndex(actors)
    for path in sorted(INVENTED.glob("*.txt")):
        if args.only and args.only not in path.stem:
            continue
        gold = csv_rows(path.with_suffix(".gold.csv"))
        found, seconds = _score(path.read_text(encoding="utf-8"), whole, gold, by_id, args.show)
        groups["dev" if path.stem.startswith("dev-") else "held"].append(found)
        _print(path.stem, found, seconds)
    for name, rows in groups.items():
        if rows:
            _print(f"total {name}", sum(rows[1:], rows[0]), None)
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


def _print(name: str, row: Score, seconds: float | None) -> None:
    print(f"{name:26} {row.gold:5d} {_pct(row.found, row.gold):>7} {_pct(row.found_stated, row.stated):>7} "
          f"{_pct(row.right, row.candidates):>9} {_pct(row.verbatim, row.candidates):>8} "
          f"{_pct(row.dates_right, row.dated):>6} {'' if seconds is None else f'{seconds:5.2f}'}")  # fmt: skip


if __name__ == "__main__":
    main()
