"""The data in view out to other tools: CSV, Excel, GEXF, GraphML, Kumu; never a formula."""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter

import networkx as nx
import pandas as pd

from kidash import i18n
from kidash.data.contract import split_list
from kidash.data.dataset import Dataset
from kidash.exports.xlsx import workbook_bytes
from kidash.safety import neutralise

__all__ = [
    "view_tables",
    "CSV_FLAVOURS",
    "csv_bytes",
    "csv_zip",
    "workbook_bytes",  # from kidash.exports.xlsx: the one workbook writer
    "gexf_bytes",
    "graphml_bytes",
    "kumu_bytes",
    "document_provenance",
]


def _text_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text as it was read (dates back to ISO), for export."""
    result = frame.copy()
    for column in result.columns:
        series = result[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            result[column] = series.dt.strftime("%Y-%m-%d").fillna("")
        elif pd.api.types.is_bool_dtype(series):
            result[column] = series.map({True: "true", False: "false"})
        else:
            result[column] = series.astype(object).where(series.notna(), "").astype(str)
    return result


def view_tables(dataset: Dataset, nodes: set[str] | None = None) -> dict[str, pd.DataFrame]:
    """The dataset's tables limited to the actors in view (None: everything), as text.

    Relations where both ends are in view, events with an actor in view, every source document,
    and the background facts between actors in view (a merger: without it a download of the whole
    map, uploaded again, would have lost that Direktoratet for e-helse went into Helsedirektoratet).
    """
    actors, relations, events = dataset.actors, dataset.relations, dataset.events
    background = dataset.background
    if nodes is not None:
        actors = actors[actors["id"].isin(nodes)]
        relations = relations[relations["source"].isin(nodes) & relations["target"].isin(nodes)]
        events = events[[bool(set(split_list(a)) & nodes) for a in events["actors"]]]
        if len(background.columns):
            background = background[background["source"].isin(nodes) & background["target"].isin(nodes)]
    tables = {
        "actors": _text_frame(actors),
        "relations": _text_frame(relations),
        "events": _text_frame(events),
        "documents": _text_frame(dataset.documents),
    }
    if len(background):
        tables["background"] = _text_frame(background)
    return tables


# How each CSV flavour is written: separator, quoting, encoding.
CSV_FLAVOURS: dict[str, dict] = {
    # Excel with Norwegian regional settings splits on «;» and reads UTF-8 only with a BOM.
    "excel": {"sep": ";", "quoting": csv.QUOTE_ALL, "encoding": "utf-8-sig"},
    # RFC 4180: comma, quotes only where needed, CRLF, plain UTF-8, for other tools.
    "rfc4180": {"sep": ",", "quoting": csv.QUOTE_MINIMAL, "encoding": "utf-8"},
}


def csv_bytes(frame: pd.DataFrame, flavour: str = "excel") -> bytes:
    """A table as CSV in ``flavour`` (see :data:`CSV_FLAVOURS`), every cell guarded against formulas.

    >>> csv_bytes(pd.DataFrame({"navn": ["Helse;=cmd"]}))
    b'\\xef\\xbb\\xbf"navn"\\r\\n"Helse;\\'=cmd"\\r\\n'
    """
    options = CSV_FLAVOURS[flavour]
    text = frame.map(neutralise).to_csv(
        index=False, sep=options["sep"], quoting=options["quoting"], lineterminator="\r\n"
    )
    return text.encode(options["encoding"])


def csv_zip(tables: dict[str, pd.DataFrame], flavour: str = "excel") -> bytes:
    """One ZIP with a CSV file per table, in ``flavour``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables.items():
            archive.writestr(f"{name}.csv", csv_bytes(frame, flavour))
    return buffer.getvalue()


def _plain(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all str, bool, int or float (what GEXF/GraphML can hold), each
    node labelled with its name (Gephi, yEd and Cytoscape show the label; the id stays the id)."""
    result = graph.copy()
    for _, data in result.nodes(data=True):
        data["label"] = data.get("name") or ""
        for key, value in list(data.items()):
            data[key] = "; ".join(value) if isinstance(value, list | tuple) else ("" if value is None else value)
    for *_, data in result.edges(data=True):
        for key, value in list(data.items()):
            data[key] = "; ".join(value) if isinstance(value, list | tuple) else ("" if value is None else value)
    return result


def gexf_bytes(graph: nx.Graph) -> bytes:
    """The graph with every attribute, for Gephi, with time as GEXF spells so Gephi's timeline
    plays the map: an actor from its start to its end, a relation from its start (without one, from
    its document's publication, the first evidence of it) to its end; what has no date has no spell."""
    plain = _plain(graph)
    for _, data in plain.nodes(data=True):
        _spell(data, data.pop("start", ""), data.pop("end", ""))
    for *_, data in plain.edges(data=True):
        start = data.pop("start", "")
        _spell(data, start or data.get("published", ""), data.pop("end", ""))
    buffer = io.BytesIO()
    nx.write_gexf(plain, buffer)
    return buffer.getvalue()


def _spell(data: dict, start: str, end: str) -> None:
    """``start``/``end`` set on an item only where known (networkx writes them as a GEXF spell)."""
    if start:
        data["start"] = start
    if end:
        data["end"] = end


def graphml_bytes(graph: nx.Graph) -> bytes:
    """The graph with every attribute, as GraphML (yEd, Cytoscape, igraph)."""
    buffer = io.BytesIO()
    nx.write_graphml(_plain(graph), buffer)
    return buffer.getvalue()


def document_provenance(dataset: Dataset) -> dict[str, tuple[str, str]]:
    """``{document id: (title, publication date as YYYY-MM-DD)}``: what a fact's source is called in files."""
    return {
        str(row.id): (str(row.title), row.published.date().isoformat() if pd.notna(row.published) else "")
        for row in dataset.documents.itertuples(index=False)
    }


def kumu_bytes(graph: nx.MultiDiGraph, lang: str = "nb", documents: dict[str, tuple[str, str]] | None = None) -> bytes:
    """A workbook Kumu imports: «Elements» (Label, Type, Description, Tags, Start date, End date)
    and «Connections» (From, To, Type, Description, Tags and the provenance and time as Kumu
    custom fields: Source, Source date, Inferred, Background knowledge, Start date, End date,
    Known from — the role's own start or else its document's date; the document id, «inferred»
    and the year known from also as tags, so a Kumu view, its filters and its tagged timeline
    can use them).

    ``documents`` maps a document id to its (title, date). Kumu joins connections to elements by
    label, so a name that occurs twice gets its id added in brackets.
    """
    documents = documents or {}
    names = Counter(data["name"] for _, data in graph.nodes(data=True))
    labels = {
        node: data["name"] if names[data["name"]] == 1 else f"{data['name']} ({node})"
        for node, data in graph.nodes(data=True)
    }
    elements = pd.DataFrame(
        [
            {
                "Label": labels[node],
                "Type": i18n.label("kind", data["kind"], lang),
                "Description": i18n.label("type", data["type"], lang)
                + (f", {data['role_title']}" if data.get("role_title") else ""),
                "Tags": "|".join(
                    t for t in (i18n.label("region", data["region"], lang), i18n.label("type", data["type"], lang)) if t
                ),
                "Start date": data.get("start") or "",
                "End date": data.get("end") or "",
            }
            for node, data in graph.nodes(data=True)
        ],
        columns=["Label", "Type", "Description", "Tags", "Start date", "End date"],
    )
    connections = pd.DataFrame(
        [
            {
                "From": labels[s],
                "To": labels[t],
                "Type": i18n.label("relation", d["relation"], lang),
                "Description": d.get("note") or "",
                "Source": (documents.get(d.get("document") or "") or ("", ""))[0],
                "Source date": (documents.get(d.get("document") or "") or ("", ""))[1],
                "Inferred": "yes" if d.get("inferred") else "no",
                "Background knowledge": "yes" if d.get("background") else "no",
                "Start date": d.get("start") or "",
                "End date": d.get("end") or "",
                "Known from": d.get("start") or d.get("published") or "",
                "Tags": "|".join(
                    t
                    for t in (
                        "inferred" if d.get("inferred") else "",
                        "background" if d.get("background") else "",
                        d.get("document") or "",
                        (d.get("start") or d.get("published") or "")[:4],
                    )
                    if t
                ),
            }
            for s, t, d in graph.edges(data=True)
        ],
        columns=[
            "From",
            "To",
            "Type",
            "Description",
            "Source",
            "Source date",
            "Inferred",
            "Background knowledge",
            "Start date",
            "End date",
            "Known from",
            "Tags",
        ],
    )
    return workbook_bytes({"Elements": elements, "Connections": connections})
