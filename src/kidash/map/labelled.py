"""Analysis results as people read them: names instead of ids, headings, roles and dates in the page's language.

The logic modules (:mod:`kidash.map.analysis`, :mod:`kidash.map.metrics`) return
tables with stable column ids; the words are put on here, where a page, a
chart's table or a deck renders them.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from kidash import i18n
from kidash.map.analysis import regions_missing, top_bridge
from kidash.map.graph import full_name, short_name

__all__ = [
    "basis_of",
    "basis_words",
    "roster",
    "roster_summary",
    "matrix",
    "bridges",
    "missing_regions",
    "bridge_takeaway",
    "centrality",
    "brokers",
]


def basis_of(data: dict) -> str:
    """How a relation is known: ``background`` (no source states it), ``inferred`` or ``stated``."""
    return "background" if data.get("background") else "inferred" if data.get("inferred") else "stated"


def basis_words(data: dict, lang: str) -> str:
    """How a relation is known, in words, with what does not add up where a source names an actor
    after it ended (a merger): the one wording every table of relations uses.

    >>> basis_words({"inferred": False, "discrepancy": "slått sammen 2024"}, "nb")
    'oppgitt – avvik: slått sammen 2024'
    """
    words = i18n.label("basis", basis_of(data), lang)
    if data.get("discrepancy"):
        words += f" – {i18n.t('tip.discrepancy', lang).lower()}: {data['discrepancy']}"
    return words


def roster(
    table: pd.DataFrame, full: nx.MultiDiGraph, documents: dict[str, tuple[str, str]], lang: str
) -> pd.DataFrame:
    """An initiative's roster (:func:`kidash.map.analysis.initiative_roles`) with names, roles, sources in words."""
    name = lambda node: full_name(full.nodes[node], lang)  # noqa: E731 - a one-line lookup
    source = [documents.get(d, ("", "")) for d in table["document"]]
    return pd.DataFrame(
        {
            i18n.t("col.holder", lang): [name(n) for n in table["holder"]],
            i18n.t("col.role", lang): [i18n.label("relation", r, lang) for r in table["relation"]],
            i18n.t("col.target", lang): [name(n) for n in table["target"]],
            i18n.t("col.organisation", lang): ["; ".join(name(o) for o in os) for os in table["organisations"]],
            i18n.t("col.source", lang): [title for title, _ in source],
            i18n.t("col.published", lang): [date for _, date in source],
            i18n.t("col.basis", lang): [
                basis_words({"inferred": i, "discrepancy": d}, lang)
                for i, d in zip(table["inferred"], table["discrepancy"], strict=True)
            ],
        }
    )


def roster_summary(table: pd.DataFrame, full: nx.MultiDiGraph, lang: str) -> list[tuple[str, str]]:
    """``(role, names)`` per role in a roster, strongest role first."""
    result = []
    for relation in dict.fromkeys(table["relation"]):
        holders = dict.fromkeys(
            full_name(full.nodes[h], lang) for h in table.loc[table["relation"] == relation, "holder"]
        )
        result.append((i18n.label("relation", relation, lang), ", ".join(holders)))
    return result


def matrix(role_matrix: pd.DataFrame, full: nx.MultiDiGraph, lang: str) -> pd.DataFrame:
    """The role matrix as a table people read: names instead of ids, roles in words."""
    table = role_matrix.map(lambda cell: i18n.label("relation", cell, lang) if cell else "")
    table.index = [full_name(full.nodes[o], lang) for o in role_matrix.index]
    table.columns = [short_name(full.nodes[i], lang) for i in role_matrix.columns]
    return table.reset_index(names=i18n.t("col.organisation", lang))


def bridges(bridges_table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Bridges as a table people read."""
    return pd.DataFrame(
        {
            i18n.t("col.organisation", lang): bridges_table["name"],
            i18n.t("fig.initiatives_count", lang): bridges_table["count"],
            i18n.t("col.initiative", lang): ["; ".join(i) for i in bridges_table["initiatives"]],
        }
    )


def missing_regions(table: pd.DataFrame, names: dict[str, str], lang: str) -> list[str]:
    """For each initiative of a breakdown by region, the health regions with no organisation in it, as sentences."""
    return [
        i18n.t(
            "initiatives.missing",
            lang,
            name=names.get(initiative, initiative),
            regions=", ".join(i18n.label("region", r, lang) for r in regions),
        )
        for initiative, regions in regions_missing(table).items()
    ]


def bridge_takeaway(graph: nx.MultiDiGraph, full: nx.MultiDiGraph | None = None, lang: str = "nb") -> str:
    """One line for a slide: the organisation in the most main initiatives, «X holds roles in 4 of 5 initiatives»."""
    full = full if full is not None else graph
    found = top_bridge(graph, full)
    if found is None:
        return ""
    best, count, total = found
    return i18n.t("initiatives.takeaway.bridge", lang, name=full_name(full.nodes[best], lang), count=count, total=total)


def _who(table: pd.DataFrame, graph: nx.Graph, lang: str) -> dict[str, list[str]]:
    return {
        i18n.t("col.name", lang): [full_name(graph.nodes[n], lang) for n in table.index],
        i18n.t("col.kind", lang): [i18n.label("kind", graph.nodes[n]["kind"], lang) for n in table.index],
    }


def centrality(table: pd.DataFrame, graph: nx.Graph, lang: str) -> pd.DataFrame:
    """The centrality table with names, kinds and translated column names, highest betweenness first."""
    order = table["betweenness"].sort_values(ascending=False, kind="stable").index
    table = table.loc[order]
    measures = ["degree", "betweenness", "closeness", "eigenvector"]
    return pd.DataFrame(
        {
            **_who(table, graph, lang),
            **{i18n.t(f"centrality.{m}", lang): table[m].round(3).to_numpy() for m in measures},
        }
    )


def brokers(table: pd.DataFrame, graph: nx.Graph, lang: str) -> pd.DataFrame:
    """Brokers with names and kinds."""
    return pd.DataFrame(
        {**_who(table, graph, lang), i18n.t("col.extra_pieces", lang): table["extra_pieces"].to_numpy()}
    )
