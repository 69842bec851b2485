"""The network page through AppTest: filters, URL, focus, views, limits."""

import re

import pytest

from tests.fixtures import write_frames

PAGE = "app_pages/nettverk.py"


@pytest.fixture
def network(app_page):
    def start(**query):
        return app_page("nettverk", **query)

    return start


def shown_counts(at) -> tuple[int, int]:
    text = next(m.value for m in at.markdown if m.value.startswith(("Viser", "Showing")))
    nodes, edges = (int(x) for x in re.findall(r"\*\*(\d+)\*\*", text))
    return nodes, edges


def iframes(at):
    return [e for e in at.main if getattr(e, "type", "") == "iframe"]


def test_whole_map_is_drawn_with_tables(network, shipped):
    at = network()
    assert not at.exception
    assert shown_counts(at) == (len(shipped.actors), len(shipped.relations))
    (frame,) = iframes(at)
    assert 'id="kd-network"' in frame.proto.srcdoc
    assert len(at.dataframe[0].value) == len(shipped.actors)
    assert len(at.dataframe[1].value) == len(shipped.relations)
    assert at.get("download_button")[0].proto.label.startswith("Last ned nettverket")


def test_region_filter_in_the_sidebar_narrows_the_view(network):
    at = network()
    at.multiselect(key="f_region").select("Helse Vest").run()
    assert not at.exception
    nodes, _ = shown_counts(at)
    assert 0 < nodes < 72
    names = set(at.dataframe[0].value["Navn"])
    assert "Helse Vest RHF" in names and "Helse Nord RHF" not in names


def test_filters_come_from_the_url(network):
    at = network(region="Helse Vest", people="0")
    assert at.multiselect(key="f_region").value == ["Helse Vest"]
    assert at.toggle(key="f_people").value is False
    assert "Erik M. Hansen" not in set(at.dataframe[0].value["Navn"])


def test_unknown_url_values_are_ignored(network):
    at = network(region="Atlantis", focus="nobody", colour="rainbow")
    assert not at.exception
    assert at.multiselect(key="f_region").value == []
    assert at.selectbox(key="n_colour").value == "type"


def test_reset_clears_every_filter(network):
    at = network(region="Helse Vest", kind="organisation")
    at.button(key="f_reset").click().run()
    assert at.multiselect(key="f_region").value == []
    assert at.multiselect(key="f_kind").value == []
    assert shown_counts(at)[0] == 72


def test_focus_on_kin_shows_its_neighbourhood(network):
    at = network()
    at.selectbox(key="n_focus").select("kin").run()
    # Nodes: KIN, its 7-person secretariat, 2 observing directorates, the project, its steering group.
    # Edges: 13 at KIN (2 observers, 7 secretariat, 2 contacts, the project observing KIN, KIN
    # observing the steering group) + 6 among the neighbours (Hdir leads and is member of the
    # project; Hdir and E-helse are members of project and steering group; the group is part of it).
    assert shown_counts(at) == (12, 19)
    at.select_slider(key="n_depth").set_value(2).run()
    assert shown_counts(at)[0] > 12


def test_focus_hidden_by_filters_says_so(network):
    at = network(region="Helse Nord", focus="hemit")
    assert any("skjult av filtrene" in info.value for info in at.info)


def test_collaboration_view_links_organisations(network):
    at = network(view="collaboration")
    nodes, edges = shown_counts(at)
    assert nodes == 27 and edges > 0
    pairs = at.dataframe[1].value
    assert list(pairs.columns) == ["Hvem", "Samarbeider med", "Felles initiativer", "Initiativ"]


def test_english_page(network):
    at = network(lang="en")
    assert at.title[0].value == "The network of roles and collaboration"
    assert "Name" in at.dataframe[0].value.columns


def test_too_big_to_draw_offers_focus(network, tmp_path, monkeypatch):
    from kidash.synthetic import synthetic_tables

    monkeypatch.setenv("KIDASH_DATA_DIR", str(write_frames(tmp_path, synthetic_tables(3_000))))
    at = network()
    assert not at.exception
    assert any("Fokus på aktør" in warning.value for warning in at.warning)
    assert iframes(at) == []
    at.selectbox(key="n_focus").select("org-0").run()
    assert len(iframes(at)) == 1


def test_colour_by_community_from_the_url(network):
    at = network(colour="community")
    assert at.selectbox(key="n_colour").value == "community"
    (frame,) = iframes(at)
    assert "Farge: gruppe (Louvain)" in frame.proto.srcdoc
