"""The reader held to its numbers: each source document read as if it were new (the map without the
roles that cite it and without the actors only it names) finds at least 80 % of the roles that cite
it with at least 50 % of its candidates right, as the issue asks; the invented documents it was
written against (tests/reader_documents/dev-*) keep their 90 %; every quote is the text's own.
bench/bench_reader.py prints the same numbers (and the ones for text nobody tuned it for)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kidash.reader.evaluate import csv_rows, score, sources_as_new
from kidash.reader.names import ActorIndex
from kidash.reader.suggest import read_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
INVENTED = ROOT / "tests" / "reader_documents"


ACTORS, RELATIONS, DOCUMENTS = (
    csv_rows(DATA / "actors.csv"),
    csv_rows(DATA / "relations.csv"),
    csv_rows(DATA / "documents.csv"),
)
BY_ID = {a["id"]: a for a in ACTORS}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d["id"])
def test_each_source_read_as_new_finds_its_roles(document):
    text = (DATA / "sources" / document["file"]).read_text(encoding="utf-8")
    known, gold = sources_as_new(ACTORS, RELATIONS, document["id"])
    found = score(text, read_text(text, ActorIndex(known)), gold, BY_ID)
    assert found.recall >= 0.8, [f"{r['source']} {r['relation']} {r['target']}" for r in found.missed]
    assert found.precision >= 0.5, [f"{c.source_name} {c.relation} {c.target_name}" for c in found.wrong]
    assert found.quotes_verbatim == 1.0


def test_the_invented_documents_it_was_written_against_keep_their_numbers():
    index = ActorIndex(ACTORS)
    total = None
    for path in sorted(INVENTED.glob("dev-*.txt")):
        text = path.read_text(encoding="utf-8")
        found = score(text, read_text(text, index), csv_rows(path.with_suffix(".gold.csv")), BY_ID)
        assert found.quotes_verbatim == 1.0, path.name
        total = found if total is None else total + found
    assert total.gold >= 300  # the set is not allowed to shrink
    assert total.recall >= 0.9 and total.precision >= 0.9, (total.recall, total.precision)


def test_every_gold_row_names_the_contracts_relations_and_the_maps_actors_or_a_name():
    """The gold is data too: a relation of the contract, ends that are actor ids or names."""
    from kidash.data.schema import RELATIONS as VOCABULARY

    for path in sorted(INVENTED.glob("*.gold.csv")):
        for row in csv_rows(path):
            assert row["relation"] in VOCABULARY, (path.name, row)
            assert row["inferred"] in ("true", "false"), (path.name, row)
            for end in (row["source"], row["target"]):
                assert end and (end in BY_ID or not end.islower() or "-" not in end), (path.name, end)
