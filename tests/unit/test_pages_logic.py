"""Timeline rows, profile tables and figure builders on the hand-made dataset."""

import pytest

from kidash import style
from kidash.charts import figures, time_figures
from kidash.map import profile
from kidash.map.analysis import bridges, role_matrix
from kidash.map.graph import build_graph
from kidash.map.summary import documents_by_id
from kidash.map.timeline import timeline_rows, timeline_table


@pytest.fixture
def graph(tiny_dataset):
    return build_graph(tiny_dataset)


def test_timeline_rows(tiny_dataset, graph):
    periods, points, colours = timeline_rows(tiny_dataset, graph, None, "en")
    assert periods[["group", "label", "when"]].values.tolist() == [
        ["Oth", "Periode", "1 January 2020 – 31 December 2023"]
    ]
    assert points[["group", "label", "when", "inferred"]].values.tolist() == [
        ["Ini", "Oppstart", "15 June 2021 (inferred date)", True]
    ]
    assert colours == {
        "Oth": style.initiative_colours(["ini", "oth"])["oth"],
        "Ini": style.initiative_colours(["ini", "oth"])["ini"],
    }
    assert timeline_table(periods, points, "en")["When"].tolist() == [
        "1 January 2020 – 31 December 2023",
        "15 June 2021 (inferred date)",
    ]
    assert points["source"].tolist() == ["Kilde en"]  # the document's title; «Source:» is added where shown
    assert timeline_table(periods, points, "en")["Source"].tolist() == ["Kilde to", "Kilde en"]


def test_timeline_follows_the_filter(tiny_dataset, graph):
    periods, points, _ = timeline_rows(tiny_dataset, graph, {"tru"}, "nb")
    assert periods.empty and points.empty


def test_timeline_figure(tiny_dataset, graph):
    periods, points, colours = timeline_rows(tiny_dataset, graph, None, "en")
    figure = time_figures.timeline_figure(periods, points, colours, "en")
    bars = [t for t in figure.data if t.type == "bar"]
    dots = [t for t in figure.data if t.type == "scatter"]
    assert len(bars) == 1 and bars[0].base[0] == "2020-01-01"
    assert dots[0].marker.symbol == "circle-open"  # the inferred date is hollow
    assert dots[0].x[0] == "2021-06-15"
    assert figure.layout.title.text == "Timeline 2020–2023"  # the years of the data: period 2020–2023, event 2021


def test_role_matrix_figure_has_a_shape_and_colour_per_role(graph):
    figure = figures.role_matrix_figure(
        role_matrix(graph), {"dir": "Dir", "tru": "HF", "ini": "Ini", "oth": "Oth"}, "en"
    )
    assert [t.name for t in figure.data] == ["leads", "member", "observer"]
    assert [t.marker.symbol for t in figure.data] == ["star", "circle", "circle-open"]
    assert figure.data[0].marker.color == figures.ROLE_COLOURS["leads"]
    # member: tru in ini (through per) and in oth; dir only observes oth
    assert (list(figure.data[1].x), list(figure.data[1].y)) == (["Ini", "Oth"], ["HF", "HF"])


def test_bridges_and_centrality_figures(graph):
    figure = figures.bridges_figure(bridges(graph), "nb")
    assert list(figure.data[0].y) == ["Helseforetaket", "Direktoratet"]  # most first, from the top
    from kidash.map.metrics import centrality_table

    chart = figures.centrality_figure(centrality_table(graph), "degree", {"dir": "Dir", "sub": "Sub"}, "en", top=2)
    assert set(chart.data[0].y) == {"Dir", "Sub"}


def test_profile_tables(tiny_dataset, graph):
    facts = profile.actor_facts(tiny_dataset, "per", "en")
    assert facts.values.tolist()[:3] == [
        ["Kind", "Person"],
        ["Type", "Person"],
        ["Region", "Helse Vest (Western Norway)"],
    ]
    held, received = profile.actor_roles(graph, "per", documents_by_id(tiny_dataset, "en"), "en")
    assert sorted(held["Role"]) == ["affiliated with", "member"]
    assert received.empty
    assert profile.actor_people(graph, "tru") == ["per"]
    assert profile.actor_people(graph, "per") == ["tru"]
    assert profile.actor_neighbours(graph, "dir") == ["ini", "oth", "rep"]
    assert profile.actor_events(tiny_dataset, "dir", "en").values.tolist() == [["15 June 2021", "Oppstart", "inferred"]]


def test_the_timeline_as_of_a_date_keeps_what_was_known_or_had_begun(tiny_dataset):
    # e1: 15 June 2021 from d1 (published 10 June 2021); e2: 2020-2023 from d2 (published 21 March 2024)
    graph = build_graph(tiny_dataset)
    periods, points, _ = timeline_rows(tiny_dataset, graph, None, "en", as_of="2022-01-01")
    assert (len(periods), len(points)) == (0, 1)
    periods, points, _ = timeline_rows(tiny_dataset, graph, None, "en", as_of="2022-01-01", time_basis="in_force")
    assert (len(periods), len(points)) == (1, 1)
    periods, points, _ = timeline_rows(tiny_dataset, graph, None, "en", as_of="2021-06-14", time_basis="in_force")
    assert (len(periods), len(points)) == (1, 0)
