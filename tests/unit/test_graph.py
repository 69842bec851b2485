"""Graph views on the hand-made dataset; answers worked out by hand in conftest.TINY."""

import pytest

from kidash.map.filters import Filters, ego_network, filter_graph, hide_people
from kidash.map.graph import build_graph, initiative_of, initiative_scope, main_initiatives
from kidash.map.participation import collaboration_graph


@pytest.fixture
def graph(tiny_dataset):
    return build_graph(tiny_dataset)


def edges(graph):
    return sorted((u, v, d["relation"]) for u, v, d in graph.edges(data=True))


def test_build_graph_attributes(graph):
    assert graph.number_of_nodes() == 7
    assert graph.number_of_edges() == 8
    assert graph.nodes["tru"] == {
        "name": "Helseforetaket",
        "short_name": "HF",
        "kind": "organisation",
        "type": "health_trust",
        "region": "Helse Vest",
        "name_en": "",
        "short_name_en": "",
        "role_title": "",
        "main_initiative": False,
        "start": "",
        "end": "",
        "known": "",  # TINY lists no documents per actor
    }
    (data,) = graph.get_edge_data("dir", "rep").values()
    assert data["relation"] == "publishes"
    assert data["document"] == "d2"
    assert data["inferred"] is True
    assert (data["published"], data["start"], data["end"]) == ("2024-03-21", "", "")


def test_background_only_when_asked(tiny_dataset, tiny_rows):
    from kidash.data.dataset import dataset_from_frames
    from tests.conftest import frames_from_rows

    tiny_rows["background"] = [["source", "target", "relation"], ["tru", "dir", "part_of"]]
    dataset = dataset_from_frames(frames_from_rows(tiny_rows))
    assert not build_graph(dataset).has_edge("tru", "dir")
    with_background = build_graph(dataset, include_background=True)
    (data,) = with_background.get_edge_data("tru", "dir").values()
    assert data["background"] is True


def test_initiative_scope_and_rollup(graph):
    assert initiative_scope(graph, "ini") == {"ini", "sub", "rep"}
    assert initiative_scope(graph, "oth") == {"oth"}
    assert initiative_of(graph, "rep") == "ini"
    assert initiative_of(graph, "sub") == "ini"
    assert initiative_of(graph, "oth") == "oth"
    assert initiative_of(graph, "dir") is None
    assert main_initiatives(graph) == ["ini", "oth"]


def test_default_filters_return_an_equal_copy(graph):
    view = filter_graph(graph, Filters())
    assert view is not graph
    assert edges(view) == edges(graph)


def test_region_filter_keeps_holders_in_region_and_where_they_act(graph):
    view = filter_graph(graph, Filters(regions=("Helse Vest",)))
    assert set(view.nodes) == {"tru", "per", "sub", "ini", "oth"}
    assert edges(view) == [
        ("per", "sub", "member"),
        ("per", "tru", "affiliated_with"),
        ("sub", "ini", "part_of"),
        ("tru", "oth", "member"),
    ]


def test_org_type_filter_keeps_people_of_those_organisations(graph):
    view = filter_graph(graph, Filters(org_types=("directorate",)))
    assert set(view.nodes) == {"dir", "ini", "oth", "rep", "sub"}
    assert "per" not in view


def test_initiative_filter_keeps_role_holders_only(graph):
    view = filter_graph(graph, Filters(initiatives=("oth",)))
    assert edges(view) == [("dir", "oth", "observer"), ("tru", "oth", "member")]


def test_initiative_with_people_hidden_passes_roles_to_organisations(graph):
    view = filter_graph(graph, Filters(initiatives=("ini",), show_people=False))
    assert set(view.nodes) == {"ini", "sub", "rep", "dir", "tru"}
    assert edges(view) == [
        ("dir", "ini", "leads"),
        ("dir", "rep", "publishes"),
        ("rep", "sub", "part_of"),
        ("sub", "ini", "part_of"),
        ("tru", "sub", "member"),
    ]
    (data,) = view.get_edge_data("tru", "sub").values()
    assert data["via"] == "per"


def test_relation_filter_drops_nodes_left_alone(graph):
    view = filter_graph(graph, Filters(relations=("leads",)))
    assert edges(view) == [("dir", "ini", "leads")]
    assert set(view.nodes) == {"dir", "ini"}


def test_kind_filter(graph):
    view = filter_graph(graph, Filters(kinds=("organisation", "initiative")))
    assert set(view.nodes) == {"dir", "tru", "ini", "sub", "oth"}


def test_filter_does_not_touch_its_input(graph):
    before = edges(graph)
    filter_graph(graph, Filters(initiatives=("ini",), show_people=False, relations=("member",)))
    assert edges(graph) == before


def test_hide_people_drops_unaffiliated_roles(graph):
    graph.remove_edge("per", "tru")
    view = hide_people(graph)
    assert "per" not in view
    assert not any(d.get("via") for *_, d in view.edges(data=True))


@pytest.mark.parametrize(
    ("depth", "expected"),
    [
        (1, {"per", "sub", "tru"}),
        (2, {"per", "sub", "tru", "ini", "rep", "oth"}),
        (3, {"per", "sub", "tru", "ini", "rep", "oth", "dir"}),
    ],
)
def test_ego_network(graph, depth, expected):
    assert set(ego_network(graph, "per", depth)) == expected


def test_ego_network_rejects_bad_input(graph):
    with pytest.raises(KeyError):
        ego_network(graph, "ghost", 1)
    with pytest.raises(ValueError):
        ego_network(graph, "per", 4)


def test_collaboration_graph(graph):
    collaboration = collaboration_graph(graph)
    assert set(collaboration.nodes) == {"dir", "tru"}
    assert collaboration.nodes["tru"]["initiatives"] == ["ini", "oth"]
    assert dict(collaboration.edges["dir", "tru"]) == {"weight": 2, "initiatives": ["ini", "oth"]}


# --- the map as of a date (worked out by hand from TINY: d1 published 2021-06-10, d2 2024-03-21) ---


def dated(tiny_rows, relation_dates=(), actor_dates=()):
    """TINY with start/end columns: ``relation_dates`` as (row index, start, end), ``actor_dates``
    as (actor id, start, end)."""
    from kidash.data.dataset import dataset_from_frames
    from tests.conftest import frames_from_rows

    relations = tiny_rows["relations"]
    relations[0] += ["start", "end"]
    for row in relations[1:]:
        row += ["", ""]
    for index, start, end in relation_dates:
        relations[index][-2:] = [start, end]
    actors = tiny_rows["actors"]
    actors[0] += ["start", "end"]
    for row in actors[1:]:
        row += ["", ""]
    for actor, start, end in actor_dates:
        next(row for row in actors if row[0] == actor)[-2:] = [start, end]
    return build_graph(dataset_from_frames(frames_from_rows(tiny_rows)))


def test_as_stated_by_a_date_keeps_what_documents_published_by_then_had_said(graph):
    before_any = filter_graph(graph, Filters(as_of="2021-06-09"))
    assert before_any.number_of_nodes() == 0 and before_any.number_of_edges() == 0
    assert edges(filter_graph(graph, Filters(as_of="2021-06-10"))) == [
        e for e in edges(graph) if e != ("dir", "rep", "publishes")
    ]
    assert edges(filter_graph(graph, Filters(as_of="2024-03-21"))) == edges(graph)


def test_in_force_follows_starts_and_ends_of_relations_and_actors(tiny_rows):
    # tru's membership of oth ended 2022-12-31; per joined sub on 2022-03-01; tru closed 2023-06-30
    graph = dated(tiny_rows, [(5, "", "2022-12-31"), (3, "2022-03-01", "")], [("tru", "", "2023-06-30")])
    in_2022 = filter_graph(graph, Filters(as_of="2022-01-01", time_basis="in_force"))
    assert ("per", "sub", "member") not in edges(in_2022) and ("tru", "oth", "member") in edges(in_2022)
    in_2023 = filter_graph(graph, Filters(as_of="2023-01-01", time_basis="in_force"))
    assert ("tru", "oth", "member") not in edges(in_2023) and ("per", "sub", "member") in edges(in_2023)
    after = filter_graph(graph, Filters(as_of="2023-07-01", time_basis="in_force"))
    assert "tru" not in after and ("per", "tru", "affiliated_with") not in edges(after)
    # as stated, what ended or closed stays: the sources had said it
    stated = filter_graph(graph, Filters(as_of="2023-07-01"))
    assert "tru" in stated and ("tru", "oth", "member") in edges(stated)


def test_a_relation_without_a_start_is_in_force_from_its_documents_date(graph):
    assert ("dir", "rep", "publishes") not in edges(
        filter_graph(graph, Filters(as_of="2024-03-20", time_basis="in_force"))
    )
    assert ("dir", "rep", "publishes") in edges(filter_graph(graph, Filters(as_of="2024-03-21", time_basis="in_force")))


def test_the_date_combines_with_the_other_filters(graph):
    view = filter_graph(graph, Filters(as_of="2022-01-01", regions=("Helse Vest",)))
    assert set(view.nodes) <= {"tru", "per", "ini", "sub", "oth", "rep"}
    assert ("dir", "ini", "leads") not in edges(view) and ("tru", "oth", "member") in edges(view)


def test_an_unknown_time_basis_is_refused(graph):
    from kidash.map.time import as_of

    with pytest.raises(ValueError):
        as_of(graph, "2022-01-01", "someday")


def test_the_count_of_relations_is_the_maps_own(shipped):
    """One rule for what the map holds: the home page's count is the number of lines drawn
    (the sources' relations and the merger of Direktoratet for e-helse, background knowledge)."""
    from kidash.map import summary

    graph = build_graph(shipped)
    assert summary.counts(shipped)["relations"] == graph.number_of_edges() == len(shipped.relations) + 1
    (merger,) = graph.get_edge_data("direktoratet-for-e-helse", "helsedirektoratet").values()
    assert (merger["relation"], merger["background"], merger["start"]) == ("merged_into", True, "2024-01-01")


def test_an_actor_with_no_relation_is_on_the_map_from_the_first_document_naming_it(shipped):
    from kidash.map.changes import changes_between

    full = build_graph(shipped)
    assert full.degree("eu-kommisjonen") == 0 and full.nodes["eu-kommisjonen"]["known"] == "2024-03-21"
    for basis in ("stated", "in_force"):
        assert "eu-kommisjonen" not in filter_graph(full, Filters(as_of="2024-03-20", time_basis=basis))
        assert "eu-kommisjonen" in filter_graph(full, Filters(as_of="2024-03-21", time_basis=basis))
    assert filter_graph(full, Filters(as_of="2020-06-01")).number_of_nodes() == 0  # nothing published yet
    found = changes_between(full, "2024-03-20", "2024-03-21")
    assert ("appeared", "actor", "eu-kommisjonen", "", "", "", "2024-03-21") in found
