"""How complete and well-sourced a dataset is: the data page's quality summary (shipped or uploaded)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kidash import i18n, schema
from kidash.contract import split_list
from kidash.data import Dataset

__all__ = ["Quality", "quality", "count_table", "LEADING"]

# Relations that make someone responsible for an initiative (a measure in an action plan has an owner).
LEADING = ("leads", "owner")


@dataclass(frozen=True)
class Quality:
    """The findings, each a table ready to show (headings in the chosen language)."""

    kinds: pd.DataFrame
    types: pd.DataFrame
    regions: pd.DataFrame
    per_document: pd.DataFrame
    inferred: pd.DataFrame
    unconnected: pd.DataFrame
    leaderless: pd.DataFrame


def count_table(values: pd.Series, vocabulary: str, order: tuple[str, ...], lang: str, heading: str) -> pd.DataFrame:
    """How many of each value, in vocabulary order, zeros included (a missing region is a finding)."""
    counts = values.astype(str).value_counts()
    return pd.DataFrame(
        {
            heading: [i18n.label(vocabulary, value, lang) for value in order],
            i18n.t("col.count", lang): [int(counts.get(value, 0)) for value in order],
        }
    )


def _types(actors: pd.DataFrame, lang: str) -> pd.DataFrame:
    rows = []
    for kind, types in schema.TYPES_BY_KIND.items():
        of_kind = actors[actors["kind"].astype(str) == kind]["type"].astype(str).value_counts()
        for type_ in types:
            if of_kind.get(type_, 0):
                rows.append(
                    {
                        i18n.t("col.kind", lang): i18n.label("kind", kind, lang),
                        i18n.t("col.type", lang): i18n.label("type", type_, lang),
                        i18n.t("col.count", lang): int(of_kind[type_]),
                    }
                )
    columns = [i18n.t("col.kind", lang), i18n.t("col.type", lang), i18n.t("col.count", lang)]
    return pd.DataFrame(rows, columns=columns)


def _per_document(dataset: Dataset, lang: str) -> pd.DataFrame:
    relations, events = dataset.relations, dataset.events
    rows = []
    for _, document in dataset.documents.iterrows():
        cited = relations[relations["document"] == document["id"]]
        rows.append(
            {
                i18n.t("col.document", lang): str(document["title"]),
                i18n.t("col.relations", lang): len(cited),
                i18n.t("col.inferred", lang): int(cited["inferred"].sum()),
                i18n.t("col.events", lang): int((events["document"] == document["id"]).sum()),
                i18n.t("col.actors_mentioned", lang): int(
                    sum(document["id"] in split_list(v) for v in dataset.actors.get("documents", pd.Series(dtype=str)))
                ),
            }
        )
    columns = [
        i18n.t(k, lang) for k in ("col.document", "col.relations", "col.inferred", "col.events", "col.actors_mentioned")
    ]
    return pd.DataFrame(rows, columns=columns)


def _inferred(dataset: Dataset, lang: str) -> pd.DataFrame:
    rows = [
        (i18n.t("row.actors", lang), dataset.actors),
        (i18n.t("row.relations", lang), dataset.relations),
        (i18n.t("row.events", lang), dataset.events),
    ]
    return pd.DataFrame(
        {
            i18n.t("col.what", lang): [name for name, _ in rows],
            i18n.t("col.total", lang): [len(frame) for _, frame in rows],
            i18n.t("col.inferred", lang): [int(frame["inferred"].sum()) for _, frame in rows],
        }
    )


def _actor_list(actors: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            i18n.t("col.id", lang): actors["id"].astype(str).tolist(),
            i18n.t("col.name", lang): actors["name"].astype(str).tolist(),
            i18n.t("col.kind", lang): [i18n.label("kind", k, lang) for k in actors["kind"]],
            i18n.t("col.type", lang): [i18n.label("type", t, lang) for t in actors["type"]],
        }
    )


def quality(dataset: Dataset, lang: str = "nb") -> Quality:
    """Counts per kind, type and region; relations per document; what is inferred; the gaps.

    «Unconnected» actors appear in no relation (either end); «leaderless»
    initiatives have nobody who ``leads`` or ``owner``s them.
    """
    actors, relations = dataset.actors, dataset.relations
    connected = set(relations["source"]) | set(relations["target"])
    led = set(relations.loc[relations["relation"].astype(str).isin(LEADING), "target"])
    initiatives = actors[actors["kind"].astype(str) == "initiative"]
    return Quality(
        kinds=count_table(actors["kind"], "kind", schema.KINDS, lang, i18n.t("col.kind", lang)),
        types=_types(actors, lang),
        regions=count_table(actors["region"], "region", schema.REGIONS, lang, i18n.t("col.region", lang)),
        per_document=_per_document(dataset, lang),
        inferred=_inferred(dataset, lang),
        unconnected=_actor_list(actors[~actors["id"].isin(connected)], lang),
        leaderless=_actor_list(initiatives[~initiatives["id"].isin(led)], lang),
    )
