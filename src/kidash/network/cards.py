"""The cards the live network shows for a node or a link: who, what role, and the source of each.

A card is a list of ``[tag, text, source number]`` lines that the module
turns into DOM nodes with ``textContent`` (never HTML); each document label is
sent once per drawing and referred to by number.
"""

from __future__ import annotations

from kidash import i18n
from kidash.map.graph import full_name

__all__ = ["Sources", "document_label", "node_card", "edge_card"]


def document_label(documents: dict[str, tuple[str, str]], document: str) -> str:
    title, date = documents.get(document, (document, ""))
    return f"{title} ({date})" if date else title


class Sources:
    """The documents a drawing cites, each label sent once and referred to by number."""

    def __init__(self, documents: dict[str, tuple[str, str]]) -> None:
        self.documents = documents
        self.labels: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, document: str | None) -> int | None:
        if not document:
            return None
        if document not in self._index:
            self._index[document] = len(self.labels)
            self.labels.append(document_label(self.documents, document))
        return self._index[document]


def _role_line(full, edge: dict, other: str, lang: str, sources: Sources) -> list:
    via = f" ({i18n.t('tip.via', lang)} {full_name(full.nodes[edge['via']], lang)})" if edge.get("via") in full else ""
    text = f"{i18n.label('relation', edge['relation'], lang)} – {full_name(full.nodes[other], lang)}{via}"
    if edge.get("background"):
        text += f" ({i18n.t('tip.background_short', lang)})"
    if edge.get("discrepancy"):
        text += f" – {i18n.in_norwegian('tip.discrepancy', lang)}: {edge['discrepancy']}"
    return ["li", text, sources(edge.get("document"))]


def node_card(graph, full, node, sources: Sources, lang) -> list[list]:
    """The actor's card: who it is and every role it holds and others hold in it, each with its source.

    Roles come from the whole map, so the card tells the same truth under every filter.
    """
    data = graph.nodes[node]
    if data["kind"] == "group":
        return [
            ["h", full_name(data, lang)],
            ["p", i18n.t("tip.group_members", lang, count=data["members"])],
            ["p", i18n.t("tip.group_open", lang)],
        ]
    # In English the English name heads the card and the source's own (Norwegian) name follows.
    lines: list[list] = [["h", full_name(data, lang)]]
    if full_name(data, lang) != data["name"]:
        lines.append(["i", f"{i18n.t('profile.name_nb', lang)}: {data['name']}"])
    lines.append(["p", f"{i18n.t('col.type', lang)}: {i18n.label('type', data['type'], lang)}"])
    lines.append(["p", f"{i18n.t('col.region', lang)}: {i18n.label('region', data['region'], lang)}"])
    if data.get("role_title"):
        lines.append(["p", f"{i18n.in_norwegian('tip.role_title', lang)}: {data['role_title']}"])
    source_graph = full if node in full else graph
    if source_graph.is_directed():
        held = sorted(
            (
                _role_line(full, edge, target, lang, sources)
                for _, target, edge in source_graph.out_edges(node, data=True)
            ),
            key=lambda line: line[1],
        )
        received = sorted(
            (
                _role_line(full, edge, holder, lang, sources)
                for holder, _, edge in source_graph.in_edges(node, data=True)
            ),
            key=lambda line: line[1],
        )
        if held:
            lines.append(["b", i18n.t("tip.held", lang)])
            lines.extend(held)
        if received:
            lines.append(["b", i18n.t("tip.received", lang)])
            lines.extend(received)
    return lines


def edge_card(graph, full, source, target, edge, sources: Sources, lang) -> list[list]:
    if graph.graph.get("grouped"):
        return [
            ["h", f"{full_name(graph.nodes[source], lang)} – {full_name(graph.nodes[target], lang)}"],
            ["p", i18n.t("tip.group_links", lang, count=edge.get("weight", 1))],
        ]
    if not graph.is_directed():
        names = [full_name(full.nodes[i], lang) for i in edge.get("initiatives", []) if i in full]
        return [
            ["h", f"{full_name(graph.nodes[source], lang)} – {full_name(graph.nodes[target], lang)}"],
            ["b", i18n.t("tip.shared", lang, count=len(names))],
        ] + [["li", name] for name in names]
    lines: list[list] = [
        [
            "h",
            f"{full_name(graph.nodes[source], lang)} {i18n.label('relation', edge['relation'], lang)} "
            f"{full_name(graph.nodes[target], lang)}",
        ]
    ]
    if edge.get("via") in full:
        lines.append(["p", f"{i18n.t('tip.via', lang)} {full_name(full.nodes[edge['via']], lang)}"])
    if edge.get("document"):
        lines.append(["p", f"{i18n.t('col.source', lang)}: {document_label(sources.documents, edge['document'])}"])
    if edge.get("background"):
        lines.append(["p", i18n.t("tip.background", lang)])
    elif edge.get("inferred"):
        lines.append(["p", f"{i18n.in_norwegian('tip.inferred', lang)}: {edge.get('note', '')}"])
    if edge.get("discrepancy"):
        lines.append(["p", f"{i18n.in_norwegian('tip.discrepancy', lang)}: {edge['discrepancy']}"])
    return lines
