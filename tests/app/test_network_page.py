"""The network page through AppTest: filters, URL, focus, views, limits."""

import re

import pytest

from kidash.app.network import TABLES
from kidash.exports import images
from kidash.map import find, summary
from tests.app.conftest import drawings, html_texts, notes, open_expanders, popovers, widget
from tests.fixtures import write_frames

PAGE = "app_pages/nettverk.py"


@pytest.fixture
def network(app_page):
    def start(**query):
        """The page with its tables opened (they are on demand)."""
        return open_expanders(app_page("nettverk", **query), TABLES)

    return start


def shown_counts(at) -> tuple[int, int]:
    text = next(m.value for m in at.markdown if m.value.startswith(("Viser", "Showing")))
    nodes, edges = (int(x) for x in re.findall(r"\*\*(\d+)\*\*", text))
    return nodes, edges


def test_whole_map_is_drawn_with_tables(network, shipped):
    at = network()
    assert not at.exception
    assert shown_counts(at) == (len(shipped.actors), summary.counts(shipped)["relations"])  # the merger too
    (drawing,) = drawings(at)
    assert (
        len(drawing["nodes"]) == len(shipped.actors) and len(drawing["edges"]) == summary.counts(shipped)["relations"]
    )
    assert drawing["selected"] is None and drawing["selection"] is True
    assert drawing["profile"] == "/aktor?actor="
    assert len(at.dataframe[0].value) == len(shipped.actors)
    assert len(at.dataframe[1].value) == summary.counts(shipped)["relations"]
    buttons = {b.proto.id.rsplit("-", 1)[-1]: b.proto.label for b in at.get("download_button")}
    assert buttons["n_download_html"].startswith("Last ned nettverket")
    if images.browser_path():  # the slide picture is drawn by kaleido with Chromium
        assert buttons["n_download_png"] == "Last ned PNG (lysbilde)"


def test_the_tables_are_built_only_once_opened_and_follow_filters_while_open(app_page):
    at = app_page("nettverk")
    assert len(at.dataframe) == 0 and "Det som vises, som tabeller" in [e.label for e in at.expander]
    open_expanders(at, TABLES)
    assert len(at.dataframe) == 2
    at.multiselect(key="f_region").select("Helse Vest").run()
    assert len(at.dataframe) == 2 and len(at.dataframe[0].value) == shown_counts(at)[0]


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
    assert widget(at, "toggle", "f_people").value is False
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
    assert widget(at, "multiselect", "f_kind").value == []
    assert shown_counts(at)[0] == 72


def test_focus_on_kin_shows_its_neighbourhood(network):
    at = network()
    at.selectbox(key="n_focus").select("kin").run()
    # Nodes: KIN, its 7-person secretariat, 2 observing directorates, the project, its steering group.
    # Edges: 13 at KIN (2 observers, 7 secretariat, 2 contacts, the project observing KIN, KIN
    # observing the steering group) + 7 among the neighbours (Hdir leads and is member of the
    # project; Hdir and E-helse are members of project and steering group; the group is part of it
    # and leads it).
    assert shown_counts(at) == (12, 21)  # with the merger of Direktoratet for e-helse into Helsedirektoratet
    at.select_slider(key="n_depth").set_value(2).run()
    assert shown_counts(at)[0] > 12


def test_focus_hidden_by_filters_says_so(network):
    at = network(region="Helse Nord", focus="hemit")
    assert any("skjult av filtrene" in note for note in notes(at, "info"))


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


def test_a_big_map_is_drawn_as_groups_and_a_group_opens(network, tmp_path, monkeypatch):
    from kidash.data.synthetic import synthetic_tables

    monkeypatch.setenv("KIDASH_DATA_DIR", str(write_frames(tmp_path, synthetic_tables(3_000))))
    at = network()
    assert not at.exception
    assert any("grupper" in info.value for info in at.info)
    (drawing,) = drawings(at)
    groups = [node for node in drawing["nodes"] if "group" in node]
    assert groups and len(groups) == len(drawing["nodes"])
    biggest = max(groups, key=lambda node: node["value"])
    # A click on a group comes back as the component's trigger; the view (and the URL) opens it.
    at = network(group=biggest["group"])
    (drawing,) = drawings(at)
    assert any("group" not in node for node in drawing["nodes"])
    assert any("Åpen gruppe" in m.value for m in at.markdown)
    at.button(key="n_group_close").click().run()
    (drawing,) = drawings(at)
    assert all("group" in node for node in drawing["nodes"])
    # 3,000 actors: the focus picker offers the best linked, and what a typed name finds
    assert len(at.selectbox(key="n_focus").options) == find.PICKER_LIMIT
    at.text_input(key="n_focus_find").input("organisasjon 0").run()
    offered = at.selectbox(key="n_focus").options
    assert offered[0] == "Organisasjon 0" and len(offered) <= find.PICKER_LIMIT
    assert all("organisasjon 0" in name.lower() for name in offered)
    at.selectbox(key="n_focus").select("org-0").run()
    (drawing,) = drawings(at)
    assert "org-0" in {node["id"] for node in drawing["nodes"]}
    assert at.query_params["focus"] == "org-0"


def test_a_focus_picker_over_its_limit_finds_by_name_and_keeps_a_linked_choice(network, monkeypatch):
    """A person types part of a name (any case, short name too), picks, types another; a link's choice
    is offered even when it is not among the best linked."""
    monkeypatch.setattr(find, "PICKER_LIMIT", 10)
    at = network()
    picker = at.selectbox(key="n_focus")
    assert len(picker.options) == 10 and "Helse Nord RHF" not in picker.options
    at.text_input(key="n_focus_find").input("HELSEDIR").run()
    assert at.selectbox(key="n_focus").options[0] == "Helsedirektoratet"
    at.selectbox(key="n_focus").select("helsedirektoratet").run()
    assert at.query_params["focus"] == "helsedirektoratet"
    at.text_input(key="n_focus_find").input("ks").run()
    offered = at.selectbox(key="n_focus").options
    assert offered[0] == "Helsedirektoratet"  # the choice stays first while another name is typed
    assert "Kommunesektorens organisasjon (KS)" in offered
    at.selectbox(key="n_focus").select("ks").run()
    assert at.query_params["focus"] == "ks"
    (drawing,) = drawings(at)
    assert "ks" in {node["id"] for node in drawing["nodes"]}
    linked = network(focus="helse-nord-rhf")
    assert linked.selectbox(key="n_focus").value == "helse-nord-rhf"
    assert linked.selectbox(key="n_focus").options[0] == "Helse Nord RHF"


def test_a_selection_from_the_url_is_drawn_and_linked(network):
    at = network(selected="helsedirektoratet")
    assert not at.exception
    (drawing,) = drawings(at)
    assert drawing["selected"] == "helsedirektoratet"
    assert "Valgt i kartet: Helsedirektoratet" in html_texts(at)
    links = {(link.proto.label, link.proto.query_string) for link in at.get("page_link")}
    assert ("Åpne profilen", "actor=helsedirektoratet") in links
    at.button(key="n_network_clear").click().run()
    (drawing,) = drawings(at)
    assert drawing["selected"] is None
    assert at.query_params.get("selected") in (None, [])


def test_a_selection_not_in_view_is_not_claimed(network):
    at = network(selected="helsedirektoratet", region="Helse Nord", people="0")
    (drawing,) = drawings(at)
    assert "helsedirektoratet" not in {node["id"] for node in drawing["nodes"]}
    assert not any("Valgt i kartet" in text for text in html_texts(at))


def test_colour_by_community_from_the_url(network):
    at = network(colour="community")
    assert at.selectbox(key="n_colour").value == "community"
    (drawing,) = drawings(at)
    assert drawing["texts"]["colour"] == "Farge: gruppe (Louvain)"


def test_the_less_used_controls_are_in_popovers_whose_labels_say_what_is_set(app_page):
    # Closed, a popover's controls are not drawn: its label must say when any of them is not at its default.
    at = app_page("nettverk")
    labels = popovers(at)
    assert labels == {
        "Flere filtre": ["Vis bare", "Relasjoner", "Vis personer"],
        "Kartet per dato: i dag": ["Kartet per dato", "Forrige dato", "Neste dato", "Spill av datoene"],
        "Tegnevalg": ["Størrelse etter", "Fysikk (nodene finner plassen sin)", "Marker endringer siden forrige dato"],
    }
    at = app_page("nettverk", kind="organisation", people="0", physics="1", asof="2022-03-16", time="in_force")
    assert set(popovers(at)) == {
        "Flere filtre (2 valgt)", "Kartet gjeldende per 16. mars 2022", "Tegnevalg (1 valgt)",
    }  # fmt: skip
    assert (
        widget(at, "multiselect", "f_kind").value == ["organisation"]
        and widget(at, "toggle", "n_physics").value is True
    )
    widget(at, "multiselect", "f_kind").set_value(["organisation", "initiative"]).run()
    assert "Flere filtre (3 valgt)" in popovers(at)  # each kind picked counts, as a person counts them
    widget(at, "multiselect", "f_kind").set_value([]).run()
    assert "Flere filtre (1 valgt)" in popovers(at)
    at.button(key="f_reset").click().run()
    assert "Flere filtre" in popovers(at) and "Kartet per dato: i dag" in popovers(at)


def test_english_popover_labels(app_page):
    at = app_page("nettverk", lang="en", size="betweenness", asof="2022-03-16")
    assert set(popovers(at)) == {"More filters", "The map as stated by 16 March 2022", "Drawing options (1 set)"}
