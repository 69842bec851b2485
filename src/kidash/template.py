"""The Excel workbook people fill in with their own data, and the same layout for downloading data again.

One sheet per table with its header, dropdown lists for the vocabularies
(from a hidden «lister» sheet), and a «forklaring» sheet explaining every
column in Norwegian and English. The upload reader ignores the extra sheets,
so the template itself, and any dataset written with :func:`workbook_bytes`,
uploads again unchanged.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kidash import schema
from kidash.data import Dataset
from kidash.safety import neutralise

__all__ = ["COLUMNS", "EXAMPLE", "dataset_tables", "workbook_bytes", "template_bytes", "explanation_table"]

# table -> [(column, Norwegian explanation, English explanation)], in the order of the shipped files.
COLUMNS: dict[str, list[tuple[str, str, str]]] = {
    "actors": [
        ("id", "Stabil, unik kortid uten mellomrom (f.eks. helse-vest). Brukes i de andre arkene.",
         "Stable, unique short id without spaces (e.g. helse-vest). Used in the other sheets."),
        ("name", "Navnet slik kilden skriver det.", "The name as the source writes it."),
        ("short_name", "Kort navn til diagrammer og nettverket.", "A short label for charts and the network."),
        ("aliases", "Andre skrivemåter, skilt med semikolon.", "Other spellings, separated by semicolons."),
        ("kind", "Hva slags aktør: organisasjon, person, initiativ, hendelse eller dokument.",
         "What the actor is: organisation, person, initiative, event or document."),
        ("type", "Finere type; må passe til «kind» (se listen).", "Finer type; must fit «kind» (see the list)."),
        ("region", "Helseregion, Nasjonal eller Internasjonal.", "Health region, Nasjonal (national) or Internasjonal."),
        ("region_basis", "Om regionen er stated (står i kilden), inferred (utledet) eller background.",
         "Whether the region is stated in the source, inferred, or background knowledge."),
        ("name_en", "Engelsk navn der det finnes.", "English name where one exists."),
        ("role_title", "En persons stillingstittel slik kilden skriver den.", "A person's job title as the source writes it."),
        ("description", "En eller to setninger om aktøren, fra kildene.", "One or two sentences on the actor, from the sources."),
        ("start", "Startdato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ).", "Start date (YYYY-MM-DD or DD.MM.YYYY)."),
        ("end", "Sluttdato, om den finnes.", "End date, if any."),
        ("inferred", "true hvis aktøren bare er antydet i kilden.", "true if the source only implies the actor."),
        ("main_initiative", "true for initiativene kartet handler om.", "true for the initiatives the map is about."),
        ("documents", "Id-er i documents som nevner aktøren, skilt med semikolon.",
         "Ids in documents that mention the actor, separated by semicolons."),
        ("note", "Hvordan en verdi er lest eller utledet.", "How a value was read or inferred."),
    ],
    "relations": [
        ("source", "Id til den som har rollen.", "Id of who holds the role."),
        ("target", "Id til der rollen holdes (initiativ, hendelse, organisasjon).",
         "Id of where the role is held (initiative, event, organisation)."),
        ("relation", "Rollen: leads, member, observer … (se listen).", "The role: leads, member, observer … (see the list)."),
        ("document", "Id i documents for kilden som sier dette.", "Id in documents of the source that says so."),
        ("inferred", "true hvis kilden bare antyder relasjonen.", "true if the source only implies the relation."),
        ("note", "Kildens ord (i «») eller hvordan relasjonen er utledet.",
         "The source's words (in «») or how the relation was inferred."),
        ("start", "Når rollen begynte (ÅÅÅÅ-MM-DD).", "When the role began (YYYY-MM-DD)."),
        ("end", "Når rollen sluttet.", "When the role ended."),
    ],
    "events": [
        ("id", "Stabil, unik kortid.", "Stable, unique short id."),
        ("title", "Hva som skjedde, på norsk.", "What happened, in Norwegian."),
        ("title_en", "Det samme på engelsk.", "The same in English."),
        ("start", "Dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ).", "Date (YYYY-MM-DD or DD.MM.YYYY)."),
        ("end", "Sluttdato for en periode; tom for én dag.", "End date of a period; empty for a single day."),
        ("actors", "Id-er til aktørene som deltok, skilt med semikolon.",
         "Ids of the actors taking part, separated by semicolons."),
        ("document", "Id i documents for kilden.", "Id in documents of the source."),
        ("category", "Fritt valgt kategori (f.eks. publication, workshop).", "A free category (e.g. publication, workshop)."),
        ("date_precision", "day, month eller year: hvor nøyaktig datoen er.", "day, month or year: how exact the date is."),
        ("inferred", "true hvis datoen bare er antydet.", "true if the date is only implied."),
        ("time", "Klokkeslett der kilden gir det.", "Time of day where the source gives it."),
        ("note", "Hvordan datoen er lest.", "How the date was read."),
    ],
    "documents": [
        ("id", "Stabil, unik kortid som de andre arkene viser til.", "Stable, unique short id the other sheets refer to."),
        ("title", "Dokumentets tittel.", "The document's title."),
        ("publisher", "Hvem som publiserte det.", "Who published it."),
        ("publisher_basis", "stated eller inferred.", "stated or inferred."),
        ("published", "Publiseringsdato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ).", "Publication date (YYYY-MM-DD or DD.MM.YYYY)."),
        ("date_basis", "Hvor datoen kommer fra.", "Where the date comes from."),
        ("updated", "Sist oppdatert, om oppgitt.", "Last updated, if given."),
        ("language", "Språkkode: nb, nn eller en.", "Language code: nb, nn or en."),
        ("author", "Forfatter, om oppgitt.", "Author, if given."),
        ("file", "Filnavn eller nettadresse til kilden.", "File name or web address of the source."),
        ("note", "Merknad.", "Note."),
    ],
}  # fmt: skip

# Columns with a fixed vocabulary get a dropdown list.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "kind": schema.KINDS,
    "type": schema.TYPES,
    "region": schema.REGIONS,
    "relation": schema.RELATIONS,
    "region_basis": schema.BASES,
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
         "name_en": "Norwegian Directorate of Health", "inferred": "false", "main_initiative": "false",
         "documents": "eksempelkilde", "note": "Eksempel – erstatt med egne data / Example – replace with your data"},
        {"id": "mitt-prosjekt", "name": "Mitt KI-prosjekt", "short_name": "Prosjektet", "kind": "initiative",
         "type": "project", "region": "Nasjonal", "region_basis": "stated", "name_en": "My AI project",
         "start": "2024-01-15", "inferred": "false", "main_initiative": "true", "documents": "eksempelkilde"},
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

_HEADER_FILL = PatternFill("solid", fgColor="EEF2F6")
_LISTS = "lister"
_EXPLANATION = "forklaring"


def _example_tables() -> dict[str, pd.DataFrame]:
    return {
        table: pd.DataFrame(EXAMPLE[table], columns=[c for c, *_ in columns], dtype=object).fillna("")
        for table, columns in COLUMNS.items()
    }


def dataset_tables(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """The dataset's tables exactly as they were read (every column, text), background last if any."""
    tables = {table: dataset.raw[table] for table in schema.TABLES if table in dataset.raw}
    background = dataset.raw.get("background")
    if background is not None and len(background):
        tables["background"] = background
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


def _style_header(sheet, widths: list[int]) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, width + 2))
    sheet.freeze_panes = "A2"


def _write_table(sheet, frame: pd.DataFrame) -> None:
    sheet.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([None if v is None or v == "" else neutralise(str(v)) for v in row])  # blank: no cell
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula, whatever it looks like
    widths = [max([len(str(c))] + [len(str(v)) for v in frame[c].head(200)]) for c in frame.columns]
    _style_header(sheet, widths)


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
    _write_table(sheet, table)
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
    book = Workbook()
    book.remove(book.active)
    data_sheets = [(name, book.create_sheet(name), frame) for name, frame in tables.items()]
    _write_explanation(book)
    ranges = _write_lists(book)
    for _, sheet, frame in data_sheets:
        _write_table(sheet, frame)
        _add_dropdowns(sheet, frame, ranges)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_bytes() -> bytes:
    """The empty-but-for-examples workbook to fill in (Norwegian and English side by side)."""
    return workbook_bytes(_example_tables())
