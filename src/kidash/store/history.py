"""A map's history: every change as it was made, the map as it stood after any of them, a change
undone as a new change, and what changed since a person last looked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from kidash.data.problems import Problem
from kidash.store.access import authorise
from kidash.store.content import load_records
from kidash.store.edits import (
    Conflict,
    OtherChange,
    Refused,
    Saved,
    _lock_map,
    _refuse_new_problems,
    _remember,
    _snapshot,
    _Step,
    _write,
    person_of,
)
from kidash.store.engine import Store
from kidash.store.tables import changes, maps, visits

__all__ = ["Change", "history", "change_of", "rows_at", "revert", "history_frame", "last_seen", "mark_seen",
           "changes_since", "mentions"]  # fmt: skip


@dataclass(frozen=True)
class Change:
    """One change to a map: when, who, what (the row before and after), why, on which source."""

    id: int
    at: dt.datetime
    author: str
    action: str
    table: str | None
    key: str | None
    before: dict | None
    after: dict | None
    comment: str
    document: str
    version: int
    reverts: int | None


def _change(row) -> Change:
    return Change(row.id, row.at, row.author, row.action, row.table_name, row.key, row.before, row.after,
                  row.comment or "", row.document or "", row.map_version, row.reverts)  # fmt: skip


def _map_id(connection: sa.Connection, slug: str) -> int:
    found = connection.execute(sa.select(maps.c.id).where(maps.c.slug == slug)).scalar()
    if found is None:
        raise KeyError(slug)
    return found


def mentions(change: Change, actor: str) -> bool:
    """Whether ``change`` is about ``actor``: the actor's own row, or a relation or event naming it."""
    if change.table == "actors" and change.key == actor:
        return True
    for cells in (change.before or {}, change.after or {}):
        if actor in (cells.get("source"), cells.get("target")) or actor in str(cells.get("actors", "")).split(";"):
            return True
    return False


def history(
    store: Store,
    slug: str,
    actor: str | None = None,
    author: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    after_change: int | None = None,
    limit: int | None = None,
    table: str | None = None,
) -> list[Change]:
    """The map's changes, newest first: all, or those about ``actor``, by ``author``, made from
    ``since`` until ``until``, after the change ``after_change``, or of one ``table``."""
    with store.read() as connection:
        query = sa.select(changes).where(changes.c.map_id == _map_id(connection, slug)).order_by(changes.c.id.desc())
        if table:
            query = query.where(changes.c.table_name == table)
        if author:
            query = query.where(changes.c.author == author)
        if since is not None:
            query = query.where(changes.c.at >= since)
        if until is not None:
            query = query.where(changes.c.at <= until)
        if after_change is not None:
            query = query.where(changes.c.id > after_change)
        if limit is not None and not actor:
            query = query.limit(limit)
        found = [_change(row) for row in connection.execute(query)]
    if actor:
        found = [c for c in found if mentions(c, actor)][:limit]
    return found


def change_of(store: Store, slug: str, change_id: int) -> Change | None:
    with store.read() as connection:
        row = connection.execute(
            sa.select(changes).where(changes.c.map_id == _map_id(connection, slug), changes.c.id == change_id)
        ).first()
    return _change(row) if row else None


def rows_at(store: Store, slug: str, change_id: int) -> dict[str, list]:
    """The map's rows as they stood just after change ``change_id``: today's, with every later change
    undone, newest first."""
    with store.read() as connection:
        map_id = _map_id(connection, slug)
        rows = load_records(connection, map_id)
        later = connection.execute(
            sa.select(changes.c.table_name, changes.c.key, changes.c.before)
            .where(changes.c.map_id == map_id, changes.c.id > change_id, changes.c.table_name.is_not(None))
            .order_by(changes.c.id.desc())
        ).all()  # fmt: skip
    tables = {table: {key: (key, revision, cells) for key, revision, cells in found} for table, found in rows.items()}
    for table, key, before in later:
        kept = tables.setdefault(table, {})
        if before is None:
            kept.pop(key, None)
        else:
            kept[key] = (key, 0, before)
    order = {table: {key: i for i, (key, _, _) in enumerate(found)} for table, found in rows.items()}
    return {
        table: sorted(kept.values(), key=lambda row, t=table: order.get(t, {}).get(row[0], 1 << 30))
        for table, kept in tables.items()
    }


def revert(store: Store, slug: str, change_id: int, author, comment: str = "") -> Saved:
    """Undo change ``change_id`` as a new change: its row back as it was before it (gone, if the
    change made it). Refused when the row changed again since (the later change is named) or when
    undoing it would leave the map invalid (a relation pointing to the actor it made)."""
    person = person_of(author)
    authorise(store, person, "edit", slug)
    author = person.label
    with store.write() as connection:
        map_id, version = _lock_map(connection, slug)
        target = connection.execute(
            sa.select(changes).where(changes.c.map_id == map_id, changes.c.id == change_id)
        ).first()  # fmt: skip
        if target is None:
            raise KeyError(change_id)
        target = _change(target)
        if target.table is None:
            raise Refused([Problem(slug, None, None, "cannot_revert", {"action": target.action})])
        snapshot = _snapshot(store, connection, map_id, version)
        rows = {table: list(found) for table, found in snapshot.rows.items()}
        current = rows.setdefault(target.table, [])
        index = next((i for i, (k, _, _) in enumerate(current) if k == target.key), None)
        revision, now_cells = (current[index][1], current[index][2]) if index is not None else (0, None)
        if now_cells != target.after:
            latest = connection.execute(
                sa.select(changes).where(changes.c.map_id == map_id, changes.c.table_name == target.table,
                                         changes.c.key == target.key).order_by(changes.c.id.desc()).limit(1)
            ).first()  # fmt: skip
            other = _change(latest)
            raise Conflict(target.table, target.key,
                           OtherChange(other.author, other.at, other.comment, other.before, other.after, revision))  # fmt: skip
        if target.before is None:
            del current[index]
        elif index is None:
            current.append((target.key, 1, target.before))
        else:
            current[index] = (target.key, revision + 1, target.before)
        found = _refuse_new_problems(rows, snapshot)
        step = _Step(target.table, target.key, revision, now_cells, target.before)
        (saved,) = _write(connection, map_id, [step], author, comment, reverts=target.id)
    _remember(store, map_id, saved.version, rows, found)
    return saved


def history_frame(found: list[Change]) -> pd.DataFrame:
    """Changes as a table with a column per fact (ids and text, no language): what the log export holds."""
    return pd.DataFrame(
        [
            {
                "change": c.id,
                "at": c.at.isoformat(timespec="seconds"),
                "author": c.author,
                "action": c.action,
                "table": c.table or "",
                "key": c.key or "",
                "comment": c.comment,
                "document": c.document,
                "map_version": c.version,
                "reverts": c.reverts or "",
                "before": "" if c.before is None else _json(c.before),
                "after": "" if c.after is None else _json(c.after),
            }
            for c in found
        ],
        columns=[
            "change",
            "at",
            "author",
            "action",
            "table",
            "key",
            "comment",
            "document",
            "map_version",
            "reverts",
            "before",
            "after",
        ],  # fmt: skip
    )


def _json(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def last_seen(store: Store, slug: str, person: str) -> int | None:
    """The last change ``person`` had seen of the map (None: never looked)."""
    with store.read() as connection:
        return connection.execute(
            sa.select(visits.c.seen_change).where(visits.c.map_id == _map_id(connection, slug), visits.c.person == person)
        ).scalar()  # fmt: skip


def mark_seen(store: Store, slug: str, person: str, change_id: int) -> None:
    """Remember that ``person`` has seen the map up to ``change_id``."""
    with store.write() as connection:
        map_id = _map_id(connection, slug)
        updated = connection.execute(
            sa.update(visits).where(visits.c.map_id == map_id, visits.c.person == person).values(seen_change=change_id)
        ).rowcount  # fmt: skip
        if not updated:
            connection.execute(sa.insert(visits).values(map_id=map_id, person=person, seen_change=change_id))


def changes_since(store: Store, slug: str, change_id: int | None) -> int:
    """How many changes the map had after ``change_id``."""
    with store.read() as connection:
        query = sa.select(sa.func.count()).select_from(changes).where(changes.c.map_id == _map_id(connection, slug))
        if change_id is not None:
            query = query.where(changes.c.id > change_id)
        return int(connection.execute(query).scalar_one())
