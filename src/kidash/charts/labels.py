"""Names on a network picture: where each goes so that none overlaps another name or a marker, and
the best-linked actors are always named (beside their marker, or further out with a leader line)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from kidash.charts.canvas import text_width

__all__ = ["MAX_LABELLED", "Label", "place_labels", "hubs"]

MAX_LABELLED = 400  # names are tried for this many nodes at most, the best-linked first
_BESIDE = ("bottom center", "top center", "middle right", "middle left")
_RAYS = 24  # directions tried for a leader line, the one away from the picture's centre first


@dataclass(frozen=True)
class Label:
    """A node's name as placed on the picture: where it is written and its box in pixels.

    ``place`` is a Plotly textposition when the name sits beside its marker, or ``"leader"``
    when it stands further out, joined to the marker by a line (``box`` is then where it stands).
    """

    node: str
    place: str
    box: tuple[float, float, float, float]  # left, top, right, bottom (pixels, y downwards)

    @property
    def centre(self) -> tuple[float, float]:
        return (self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class _Grid:
    """Boxes in cells of a coarse grid, so a new box is checked against its neighbours only."""

    def __init__(self, cell: float):
        self.cell, self.cells = cell, {}

    def _keys(self, box):
        c = self.cell
        for i in range(int(box[0] // c), int(box[2] // c) + 1):
            for j in range(int(box[1] // c), int(box[3] // c) + 1):
                yield i, j

    def free(self, box, owner=None) -> bool:
        return not any(
            who != owner and _overlaps(box, other) for key in self._keys(box) for who, other in self.cells.get(key, ())
        )

    def add(self, box, owner=None) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append((owner, box))


def hubs(order: list[str], degree: dict[str, int], at_least: int = 5, at_most: int = 15) -> list[str]:
    """The best-linked nodes, which a picture always names: a tenth of the nodes (at least
    ``at_least``, at most ``at_most``), and any node linked as often as the last of them.

    >>> hubs(["a", "b", "c", "d"], {"a": 9, "b": 5, "c": 5, "d": 1}, at_least=2)
    ['a', 'b', 'c']
    """
    ranked = sorted(order, key=lambda node: -degree.get(node, 0))
    count = min(len(ranked), max(at_least, min(at_most, len(ranked) // 10)))
    if not count:
        return []
    floor = degree.get(ranked[count - 1], 0)
    return [node for node in ranked if degree.get(node, 0) >= floor and degree.get(node, 0) > 0][: at_most + 5]


def _inside(box, bounds) -> bool:
    return box[0] >= bounds[0] and box[1] >= bounds[1] and box[2] <= bounds[2] and box[3] <= bounds[3]


def place_labels(
    points: dict[str, tuple[float, float]],
    radii: dict[str, float],
    texts: dict[str, str],
    order: list[str],
    font_px: float,
    bounds: tuple[float, float, float, float],
    must: tuple[str, ...] | list[str] = (),
) -> list[Label]:
    """Names for the nodes in ``order`` (most important first) where they fit: under, over, right
    of or left of the node, never over another name or another node's marker, inside ``bounds``.

    The nodes in ``must`` are named first, and where no place beside the marker is free, further
    out along a ray from it (away from the picture's centre first) with a leader line. Any other
    node whose name fits nowhere gets none (the picture's footer says how many are named).

    >>> placed = place_labels({"a": (100, 100), "b": (104, 100)}, {"a": 5, "b": 5}, {"a": "Alfa", "b": "Beta"},
    ...                       ["a", "b"], 20, (0, 0, 400, 400))
    >>> [(label.node, label.place) for label in placed]
    [('a', 'bottom center'), ('b', 'top center')]
    """
    grid = _Grid(cell=font_px * 4)
    for node, (x, y) in points.items():
        r = radii[node]
        grid.add((x - r, y - r, x + r, y + r), owner=node)
    height, gap = font_px * 1.25, font_px * 0.2
    middle = ((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2)
    placed: list[Label] = []
    first = [node for node in must if node in points]
    rest = [node for node in order[:MAX_LABELLED] if node not in set(first)]
    for node in first + rest:
        x, y = points[node]
        r, width = radii[node], text_width(texts[node], font_px)
        beside = {
            "bottom center": (x - width / 2, y + r + gap, x + width / 2, y + r + gap + height),
            "top center": (x - width / 2, y - r - gap - height, x + width / 2, y - r - gap),
            "middle right": (x + r + gap, y - height / 2, x + r + gap + width, y + height / 2),
            "middle left": (x - r - gap - width, y - height / 2, x - r - gap, y + height / 2),
        }
        found = next(
            (Label(node, place, beside[place]) for place in _BESIDE
             if _inside(beside[place], bounds) and grid.free(beside[place], owner=node)),
            None,
        )  # fmt: skip
        if found is None and node in first:
            found = _leader(node, (x, y), r, width, height, font_px, middle, bounds, grid)
        if found is not None:
            grid.add(found.box, owner=("label", node))
            if found.place == "leader":  # the line's own room, so no later name is written across it
                _add_line(grid, (x, y), found.centre, font_px, node)
            placed.append(found)
    return placed


def _leader(node, point, radius, width, height, font_px, middle, bounds, grid) -> Label | None:
    """The nearest free place for a name further out from its marker, along rays from it."""
    x, y = point
    away = math.atan2(y - middle[1], x - middle[0]) if (x, y) != middle else -math.pi / 2
    turns = sorted(range(_RAYS), key=lambda i: min(i, _RAYS - i))  # away first, then either side in turn
    for step in range(2, 16):
        reach = radius + font_px * step
        for turn in turns:
            angle = away + 2 * math.pi * turn / _RAYS
            cx, cy = x + math.cos(angle) * (reach + width / 2 * abs(math.cos(angle))), y + math.sin(angle) * reach
            box = (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
            if _inside(box, bounds) and grid.free(box, owner=node):
                return Label(node, "leader", box)
    return None


def _add_line(grid: _Grid, start, end, font_px: float, node: str) -> None:
    """Small boxes along a leader line, for the names placed after it."""
    length = math.hypot(end[0] - start[0], end[1] - start[1])
    steps = max(1, int(length // (font_px * 0.8)))
    half = font_px * 0.15
    for i in range(1, steps):
        px = start[0] + (end[0] - start[0]) * i / steps
        py = start[1] + (end[1] - start[1]) * i / steps
        grid.add((px - half, py - half, px + half, py + half), owner=("line", node))
