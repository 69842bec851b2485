"""Home-page numbers on the hand-made dataset."""

from kidash.map import summary
from kidash.map.graph import build_graph


def test_counts(tiny_dataset):
    assert summary.counts(tiny_dataset) == {
        "organisations": 2,
        "people": 1,
        "initiatives": 3,
        "relations": 8,
        "events": 2,
    }


def test_basis_table(tiny_dataset):
    table = summary.basis_table(tiny_dataset, "en")
    assert table["Stated"] == [7, 1]
    assert table["Inferred"] == [1, 1]


def test_document_table_oldest_first_with_norwegian_dates(tiny_dataset):
    table = summary.document_table(tiny_dataset, "nb")
    assert table["Tittel"].tolist() == ["Kilde en", "Kilde to"]
    assert table["Publisert"].tolist() == ["10. juni 2021", "21. mars 2024"]
    assert table["Språk"].tolist() == ["bokmål", "nynorsk"]


def test_initiative_table_counts_role_holders_in_parts(tiny_dataset):
    table = summary.initiative_table(build_graph(tiny_dataset), "en")
    # ini: dir leads ini, per is member of sub (part of ini); rep and sub are parts, not holders.
    assert dict(zip(table["Initiative"], table["Actors holding roles in it"], strict=True)) == {
        "Initiativet": 2,
        "Nettverket": 2,
    }
