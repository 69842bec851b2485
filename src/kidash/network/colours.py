"""How the network shows who is who: node colours and sizes, and the legend that explains them."""

from __future__ import annotations

import datetime as dt

import networkx as nx

from kidash import i18n, style
from kidash.map.changes import MARKS
from kidash.map.graph import initiative_of, main_initiatives, organisations_of, short_name
from kidash.map.metrics import communities, measure
from kidash.map.participation import taking_part

__all__ = ["node_colours", "node_sizes", "legend", "mark_words"]


def node_colours(graph: nx.Graph, full: nx.MultiDiGraph, colour_by: str, lang: str) -> dict[str, tuple[str, str]]:
    """Each node's fill colour and the legend text that explains it.

    ``initiative`` colours by the main initiative a node belongs to (its own
    for initiatives and their parts, where it holds roles for others); a node
    in several gets one dark grey, a node in none light grey. Colours come
    from the full map, so they stay the same under every filter.
    """
    result: dict[str, tuple[str, str]] = {}
    if colour_by == "community":
        # Louvain on what is shown (fixed seed), largest group first; the analysis page lists them.
        palette = style.OKABE_ITO[:7] + style.TOL_MUTED
        for number, members in enumerate(communities(graph), start=1):
            colour = palette[(number - 1) % len(palette)] if len(members) > 1 else style.NONE_COLOUR
            text = (
                i18n.t("analysis.community", lang, number=number, size=len(members))
                if len(members) > 1
                else i18n.t("legend.alone", lang)
            )
            for node in members:
                result[node] = (colour, text)
        return result
    if colour_by == "initiative":
        colours = style.initiative_colours(main_initiatives(full))
        for node, data in graph.nodes(data=True):
            if data["kind"] in ("initiative", "event", "document"):
                owner = initiative_of(full, node) if node in full else None
                found = {owner} if owner else set()
            else:
                found = taking_part(full).get(node, set()) if node in full else set()
            found &= set(colours)
            if len(found) == 1:
                (initiative,) = found
                result[node] = (
                    colours[initiative],
                    short_name(full.nodes[initiative], lang),
                )
            elif found:
                result[node] = (style.SEVERAL_COLOUR, i18n.t("legend.several", lang))
            else:
                result[node] = (style.NONE_COLOUR, i18n.t("legend.none", lang))
        return result
    for node, data in graph.nodes(data=True):
        if colour_by == "region":
            result[node] = (
                style.REGION_COLOURS.get(data["region"], style.NONE_COLOUR),
                i18n.label("region", data["region"], lang),
            )
        elif data["kind"] == "person" and node in full and organisations_of(full, node):
            organisation = full.nodes[organisations_of(full, node)[0]]
            result[node] = (
                style.TYPE_COLOURS.get(organisation["type"], style.NONE_COLOUR),
                i18n.label("type", organisation["type"], lang),
            )
        elif data.get("member_kind", data["kind"]) in ("initiative", "event", "document"):
            # One colour per kind: their shape and label already tell the finer type (a group: its members' kind).
            kind = data.get("member_kind", data["kind"])
            result[node] = (style.KIND_COLOURS[kind], i18n.label("kind", kind, lang))
        else:
            result[node] = (
                style.TYPE_COLOURS.get(data["type"], style.NONE_COLOUR),
                i18n.label("type", data["type"], lang),
            )
    return result


def node_sizes(graph: nx.Graph, full: nx.Graph, size_by: str) -> dict[str, float]:
    values = measure(graph, size_by, full if graph.is_directed() else None)
    top = max(values.values(), default=0) or 1
    return {node: 10 + 30 * (float(value) / top) ** 0.5 for node, value in values.items()}


def legend(graph: nx.Graph, colours: dict[str, tuple[str, str]], lang: str, colour_by: str = "type") -> dict[str, list]:
    """Only what is in use: colours (under what they stand for), shapes by kind, line styles by relation."""
    colour_entries = sorted({(text, colour) for colour, text in colours.values()})
    kinds = {data["kind"] for _, data in graph.nodes(data=True)}
    shapes = [(i18n.label("kind", kind, lang), style.KIND_SHAPES[kind]) for kind in style.KIND_SHAPES if kind in kinds]
    if "group" in kinds:
        shapes.append((i18n.t("kind.group", lang), style.GROUP_SHAPE))
    if graph.graph.get("grouped"):
        lines = [(i18n.t("legend.group_links", lang), "#6B6B6B", False)] if graph.number_of_edges() else []
    elif graph.is_directed():
        relations = {data["relation"] for *_, data in graph.edges(data=True)}
        lines = [
            (i18n.label("relation", r, lang), *style.RELATION_STYLES[r][:2])
            for r in style.RELATION_STYLES
            if r in relations
        ]
    else:
        lines = [(i18n.t("legend.shared_initiatives", lang), "#6B6B6B", False)] if graph.number_of_edges() else []
    # What changed since an earlier date (changes.mark_changes), when the drawing marks it.
    found = {d.get("mark") for _, d in graph.nodes(data=True)} | {d.get("mark") for *_, d in graph.edges(data=True)}
    marks = [(mark_words(graph, mark, lang), mark) for mark in MARKS if mark in found]
    return {
        "colours": colour_entries,
        "colour_title": i18n.t(f"legend.colour_by.{colour_by}", lang),
        "shapes": shapes,
        "lines": lines,
        "marks": marks,
    }


def mark_words(graph: nx.Graph, mark: str, lang: str, where: str = "legend") -> str:
    """What a mark means, with the date the drawing compares with: «Ny siden 16. mars 2022 (tykk kant)»
    in the legend (``where="legend"``), «Ny siden 16. mars 2022» in a card (``"tip"``)."""
    since = graph.graph.get("since", "")
    when = i18n.format_date(dt.date.fromisoformat(since), lang) if since else ""
    return i18n.t(f"{where}.mark.{mark}", lang, date=when)
