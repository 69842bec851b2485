"""The data in view out to other tools: CSV, Excel, GEXF, GraphML, Kumu; never a formula."""

from __future__ import annotations

import io
import zipfile

import networkx as nx
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kidash import i18n
from kidash.data import Dataset, split_list

__all__ = [
    "FORMULA_STARTS",
    "neutralise",
    "restore",
    "view_tables",
    "csv_bytes",
    "csv_zip",
    "workbook_bytes",
    "gexf_bytes",
    "graphml_bytes",
    "kumu_bytes",
]

# OWASP CSV injection: a cell starting with one of these may run as a formula in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_guard(text: str) -> bool:
    # A formula start, or a guard apostrophe already in front of one (so restore() can undo exactly).
    return text.startswith(FORMULA_STARTS) or (text.startswith("'") and _needs_guard(text[1:]))


def neutralise(value: object) -> object:
    """Text that no spreadsheet will run: a leading ``'`` before a formula start; other values unchanged.

    Reversible: :func:`restore` gives back exactly the value written, so a
    table downloaded and uploaded again is identical.

    >>> neutralise('=HYPERLINK("http://example.invalid","x")')
    '\\'=HYPERLINK("http://example.invalid","x")'
    >>> neutralise("Helse Vest"), neutralise(3)
    ('Helse Vest', 3)
    """
    if isinstance(value, str) and _needs_guard(value):
        return "'" + value
    return value


def restore(text: str) -> str:
    """Undo :func:`neutralise` on a cell read back from a file.

    >>> restore("'=SUM(A1)"), restore("'tis"), restore("Helse Vest")
    ('=SUM(A1)', "'tis", 'Helse Vest')
    """
    if text.startswith("'") and _needs_guard(text[1:]):
        return text[1:]
    return text


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

    Relations where both ends are in view, events with an actor in view, and
    every source document.
    """
    actors, relations, events = dataset.actors, dataset.relations, dataset.events
    if nodes is not None:
        actors = actors[actors["id"].isin(nodes)]
        relations = relations[relations["source"].isin(nodes) & relations["target"].isin(nodes)]
        events = events[[bool(set(split_list(a)) & nodes) for a in events["actors"]]]
    return {
        "actors": _text_frame(actors),
        "relations": _text_frame(relations),
        "events": _text_frame(events),
        "documents": _text_frame(dataset.documents),
    }


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (so Excel on Windows reads æøå), formulas neutralised."""
    return frame.map(neutralise).to_csv(index=False).encode("utf-8-sig")


def csv_zip(tables: dict[str, pd.DataFrame]) -> bytes:
    """One ZIP with a CSV file per table."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables.items():
            archive.writestr(f"{name}.csv", csv_bytes(frame))
    return buffer.getvalue()


def _write_sheet(sheet, frame: pd.DataFrame) -> None:
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append([neutralise(v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEF2F6")
    for index, column in enumerate(frame.columns, start=1):
        longest = max([len(str(column))] + [len(str(v)) for v in frame[column]])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(8, longest + 2))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula, even if it looks like one
                cell.alignment = Alignment(wrap_text=len(cell.value) > 60, vertical="top")
    sheet.freeze_panes = "A2"


def workbook_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """One Excel workbook, a sheet per table, bold frozen header, column widths set."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in tables.items():
        _write_sheet(book.create_sheet(title=name[:31]), frame)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _plain(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all str, bool, int or float (what GEXF/GraphML can hold)."""
    result = graph.copy()
    for _, data in result.nodes(data=True):
        for key, value in list(data.items()):
            data[key] = "; ".join(value) if isinstance(value, list | tuple) else ("" if value is None else value)
    for *_, data in result.edges(data=True):
        for key, value in list(data.items()):
            data[key] = "; ".join(value) if isinstance(value, list | tuple) else ("" if value is None else value)
    return result


def gexf_bytes(graph: nx.Graph) -> bytes:
    """The graph with every attribute, for Gephi."""
    buffer = io.BytesIO()
    nx.write_gexf(_plain(graph), buffer)
    return buffer.getvalue()


def graphml_bytes(graph: nx.Graph) -> bytes:
    """The graph with every attribute, as GraphML (yEd, Cytoscape, igraph)."""
    buffer = io.BytesIO()
    nx.write_graphml(_plain(graph), buffer)
    return buffer.getvalue()


def kumu_bytes(graph: nx.MultiDiGraph, lang: str = "nb") -> bytes:
    """A workbook Kumu imports: «Elements» (Label, Type, Description, Tags) and «Connections» (From, To, Type).

    Kumu joins connections to elements by label, so a name that occurs twice
    gets its id added in brackets.
    """
    names = [data["name"] for _, data in graph.nodes(data=True)]
    labels = {
        node: data["name"] if names.count(data["name"]) == 1 else f"{data['name']} ({node})"
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
            }
            for node, data in graph.nodes(data=True)
        ],
        columns=["Label", "Type", "Description", "Tags"],
    )
    connections = pd.DataFrame(
        [
            {"From": labels[s], "To": labels[t], "Type": i18n.label("relation", d["relation"], lang)}
            for s, t, d in graph.edges(data=True)
        ],
        columns=["From", "To", "Type"],
    )
    return workbook_bytes({"Elements": elements, "Connections": connections})
