"""What a newcomer tripped over, done as they did it: one count of relations on every page, headlines
that count what the page speaks of, takeaways that never read a filter as a fact, words after a
number in its form, a merger marked in every table, a lone date on a readable axis, and a relation
filter that leaves only who holds those relations."""

from __future__ import annotations

import json

from kidash.data.dataset import load_dataset
from kidash.map import summary
from kidash.map.filters import Filters, filter_graph
from kidash.map.graph import build_graph
from tests.app.conftest import html_tables, html_texts, open_app

SHIPPED = load_dataset()
FULL = build_graph(SHIPPED)


def test_the_relations_are_one_number_on_the_home_and_the_data_page():
    counted = summary.counts(SHIPPED)["relations"]
    assert counted == len(SHIPPED.relations) + summary.background_count(SHIPPED) == FULL.number_of_edges()
    home = open_app("home")
    metric = next(m for m in home.metric if m.label == "Relasjoner")
    assert metric.value == str(counted)
    assert "1 bakgrunnsfakta" in metric.proto.help or "bakgrunnsfakta" in metric.proto.help
    data = open_app("data")
    said = next(m.value for m in data.markdown if m.value.startswith("Du ser på kidash-dataene"))
    assert f"{counted} relasjoner" in said.replace("\\", "")
    # the home page's table says what it counts, and why its sum is larger
    table = next(t for t in html_tables(home) if "Initiativ" in t.columns)
    assert "Aktører med roller i det" in table.columns


def test_the_bridges_headline_counts_the_five_initiatives_the_page_speaks_of():
    at = open_app("initiativer")
    headline = next(t for t in html_texts(at) if "to eller flere" in t)
    assert headline == "12 organisasjoner er med i to eller flere av de 5 initiativene kartet handler om."


def test_a_takeaway_never_reads_a_filter_as_a_fact():
    """Only directorates shown: the regions are hidden by the filter, not absent from KIN."""
    at = open_app("initiativer", type="directorate")
    regions = [t for t in html_texts(at) if "Ikke med i" in t or "Not in" in t]
    assert regions and all(t.startswith("I hele kartet:") for t in regions), regions
    assert not any("Helse Nord, Helse Midt-Norge, Helse Vest, Helse Sør-Øst" in t for t in regions)


def test_a_merged_actor_is_marked_in_the_roster_as_in_the_card():
    """In the 2024 view, measure 10 lists Direktoratet for e-helse as involved: its page of April 2024
    names it after it had merged into Helsedirektoratet, and the table says so."""
    at = open_app("initiativer", i="helse-vest-tiltak-10", asof="2024-06-01")
    roster = html_tables(at)[0]
    row = roster[roster["Hvem"] == "Direktoratet for e-helse"]
    assert len(row) == 1 and "avvik" in row.iloc[0]["Grunnlag"], row.to_dict("records")


def test_a_lone_date_sits_on_an_axis_of_months_not_of_hours():
    at = open_app("tidslinje", initiative="debatt-helseteamet")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    first, last = spec["layout"]["xaxis"]["range"]
    assert first[:10] < "2025-07-01" and last[:10] > "2025-10-01", (first, last)


def test_an_observer_filter_leaves_only_the_observers_and_where_they_observe():
    at = open_app("nettverk", relation="observer")
    expected = filter_graph(FULL, Filters(relations=("observer",)))
    assert {"eu-kommisjonen", "ki-forordningen"}.isdisjoint(expected.nodes)
    said = next(m.value for m in at.markdown if m.value.startswith("Viser"))
    assert said == f"Viser **{expected.number_of_nodes()}** noder og **{expected.number_of_edges()}** lenker."


def test_one_of_a_thing_is_said_in_the_singular():
    at = open_app("analyse")
    labels = [e.label for e in at.expander]
    assert not any("(1 aktører)" in label for label in labels)
