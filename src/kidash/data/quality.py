"""How complete and well-sourced a dataset is: the data page's quality summary (shipped or uploaded).

Every table has stable column ids and vocabulary values (``kind``,
``count`` …); :func:`labelled` puts headings and values in the page's language.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import pandas as pd

from kidash import i18n
from kidash.data import schema
from kidash.data.contract import split_list
from kidash.data.dataset import Dataset

__all__ = ["Quality", "quality", "labelled", "LEADING"]

# Relations that make someone responsible for an initiative (a measure in an action plan has an owner).
LEADING = ("leads", "owner")
# Columns whose values are vocabulary ids (shown as labels) and the «what» column's row keys.
_VOCABULARY_COLUMNS = ("kind", "type", "region")


@dataclass(frozen=True)
class Quality:
    """The findings, each a table with column ids; ``missing_regions`` are the regions with no actor."""

    kinds: pd.DataFrame
    types: pd.DataFrame
    regions: pd.DataFrame
    per_document: pd.DataFrame
    inferred: pd.DataFrame
    unconnected: pd.DataFrame
    leaderless: pd.DataFrame
    missing_regions: tuple[str, ...] = ()


def _counts(values: pd.Series, column: str, order: tuple[str, ...]) -> pd.DataFrame:
    """How many of each value, in vocabulary order, zeros included (a missing region is a finding)."""
    counts = values.astype(str).value_counts()
    return pd.DataFrame({column: list(order), "count": [int(counts.get(value, 0)) for value in order]})


def _types(actors: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for kind, types in schema.TYPES_BY_KIND.items():
        of_kind = actors[actors["kind"].astype(str) == kind]["type"].astype(str).value_counts()
        rows += [{"kind": kind, "type": t, "count": int(of_kind[t])} for t in types if of_kind.get(t, 0)]
    return pd.DataFrame(rows, columns=["kind", "type", "count"])


def _per_document(dataset: Dataset) -> pd.DataFrame:
    relations, events = dataset.relations, dataset.events
    mentions = [split_list(v) for v in dataset.actors.get("documents", pd.Series(dtype=str))]
    rows = []
    for _, document in dataset.documents.iterrows():
        cited = relations[relations["document"] == document["id"]]
        rows.append(
            {
                "document": str(document["title"]),
                "relations": len(cited),
                "inferred": int(cited["inferred"].sum()),
                "events": int((events["document"] == document["id"]).sum()),
                "actors_mentioned": sum(document["id"] in found for found in mentions),
            }
        )
    return pd.DataFrame(rows, columns=["document", "relations", "inferred", "events", "actors_mentioned"])


def _inferred(dataset: Dataset) -> pd.DataFrame:
    rows = [("actors", dataset.actors), ("relations", dataset.relations), ("events", dataset.events)]
    return pd.DataFrame(
        {
            "what": [name for name, _ in rows],
            "total": [len(frame) for _, frame in rows],
            "inferred": [int(frame["inferred"].sum()) for _, frame in rows],
        }
    )


def _actor_list(actors: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({c: actors[c].astype(str).tolist() for c in ("id", "name", "kind", "type")})


def quality(dataset: Dataset) -> Quality:
    """Counts per kind, type and region; relations per document; what is inferred; the gaps.

    «Unconnected» actors appear in no relation (either end); «leaderless»
    initiatives have nobody who ``leads`` or ``owner``s them.
    """
    actors, relations = dataset.actors, dataset.relations
    connected = set(relations["source"]) | set(relations["target"])
    led = set(relations.loc[relations["relation"].astype(str).isin(LEADING), "target"])
    initiatives = actors[actors["kind"].astype(str) == "initiative"]
    regions = _counts(actors["region"], "region", schema.REGIONS)
    return Quality(
        kinds=_counts(actors["kind"], "kind", schema.KINDS),
        types=_types(actors),
        regions=regions,
        per_document=_per_document(dataset),
        inferred=_inferred(dataset),
        unconnected=_actor_list(actors[~actors["id"].isin(connected)]),
        leaderless=_actor_list(initiatives[~initiatives["id"].isin(led)]),
        missing_regions=tuple(regions.loc[regions["count"] == 0, "region"]),
    )


def _labelled_table(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    table = table.copy()
    for column in _VOCABULARY_COLUMNS:
        if column in table:
            table[column] = [i18n.label(column, value, lang) for value in table[column]]
    if "what" in table:
        table["what"] = [i18n.t(f"row.{value}", lang) for value in table["what"]]
    return table.rename(columns={c: i18n.t(f"col.{c}", lang) for c in table.columns})


def labelled(found: Quality, lang: str) -> Quality:
    """The same findings with headings, vocabulary values and region names in ``lang``."""
    tables = {
        f.name: _labelled_table(getattr(found, f.name), lang) for f in fields(found) if f.name != "missing_regions"
    }
    regions = tuple(i18n.label("region", r, lang) for r in found.missing_regions)
    return replace(found, **tables, missing_regions=regions)
