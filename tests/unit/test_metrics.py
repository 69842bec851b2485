"""Measures on the hand-made graph; answers worked out by hand from conftest.TINY."""

import networkx as nx
import pytest

from kidash import metrics
from kidash.graph import build_graph


@pytest.fixture
def graph(tiny_dataset):
    return build_graph(tiny_dataset)


def test_degree_counts_every_relation(graph):
    assert metrics.degree(graph) == {"dir": 3, "tru": 2, "per": 2, "ini": 2, "sub": 3, "oth": 2, "rep": 2}


def test_initiative_counts(graph):
    # dir: leads ini, observes oth, publishes rep (part of ini) -> 2
    # tru: member of oth, and its person is member of sub (part of ini) -> 2
    assert metrics.initiative_counts(graph) == {"dir": 2, "tru": 2, "per": 1, "ini": 1, "sub": 1, "oth": 1, "rep": 0}


def test_betweenness_on_a_star():
    star = nx.star_graph(3)
    assert metrics.betweenness(star) == pytest.approx({0: 1.0, 1: 0.0, 2: 0.0, 3: 0.0})


def test_sampled_betweenness_is_seeded(monkeypatch):
    monkeypatch.setattr(metrics, "EXACT_BETWEENNESS_LIMIT", 10)
    graph = nx.barabasi_albert_graph(60, 2, seed=1)
    assert metrics.betweenness(graph, seed=3) == metrics.betweenness(graph, seed=3)


def test_measure_rejects_unknown_names(graph):
    with pytest.raises(ValueError):
        metrics.measure(graph, "popularity")
