"""Who may do what with a map: one rule, :func:`decide`, and :func:`authorise`, which every read and
every write of the store goes through (the save path included, not only what a page shows).

A map is ``public`` (anyone who reaches the server may view it), ``signed_in`` (anyone signed in)
or ``private`` (its members only). Members have a role: ``viewer``, ``editor`` or ``owner``.
Editors change the map; owners also rename and archive it, set who is a member and who may see it.

Without sign-in configured, the server's :class:`Policy` decides: on one's own machine
(``local_editing``: the server answers on 127.0.0.1 only, or its operator opened editing) the person
at the keyboard may do everything; otherwise every map is read only, and only public maps are seen.

A refused action is recorded (who, what, which map, why) and raised as :class:`Forbidden`, whose
reason is a key of the UI's words. A map the person may not see is refused with the same words
as a map that does not exist, so a private map's existence is not given away.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from kidash.store.engine import Store
from kidash.store.maps import MapInfo, _info, now
from kidash.store.tables import maps, members, refusals

__all__ = [
    "ROLES",
    "VISIBILITIES",
    "ACTIONS",
    "Person",
    "ANONYMOUS",
    "local_person",
    "Policy",
    "LOCAL_POLICY",
    "Forbidden",
    "decide",
    "check",
    "authorise",
    "role_of",
    "visible_maps",
    "record_refusal",
    "refusals_of",
]

ROLES: tuple[str, ...] = ("viewer", "editor", "owner")
VISIBILITIES: tuple[str, ...] = ("public", "signed_in", "private")
ACTIONS: tuple[str, ...] = ("view", "edit", "manage", "create_map")
_RANK = {role: rank for rank, role in enumerate(ROLES)}


@dataclass(frozen=True)
class Person:
    """Who is asking: an identity (an e-mail address in lower case when the identity provider gives
    one, else its subject), a name to show, and whether they are signed in; ``local``: the person
    at this machine, on a server without sign-in that answers on it only."""

    id: str
    name: str = ""
    signed_in: bool = False
    local: bool = False

    @property
    def label(self) -> str:
        """How the history names them: «Name (e-mail)», or the one that is known."""
        if self.name and self.id and self.name != self.id:
            return f"{self.name} ({self.id})"
        return self.name or self.id or "?"


ANONYMOUS = Person("", "")


def local_person(name: str) -> Person:
    """The person at this machine, named as the history will name them."""
    return Person(name, name, signed_in=False, local=True)


@dataclass(frozen=True)
class Policy:
    """The server's rule for people who are not signed in: whether sign-in is configured, and
    whether editing is open without it (one's own machine, or a trusted network)."""

    sign_in: bool = False
    local_editing: bool = True


LOCAL_POLICY = Policy()  # the command line and a store opened in code: the person at this machine


class Forbidden(Exception):
    """An action this person may not take; ``reason`` is a key of the UI's words (``access.…``)."""

    def __init__(self, action: str, slug: str, reason: str):
        self.action, self.slug, self.reason = action, slug, reason
        super().__init__(f"{action} on «{slug}» refused: {reason}")


def decide(policy: Policy, person: Person, action: str, visibility: str, role: str | None) -> str | None:
    """The one rule: None when ``person`` (with ``role`` on a map of ``visibility``) may take
    ``action``, else why not (a key of the UI's words).

    >>> signed, owner = Policy(sign_in=True), Person("per@example.no", "Per", signed_in=True)
    >>> decide(signed, owner, "manage", "private", "owner") is None
    True
    >>> decide(signed, Person("kari@example.no", signed_in=True), "edit", "public", "viewer")
    'access.viewer_only'
    >>> decide(signed, ANONYMOUS, "view", "private", None)
    'access.not_found'
    >>> decide(Policy(sign_in=False, local_editing=False), ANONYMOUS, "edit", "public", None)
    'access.read_only_server'
    """
    if action not in ACTIONS:
        raise ValueError(f"no action {action!r}")
    if not policy.sign_in:
        if policy.local_editing:
            return None
        if action == "view" and visibility == "public":
            return None
        return "access.not_found" if action == "view" else "access.read_only_server"
    can_view = (
        visibility == "public"
        or (visibility == "signed_in" and person.signed_in)
        or (person.signed_in and role is not None)
    )
    if action == "view":
        return None if can_view else "access.not_found"
    if not person.signed_in:
        return "access.sign_in"
    if action == "create_map":
        return None
    if not can_view:
        return "access.not_found"
    needed = "editor" if action == "edit" else "owner"
    if role is not None and _RANK[role] >= _RANK[needed]:
        return None
    if role is None:
        return "access.not_member"
    return "access.viewer_only" if action == "edit" else "access.owner_only"


def role_of(connection: sa.Connection, map_id: int, person: Person) -> str | None:
    """The person's role on a map (None: not a member)."""
    if not person.id:
        return None
    return connection.execute(
        sa.select(members.c.role).where(members.c.map_id == map_id, members.c.person == person.id.lower())
    ).scalar()  # fmt: skip


def record_refusal(store: Store, person: Person, action: str, slug: str, reason: str) -> None:
    """Keep a refusal: who, what, which map, why (in a transaction of its own, so it stays)."""
    with store.write() as connection:
        connection.execute(
            sa.insert(refusals).values(
                at=now(),
                person=person.label if person.id else "(anonym)",
                action=action,
                map_slug=slug[:80],
                reason=reason,
            )  # fmt: skip
        )


def refusals_of(store: Store) -> list[dict]:
    """Every refusal kept, newest first."""
    with store.read() as connection:
        rows = connection.execute(sa.select(refusals).order_by(refusals.c.id.desc())).all()
    return [dict(row._mapping) for row in rows]


def check(store: Store, person: Person, action: str, slug: str | None = None) -> tuple[MapInfo | None, str | None]:
    """The map ``slug`` and why ``person`` may not take ``action`` on it (None: they may), asking
    :func:`decide`; nothing recorded (for what a page shows; :func:`authorise` is the rule)."""
    policy = store.policy or LOCAL_POLICY
    if slug is None:
        return None, decide(policy, person, action, "public", None)
    with store.read() as connection:
        row = connection.execute(sa.select(maps).where(maps.c.slug == slug)).first()
        role = role_of(connection, row.id, person) if row is not None else None
    if row is None:
        return None, "access.not_found"
    info = _info(row)
    return info, decide(policy, person, action, info.visibility, role)


def authorise(store: Store, person: Person, action: str, slug: str | None = None) -> MapInfo | None:
    """The map ``slug`` if ``person`` may take ``action`` on it (``create_map``: no map); else the
    refusal is recorded and :class:`Forbidden` raised. Every read and write of a map asks this."""
    info, reason = check(store, person, action, slug)
    if reason is not None:
        record_refusal(store, person, action, slug or "", reason)
        raise Forbidden(action, slug or "", reason)
    return info


def visible_maps(store: Store, person: Person, archived: bool = False) -> list[MapInfo]:
    """The maps ``person`` may see (a private map of others is not listed)."""
    with store.read() as connection:
        query = sa.select(maps).order_by(maps.c.id)
        if not archived:
            query = query.where(maps.c.archived.is_(False))
        rows = connection.execute(query).all()
        roles = {}
        if person.id:
            roles = dict(
                connection.execute(
                    sa.select(members.c.map_id, members.c.role).where(members.c.person == person.id.lower())
                ).all()
            )
    return [
        _info(row)
        for row in rows
        if decide(store.policy or LOCAL_POLICY, person, "view", row.visibility, roles.get(row.id)) is None
    ]
