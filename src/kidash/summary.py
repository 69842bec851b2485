"""Counts and overview tables of a dataset, for the home page and reports."""

from __future__ import annotations

import pandas as pd

from kidash import i18n
from kidash.data import Dataset
from kidash.graph import build_graph, initiative_scope, main_initiatives

__all__ = ["counts", "document_table", "basis_table", "initiative_table"]


def counts(dataset: Dataset) -> dict[str, int]:
    """How many organisations, people, initiatives (with events), relations and dated events.

    Initiatives count every actor of kind ``initiative`` or ``event``.
    """
    kinds = dataset.actors["kind"].astype(str)
    return {
        "organisations": int((kinds == "organisation").sum()),
        "people": int((kinds == "person").sum()),
        "initiatives": int(kinds.isin(["initiative", "event"]).sum()),
        "relations": len(dataset.relations),
        "events": len(dataset.events),
    }


def document_table(dataset: Dataset, lang: str = "nb") -> pd.DataFrame:
    """The source documents with publisher, date and language, oldest first."""
    documents = dataset.documents.sort_values("published")
    return pd.DataFrame(
        {
            i18n.t("col.title", lang): documents["title"].astype(str),
            i18n.t("col.publisher", lang): documents["publisher"].astype(str),
            i18n.t("col.published", lang): [i18n.format_date(d, lang) for d in documents["published"]],
            i18n.t("col.language", lang): [
                i18n.t(f"lang.{code}", lang) if f"lang.{code}" in i18n.STRINGS else code
                for code in documents["language"]
            ],
        }
    ).reset_index(drop=True)


def basis_table(dataset: Dataset, lang: str = "nb") -> dict[str, list]:
    """How many relations and events are stated or inferred, and how many background facts."""
    relations_inferred = int(dataset.relations["inferred"].sum())
    events_inferred = int(dataset.events["inferred"].sum())
    return {
        i18n.t("col.what", lang): [i18n.t("row.relations", lang), i18n.t("row.events", lang)],
        i18n.t("col.stated", lang): [
            len(dataset.relations) - relations_inferred,
            len(dataset.events) - events_inferred,
        ],
        i18n.t("col.inferred", lang): [relations_inferred, events_inferred],
        i18n.t("col.background", lang): [len(dataset.background), 0],
    }


def initiative_table(dataset: Dataset, lang: str = "nb") -> pd.DataFrame:
    """Each main initiative with its type, region and how many actors hold roles in it or its parts."""
    graph = build_graph(dataset)
    rows = []
    for initiative in main_initiatives(graph):
        scope = initiative_scope(graph, initiative)
        holders = {s for node in scope for s, _ in graph.in_edges(node)} - scope
        data = graph.nodes[initiative]
        rows.append(
            {
                i18n.t("col.initiative", lang): data["name"],
                i18n.t("col.type", lang): i18n.label("type", data["type"], lang),
                i18n.t("col.region", lang): i18n.label("region", data["region"], lang),
                i18n.t("row.actors", lang): len(holders),
            }
        )
    return pd.DataFrame(rows)
