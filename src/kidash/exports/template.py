"""The Excel workbook people fill in with their own data, and the same layout for downloading data again.

One sheet per table with its header, dropdown lists for the vocabularies
(from a hidden «lister» sheet), and a «forklaring» sheet explaining every
column in Norwegian and English. The upload reader ignores the extra sheets,
so the template itself, and any dataset written with :func:`workbook_bytes`,
uploads again unchanged.
"""

from __future__ import annotations

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kidash.data import schema
from kidash.data.contract import TABLE_SPEC
from kidash.data.dataset import Dataset
from kidash.exports.xlsx import book_bytes, new_book, write_table

__all__ = ["COLUMNS", "EXAMPLE", "dataset_tables", "workbook_bytes", "template_bytes", "explanation_table"]

# table -> [(column, Norwegian explanation, English explanation)]: the four sheets of the template.
COLUMNS: dict[str, list[tuple[str, str, str]]] = {
    table: [(c.name, c.nb, c.en) for c in TABLE_SPEC[table]] for table in schema.TABLES
}

# Columns with a fixed vocabulary get a dropdown list.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "kind": schema.KINDS,
    "type": schema.TYPES,
    "region": schema.REGIONS,
    "relation": schema.RELATIONS,
    "region_basis": schema.BASES,
    "date_basis": schema.BASES,
    "publisher_basis": ("stated", "inferred"),
    "date_precision": schema.DATE_PRECISIONS,
    "inferred": ("true", "false"),
    "main_initiative": ("true", "false"),
}

# One example per sheet that fits together, so the template itself uploads as valid data.
EXAMPLE: dict[str, list[dict[str, str]]] = {
    "actors": [
        {"id": "helsedirektoratet", "name": "Helsedirektoratet", "short_name": "Hdir", "kind": "organisation",
         "type": "directorate", "region": "Nasjonal", "region_basis": "stated",
         "name_en": "Norwegian Directorate of Health", "short_name_en": "Directorate of Health",
         "inferred": "false", "main_initiative": "false",
         "documents": "eksempelkilde", "note": "Eksempel – erstatt med egne data / Example – replace with your data"},
        {"id": "mitt-prosjekt", "name": "Mitt KI-prosjekt", "short_name": "Prosjektet", "kind": "initiative",
         "type": "project", "region": "Nasjonal", "region_basis": "stated", "name_en": "My AI project",
         "start": "2024-01-15", "date_basis": "stated", "inferred": "false", "main_initiative": "true",
         "documents": "eksempelkilde"},
    ],
    "relations": [
        {"source": "helsedirektoratet", "target": "mitt-prosjekt", "relation": "leads", "document": "eksempelkilde",
         "inferred": "false", "note": "«Helsedirektoratet leder prosjektet»"},
    ],
    "events": [
        {"id": "oppstart", "title": "Oppstart av prosjektet", "title_en": "Project start", "start": "2024-01-15",
         "actors": "mitt-prosjekt;helsedirektoratet", "document": "eksempelkilde", "category": "opening",
         "date_precision": "day", "inferred": "false"},
    ],
    "documents": [
        {"id": "eksempelkilde", "title": "Eksempel: nettsiden om prosjektet", "publisher": "Helsedirektoratet",
         "publisher_basis": "stated", "published": "2024-01-10", "date_basis": "stated", "language": "nb"},
    ],
}  # fmt: skip

_LISTS = "lister"
_EXPLANATION = "forklaring"


def _example_tables() -> dict[str, pd.DataFrame]:
    return {
        table: pd.DataFrame(EXAMPLE[table], columns=[c for c, *_ in columns], dtype=object).fillna("")
        for table, columns in COLUMNS.items()
    }


def dataset_tables(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """The dataset's tables exactly as they were read (every column, text), background last if any."""
    tables = {table: dataset.raw[table].frame for table in schema.TABLES if table in dataset.raw}
    background = dataset.raw.get("background")
    if background is not None and len(background.frame):
        tables["background"] = background.frame
    return {name: frame.copy() for name, frame in tables.items()}


def explanation_table() -> pd.DataFrame:
    """Every template column: sheet, column, required, Norwegian and English explanation, allowed values."""
    rows = []
    for table, columns in COLUMNS.items():
        required = set(schema.REQUIRED_VALUES[table])
        for column, nb, en in columns:
            allowed = ", ".join(VOCABULARIES[column]) if column in VOCABULARIES else ""
            if column == "type":
                allowed = "; ".join(f"{kind}: {', '.join(types)}" for kind, types in schema.TYPES_BY_KIND.items())
            rows.append(
                {
                    "ark / sheet": table,
                    "kolonne / column": column,
                    "påkrevd / required": "ja / yes" if column in required else "",
                    "forklaring (norsk)": nb,
                    "explanation (English)": en,
                    "tillatte verdier / allowed values": allowed,
                }
            )
    return pd.DataFrame(rows)


def _write_lists(book: Workbook) -> dict[str, str]:
    """A hidden sheet with one vocabulary per column; returns column -> range reference."""
    sheet = book.create_sheet(_LISTS)
    ranges: dict[str, str] = {}
    for index, (column, values) in enumerate(VOCABULARIES.items(), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=column)
        for offset, value in enumerate(values, start=2):
            sheet.cell(row=offset, column=index, value=value)
        ranges[column] = f"{_LISTS}!${letter}$2:${letter}${len(values) + 1}"
    sheet.sheet_state = "hidden"
    return ranges


def _add_dropdowns(sheet, frame: pd.DataFrame, ranges: dict[str, str]) -> None:
    last = max(1000, len(frame) + 500)
    for index, column in enumerate(frame.columns, start=1):
        if column not in ranges:
            continue
        letter = get_column_letter(index)
        rule = DataValidation(
            type="list",
            formula1=f"={ranges[column]}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle="kidash",
            error="Velg en verdi fra listen / Choose a value from the list",
        )
        rule.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(rule)


def _write_explanation(book: Workbook) -> None:
    sheet = book.create_sheet(_EXPLANATION)
    table = explanation_table()
    write_table(sheet, table)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["D"].width = 50
    sheet.column_dimensions["E"].width = 50
    sheet.column_dimensions["F"].width = 60


def workbook_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """Tables in the upload layout: a sheet per table with dropdowns, the explanation, the hidden lists.

    Text cells are stored as text with formula starts guarded reversibly, so
    uploading the file again gives back exactly these tables.
    """
    book = new_book()
    data_sheets = [(name, book.create_sheet(name), frame) for name, frame in tables.items()]
    _write_explanation(book)
    ranges = _write_lists(book)
    for _, sheet, frame in data_sheets:
        write_table(sheet, frame)
        _add_dropdowns(sheet, frame, ranges)
    return book_bytes(book)


def template_bytes() -> bytes:
    """The empty-but-for-examples workbook to fill in (Norwegian and English side by side)."""
    return workbook_bytes(_example_tables())
