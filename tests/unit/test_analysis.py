"""Role matrix, bridges, overlap, breakdowns, rosters, paths, centralities: hand-computed on TINY.

TINY: dir leads ini; sub part_of ini; per member sub; per affiliated_with tru;
tru member oth; dir observer oth; rep part_of sub; dir publishes rep (inferred).
So dir holds roles in ini (leads, publishes via rep) and oth (observer);
tru holds roles in oth (member) and ini (member, through per).
"""

import math

import networkx as nx
import pytest

from kidash.map import analysis, labelled, metrics
from kidash.map.connections import connections
from kidash.map.graph import build_graph
from kidash.map.summary import documents_by_id


@pytest.fixture
def graph(tiny_dataset):
    return build_graph(tiny_dataset)


def test_organisation_roles(graph):
    assert analysis.organisation_roles(graph) == {
        ("dir", "ini"): {"leads", "publishes"},
        ("dir", "oth"): {"observer"},
        ("tru", "oth"): {"member"},
        ("tru", "ini"): {"member"},
    }


def test_role_matrix_strongest_role_per_cell(graph):
    matrix = analysis.role_matrix(graph)
    assert list(matrix.index) == ["dir", "tru"]
    assert list(matrix.columns) == ["ini", "oth"]
    assert matrix.values.tolist() == [["leads", "observer"], ["member", "member"]]


def test_bridges_overlap_breakdown(graph):
    bridges = analysis.bridges(graph)
    assert bridges[["name", "count"]].values.tolist() == [["Direktoratet", 2], ["Helseforetaket", 2]]
    assert bridges["initiatives"][0] == ["Initiativet", "Nettverket"]
    assert analysis.overlap_matrix(graph).values.tolist() == [[2, 2], [2, 2]]
    by_region = analysis.breakdown(graph, "region")
    assert list(by_region.columns) == ["Helse Vest", "Nasjonal"]
    assert by_region.values.tolist() == [[1, 1], [1, 1]]
    with pytest.raises(ValueError):
        analysis.breakdown(graph, "colour")


def test_missing_regions_and_takeaway(graph):
    table = analysis.breakdown(graph, "region")
    assert analysis.regions_missing(table) == {
        "ini": ["Helse Nord", "Helse Midt-Norge", "Helse Sør-Øst"],
        "oth": ["Helse Nord", "Helse Midt-Norge", "Helse Sør-Øst"],
    }
    assert labelled.missing_regions(table, {"ini": "Ini", "oth": "Oth"}, "nb")[0] == (
        "Ikke med i Ini: Helse Nord, Helse Midt-Norge, Helse Sør-Øst."
    )
    assert (
        labelled.bridge_takeaway(graph, lang="en")
        == "Direktoratet holds roles in 2 of the 2 initiatives the map covers."
    )


def test_initiative_roster_strongest_first_with_sources(graph, tiny_dataset):
    found = analysis.initiative_roles(graph, "ini")
    assert found[["holder", "relation", "target", "organisations", "inferred"]].values.tolist() == [
        ["dir", "leads", "ini", (), False],
        ["per", "member", "sub", ("tru",), False],
        ["dir", "publishes", "rep", (), True],
    ]
    roster = labelled.roster(found, graph, documents_by_id(tiny_dataset, "en"), "en")
    assert roster[["Who", "Role", "Where", "Organisation", "Basis"]].values.tolist() == [
        ["Direktoratet", "leads", "Initiativet", "", "stated"],
        ["Per Person", "member", "Delprosjektet", "Helseforetaket", "stated"],
        ["Direktoratet", "publishes", "Rapporten", "", "inferred"],
    ]
    assert roster["Source"][0] == "Kilde en"
    assert labelled.roster_summary(found, graph, "en")[0] == ("leads", "Direktoratet")
    shown = analysis.initiative_roles(graph, "ini", shown={"dir", "ini"})
    assert set(shown["holder"]) == {"dir"}


def test_paths_in_words(graph, tiny_dataset):
    found = connections(graph, "tru", "ini", documents_by_id(tiny_dataset, "en"), "en")
    assert [c.nodes for c in found] == [("tru", "oth", "dir", "ini"), ("tru", "per", "sub", "ini")]
    assert found[0].sentences == (
        "Helseforetaket is a member of Nettverket (source: Kilde en).",
        "Direktoratet observes Nettverket (source: Kilde en).",
        "Direktoratet leads Initiativet (source: Kilde en).",
    )
    assert found[1].sentences == (
        "Helseforetaket is a member of Delprosjektet through Per Person (source: Kilde en).",
        "Delprosjektet is part of Initiativet (source: Kilde en).",
    )


def test_paths_edge_cases(graph, tiny_dataset):
    graph.add_node("alone", name="Alene", kind="organisation")
    assert connections(graph, "tru", "alone", {}, "en") == []
    assert connections(graph, "tru", "tru", {}, "en") == []
    with pytest.raises(KeyError):
        connections(graph, "tru", "ghost", {}, "en")


def test_shipped_example_path_reads_as_the_brief_asks(shipped):
    graph = build_graph(shipped)
    (first, *_) = connections(graph, "helse-nord-rhf", "kin", documents_by_id(shipped, "nb"), "nb")
    assert first.sentences[0].startswith(
        "Helse Nord RHF sitter i sekretariatet i Nasjonalt nettverk for kunstig intelligens i helsetjenesten "
        "gjennom Finn Henry Hansen"
    )
    # in English the names are English where the data has them; the source's title stays as it is
    (first, *_) = connections(graph, "helse-nord-rhf", "kin", documents_by_id(shipped, "en"), "en")
    assert first.sentences[0] == (
        "Northern Norway Regional Health Authority is in the National network for artificial intelligence in the "
        "health service secretariat through Finn Henry Hansen (source: Fagnettverk for kunstig intelligens i norsk "
        "helsetjeneste åpnes)."
    )


def test_centrality_table(graph):
    table = metrics.centrality_table(graph)
    # degree / (n - 1) with n = 7: dir and sub have 3 neighbours, the rest 2
    assert table["degree"].to_dict() == pytest.approx({n: (3 if n in ("dir", "sub") else 2) / 6 for n in graph})
    assert not table["eigenvector"].isna().any()


def test_eigenvector_is_empty_outside_the_largest_piece(graph):
    graph.add_edge("x", "y", relation="member")
    graph.nodes["x"].update(kind="organisation", name="X")
    graph.nodes["y"].update(kind="initiative", name="Y")
    table = metrics.centrality_table(graph)
    assert math.isnan(table.loc["x", "eigenvector"]) and not math.isnan(table.loc["dir", "eigenvector"])


def test_brokers_of_a_star():
    assert metrics.brokers(nx.star_graph(3))["extra_pieces"].to_dict() == {0: 2}
    assert metrics.brokers(nx.cycle_graph(4)).empty


def test_communities_two_triangles_and_a_bridge():
    graph = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")])
    for seed in (1, 2, 7):  # the two triangles, whatever the seed
        assert metrics.communities(graph, seed=seed) == [["a", "b", "c"], ["d", "e", "f"]]
