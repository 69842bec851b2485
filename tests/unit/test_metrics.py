"""Measures on the hand-made graph; answers worked out by hand from conftest.TINY."""

import networkx as nx
import pytest

from kidash.map import metrics
from kidash.map.graph import build_graph


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


def test_sampled_betweenness_on_a_big_star(monkeypatch):
    """Sampling 20 of 61 sources: a leaf is never between two others (exactly 0), and every shortest
    path between two leaves passes through the hub (1.0, which the estimate keeps on a star)."""
    monkeypatch.setattr(metrics, "EXACT_BETWEENNESS_LIMIT", 10)
    monkeypatch.setattr(metrics, "BETWEENNESS_SAMPLE", 20)
    found = metrics.betweenness(nx.star_graph(60), seed=3)
    assert all(found[leaf] == 0 for leaf in range(1, 61))
    assert found[0] == pytest.approx(1.0)


def test_measure_rejects_unknown_names(graph):
    with pytest.raises(ValueError):
        metrics.measure(graph, "popularity")
