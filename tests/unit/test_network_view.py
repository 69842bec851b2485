"""networkx -> vis data -> HTML: attributes, colours per legend, escaping, offline."""

import re
import threading

import pytest

from kidash import style
from kidash.data.dataset import dataset_from_frames
from kidash.map.filters import Filters
from kidash.map.graph import build_graph
from kidash.map.summary import documents_by_id
from kidash.network import component, drawing
from kidash.network.colours import node_colours
from kidash.network.component import network_html
from kidash.network.drawing import ViewOptions, map_positions, vis_data
from kidash.network.shown import shown_network
from tests.fixtures import frames_from_rows

HOSTILE = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"


@pytest.fixture
def graph(tiny_dataset):
    return build_graph(tiny_dataset)


def data_for(graph, dataset, **options):
    view = ViewOptions(**options)
    return vis_data(graph, graph, documents_by_id(dataset, view.lang), view)


def test_nodes_carry_shape_colour_size_and_position(graph, tiny_dataset):
    data = data_for(graph, tiny_dataset, colour_by="region")
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["dir"]["shape"] == "dot"
    assert nodes["per"]["shape"] == "triangle"
    assert nodes["ini"]["shape"] == "square"
    assert nodes["rep"]["shape"] == "hexagon"
    assert nodes["tru"]["color"] == style.REGION_COLOURS["Helse Vest"]
    assert nodes["dir"]["color"] == style.REGION_COLOURS["Nasjonal"]
    assert nodes["dir"]["label"] == "Dir"
    # dir and sub have the most links (3), so they are drawn largest
    assert nodes["dir"]["value"] == nodes["sub"]["value"] == max(n["value"] for n in nodes.values())


def test_edges_follow_the_relation_styles(graph, tiny_dataset):
    data = data_for(graph, tiny_dataset)
    edge = next(e for e in data["edges"] if e["from"] == "dir" and e["to"] == "oth")
    colour, dashes, width = style.RELATION_STYLES["observer"]
    assert (edge["color"], edge["dashes"], edge["width"]) == (colour, dashes, width)
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True


def test_parallel_edges_are_curved_apart(tiny_rows):
    tiny_rows["relations"].append(["dir", "ini", "member", "d1", "false"])
    dataset = dataset_from_frames(frames_from_rows(tiny_rows))
    graph = build_graph(dataset)
    edges = [e for e in data_for(graph, dataset)["edges"] if {e["from"], e["to"]} == {"dir", "ini"}]
    assert len(edges) == 2
    assert sum("smooth" in e for e in edges) == 1


def test_legend_lists_exactly_what_is_used(graph, tiny_dataset):
    legend = data_for(graph, tiny_dataset, colour_by="region", lang="en")["legend"]
    colours = dict(legend["colours"])
    assert set(colours) == {"Helse Vest (Western Norway)", "National"}
    assert colours["National"] == style.REGION_COLOURS["Nasjonal"]
    assert [text for text, _ in legend["shapes"]] == ["Organisation", "Person", "Initiative", "Document"]
    assert [text for text, *_ in legend["lines"]] == [
        "leads",
        "member",
        "observer",
        "part of",
        "affiliated with",
        "publishes",
    ]


def test_colour_by_initiative(graph):
    colours = node_colours(graph, graph, "initiative", "en")
    palette = style.initiative_colours(["ini", "oth"])
    assert colours["per"][0] == palette["ini"]  # member of sub, part of ini
    assert colours["sub"][0] == palette["ini"]
    assert colours["oth"] == (palette["oth"], "Oth")
    assert colours["dir"] == (style.SEVERAL_COLOUR, "Several initiatives")
    assert colours["tru"][0] == style.SEVERAL_COLOUR  # oth itself, ini through its person


def test_cards_are_data_not_html_and_cite_each_role(graph, tiny_dataset):
    data = data_for(graph, tiny_dataset, lang="en")
    card = next(n["card"] for n in data["nodes"] if n["id"] == "dir")
    assert card[0] == ["h", "Direktoratet"]
    held = card.index(["b", "Roles held"])
    role = next(line for line in card[held:] if line[1] == "leads – Initiativet")
    assert data["documents"][role[2]] == "Kilde en (10 June 2021)"
    received = next(n["card"] for n in data["nodes"] if n["id"] == "ini")
    assert ["b", "Roles others hold here"] in received
    assert any(line[1].startswith("leads – Direktoratet") for line in received)


def test_search_names_hold_short_name_english_name_and_aliases(graph, tiny_dataset):
    view = ViewOptions(lang="en")
    data = vis_data(graph, graph, {}, view, aliases={"dir": ("The Directorate",)})
    names = next(n["names"] for n in data["nodes"] if n["id"] == "dir")
    assert names[0] == "Direktoratet" and "Dir" in names and "The Directorate" in names


def test_hostile_name_never_reaches_html_unescaped(tiny_rows):
    tiny_rows["actors"][1][1] = HOSTILE
    tiny_rows["actors"][1][2] = HOSTILE
    dataset = dataset_from_frames(frames_from_rows(tiny_rows))
    graph = build_graph(dataset)
    options = ViewOptions(colour_by="type")
    html = network_html(data_for(graph, dataset), options)
    assert "<img" not in html
    library, module, _ = component._assets()
    assert html.replace(library, "").count("<script") == 4  # the JSON block, vis-network, our module, the call
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "DOMParser",
        "createContextualFragment",
    ):
        assert sink not in module  # our code never parses HTML


def test_html_loads_nothing_from_another_host(graph, tiny_dataset):
    html = network_html(data_for(graph, tiny_dataset), ViewOptions())
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html
    assert "cdn." not in html and "cdnjs" not in html and "jsdelivr" not in html


def test_same_view_gives_the_same_html(graph, tiny_dataset):
    first = network_html(data_for(graph, tiny_dataset), ViewOptions())
    second = network_html(data_for(graph, tiny_dataset), ViewOptions())
    assert first == second


def test_layout_is_seeded(graph):
    assert map_positions(graph, seed=3) == map_positions(graph, seed=3)
    assert map_positions(graph, seed=3) != map_positions(graph, seed=4)


def test_places_computed_in_the_background_are_the_places_every_view_uses(tiny_dataset):
    fresh = build_graph(tiny_dataset)  # a map nobody has laid out yet
    worker = threading.Thread(target=map_positions, args=(fresh, 5))  # as the app does when a map loads
    worker.start()
    worker.join(timeout=30)
    assert drawing._POSITIONS[fresh][0] == 5
    assert map_positions(fresh, seed=5) is drawing._POSITIONS[fresh][1]  # reused, not redone


def test_tables_are_built_when_first_read_and_then_kept(graph, tiny_dataset):
    shown = shown_network(graph, tiny_dataset, Filters(), "roles", ViewOptions())
    assert "actors" not in vars(shown) and "relations" not in vars(shown)
    assert len(shown.actors) == shown.node_count and len(shown.relations) == shown.edge_count
    assert shown.actors is shown.actors and shown.relations is shown.relations
    (chart,) = shown.charts()
    assert chart.table is shown.actors


def test_a_node_keeps_its_place_under_every_filter_and_view(graph, tiny_dataset):
    """Positions come from the whole map: filters, focus and the collaboration view only take nodes away."""
    whole = {
        n["id"]: (n["x"], n["y"])
        for n in shown_network(graph, tiny_dataset, Filters(), "roles", ViewOptions()).vis["nodes"]
    }
    for filters, view, focus in (
        (Filters(regions=("Helse Vest",)), "roles", None),
        (Filters(kinds=("organisation", "initiative")), "roles", None),
        (Filters(), "roles", "per"),
        (Filters(), "collaboration", None),
    ):
        shown = shown_network(graph, tiny_dataset, filters, view, ViewOptions(), focus=focus)
        nodes = shown.vis["nodes"]
        assert nodes and len(nodes) < len(whole) or view == "collaboration"
        for node in nodes:
            assert (node["x"], node["y"]) == whole[node["id"]]


def test_shown_network_focus_and_collaboration(graph, tiny_dataset):
    focused = shown_network(graph, tiny_dataset, Filters(), "roles", ViewOptions(), focus="per", depth=1)
    assert (focused.node_count, focused.edge_count) == (3, 2)
    assert not focused.focus_outside_filters
    hidden = shown_network(graph, tiny_dataset, Filters(regions=("Nasjonal",)), "roles", ViewOptions(), focus="per")
    assert hidden.focus_outside_filters
    collaboration = shown_network(graph, tiny_dataset, Filters(), "collaboration", ViewOptions(lang="en"))
    assert (collaboration.node_count, collaboration.edge_count) == (2, 1)
    assert collaboration.relations.iloc[0].to_dict() == {
        "Who": "Direktoratet",
        "Works with": "Helseforetaket",
        "Shared initiatives": 2,
        "Initiative": "Initiativet; Nettverket",
    }


def test_too_many_nodes_are_drawn_as_groups_with_hand_counted_members(graph, tiny_dataset, monkeypatch):
    monkeypatch.setattr(drawing, "MAX_DRAWN_NODES", 3)
    shown = shown_network(graph, tiny_dataset, Filters(), "roles", ViewOptions(lang="en"))
    assert shown.grouped and shown.open_group is None
    assert len(shown.actors) == 7  # the tables still list every actor
    groups = {n["group"]: n for n in shown.vis["nodes"]}
    # dir (directorate, national); tru and per (a person sits with its organisation); ini, sub, oth; rep
    members = {key: int(node["card"][1][1].split()[0]) for key, node in groups.items()}
    assert members["health_trust|Helse Vest"] == 2
    assert members["directorate|Nasjonal"] == 1
    assert sum(members.values()) == 7
    assert all(node["shape"] == style.GROUP_SHAPE for node in groups.values())
    opened = shown_network(graph, tiny_dataset, Filters(), "roles", ViewOptions(), group="health_trust|Helse Vest")
    ids = {n["id"] for n in opened.vis["nodes"]}
    assert {"tru", "per"} <= ids and "dir" not in ids and "group:directorate|Nasjonal" in ids
    assert opened.open_group == "health_trust|Helse Vest" and opened.group_members == 2


def test_group_links_count_the_relations_between_groups(graph):
    from kidash.map.groups import group_node, groups_of
    from kidash.network.groups import grouped_graph

    grouped = grouped_graph(graph, graph, "en")
    membership = groups_of(graph)
    expected: dict = {}
    for source, target in graph.edges():
        a, b = group_node(membership[source]), group_node(membership[target])
        if a != b:
            pair = tuple(sorted((a, b)))
            expected[pair] = expected.get(pair, 0) + 1
    assert {tuple(sorted((a, b))): d["weight"] for a, b, d in grouped.edges(data=True)} == expected


def test_collaboration_legend_speaks_of_no_arrows(graph, tiny_dataset):
    shown = shown_network(graph, tiny_dataset, Filters(), "collaboration", ViewOptions(lang="en"))
    assert "arrow from" not in shown.standalone_html()
    assert "Shared initiatives (thicker = more)" in shown.standalone_html()


def test_colour_by_community_matches_the_analysis_groups(graph):
    from kidash.map.metrics import communities

    colours = node_colours(graph, graph, "community", "en")
    groups = communities(graph)
    for members in groups:
        assert len({colours[m] for m in members}) == 1
    assert len({colours[g[0]][0] for g in groups if len(g) > 1}) == len([g for g in groups if len(g) > 1])


def test_a_page_deck_is_built_without_streamlit(graph, tiny_dataset):
    """The deck use case is a pure function: title slide, actors in view, sources."""
    import io

    from pptx import Presentation

    from kidash.exports.page_decks import page_deck

    raw = page_deck("kidash – Test", tiny_dataset, graph, graph, Filters(), [], "en")
    slides = Presentation(io.BytesIO(raw)).slides
    texts = [" ".join(shape.text_frame.text for shape in s.shapes if shape.has_text_frame) for s in slides]
    assert "kidash – Test" in texts[0]
    assert any("Direktoratet" in text for text in texts[1:]) or len(slides) >= 2


def test_a_view_since_a_date_marks_new_and_draws_ended_faint_in_their_places(tiny_rows):
    from kidash.charts import network_picture
    from tests.unit.test_graph import dated

    full = dated(tiny_rows, [(5, "", "2022-12-31")], [("tru", "", "2023-06-30")])
    data = dataset_from_frames(frames_from_rows(tiny_rows))  # dated() gave tiny_rows their dates
    filters = Filters(as_of="2024-12-31", time_basis="in_force")
    shown = shown_network(full, data, filters, "roles", ViewOptions(lang="nb"), since="2022-06-01")
    # the map as of the date: 7 actors less the ended trust, 8 roles less its two
    assert (shown.node_count, shown.edge_count) == (6, 6)
    assert shown.marks == {"actor_new": 0, "actor_ended": 1, "relation_new": 1, "relation_ended": 2}
    nodes = {n["id"]: n for n in shown.vis["nodes"]}
    assert nodes["tru"]["mark"] == "ended" and nodes["tru"]["card"][1] == ["i", "Avsluttet siden 1. juni 2022"]
    places = map_positions(full)
    assert (nodes["tru"]["x"], nodes["tru"]["y"]) == tuple(round(v, 1) for v in places["tru"])
    assert sorted(e["mark"] for e in shown.vis["edges"] if "mark" in e) == ["ended", "ended", "new"]
    assert shown.vis["legend"]["marks"] == [
        ("Ny siden 1. juni 2022 (tykk kant)", "new"),
        ("Avsluttet siden 1. juni 2022 (blek)", "ended"),
    ]
    # the slide picture shows the same: the ended node faint, the new role wider, both in the legend
    figure = network_picture.network_figure(shown.vis, "t", "nb")
    opacities = [
        o for trace in figure.data if trace.mode == "markers" and trace.x[0] is not None for o in trace.marker.opacity
    ]
    assert sorted(opacities)[0] == style.MARK_STYLE["ended_opacity"] and opacities.count(1.0) == len(opacities) - 1
    assert {m[0] for m in shown.vis["legend"]["marks"]} <= {t.name for t in figure.data if t.x == (None,)}
    # without a date to compare with, nothing is marked
    plain = shown_network(full, data, filters, "roles", ViewOptions(lang="nb"))
    assert plain.marks == {} and not any("mark" in n for n in plain.vis["nodes"])
