"""The choices a view offers that are not data: network views, colourings, sizes, measures, depths.

A leaf: the URL codec and the network drawing both read these lists, and neither
has to import the other (or the graph stack) to get them. What nodes may be sized
by is the metrics' own list (:data:`kidash.map.metrics.MEASURES`).
"""

from __future__ import annotations

__all__ = ["NETWORK_VIEWS", "COLOUR_BY", "CENTRALITY_MEASURES", "DEPTHS"]

NETWORK_VIEWS: tuple[str, ...] = ("roles", "collaboration")
# What the network's nodes may be coloured by (kidash.network.colours draws each).
COLOUR_BY: tuple[str, ...] = ("type", "region", "initiative", "community")
CENTRALITY_MEASURES: tuple[str, ...] = ("degree", "betweenness", "closeness", "eigenvector")
DEPTHS: tuple[int, ...] = (1, 2, 3)
