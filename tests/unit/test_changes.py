"""What changed between two dates, worked out by hand on TINY (d1 published 10 June 2021, d2 21 March 2024)."""

from __future__ import annotations

from kidash.map.changes import change_counts, changes_between, changes_table
from kidash.map.graph import build_graph
from tests.unit.test_graph import dated


def test_everything_from_the_first_source_appears_on_its_date(tiny_dataset):
    graph = build_graph(tiny_dataset)
    found = changes_between(graph, "2021-06-01", "2022-01-01")
    assert change_counts(found) == {
        "relation_appeared": 8 - 1,
        "relation_ended": 0,
        "actor_appeared": 7,
        "actor_ended": 0,
    }
    assert {c.when for c in found if c.kind == "relation"} == {"2021-06-10"}
    assert changes_between(graph, "2022-01-01", "2021-06-01") == found  # either order


def test_a_later_source_adds_its_relation_with_its_date_and_document(tiny_dataset):
    graph = build_graph(tiny_dataset)
    (change,) = changes_between(graph, "2022-01-01", "2024-12-31")
    assert change == ("appeared", "relation", "dir", "publishes", "rep", "d2", "2024-03-21")


def test_in_force_lists_what_ended_with_its_end_date(tiny_rows):
    graph = dated(tiny_rows, [(5, "", "2022-12-31")], [("tru", "", "2023-06-30")])
    found = changes_between(graph, "2022-06-01", "2023-01-01", "in_force")
    assert found == [("ended", "relation", "tru", "member", "oth", "d1", "2022-12-31")]
    later = changes_between(graph, "2023-01-01", "2023-07-01", "in_force")
    assert ("ended", "actor", "tru", "", "", "", "2023-06-30") in later
    assert ("ended", "relation", "per", "affiliated_with", "tru", "d1", "") in later  # went with its actor
    assert changes_between(graph, "2022-06-01", "2023-07-01", "stated") == []  # the sources had said it all


def test_the_table_names_people_roles_and_sources(tiny_dataset):
    graph = build_graph(tiny_dataset)
    table = changes_table(changes_between(graph, "2022-01-01", "2024-12-31"), graph, {"d2": ("Kilde to", "")}, "nb")
    assert table.values.tolist() == [["21. mars 2024", "Ny rolle", "Direktoratet", "utgir", "Rapporten", "Kilde to"]]


def test_an_actor_that_ended_by_merging_says_into_what(shipped):
    from kidash.map.graph import build_graph as build

    graph = build(shipped)
    found = changes_between(graph, "2023-06-01", "2024-06-01", "in_force")
    gone = next(c for c in found if c.kind == "actor" and c.source == "direktoratet-for-e-helse")
    assert gone == ("ended", "actor", "direktoratet-for-e-helse", "merged_into", "helsedirektoratet", "", "2023-12-31")
    table = changes_table([gone], graph, {}, "nb")
    assert table.values.tolist() == [
        [
            "31. desember 2023",
            "Aktør borte",
            "Direktoratet for e-helse",
            "slått sammen inn i",
            "Helsedirektoratet",
            "Bakgrunnskunnskap",
        ]
    ]


def test_a_marked_map_keeps_what_ended_faint_and_marks_what_is_new(tiny_rows):
    from kidash.map.changes import mark_changes, mark_counts
    from kidash.map.time import as_of

    # relation 5 (tru member of oth) ends 2022-12-31; tru itself ends 2023-06-30
    graph = dated(tiny_rows, [(5, "", "2022-12-31")], [("tru", "", "2023-06-30")])
    then, now = as_of(graph, "2022-06-01", "in_force"), as_of(graph, "2024-12-31", "in_force")
    marked = mark_changes(now, then)
    assert set(marked) == set(then) | set(now)  # nothing dropped
    assert marked.nodes["tru"]["mark"] == "ended" and "mark" not in marked.nodes["dir"]
    assert {(u, v, d["relation"]) for u, v, d in marked.edges(data=True) if d.get("mark") == "ended"} == {
        ("tru", "oth", "member"),
        ("per", "tru", "affiliated_with"),
    }
    assert [(u, v, d["relation"]) for u, v, d in marked.edges(data=True) if d.get("mark") == "new"] == [
        ("dir", "rep", "publishes")  # d2, published 21 March 2024
    ]
    assert mark_counts(marked) == {"actor_new": 0, "actor_ended": 1, "relation_new": 1, "relation_ended": 2}
    assert "mark" not in now.nodes.get("dir", {}) and not any(d.get("mark") for *_, d in now.edges(data=True))


def test_the_previous_stop_is_the_moment_before_the_last_that_has_passed():
    from kidash.map.changes import previous_stop

    moments = ("2021-06-10", "2022-03-16", "2024-04-03")
    assert previous_stop(moments, "2024-04-03") == "2022-03-16"
    assert previous_stop(moments, "2024-04-02") == "2021-06-10"
    assert previous_stop(moments, "2030-01-01") == "2022-03-16"
    assert previous_stop(moments, "2022-03-15") is None


def test_a_small_dated_map_with_a_merger_worked_out_by_hand(tiny_rows):
    """TINY with: the trust ends 31 Dec 2022 by merging into the directorate (background, from 1 Jan 2023);
    the directorate observes the network from 1 Jan 2022, open-ended; the report is published by the
    directorate only in d2 (21 March 2024), so that relation is known from its document's date alone."""
    from kidash.map.filters import Filters, filter_graph

    tiny_rows["background"] = [
        ["source", "target", "relation", "basis", "start", "end", "note"],
        ["tru", "dir", "merged_into", "background", "2023-01-01", "", "Slått sammen."],
    ]
    graph = dated(tiny_rows, [(6, "2022-01-01", "")], [("tru", "", "2022-12-31")])

    def shown(date):
        view = filter_graph(graph, Filters(as_of=date, time_basis="in_force"))
        return set(view.nodes), {(u, v, d["relation"]) for u, v, d in view.edges(data=True)}

    nodes, edges = shown("2021-12-31")
    assert ("dir", "oth", "observer") not in edges  # it begins 1 Jan 2022
    assert ("dir", "rep", "publishes") not in edges and len(edges) == 6 and len(nodes) == 7
    nodes, edges = shown("2022-06-01")
    assert ("dir", "oth", "observer") in edges and len(edges) == 7
    nodes, edges = shown("2023-06-01")  # the trust is gone with its two roles; the observer role holds on
    assert "tru" not in nodes and len(edges) == 5 and ("dir", "oth", "observer") in edges
    nodes, edges = shown("2024-03-21")  # the report's publisher, from d2's date
    assert ("dir", "rep", "publishes") in edges and len(edges) == 6
    found = changes_between(graph, "2022-06-01", "2023-06-01", "in_force")
    assert ("ended", "actor", "tru", "merged_into", "dir", "", "2022-12-31") in found
    assert {(c.source, c.relation, c.target) for c in found if c.kind == "relation"} == {
        ("per", "affiliated_with", "tru"),
        ("tru", "member", "oth"),
    }
    assert change_counts(changes_between(graph, "2023-06-01", "2024-06-01", "in_force")) == {
        "relation_appeared": 1,  # dir publishes rep, dated by d2
        "relation_ended": 0,
        "actor_appeared": 0,
        "actor_ended": 0,
    }
