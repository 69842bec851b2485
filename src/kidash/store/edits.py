"""Saving a change to a map: checked as an upload is, sourced, appended to the history, all or none.

Every save goes through :func:`save`, whatever the page. It refuses, writing nothing:

- an edit of a row someone changed since it was read (:class:`Conflict`, with their change), so no
  edit undoes another's unseen;
- a change the validator finds new problems in (the same rules as an upload: the field and what to
  fix), and a role stated without the source's words: a relation saved as stated must carry the
  source's words in its ``note`` between «», as the data contract has it, found word for word
  (white space aside) in its document's stored text; else it is saved only as inferred, with the
  reason in ``note`` (:class:`Refused`). An edit that leaves who, what role, where and on which
  source as they were (a date, a discrepancy) is not asked again.

What it saves lands in one transaction with its change in the history and the map's new version.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import sqlalchemy as sa

from kidash.data.contract import TRUE_VALUES
from kidash.data.document_text import DocumentText, normalised
from kidash.data.problems import Problem
from kidash.data.validate import validate_frames
from kidash.store.access import Person, authorise, local_person
from kidash.store.content import ALL_TABLES, KEYED, frames_of, load_records, new_key
from kidash.store.engine import Store
from kidash.store.maps import MapInfo, get_map, now
from kidash.store.tables import changes, documents, maps, records

__all__ = [
    "Edit",
    "Saved",
    "Refused",
    "Conflict",
    "OtherChange",
    "save",
    "provenance_problems",
    "quotes_in",
    "asks_provenance",
]


@dataclass(frozen=True)
class Edit:
    """One row as a person wants it: new (``key`` None), an edit of the ``revision`` they saw, or
    that row removed (``remove``: a relation or event recorded wrongly; an actor that has ended
    keeps its row, with its end date).

    ``cells`` is the whole row as text (every column the form shows). A new document comes with
    its ``text``; an existing one's text stays as stored.
    """

    table: str
    cells: dict
    key: str | None = None
    revision: int | None = None
    text: DocumentText | None = None
    remove: bool = False


@dataclass(frozen=True)
class Saved:
    """A row saved: its key and revision, the change that holds it, the map's new version."""

    key: str
    revision: int
    change: int
    version: int


class Refused(Exception):
    """A change that cannot be saved as it is: every problem, with the field and what to fix."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.message("en") for p in problems))


@dataclass(frozen=True)
class OtherChange:
    """Someone else's change to a row: who, when, why, the row before and after, its revision now."""

    author: str
    at: dt.datetime
    comment: str
    before: dict | None
    after: dict | None
    revision: int


class Conflict(Exception):
    """An edit of a row that changed since the person read it: nothing was saved; ``other`` is the
    change they did not see (their own input stays with them, to apply again)."""

    def __init__(self, table: str, key: str, other: OtherChange | None):
        self.table, self.key, self.other = table, key, other
        super().__init__(f"{table} «{key}» changed since it was read")


@dataclass
class _Snapshot:
    """A map's rows at one version, kept per process: a save at the same version need not read them again."""

    version: int
    rows: dict[str, list]
    problems: set = field(default_factory=set)


def _is_true(value: object) -> bool:
    return str(value or "").strip().lower() in TRUE_VALUES


QUOTED = re.compile(r"«([^»]+)»")
_CLAIM = ("source", "target", "relation", "document", "inferred", "note")  # what a role's provenance is about


def quotes_in(note: str) -> list[str]:
    """The source's words in a note (each between «»).

    >>> quotes_in("«Helsedirektoratet leder prosjektet», og «KS deltar».")
    ['Helsedirektoratet leder prosjektet', 'KS deltar']
    """
    return [q.strip() for q in QUOTED.findall(note or "") if q.strip()]


def provenance_problems(cells: dict, texts: dict[str, str], file: str = "relations.csv") -> list[Problem]:
    """What keeps a relation from being saved as it is: stated without the source's words (in «»
    in its note) found in its document, or inferred without a reason.

    >>> text = {"d1": "Helsedirektoratet leder  prosjektet."}
    >>> provenance_problems({"document": "d1", "note": "«Helsedirektoratet leder prosjektet»"}, text)
    []
    >>> [p.code for p in provenance_problems({"document": "d1", "note": "«leder alt»"}, text)]
    ['quote_not_in_document']
    >>> [p.code for p in provenance_problems({"document": "d1", "note": "de leder"}, text)]
    ['quote_missing']
    >>> [p.code for p in provenance_problems({"document": "d1", "inferred": "true"}, text)]
    ['inferred_needs_reason']
    """
    note = str(cells.get("note", ""))
    if _is_true(cells.get("inferred")):
        if not note.strip():
            return [Problem(file, None, "note", "inferred_needs_reason", {})]
        return []
    quotes = quotes_in(note)
    document = str(cells.get("document", ""))
    if not quotes:
        return [Problem(file, None, "note", "quote_missing", {"document": document})]
    if document not in texts:
        return [Problem(file, None, "document", "document_without_text", {"document": document})]
    text = normalised(texts[document])
    missing = [q for q in quotes if normalised(q) not in text]
    if missing:
        return [Problem(file, None, "note", "quote_not_in_document", {"document": document, "quote": missing[0]})]
    return []


def asks_provenance(before: dict | None, after: dict) -> bool:
    """Whether a relation's change states something its source must back: a new role, or one whose
    who, what, where, source, basis or words changed (a new date alone does not ask again)."""
    return before is None or any(str(before.get(c, "")) != str(after.get(c, "")) for c in _CLAIM)


def _problem_keys(problems: list[Problem]) -> set:
    return {
        (p.file, p.row, p.column, p.code, tuple(sorted((k, str(v)) for k, v in p.params.items()))) for p in problems
    }


def _validate(rows: dict[str, list]) -> list[Problem]:
    plain = {table: [(key, data) for key, _, data in found] for table, found in rows.items()}
    return validate_frames(frames_of(plain))


def _snapshot(store: Store, connection: sa.Connection, map_id: int, version: int) -> _Snapshot:
    cache = store._cache.setdefault("snapshots", {})
    found = cache.get(map_id)
    if found is None or found.version != version:
        rows = load_records(connection, map_id)
        found = _Snapshot(version, rows, _problem_keys(_validate(rows)))
        cache[map_id] = found
    return found


def _other_change(connection: sa.Connection, map_id: int, table: str, key: str, revision: int) -> OtherChange | None:
    row = connection.execute(
        sa.select(changes)
        .where(changes.c.map_id == map_id, changes.c.table_name == table, changes.c.key == key)
        .order_by(changes.c.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return OtherChange(row.author, row.at, row.comment, row.before, row.after, revision)


@dataclass(frozen=True)
class _Step:
    """One row's change as it will be written: its revision before (0 when new), cells before and
    after (None: no row), and the document text that comes with it."""

    table: str
    key: str
    revision: int
    before: dict | None
    after: dict | None
    text: DocumentText | None = None

    @property
    def action(self) -> str:
        return "create" if self.before is None else "delete" if self.after is None else "update"


def _lock_map(connection: sa.Connection, slug: str) -> tuple[int, int]:
    """The map's id and version, locked against other writers until the transaction ends."""
    found = connection.execute(
        sa.select(maps.c.id, maps.c.version).where(maps.c.slug == slug).with_for_update()
    ).first()  # fmt: skip
    if found is None:
        raise KeyError(slug)
    return found.id, found.version


def _refuse_new_problems(rows: dict[str, list], snapshot: _Snapshot) -> list[Problem]:
    """Refuse the rows when the validator finds a problem the map did not have; else its problems."""
    found = _validate(rows)
    new = [p for p in found if _problem_keys([p]) - snapshot.problems]
    if new:
        raise Refused(new)
    return found


def _write(
    connection: sa.Connection, map_id: int, steps: list[_Step], author: str, comment: str, reverts: int | None = None
) -> list[Saved]:
    """Write ``steps`` and their changes under the map's next version (inside the caller's transaction)."""
    version = connection.execute(
        sa.update(maps).where(maps.c.id == map_id).values(version=maps.c.version + 1).returning(maps.c.version)
    ).scalar_one()
    at, saved = now(), []
    for step in steps:
        where = (records.c.map_id == map_id, records.c.table_name == step.table, records.c.key == step.key)
        if step.after is None:
            result = connection.execute(sa.delete(records).where(*where, records.c.revision == step.revision))
            revision = 0
        elif step.before is None:
            position = connection.execute(
                sa.select(sa.func.coalesce(sa.func.max(records.c.position), -1) + 1)
                .where(records.c.map_id == map_id, records.c.table_name == step.table)
            ).scalar_one()  # fmt: skip
            connection.execute(
                sa.insert(records).values(
                    map_id=map_id, table_name=step.table, key=step.key, position=position, revision=1, data=step.after
                )  # fmt: skip
            )  # a row made meanwhile by another writer breaks the unique key: nothing is written
            result, revision = None, 1
        else:
            result = connection.execute(
                sa.update(records).where(*where, records.c.revision == step.revision)
                .values(data=step.after, revision=records.c.revision + 1)
            )  # fmt: skip
            revision = step.revision + 1
        if result is not None and result.rowcount != 1:  # changed by a writer this snapshot did not see
            raise Conflict(step.table, step.key, _other_change(connection, map_id, step.table, step.key, -1))
        if step.text is not None:
            where_text = (documents.c.map_id == map_id, documents.c.key == step.key)
            connection.execute(sa.delete(documents).where(*where_text))
            connection.execute(
                sa.insert(documents).values(
                    map_id=map_id, key=step.key, text=step.text.text, read_as=step.text.read_as, hash=step.text.hash
                )  # fmt: skip
            )
        cells = step.after if step.after is not None else step.before
        change = connection.execute(
            sa.insert(changes).values(
                map_id=map_id,
                at=at,
                author=author,
                comment=comment,
                action="revert" if reverts is not None else step.action,
                table_name=step.table,
                key=step.key,
                before=step.before,
                after=step.after,
                document=step.key if step.table == "documents" else cells.get("document", ""),
                map_version=version,
                reverts=reverts,
            )  # fmt: skip
        ).inserted_primary_key[0]
        saved.append(Saved(step.key, revision, change, version))
    return saved


def _remember(store: Store, map_id: int, version: int, rows: dict[str, list], problems: list[Problem]) -> None:
    """The map as just committed: the next save at this version starts from it without reading it again."""
    store._cache.setdefault("snapshots", {})[map_id] = _Snapshot(version, rows, _problem_keys(problems))


def person_of(author: str | Person) -> Person:
    """The person behind a save: a signed-in :class:`Person`, or a name (the person at this machine)."""
    return author if isinstance(author, Person) else local_person(str(author))


def save(store: Store, slug: str, edits: list[Edit] | Edit, author: str | Person, comment: str = "") -> list[Saved]:
    """Save ``edits`` to the map ``slug`` as ``author`` says why (``comment``): all of them, in one
    transaction, each a change in the history; or none (:class:`Refused`, :class:`Conflict`, and
    :class:`kidash.store.access.Forbidden` when the person may not edit the map, recorded)."""
    edits = [edits] if isinstance(edits, Edit) else list(edits)
    person = person_of(author)
    authorise(store, person, "edit", slug)
    author = person.label
    with store.write() as connection:
        map_id, version = _lock_map(connection, slug)
        snapshot = _snapshot(store, connection, map_id, version)
        rows = {table: list(found) for table, found in snapshot.rows.items()}
        texts = {
            r.key: r.text
            for r in connection.execute(
                sa.select(documents.c.key, documents.c.text).where(documents.c.map_id == map_id)
            )
        }
        steps, problems = [], []
        for edit in edits:
            if edit.table not in ALL_TABLES:
                raise ValueError(f"no table {edit.table!r}")
            cells = {str(k): ("" if v is None else str(v)) for k, v in edit.cells.items()}
            current = rows.setdefault(edit.table, [])
            file = f"{edit.table}.csv"
            if edit.key is None:  # a new row
                key = cells.get("id") if edit.table in KEYED else new_key(edit.table)
                if not key:
                    problems.append(Problem(file, None, "id", "blank", {}))
                    continue
                if any(k == key for k, _, _ in current):
                    problems.append(Problem(file, None, "id", "id_taken", {"value": key}))
                    continue
                step = _Step(edit.table, key, 0, None, cells, edit.text)
                current.append((key, 1, cells))
            else:
                key = edit.key
                index = next((i for i, (k, _, _) in enumerate(current) if k == key), None)
                if index is None:
                    raise Conflict(edit.table, key, _other_change(connection, map_id, edit.table, key, 0))
                _, revision, before = current[index]
                if revision != edit.revision:
                    raise Conflict(edit.table, key, _other_change(connection, map_id, edit.table, key, revision))
                if edit.remove:
                    step = _Step(edit.table, key, revision, before, None)
                    del current[index]
                    steps.append(step)
                    continue
                if edit.table in KEYED and cells.get("id", key) != key:
                    problems.append(Problem(file, None, "id", "id_is_stable", {"value": key}))
                    continue
                step = _Step(edit.table, key, revision, before, cells, edit.text)
                current[index] = (key, revision + 1, cells)
            if edit.table == "relations" and asks_provenance(step.before, cells):
                problems += provenance_problems(cells, {**texts, **({key: edit.text.text} if edit.text else {})})
            if edit.table == "documents" and edit.key is None and edit.text is None:
                problems.append(Problem(file, None, "text", "document_without_text", {"document": key}))
            if edit.table == "documents" and edit.text is not None:
                old_text, texts[key] = texts.get(key), edit.text.text
                for position, (_, _, cited) in enumerate(rows.get("relations", [])):
                    # a new reading of a cited document: every quote found in the old one must still be in it
                    found = [normalised(q) for q in quotes_in(str(cited.get("note", "")))]
                    if (
                        cited.get("document") == key
                        and found
                        and old_text
                        and all(q in normalised(old_text) for q in found)
                    ):
                        problems += [
                            Problem("relations.csv", position + 2, p.column, p.code, p.params)
                            for p in provenance_problems(cited, texts)
                        ]
            steps.append(step)
        if problems:
            raise Refused(problems)
        if not steps:
            return []
        found = _refuse_new_problems(rows, snapshot)
        saved = _write(connection, map_id, steps, author, comment)
    _remember(store, map_id, saved[-1].version if saved else version, rows, found)
    return saved


def map_of(store: Store, slug: str) -> MapInfo:
    found = get_map(store, slug)
    if found is None:
        raise KeyError(slug)
    return found
