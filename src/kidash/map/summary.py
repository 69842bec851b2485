"""Counts and overview tables of a dataset, for the home page and reports."""

from __future__ import annotations

import pandas as pd

from kidash import i18n
from kidash.data.contract import split_list
from kidash.data.dataset import Dataset
from kidash.map.graph import full_name, in_every_map, initiative_scope, main_initiatives
from kidash.map.labelled import basis_words

__all__ = [
    "counts",
    "background_count",
    "view_counts",
    "document_table",
    "basis_table",
    "initiative_table",
    "documents_by_id",
    "shown_actors_table",
    "shown_relations_table",
    "search_rows",
    "files_table",
]


def counts(dataset: Dataset) -> dict[str, int]:
    """How many organisations, people, initiatives (with events), relations and dated events: the one
    rule for the map's size, every page that says it uses it.

    Initiatives count every actor of kind ``initiative`` or ``event``; relations are those the map
    holds: every relation of the sources and the background facts every map holds (how an actor
    ended, :func:`kidash.map.graph.in_every_map`), which :func:`background_count` says apart.
    """
    kinds = dataset.actors["kind"].astype(str)
    return {
        "organisations": int((kinds == "organisation").sum()),
        "people": int((kinds == "person").sum()),
        "initiatives": int(kinds.isin(["initiative", "event"]).sum()),
        "relations": len(dataset.relations) + len(in_every_map(dataset.background)),  # as the map holds them
        "events": len(dataset.events),
    }


def background_count(dataset: Dataset) -> int:
    """How many of the map's relations are background facts rather than relations of the sources."""
    return len(in_every_map(dataset.background))


def view_counts(dataset: Dataset, graph) -> dict[str, int]:
    """:func:`counts` of what a view shows: its actors by kind, its relations, and the dated
    events that involve at least one actor in it (or no actor at all, as the whole map counts them)."""
    kinds = [data["kind"] for _, data in graph.nodes(data=True)]
    in_view = set(graph.nodes)
    listed = (set(split_list(actors)) for actors in dataset.events["actors"])
    events = sum(1 for actors in listed if not actors or in_view & actors)
    return {
        "organisations": kinds.count("organisation"),
        "people": kinds.count("person"),
        "initiatives": kinds.count("initiative") + kinds.count("event"),
        "relations": graph.number_of_edges(),
        "events": events,
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


def initiative_table(full, lang: str = "nb", shown: set[str] | None = None) -> pd.DataFrame:
    """Each main initiative of the map ``full`` with its type, region and how many actors hold
    roles in it or its parts (only those in ``shown``, the nodes a filter leaves, when given)."""
    rows = []
    for initiative in main_initiatives(full):
        scope = initiative_scope(full, initiative)
        holders = {s for node in scope for s, _ in full.in_edges(node)} - scope
        if shown is not None:
            holders &= shown
        data = full.nodes[initiative]
        rows.append(
            {
                i18n.t("col.initiative", lang): full_name(data, lang),
                i18n.t("col.type", lang): i18n.label("type", data["type"], lang),
                i18n.t("col.region", lang): i18n.label("region", data["region"], lang),
                i18n.t("col.holders", lang): len(holders),
            }
        )
    return pd.DataFrame(rows)


def documents_by_id(dataset: Dataset, lang: str = "nb") -> dict[str, tuple[str, str]]:
    """``{document id: (title, formatted publication date)}`` for tooltips and tables."""
    return {
        str(row.id): (str(row.title), i18n.format_date(row.published, lang))
        for row in dataset.documents.itertuples(index=False)
    }


def shown_actors_table(graph, lang: str = "nb") -> pd.DataFrame:
    """The nodes of a view: name, kind, type, region and number of links, most linked first."""
    columns = [i18n.t(k, lang) for k in ("col.name", "col.kind", "col.type", "col.region", "col.links")]
    labels = _Labels(lang)
    rows = [
        (
            full_name(data, lang),
            labels("kind", data["kind"]),
            labels("type", data["type"]),
            labels("region", data["region"]),
            int(degree),
        )
        for (node, data), (_, degree) in zip(graph.nodes(data=True), graph.degree(), strict=True)
    ]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values([columns[4], columns[0]], ascending=[False, True]).reset_index(drop=True)


class _Labels:
    """Vocabulary labels in one language, each looked up once (a table of 20,000 rows repeats them)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.found: dict[tuple[str, object], str] = {}

    def __call__(self, vocabulary: str, value: object) -> str:
        key = (vocabulary, value)
        if key not in self.found:
            self.found[key] = i18n.label(vocabulary, value, self.lang)
        return self.found[key]


def shown_relations_table(graph, documents: dict[str, tuple[str, str]], lang: str = "nb", full=None) -> pd.DataFrame:
    """The links of a view in words: who, role, where, through whom, source and date, stated or inferred.

    For a collaboration view (undirected), each pair with its shared initiatives.
    ``full`` (the whole map) supplies names of people and initiatives not in the view.
    """
    full = full if full is not None else graph

    def name(node: str) -> str:
        return full_name(full.nodes[node], lang) if node in full else node

    if not graph.is_directed():
        columns = [i18n.t(k, lang) for k in ("col.holder", "col.partner", "col.shared", "col.initiative")]
        rows = [
            (
                full_name(graph.nodes[a], lang),
                full_name(graph.nodes[b], lang),
                int(data.get("weight", 1)),
                "; ".join(name(i) for i in data.get("initiatives", [])),
            )
            for a, b, data in graph.edges(data=True)
        ]
        return pd.DataFrame(rows, columns=columns)
    labels = _Labels(lang)
    nodes = graph.nodes
    rows = []
    for source, target, data in graph.edges(data=True):
        title, date = documents.get(data.get("document", ""), ("", ""))
        via = data.get("via")
        rows.append(
            (
                full_name(nodes[source], lang),
                labels("relation", data["relation"]),
                full_name(nodes[target], lang),
                name(via) if via else "",
                title,
                date,
                basis_words(data, lang),
            )
        )
    columns = [
        i18n.t(k, lang)
        for k in ("col.holder", "col.role", "col.target", "col.via", "col.source", "col.published", "col.basis")
    ]
    return pd.DataFrame(rows, columns=columns)


def search_rows(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """The rows with a cell containing ``query`` (case-insensitive, literal text; blank: every row).

    >>> search_rows(pd.DataFrame({"name": ["Helse Vest", "KIN"]}), "vest")["name"].tolist()
    ['Helse Vest']
    """
    query = (query or "").strip().lower()
    if not query:
        return frame.reset_index(drop=True)
    text = frame.astype(str).apply(lambda column: column.str.lower().str.contains(query, regex=False))
    return frame[text.any(axis=1)].reset_index(drop=True)


def files_table(dataset: Dataset, lang: str = "nb") -> pd.DataFrame:
    """Where each table came from: file or sheet, how many rows, and how it was read (encoding, separator)."""
    rows = [
        {
            i18n.t("data.table", lang): i18n.t(f"table.{table}", lang),
            i18n.t("col.file", lang): raw.file,
            i18n.t("col.rows", lang): len(raw.frame),
            i18n.t("col.read_as", lang): raw.read_as,
        }
        for table, raw in dataset.raw.items()
    ]
    return pd.DataFrame(rows)
