"""One visual language for every view: colour-blind-safe palettes, shapes, line styles."""

from __future__ import annotations

from kidash.data import schema

__all__ = [
    "OKABE_ITO",
    "REGION_COLOURS",
    "TYPE_COLOURS",
    "KIND_COLOURS",
    "KIND_SHAPES",
    "GROUP_SHAPE",
    "MARK_STYLE",
    "RELATION_STYLES",
    "SEVERAL_COLOUR",
    "NONE_COLOUR",
    "initiative_colours",
    "contrast_ratio",
]

# Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000")
# Paul Tol's «muted» scheme, also designed for colour-blind readers.
TOL_MUTED = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")
SEVERAL_COLOUR = "#4D4D4D"
NONE_COLOUR = "#BBBBBB"

REGION_COLOURS: dict[str, str] = {
    "Helse Nord": "#0072B2",
    "Helse Midt-Norge": "#009E73",
    "Helse Vest": "#E69F00",
    "Helse Sør-Øst": "#CC79A7",
    "Nasjonal": "#56B4E9",
    "Internasjonal": "#D55E00",
}

_TYPE_ORDER = [t for t in schema.TYPES_BY_KIND["organisation"]]
TYPE_COLOURS: dict[str, str] = {
    **{t: (OKABE_ITO[:7] + TOL_MUTED)[i % 16] for i, t in enumerate(_TYPE_ORDER)},
    "person": "#7F7F7F",
}
# Initiatives, events and documents are coloured by kind when colouring by type.
KIND_COLOURS: dict[str, str] = {"initiative": "#44546A", "event": "#6F5E8C", "document": "#8C6D46"}

# What changed since an earlier date, in the live network and the picture alike: new actors get a
# thick dark border and new roles a wider line; ended ones stay in their place, faint.
MARK_STYLE: dict[str, float] = {"ended_opacity": 0.3, "new_border": 4.0, "new_width": 2.5}

# vis-network shapes whose label sits outside, so the size shows the measure.
# A group of actors in a big map drawn at a coarser level.
GROUP_SHAPE = "star"

KIND_SHAPES: dict[str, str] = {
    "organisation": "dot",
    "person": "triangle",
    "initiative": "square",
    "event": "diamond",
    "document": "hexagon",
}

# colour, dash pattern (False = solid), width: colour is never the only cue.
RELATION_STYLES: dict[str, tuple[str, list[int] | bool, float]] = {
    "leads": ("#000000", False, 3.5),
    "member": ("#0072B2", False, 1.8),
    "observer": ("#E69F00", [10, 6], 2.2),
    "secretariat": ("#009E73", [2, 5], 2.8),
    "organiser": ("#CC79A7", False, 2.5),
    "moderator": ("#D55E00", [10, 4, 2, 4], 2.0),
    "speaker": ("#56B4E9", [6, 4], 2.0),
    "owner": ("#000000", [12, 4], 2.5),
    "involved": ("#7F7F7F", False, 1.2),
    "part_of": ("#555555", [2, 3], 1.5),
    "affiliated_with": ("#A6A6A6", [1, 3], 1.2),
    "heads": ("#44546A", [8, 3, 2, 3], 2.2),
    "contact": ("#882255", [4, 4], 1.2),
    "publishes": ("#8C6D46", False, 1.5),
    "merged_into": ("#332288", [14, 4, 2, 4], 2.5),
    "renamed_as": ("#332288", [3, 3], 2.5),
}


def initiative_colours(initiatives: list[str]) -> dict[str, str]:
    """A stable colour per initiative, in the order given (data order of the full map)."""
    palette = OKABE_ITO[:7] + TOL_MUTED
    return {initiative: palette[i % len(palette)] for i, initiative in enumerate(initiatives)}


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str = "#FFFFFF") -> float:
    """WCAG 2.1 contrast ratio of two ``#RRGGBB`` colours.

    >>> round(contrast_ratio("#000000", "#FFFFFF"), 1)
    21.0
    """
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
