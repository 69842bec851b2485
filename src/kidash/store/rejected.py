"""What people rejected of the reader's proposals: per map and per document text (by its hash, so
the same text added again is the same document), with who and when, so a rejected role is not
proposed again to anyone. Rejecting asks the map's ``edit`` right; seeing asks ``view``; both
through :func:`kidash.store.access.authorise`, as every read and write of a map does."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from kidash.store.access import Person, authorise
from kidash.store.engine import Store
from kidash.store.maps import now
from kidash.store.tables import rejections

__all__ = ["Rejection", "reject", "undo_reject", "rejected", "stored_key"]

_KEY = rejections.c.candidate.type.length  # the longest candidate key kept (a role's two ends and relation)


def stored_key(candidate: str) -> str:
    """A candidate's key as the store keeps it: the one rule for matching a proposal to a rejection."""
    return candidate[:_KEY]


@dataclass(frozen=True)
class Rejection:
    candidate: str
    person: str
    at: object
    label: str


def reject(store: Store, slug: str, text_hash: str, candidate: str, person: Person, label: str = "") -> bool:
    """Keep that ``person`` rejected ``candidate`` (a candidate's key) for the document whose text
    has ``text_hash`` on the map ``slug``; ``label`` says it in words. False if it was rejected
    already (the first rejection is kept)."""
    info = authorise(store, person, "edit", slug)
    key = stored_key(candidate)
    try:
        with store.write() as connection:
            found = connection.execute(
                sa.select(rejections.c.candidate).where(
                    rejections.c.map_id == info.id, rejections.c.text_hash == text_hash, rejections.c.candidate == key
                )
            ).first()
            if found is not None:
                return False
            connection.execute(
                sa.insert(rejections).values(
                    map_id=info.id,
                    text_hash=text_hash,
                    candidate=key,
                    person=person.label[:200],
                    at=now(),
                    label=label[: rejections.c.label.type.length],
                )  # fmt: skip
            )
    except sa.exc.IntegrityError:  # another person rejected it in the same moment: theirs is kept
        return False
    return True


def undo_reject(store: Store, slug: str, text_hash: str, candidate: str, person: Person) -> bool:
    """Propose ``candidate`` again (False: it was not rejected)."""
    info = authorise(store, person, "edit", slug)
    with store.write() as connection:
        result = connection.execute(
            sa.delete(rejections).where(
                rejections.c.map_id == info.id,
                rejections.c.text_hash == text_hash,
                rejections.c.candidate == stored_key(candidate),
            )
        )
    return result.rowcount == 1


def rejected(store: Store, slug: str, text_hash: str, person: Person) -> dict[str, Rejection]:
    """Every candidate rejected for the document with ``text_hash`` on the map ``slug``, by key."""
    info = authorise(store, person, "view", slug)
    with store.read() as connection:
        rows = connection.execute(
            sa.select(rejections).where(rejections.c.map_id == info.id, rejections.c.text_hash == text_hash)
        ).all()
    return {row.candidate: Rejection(row.candidate, row.person, row.at, row.label) for row in rows}
