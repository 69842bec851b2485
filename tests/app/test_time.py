"""The map as of a date: a link with ?asof= (and ?time=) shows the dated map on every page that follows
the filters, says so, and names the date in exports; a bad date is refused with a message."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kidash.charts import report
from kidash.data.dataset import load_dataset
from kidash.map.filters import Filters, filter_graph
from kidash.map.graph import build_graph
from kidash.pages import PAGES
from kidash.view.dates import field_text

from .conftest import drawings, html_texts, open_app, widget

GRAPH = build_graph(load_dataset())


def shown_nodes(at) -> int:
    text = next(m.value for m in at.markdown if m.value.startswith(("Viser", "Showing")))
    return int(re.findall(r"\*\*(\d+)\*\*", text)[0])


def notices(at) -> list[str]:
    """The page's notices as read (Markdown escapes taken out)."""
    return [i.value.replace("\\", "") for i in at.info]


def test_a_link_with_a_date_shows_the_map_as_the_sources_had_described_it_then():
    at = open_app("nettverk", asof="2021-06-15")
    assert not at.exception
    expected = filter_graph(GRAPH, Filters(as_of="2021-06-15"))
    assert 0 < expected.number_of_nodes() < GRAPH.number_of_nodes()
    assert shown_nodes(at) == expected.number_of_nodes()
    assert {n["id"] for n in drawings(at)[0]["nodes"]} == set(expected.nodes)
    assert "koordineringsprosjektet" not in expected  # first described in March 2022
    assert any("15. juni 2021" in text for text in notices(at))
    assert widget(at, "text_input", "f_as_of").value == "15.06.2021"
    assert widget(at, "radio", "f_time").value == "stated" and not widget(at, "radio", "f_time").disabled
    assert dict(at.query_params) == {"asof": "2021-06-15"}


def test_in_force_leaves_out_what_had_ended_and_stated_keeps_it():
    # the NorwAI/Hemit debate's roles hold on 12 August 2025 only
    stated = open_app("nettverk", asof="2025-09-01")
    in_force = open_app("nettverk", asof="2025-09-01", time="in_force")
    assert shown_nodes(stated) == filter_graph(GRAPH, Filters(as_of="2025-09-01")).number_of_nodes()
    expected = filter_graph(GRAPH, Filters(as_of="2025-09-01", time_basis="in_force"))
    assert shown_nodes(in_force) == expected.number_of_nodes() < shown_nodes(stated)
    assert any("1. september 2025" in text and "gjaldt" in text for text in notices(in_force))


def test_choosing_a_date_and_going_back_to_today():
    at = open_app("nettverk")
    assert "f_time" not in [radio.key for radio in at.radio]  # without a date there is nothing to choose
    widget(at, "text_input", "f_as_of").set_value("16.03.2022").run()
    assert at.query_params["asof"] == "2022-03-16"
    assert shown_nodes(at) == filter_graph(GRAPH, Filters(as_of="2022-03-16")).number_of_nodes()
    widget(at, "radio", "f_time").set_value("in_force").run()
    assert at.query_params["time"] == "in_force"
    at.button(key="f_as_of_clear").click().run()
    assert dict(at.query_params) == {}
    assert shown_nodes(at) == GRAPH.number_of_nodes()
    assert not notices(at)


@pytest.mark.parametrize("page", [p.name for p in PAGES])
def test_every_page_works_before_the_first_source(page):
    query = {"asof": "2019-01-01"} | ({"actor": "helsedirektoratet"} if page == "aktor" else {})
    at = open_app(page, **query)
    assert not at.exception, [e.value for e in at.exception]
    follows = next(p.follows_filters for p in PAGES if p.name == page)
    assert any("1. januar 2019" in text for text in notices(at)) == follows


def test_a_date_that_is_no_date_is_refused_and_named():
    at = open_app("nettverk", asof="2021-02-30")
    assert not at.exception
    assert any("asof=2021-02-30" in w.value.replace("\\", "") for w in at.warning)
    assert shown_nodes(at) == GRAPH.number_of_nodes()
    assert "asof" not in at.query_params


def test_exports_name_the_date():
    words = report.describe_filters(Filters(as_of="2021-06-15"), GRAPH, "nb")
    assert "15. juni 2021" in words and "kildene" in words
    assert "in force on 1 January 2024" in report.view_words(
        Filters(as_of="2024-01-01", time_basis="in_force"), GRAPH, "en"
    )


def test_what_changed_between_two_dates_lists_each_change_with_its_source():
    from .conftest import html_tables

    at = open_app("tidslinje", since="2022-01-01", asof="2022-12-31")
    assert not at.exception
    assert dict(at.query_params) == {"asof": "2022-12-31", "since": "2022-01-01"}
    assert widget(at, "text_input", "t_since").value == "01.01.2022"
    table = next(t for t in html_tables(at) if "Endring" in t.columns)
    leads = table[(table["Hvem"] == "Helsedirektoratet") & (table["Rolle"] == "leder")]
    assert "Bedre bruk av kunstig intelligens" in set(leads["Hvor"])  # the coordination project
    assert set(leads["Dato"]) == {"16. mars 2022"}
    assert set(leads["Kilde"]) == {"Bidra inn i det nasjonale koordineringsprosjektet"}
    assert not (table["Dato"].str.contains("2021") | table["Dato"].str.contains("2023")).any()
    assert "Last ned historien som lysbilder (.pptx)" in [b.proto.label for b in at.get("download_button")]
    summary_line = next(m.value for m in at.markdown if m.value.startswith("Fra "))
    assert "1\\. januar 2022" in summary_line and "31\\. desember 2022" in summary_line


def test_nothing_changed_says_so():
    at = open_app("tidslinje", since="2019-01-01", asof="2020-06-01")
    assert not at.exception
    assert any("Ingen endringer" in i.value for i in at.info)


def test_stepping_through_the_maps_dates_moves_the_date_and_the_map():
    """From today «Neste dato» has nowhere to go and «Forrige dato» steps back to the last dated
    change; each step moves the date, the URL and the map."""
    from kidash.view.dates import dated_moments

    moments = [m for m in dated_moments(GRAPH) if m <= dt.date.today().isoformat()]
    at = open_app("nettverk")
    assert at.button(key="f_as_of_next").disabled and not at.button(key="f_as_of_prev").disabled
    for expected in reversed(moments[-3:]):
        at.button(key="f_as_of_prev").click().run()
        assert at.query_params["asof"] == expected
        assert widget(at, "text_input", "f_as_of").value == field_text(expected)
        assert shown_nodes(at) == filter_graph(GRAPH, Filters(as_of=expected)).number_of_nodes()
    at.button(key="f_as_of_next").click().run()
    assert at.query_params["asof"] == moments[-2]
    widget(at, "text_input", "f_as_of").set_value(field_text(moments[0])).run()
    assert at.button(key="f_as_of_prev").disabled  # the first date: nowhere further back


def test_a_typed_date_is_read_as_people_write_it_and_a_wrong_one_is_said_and_kept():
    at = open_app("nettverk")
    widget(at, "text_input", "f_as_of").set_value("15. juni 2021").run()
    assert at.query_params["asof"] == "2021-06-15"
    widget(at, "text_input", "f_as_of").set_value("31.02.2022").run()
    assert at.query_params["asof"] == "2021-06-15"  # the map keeps its date
    assert widget(at, "text_input", "f_as_of").value == "31.02.2022"  # the person's text stays to mend
    assert any("31.02.2022" in e.value.replace("\\", "") and "ikke en dato" in e.value for e in at.error)
    widget(at, "text_input", "f_as_of").set_value("16.3.22").run()
    assert at.query_params["asof"] == "2022-03-16" and not at.error


def test_after_the_merger_e_helse_shows_as_merged_and_a_later_page_naming_it_is_flagged():
    stated = drawings(open_app("nettverk", asof="2024-06-01"))[0]
    merged = [e for e in stated["edges"] if e["from"] == "direktoratet-for-e-helse" and e["to"] == "helsedirektoratet"]
    assert merged, "the merger (background knowledge) is drawn"
    card = next(n["card"] for n in stated["nodes"] if n["id"] == "direktoratet-for-e-helse")
    lines = [str(line[1]) for line in card]
    assert any("slått sammen inn i – Helsedirektoratet (bakgrunnskunnskap)" in line for line in lines)
    assert any("involvert" in line and "Avvik:" in line for line in lines)  # Helse Vest's page of April 2024
    in_force = drawings(open_app("nettverk", asof="2024-06-01", time="in_force"))[0]
    assert "direktoratet-for-e-helse" not in {n["id"] for n in in_force["nodes"]}
    before = drawings(open_app("nettverk", asof="2023-06-01", time="in_force"))[0]
    assert "direktoratet-for-e-helse" in {n["id"] for n in before["nodes"]}


@pytest.mark.parametrize("date", ["1900-01-01", "2199-12-31"])
def test_the_first_and_last_dates_a_link_may_hold_open(date):
    for page in ("nettverk", "tidslinje"):
        at = open_app(page, asof=date, since=date)
        assert not at.exception, [e.value for e in at.exception]
        assert at.query_params["asof"] == date
    assert "asof" not in open_app("nettverk", asof="1899-12-31").query_params


def test_marking_changes_compares_with_the_date_before_and_draws_what_ended_faint():
    at = open_app("nettverk", asof="2024-01-01", time="in_force")
    assert not widget(at, "toggle", "n_changes").value
    widget(at, "toggle", "n_changes").set_value(True).run()
    assert not at.exception and at.query_params["changes"] == "1"
    # 1 January 2024 against 31 December 2023, in force: Direktoratet for e-helse and the hospital plan ended
    summary = next(m.value.replace("\\", "") for m in at.markdown if "31\\. desember 2023" in m.value)
    assert "2 aktører og" in summary and "0 nye aktører" in summary
    nodes = {n["id"]: n for n in drawings(at)[0]["nodes"]}
    assert nodes["direktoratet-for-e-helse"]["mark"] == "ended"
    expected = filter_graph(GRAPH, Filters(as_of="2024-01-01", time_basis="in_force"))
    assert shown_nodes(at) == expected.number_of_nodes() == len(nodes) - 2  # counted as of the date
    # a copied link reopens the marks
    again = open_app("nettverk", asof="2024-01-01", time="in_force", changes="1")
    assert {n["id"]: n.get("mark") for n in drawings(again)[0]["nodes"]} == {k: v.get("mark") for k, v in nodes.items()}
    # before the map's second date there is nothing to compare with, and it says so
    early = open_app("nettverk", asof="2020-06-01", changes="1")
    assert any("ingen tidligere dato" in c.value for c in early.caption)


def test_play_starts_at_the_first_date_steps_on_each_tick_and_stops_at_the_last():
    from kidash.view.dates import dated_moments

    moments = dated_moments(GRAPH)
    at = open_app("initiativer")
    at.button(key="f_play").click().run()
    assert at.query_params["asof"] == moments[0] and at.session_state["kd_playing"]
    for expected in moments[1:3]:
        at.session_state["kd_play_next"] = True  # what the player's tick asks for
        at.run()
        assert at.query_params["asof"] == expected
        assert widget(at, "text_input", "f_as_of").value == field_text(expected)
    at.button(key="f_play").click().run()  # now «Stopp avspillingen»
    assert not at.session_state["kd_playing"]
    at.session_state["kd_play_next"] = True  # a late tick after stopping does nothing
    at.run()
    assert at.query_params["asof"] == moments[2]
    # from the last date but one, playing takes the last and stops there
    end = open_app("nettverk", asof=moments[-2])
    end.button(key="f_play").click().run()
    end.session_state["kd_play_next"] = True
    end.run()
    assert end.query_params["asof"] == moments[-1] and not end.session_state["kd_playing"]


def test_the_profile_shows_roles_over_time_with_the_maps_date_marked():
    at = open_app("aktor", actor="direktoratet-for-e-helse", asof="2024-01-01")
    assert not at.exception
    assert "Roller over tid" in [h.value for h in at.subheader]
    said = html_texts(at)
    assert any(text.startswith("Direktoratet for e-helse: 8 roller med dato") for text in said)
    chart = next(c for c in at.get("plotly_chart") if "over tid" in c.proto.spec)
    assert "Kartet per 1. januar 2024" in chart.proto.spec


def test_what_a_date_means_is_asked_with_the_date_and_kept_until_then():
    at = open_app("nettverk", time="in_force")
    assert "f_time" not in [radio.key for radio in at.radio]
    widget(at, "text_input", "f_as_of").set_value("01.09.2025").run()
    assert widget(at, "radio", "f_time").value == "in_force"  # the link's choice, now that it matters
    assert shown_nodes(at) == filter_graph(GRAPH, Filters(as_of="2025-09-01", time_basis="in_force")).number_of_nodes()
    assert at.query_params["time"] == "in_force"
