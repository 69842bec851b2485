"""What the edit form asks for each column of the data contract, derived from it (one place).

Each column becomes one :class:`FormField`: a line or a longer text, a choice among the contract's
values, a yes/no, a date, one or several actors, one or several documents. A relation's ``note``
is asked as two fields: the source's words (kept in the note between «», as the contract has it)
and a remark.
"""

from __future__ import annotations

from dataclasses import dataclass

from kidash import i18n
from kidash.data import schema
from kidash.data.contract import TABLE_SPEC, TRUE_VALUES, Column, split_list
from kidash.edit.notes import join_note, split_note
from kidash.view.dates import read_date

__all__ = ["FormField", "form_fields", "LONG_COLUMNS", "choice_options", "types_for", "initial_value",
           "cells_from_form", "field_label"]  # fmt: skip

# Columns people write a sentence or more in.
LONG_COLUMNS = frozenset({"description", "note", "discrepancy", "basis", "title"})
# A vocabulary's values, and the name its labels go by in kidash.i18n.VOCABULARY.
_VOCABULARIES: dict[str, tuple[tuple[str, ...], str | None]] = {
    "kind": (schema.KINDS, "kind"),
    "type": (schema.TYPES, "type"),
    "region": (schema.REGIONS, "region"),
    "relation": (schema.RELATIONS, "relation"),
    "region_basis": (("", *schema.BASES), "basis"),
    "date_basis": (("", *schema.BASES), "basis"),
    "publisher_basis": (("", "stated", "inferred"), "basis"),
    "date_precision": (("", *schema.DATE_PRECISIONS), "precision"),
}
_ONE_ACTOR = {("relations", "source"), ("relations", "target"), ("background", "source"), ("background", "target")}
_ONE_DOCUMENT = {("relations", "document"), ("events", "document")}


@dataclass(frozen=True)
class FormField:
    """One field of the form: its table and column, how it is asked (``widget``), the values a
    choice offers and the vocabulary that names them, whether it may be left blank, and the
    contract's explanation of it in Norwegian and English."""

    table: str
    column: str
    widget: str  # line, long, choice, flag, date, actor, actors, document, documents, quote
    required: bool
    help_nb: str
    help_en: str
    options: tuple[str, ...] = ()
    vocabulary: str | None = None

    def help(self, lang: str) -> str:
        return self.help_nb if lang == "nb" else self.help_en


def _field(table: str, column: Column) -> FormField:
    base = {"table": table, "column": column.name, "required": column.value, "help_nb": column.nb,
            "help_en": column.en}  # fmt: skip
    if table == "relations" and column.name == "note":
        return FormField(widget="quote", **base)
    if column.form == "bool":
        return FormField(widget="flag", **base)
    if column.vocabulary in _VOCABULARIES:
        values, vocabulary = _VOCABULARIES[column.vocabulary]
        return FormField(widget="choice", options=values, vocabulary=vocabulary, **base)
    if (table, column.name) in _ONE_ACTOR:
        return FormField(widget="actor", **base)
    if (table, column.name) in _ONE_DOCUMENT:
        return FormField(widget="document", **base)
    if column.points_to == "actors":
        return FormField(widget="actors", **base)
    if column.points_to == "documents":
        return FormField(widget="documents", **base)
    if column.form == "date":
        return FormField(widget="date", **base)
    return FormField(widget="long" if column.name in LONG_COLUMNS else "line", **base)


def form_fields(table: str) -> tuple[FormField, ...]:
    """The form of ``table``: one field per column of the contract, in the contract's order.

    >>> [(f.column, f.widget) for f in form_fields("relations")][:4]
    [('source', 'actor'), ('target', 'actor'), ('relation', 'choice'), ('document', 'document')]
    """
    return tuple(_field(table, column) for column in TABLE_SPEC[table])


def field_label(table: str, column: str, lang: str) -> str:
    """A column's name on the form and in the history: the table's own word for it, else the common one.

    >>> field_label("relations", "source", "nb"), field_label("actors", "start", "en")
    ('Hvem har rollen', 'Start')
    """
    own = f"field.{table}.{column}"
    return i18n.t(own if i18n.has(own) else f"field.{column}", lang)


def choice_options(field: FormField, current: str = "", kind: str = "") -> tuple[str, ...]:
    """The values a choice offers: the contract's (an actor's types: those of its kind), and the
    row's current value first when the contract does not know it (shown, so nothing is lost).

    >>> choice_options(form_fields("actors")[5], "", "event")
    ('debate', 'conference', 'workshop', 'meeting')
    """
    values = types_for(kind) if field.table == "actors" and field.column == "type" and kind else field.options
    return values if not current or current in values else (current, *values)


def types_for(kind: str) -> tuple[str, ...]:
    """The types an actor of ``kind`` may have."""
    return schema.TYPES_BY_KIND.get(kind, schema.TYPES)


def _is_true(value: object) -> bool:
    return str(value or "").strip().lower() in TRUE_VALUES


def initial_value(field: FormField, cells: dict):
    """What the form shows first for ``field`` of the row ``cells``: text, a yes/no, a list of ids,
    or (the source's words, the remark) for a relation's note.

    >>> initial_value(form_fields("actors")[17], {"documents": "kin-2021; helse-vest-2024"})
    ['kin-2021', 'helse-vest-2024']
    """
    value = str(cells.get(field.column, "") or "")
    if field.widget == "flag":
        return _is_true(value)
    if field.widget in ("actors", "documents"):
        return split_list(value)
    if field.widget == "quote":
        return split_note(value)
    return value


def cells_from_form(fields: tuple[FormField, ...], typed: dict, original: dict) -> tuple[dict, list[str]]:
    """The row as the form leaves it, as text cells (every column the row had besides), and the
    columns whose date could not be read. What a person did not change keeps its exact text, so
    an edit's history shows only what they changed (a blank yes/no stays blank when unticked).

    >>> fields = form_fields("events")
    >>> cells, bad = cells_from_form(fields, {"start": "15.06.2021", "inferred": False}, {"inferred": "", "x": "1"})
    >>> cells["start"], cells["inferred"], cells["x"], bad
    ('2021-06-15', '', '1', [])
    """
    cells = {str(k): str(v if v is not None else "") for k, v in original.items()}
    bad: list[str] = []
    for field in fields:
        if field.column not in typed:
            continue
        value = typed[field.column]
        before = str(original.get(field.column, "") or "")
        if field.widget == "flag":
            text = before if bool(value) == _is_true(before) else ("true" if value else "false")
        elif field.widget in ("actors", "documents"):
            parts = [str(v) for v in value or ()]
            text = before if parts == split_list(before) else ";".join(parts)
        elif field.widget == "quote":
            quote, remark = value
            text = before if (quote, remark) == split_note(before) else join_note(quote, remark)
        elif field.widget == "date":
            text = " ".join(str(value or "").split())
            try:
                text = read_date(text) or ""
            except ValueError:
                bad.append(field.column)
        else:
            text = "" if value is None else str(value).strip()
        cells[field.column] = text
    return cells, bad
