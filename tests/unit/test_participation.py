"""Who takes part in which initiative: one rule, hand-made graphs with hand-counted answers."""

import networkx as nx
import pytest

from kidash.map import analysis, metrics
from kidash.map.filters import Filters, filter_graph
from kidash.map.graph import build_graph
from kidash.map.participation import collaboration_graph, initiatives_of, organisation_roles, participation


@pytest.fixture
def plan_graph() -> nx.MultiDiGraph:
    """A regional authority that owns a plan whose one main measure its adviser works in,
    and that is a member of a national project through a steering group (a part)."""
    g = nx.MultiDiGraph()
    for node, kind, kind_type, main in (
        ("rha", "organisation", "regional_health_authority", False),
        ("dir", "organisation", "directorate", False),
        ("adviser", "person", "person", False),
        ("plan", "initiative", "action_plan", False),
        ("measure", "initiative", "action_plan", True),
        ("project", "initiative", "project", True),
        ("steering", "initiative", "committee", False),
        ("workshop", "event", "workshop", False),
    ):
        g.add_node(node, kind=kind, type=kind_type, main_initiative=main, name=node, region="Nasjonal")
    for source, target, relation in (
        ("measure", "plan", "part_of"),
        ("steering", "project", "part_of"),
        ("workshop", "project", "part_of"),
        ("adviser", "rha", "affiliated_with"),
        ("rha", "plan", "owner"),
        ("adviser", "measure", "involved"),
        ("rha", "steering", "member"),
        ("dir", "project", "leads"),
        ("dir", "workshop", "organiser"),
    ):
        g.add_edge(source, target, relation=relation)
    return g


def test_a_plan_and_its_measure_are_one_initiative(plan_graph):
    # rha: owner of the plan (= the measure), its adviser involved in the measure, member of the steering
    # group (part of the project): two initiatives, not three.
    assert initiatives_of(plan_graph, "rha") == {"measure", "project"}
    assert organisation_roles(plan_graph) == {
        ("rha", "measure"): {"owner", "involved"},
        ("rha", "project"): {"member"},
        ("dir", "project"): {"leads", "organiser"},
    }
    assert participation(plan_graph)[("adviser", "measure")] == {"involved"}


def test_counts_matrix_and_collaboration_follow_the_rule(plan_graph):
    assert metrics.initiative_counts(plan_graph)["rha"] == 2
    assert metrics.initiative_counts(plan_graph)["dir"] == 1
    assert metrics.initiative_counts(plan_graph)["workshop"] == 1  # an event: its own
    matrix = analysis.role_matrix(plan_graph)
    assert matrix.loc["rha", "measure"] == "owner" and matrix.loc["rha", "project"] == "member"
    assert list(matrix.columns) == ["measure", "project"]
    collaboration = collaboration_graph(plan_graph)
    assert list(collaboration.edges(data="initiatives")) == [("rha", "dir", ["project"])]


def test_a_filtered_view_resolves_roll_ups_in_the_whole_map(plan_graph):
    view = plan_graph.subgraph(["rha", "adviser", "measure"]).copy()
    assert participation(view, plan_graph) == {("rha", "measure"): {"involved"}, ("adviser", "measure"): {"involved"}}


def test_helse_vest_rhf_takes_part_in_two_initiatives(shipped):
    """Stated in the sources: member of the coordination project (and its steering group); owner of
    Helse Vest's action plan, whose measure 10 is one initiative with it."""
    full = build_graph(shipped)
    assert initiatives_of(full, "helse-vest-rhf") == {"koordineringsprosjektet", "helse-vest-tiltak-10"}
    bridges = analysis.bridges(full).set_index("id")
    assert bridges.loc["helse-vest-rhf", "count"] == 2
    view = filter_graph(full, Filters(regions=("Helse Vest",)))
    assert analysis.bridges(view, full).set_index("id").loc["helse-vest-rhf", "count"] == 2
