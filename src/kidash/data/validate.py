"""Validation rules for the kidash tables: every problem, with file, row and column."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping

import pandas as pd

from kidash.data import schema
from kidash.data.contract import FALSE_VALUES, TRUE_VALUES, split_list
from kidash.data.privacy import has_contact
from kidash.data.problems import Problem
from kidash.data.reading.raw import MAX_CELL_CHARS, RawTable, as_raw

__all__ = ["validate_frames"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BOOL_VALUES = TRUE_VALUES | FALSE_VALUES
_LIST_SEPARATOR = ";"
# Control characters no spreadsheet, XML export or browser table shows (tab and line breaks are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _file(tables: dict[str, RawTable], table: str) -> str:
    return tables[table].file if table in tables else f"{table}.csv"


def _suggest(value: str, allowed: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    return close[0] if close else ""


def _check_date(file: str, row: int, column: str, value: str) -> Problem | None:
    if not value:
        return None
    if not _ISO_DATE.match(value):
        return Problem(file, row, column, "bad_date", {"value": value})
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return Problem(file, row, column, "no_such_date", {"value": value})
    return None


def _check_table_cells(frames, table, file) -> list[Problem]:
    """Column presence, blanks, ids, dates, booleans, lengths, personal data."""
    raw = frames[table]
    problems: list[Problem] = []
    missing = [c for c in schema.REQUIRED_COLUMNS[table] if c not in raw.frame.columns]
    for column in missing:
        problems.append(Problem(file, raw.header_row, column, "missing_column", {}))
    id_column = schema.ID_COLUMN[table]
    seen_ids: dict[str, int] = {}
    for row, record in raw.records():
        for column in schema.REQUIRED_VALUES[table]:
            if column in record and not record[column]:
                problems.append(Problem(file, row, column, "blank", {}))
        for column, value in record.items():
            if len(value) > MAX_CELL_CHARS:
                problems.append(Problem(file, row, column, "too_long", {"length": len(value), "limit": MAX_CELL_CHARS}))
            elif _CONTROL.search(value):
                problems.append(
                    Problem(file, row, column, "control_char", {"code": f"{ord(_CONTROL.search(value)[0]):#04x}"})
                )
            elif column not in schema.DATE_COLUMNS[table] and has_contact(value):
                problems.append(Problem(file, row, column, "personal_contact", {}))
        if id_column and record.get(id_column):
            value = record[id_column]
            if value in seen_ids:
                problems.append(
                    Problem(file, row, id_column, "duplicate_id", {"value": value, "first": seen_ids[value]})
                )
            else:
                seen_ids[value] = row
            if any(ch.isspace() for ch in value) or _LIST_SEPARATOR in value:
                problems.append(Problem(file, row, id_column, "bad_id", {"value": value}))
        for column in schema.DATE_COLUMNS[table]:
            found = _check_date(file, row, column, record.get(column, ""))
            if found:
                problems.append(found)
        start, end = record.get("start", ""), record.get("end", "")
        if start and end and _ISO_DATE.match(start) and _ISO_DATE.match(end):
            try:
                if dt.date.fromisoformat(end) < dt.date.fromisoformat(start):
                    problems.append(Problem(file, row, "end", "end_before_start", {"start": start, "end": end}))
            except ValueError:
                pass  # reported as no_such_date above
        for column in schema.BOOL_COLUMNS[table]:
            value = record.get(column, "")
            if value.lower() not in _BOOL_VALUES:
                problems.append(Problem(file, row, column, "bad_bool", {"value": value}))
    return problems


def _ids(frames, table) -> set[str] | None:
    """The ids in a table, or None when the table could not be read (references then go unchecked)."""
    raw = frames.get(table)
    if raw is None or not raw.readable or "id" not in raw.frame.columns:
        return None
    return {str(v) for v in raw.frame["id"] if str(v)}


def _check_vocab(file, row, column, value, allowed) -> Problem | None:
    if value and value not in allowed:
        return Problem(
            file, row, column, "bad_vocab",
            {"value": value, "allowed": ", ".join(allowed), "suggestion": _suggest(value, allowed)},
        )  # fmt: skip
    return None


def _list_targets(frames, table) -> dict[str, tuple[str, set[str] | None]]:
    """For each list column of ``table`` that holds ids: (the file or sheet of the table they name,
    its ids or None: unchecked)."""
    return {
        column: (_file(frames, target), _ids(frames, target))
        for column, target in schema.LIST_COLUMNS[table].items()
        if target
    }


def _list_refs(file, row, record, targets: dict[str, tuple[str, set[str] | None]]) -> list[Problem]:
    """Every id in a list cell that the table it names does not hold."""
    return [
        Problem(file, row, column, "unknown_ref", _ref(value, target))
        for column, (target, known) in targets.items()
        if known is not None
        for value in split_list(record.get(column, ""))
        if value not in known
    ]


def _check_actors(frames, file) -> list[Problem]:
    problems: list[Problem] = []
    targets = _list_targets(frames, "actors")
    for row, record in frames["actors"].records():
        kind, type_ = record.get("kind", ""), record.get("type", "")
        for column, allowed in (("kind", schema.KINDS), ("type", schema.TYPES), ("region", schema.REGIONS)):
            found = _check_vocab(file, row, column, record.get(column, ""), allowed)
            if found:
                problems.append(found)
        if "region_basis" in record:
            found = _check_vocab(file, row, "region_basis", record["region_basis"], schema.BASES)
            if found:
                problems.append(found)
        problems += _date_basis(file, row, record)
        if kind in schema.KINDS and type_ in schema.TYPES and type_ not in schema.TYPES_BY_KIND[kind]:
            problems.append(
                Problem(
                    file, row, "type", "type_kind",
                    {"value": type_, "kind": kind, "allowed": ", ".join(schema.TYPES_BY_KIND[kind])},
                )
            )  # fmt: skip
        problems += _list_refs(file, row, record, targets)
    return problems


def _ref(value: str, target: str) -> dict:
    return {"value": value, "target": target}


def _iso(value: str) -> dt.date | None:
    """An ISO date cell as a date (None when blank or not a date: reported elsewhere)."""
    try:
        return dt.date.fromisoformat(value) if _ISO_DATE.match(value or "") else None
    except ValueError:
        return None


def _column_by_id(frames, table: str, column: str) -> dict[str, str]:
    raw = frames.get(table)
    if raw is None or not raw.readable or column not in raw.frame.columns or "id" not in raw.frame.columns:
        return {}
    return {str(i): str(v) for i, v in zip(raw.frame["id"], raw.frame[column], strict=True)}


def _date_basis(file, row, record) -> list[Problem]:
    """A date must say how it is known (stated, inferred, background) where the table has the column."""
    if "date_basis" not in record:
        return []
    value = str(record.get("date_basis") or "").strip()
    found = _check_vocab(file, row, "date_basis", value, schema.BASES)
    if found:
        return [found]
    dated = [c for c in ("start", "end") if str(record.get(c) or "").strip()]
    if dated and not value:
        return [Problem(file, row, "date_basis", "needs_date_basis", {"dates": ", ".join(dated)})]
    return []


def _after_the_end(file, row, record, ends: dict[str, str], published: dict[str, str]) -> list[Problem]:
    """A role of an actor after the actor ended: an error when the role itself begins later; when
    only its source is later (a page still naming a merged body), the row must say so in
    ``discrepancy`` — flagged, never hidden. Lifecycle relations (merged into, renamed as) are the end."""
    if record.get("relation", "") in schema.LIFECYCLE_RELATIONS:
        return []
    problems: list[Problem] = []
    for actor in (record.get("source", ""), record.get("target", "")):
        end = _iso(ends.get(actor, ""))
        if end is None:
            continue
        start = _iso(record.get("start", ""))
        source_date = _iso(published.get(record.get("document", ""), ""))
        values = {"actor": actor, "end": end.isoformat()}
        if start and start > end:
            problems.append(Problem(file, row, "start", "after_end", {**values, "start": start.isoformat()}))
        elif source_date and source_date > end and not str(record.get("discrepancy", "")).strip():
            problems.append(
                Problem(file, row, "discrepancy", "needs_discrepancy", {**values, "published": source_date.isoformat()})
            )
    return problems


def _check_relations(frames, table, file, kinds: dict[str, str] | None) -> list[Problem]:
    problems: list[Problem] = []
    document_ids = _ids(frames, "documents")
    ends = _column_by_id(frames, "actors", "end")
    published = _column_by_id(frames, "documents", "published")
    seen: dict[tuple, int] = {}
    for row, record in frames[table].records():
        if table == "relations":
            problems += _after_the_end(file, row, record, ends, published)
            problems += _date_basis(file, row, record)
        source, target = record.get("source", ""), record.get("target", "")
        relation = record.get("relation", "")
        for column, value in (("source", source), ("target", target)):
            if value and kinds is not None and value not in kinds:
                problems.append(Problem(file, row, column, "unknown_ref", _ref(value, _file(frames, "actors"))))
        found = _check_vocab(file, row, "relation", relation, schema.RELATIONS)
        if found:
            problems.append(found)
        document = record.get("document", "")
        if table == "relations" and document and document_ids is not None and document not in document_ids:
            problems.append(Problem(file, row, "document", "unknown_ref", _ref(document, _file(frames, "documents"))))
        if source and source == target:
            problems.append(Problem(file, row, "target", "self_loop", {"value": source}))
        key = (source, target, relation, document)
        if all(key[:3]):
            if key in seen:
                problems.append(Problem(file, row, None, "duplicate_relation", {"first": seen[key]}))
            else:
                seen[key] = row
        if relation in schema.RELATION_ENDS:
            allowed_sources, allowed_targets = schema.RELATION_ENDS[relation]
            for column, value, allowed in (
                ("source", source, allowed_sources),
                ("target", target, allowed_targets),
            ):
                kind = (kinds or {}).get(value)
                if kind in schema.KINDS and kind not in allowed:
                    problems.append(
                        Problem(
                            file, row, column, "wrong_end",
                            {"value": value, "kind": kind, "relation": relation,
                             "allowed": ", ".join(k for k in schema.KINDS if k in allowed)},
                        )
                    )  # fmt: skip
    return problems


def _check_events(frames, file, kinds: dict[str, str] | None) -> list[Problem]:
    problems: list[Problem] = []
    document_ids = _ids(frames, "documents")
    targets = _list_targets(frames, "events")
    for row, record in frames["events"].records():
        problems += _list_refs(file, row, record, targets)
        document = record.get("document", "")
        if document and document_ids is not None and document not in document_ids:
            problems.append(Problem(file, row, "document", "unknown_ref", _ref(document, _file(frames, "documents"))))
        if "date_precision" in record:
            found = _check_vocab(file, row, "date_precision", record["date_precision"], schema.DATE_PRECISIONS)
            if found:
                problems.append(found)
    return problems


def validate_frames(tables: Mapping[str, RawTable | pd.DataFrame]) -> list[Problem]:
    """Check tables of strings against the data contract.

    Parameters
    ----------
    tables
        ``{"actors": RawTable, ...}`` as the readers return them (a plain
        DataFrame, built in code, reads as ``<table>.csv``). A table that is
        not ``readable`` was already reported by the reader.

    Returns
    -------
    list of Problem
        Empty when the tables are valid. Nothing is raised for bad content.
    """
    frames = as_raw(tables)
    problems: list[Problem] = []
    usable: dict[str, bool] = {}
    for table in schema.TABLES + schema.OPTIONAL_TABLES:
        raw = frames.get(table)
        file = _file(frames, table)
        if raw is None:
            if table in schema.TABLES:
                problems.append(Problem(file, None, None, "missing_file", {}))
            usable[table] = False
            continue
        if not raw.readable:
            usable[table] = False
            continue
        found = _check_table_cells(frames, table, file)
        problems += found
        usable[table] = not any(p.code == "missing_column" for p in found)
    kinds: dict[str, str] | None = None
    if usable.get("actors"):
        kinds = {r["id"]: r["kind"] for _, r in frames["actors"].records() if r["id"]}
        if not kinds and not any(p.code == "blank" for p in problems):
            problems.append(Problem(_file(frames, "actors"), None, None, "no_actors", {}))
        problems += _check_actors(frames, _file(frames, "actors"))
    if usable.get("relations"):
        problems += _check_relations(frames, "relations", _file(frames, "relations"), kinds)
    if usable.get("background"):
        problems += _check_relations(frames, "background", _file(frames, "background"), kinds)
    if usable.get("events"):
        problems += _check_events(frames, _file(frames, "events"), kinds)
    return problems
