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
    page draws at most :data:`kidash.network_view.MAX_DRAWN_NODES` nodes.

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
