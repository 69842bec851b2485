"""Seeded force-directed positions for the network drawing, in plain numpy."""

from __future__ import annotations

import networkx as nx
import numpy as np

__all__ = ["force_layout"]


def force_layout(graph: nx.Graph, seed: int = 7, iterations: int | None = None) -> dict:
    """Fruchterman–Reingold positions in the unit square, the same for the same graph and seed.

    The same algorithm as networkx's dense ``spring_layout``, in float32 with
    fewer temporaries and without SciPy (networkx switches to a much slower
    sparse solver above 500 nodes: 4.4 s at 1,000 nodes here, against 1.4 s).
    Cost grows with the square of the node count, which is why the network
    page draws at most :data:`kidash.network.drawing.MAX_DRAWN_NODES` nodes.

    >>> positions = force_layout(nx.path_graph(3), seed=1)
    >>> sorted(positions) == [0, 1, 2]
    True
    >>> positions == force_layout(nx.path_graph(3), seed=1)
    True
    """
    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.5, 0.5)}
    iterations = iterations if iterations is not None else (50 if n <= 500 else 30)
    simple = nx.Graph(graph.to_undirected(as_view=True)) if graph.is_directed() or graph.is_multigraph() else graph
    adjacency = nx.to_numpy_array(simple, nodelist=nodes, weight=None, dtype=np.float32)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / np.sqrt(n))
    temperature = np.float32(0.1)
    cooling = temperature / (iterations + 1)
    gravity = np.float32(0.5 * np.sqrt(n))
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.sqrt(np.einsum("ijk,ijk->ij", delta, delta))
        np.maximum(distance, 0.01, out=distance)
        force = k * k / (distance * distance) - adjacency * distance / k
        displacement = np.einsum("ijk,ij->ik", delta, force)
        # Gravity towards the centre keeps isolated nodes and small pieces from drifting off
        # and squashing the main cluster into a corner of the picture.
        displacement -= gravity * (pos - pos.mean(axis=0))
        length = np.sqrt(np.einsum("ij,ij->i", displacement, displacement))
        np.maximum(length, 0.01, out=length)
        pos += displacement * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    pos -= pos.min(axis=0)
    pos /= max(float(pos.max()), 1e-9)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos, strict=True)}


# Above this many nodes one force layout of the whole map costs too much (it grows with the
# square of the node count): the map is laid out group by group instead.
WHOLE_LAYOUT_LIMIT = 1_500


def _sunflower(count: int) -> np.ndarray:
    """``count`` points spread evenly over a disc of radius 1 (Vogel's spiral), first at the centre."""
    index = np.arange(count, dtype=np.float64) + 0.5
    radius = np.sqrt(index / count)
    angle = index * np.pi * (3 - np.sqrt(5))
    return np.column_stack((radius * np.cos(angle), radius * np.sin(angle)))


def map_layout(graph: nx.Graph, groups: dict | None = None, seed: int = 7, spacing: float = 130.0) -> dict:
    """Positions of every node of a whole map in drawing units (pixels at zoom 1), computed once.

    Every view of the map (filtered, focused, grouped) reuses these, so a node
    that stays keeps its place. Up to :data:`WHOLE_LAYOUT_LIMIT` nodes one
    force layout places them; beyond that (``groups`` maps each node to its
    group) the groups are laid out as a map of their own and each group's
    members around its centre, which keeps the cost near linear.

    >>> g = nx.path_graph(4)
    >>> map_layout(g) == map_layout(g)
    True
    >>> big = map_layout(nx.empty_graph(10), {n: n % 2 for n in range(10)})
    >>> len(big)
    10
    """
    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if groups is None or n <= WHOLE_LAYOUT_LIMIT:
        size = spacing * np.sqrt(n) * 0.9
        return {
            node: ((x - 0.5) * 2 * size, (y - 0.5) * 2 * size) for node, (x, y) in force_layout(graph, seed).items()
        }
    members: dict = {}
    for node in nodes:
        members.setdefault(groups.get(node), []).append(node)
    keys = sorted(members, key=lambda key: (-len(members[key]), str(key)))
    between = nx.Graph()
    between.add_nodes_from(keys)
    for source, target in graph.edges():
        a, b = groups.get(source), groups.get(target)
        if a != b:
            between.add_edge(a, b)
    radius = {key: spacing * 0.55 * np.sqrt(len(members[key])) for key in keys}
    span = 2.2 * sum(radius.values()) / np.sqrt(len(keys))
    centres = force_layout(between, seed)
    positions: dict = {}
    simple = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    for key in keys:
        cx, cy = ((centres[key][0] - 0.5) * 2 * span, (centres[key][1] - 0.5) * 2 * span)
        inside = members[key]
        if len(inside) <= 300:
            local = force_layout(simple.subgraph(inside), seed)
            points = {node: ((x - 0.5) * 2, (y - 0.5) * 2) for node, (x, y) in local.items()}
        else:  # the best connected in the middle
            ranked = sorted(inside, key=lambda node: (-graph.degree(node), str(node)))
            points = dict(zip(ranked, map(tuple, _sunflower(len(ranked))), strict=True))
        for node, (x, y) in points.items():
            positions[node] = (float(cx + x * radius[key]), float(cy + y * radius[key]))
    return positions
