"""A change told as people read it: which fields it changed, from what to what."""

from __future__ import annotations

from dataclasses import dataclass

from kidash.data.contract import TABLE_SPEC

__all__ = ["FieldChange", "field_changes", "row_label"]


@dataclass(frozen=True)
class FieldChange:
    column: str
    before: str
    after: str


def field_changes(table: str | None, before: dict | None, after: dict | None) -> list[FieldChange]:
    """The fields a change set, in the contract's column order (then any other), blanks left out
    of a new or removed row.

    >>> field_changes("actors", {"name": "DNV", "note": ""}, {"name": "DNV AS", "note": ""})
    [FieldChange(column='name', before='DNV', after='DNV AS')]
    >>> [c.column for c in field_changes("actors", None, {"id": "x", "name": "X", "note": ""})]
    ['id', 'name']
    """
    before, after = before or {}, after or {}
    order = [c.name for c in TABLE_SPEC.get(table or "", ())]
    columns = order + sorted((set(before) | set(after)) - set(order))
    changed = []
    for column in columns:
        old, new = str(before.get(column, "") or ""), str(after.get(column, "") or "")
        if old != new:
            changed.append(FieldChange(column, old, new))
    return changed


def row_label(table: str | None, cells: dict | None, names: dict[str, str]) -> str:
    """A row in a few words: an actor's name, a relation as «who → where», an event's or a
    document's title (``names``: actors' names by id).

    >>> row_label("relations", {"source": "ks", "target": "kin", "relation": "member"}, {"ks": "KS", "kin": "KIN"})
    'KS → KIN'
    """
    cells = cells or {}
    if table == "actors":
        return str(cells.get("name") or cells.get("id") or "")
    if table in ("relations", "background"):
        source, target = str(cells.get("source", "")), str(cells.get("target", ""))
        return f"{names.get(source, source)} → {names.get(target, target)}"
    return str(cells.get("title") or cells.get("id") or "")
