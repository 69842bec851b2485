"""Test data and helpers that test modules share: a small hand-made dataset whose answers are
computed by hand, and the files (CSV, workbooks) people send."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

# Who does what (all stated in document d1 unless noted):
#   dir (Nasjonal directorate) leads  ini (main initiative)
#   sub (subproject) part_of ini
#   per (person) member sub; per affiliated_with tru (Helse Vest trust)
#   tru member oth (second main initiative)
#   dir observer oth
#   rep (report) part_of sub; dir publishes rep (d2, inferred)
TINY = {
    "actors": [
        ["id", "name", "short_name", "aliases", "kind", "type", "region", "main_initiative"],
        ["dir", "Direktoratet", "Dir", "", "organisation", "directorate", "Nasjonal", "false"],
        ["tru", "Helseforetaket", "HF", "HF Vest", "organisation", "health_trust", "Helse Vest", "false"],
        ["per", "Per Person", "Per", "", "person", "person", "Helse Vest", "false"],
        ["ini", "Initiativet", "Ini", "", "initiative", "project", "Nasjonal", "true"],
        ["sub", "Delprosjektet", "Sub", "", "initiative", "subproject", "Nasjonal", "false"],
        ["oth", "Nettverket", "Oth", "", "initiative", "network", "Nasjonal", "true"],
        ["rep", "Rapporten", "Rep", "", "document", "report", "Nasjonal", "false"],
    ],
    "relations": [
        ["source", "target", "relation", "document", "inferred"],
        ["dir", "ini", "leads", "d1", "false"],
        ["sub", "ini", "part_of", "d1", "false"],
        ["per", "sub", "member", "d1", "false"],
        ["per", "tru", "affiliated_with", "d1", "false"],
        ["tru", "oth", "member", "d1", "false"],
        ["dir", "oth", "observer", "d1", "false"],
        ["rep", "sub", "part_of", "d1", "false"],
        ["dir", "rep", "publishes", "d2", "true"],
    ],
    "events": [
        ["id", "title", "start", "end", "actors", "document", "inferred"],
        ["e1", "Oppstart", "2021-06-15", "", "ini;dir", "d1", "true"],
        ["e2", "Periode", "2020-01-01", "2023-12-31", "oth", "d2", "false"],
    ],
    "documents": [
        ["id", "title", "publisher", "published", "language"],
        ["d1", "Kilde en", "Direktoratet", "2021-06-10", "nb"],
        ["d2", "Kilde to", "Helseforetaket", "2024-03-21", "nn"],
    ],
}


def frames_from_rows(rows: dict[str, list[list[str]]]) -> dict[str, pd.DataFrame]:
    """Tables of strings, as the reader produces them."""
    return {name: pd.DataFrame(body[1:], columns=body[0], dtype=object) for name, body in rows.items()}


def csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write_tables(directory: Path, rows: dict[str, list[list[str]]]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, body in rows.items():
        (directory / f"{name}.csv").write_bytes(csv_bytes(body))
    return directory


def write_frames(directory: Path, frames: dict[str, pd.DataFrame]) -> Path:
    """Write tables of strings as CSV files, as a user's folder would hold them."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.to_csv(directory / f"{name}.csv", index=False)
    return directory


def workbook(sheets: dict[str, list[list]], merge: dict[str, str] | None = None) -> bytes:
    """An .xlsx with these sheets and rows (cells as given: numbers, dates and formulas stay so)."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if merge and name in merge:
            sheet.merge_cells(merge[name])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def tiny_sheets() -> dict[str, list[list]]:
    return {name: [list(r) for r in rows] for name, rows in TINY.items()}


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    """CSV as a spreadsheet writes it: quoted where a cell holds the delimiter, CRLF line ends."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue()


def tiny_csv_files(encoding="utf-8", delimiter=",", bom=False) -> list[tuple[str, bytes]]:
    prefix = b"\xef\xbb\xbf" if bom else b""
    return [(f"{name}.csv", prefix + csv_text(rows, delimiter).encode(encoding)) for name, rows in TINY.items()]
