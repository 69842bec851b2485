"""A map's life as its people lead it, each step authorised (:mod:`kidash.store.access`) and kept
in the map's history: made (empty, copied, from data), renamed, archived, who may see it, who its
members are and with what role."""

from __future__ import annotations

import sqlalchemy as sa

from kidash.store import maps as raw
from kidash.store.access import ROLES, VISIBILITIES, Person, authorise
from kidash.store.engine import Store
from kidash.store.maps import MapInfo
from kidash.store.tables import maps, members

__all__ = ["make_map", "copy_map", "rename", "archive", "set_visibility", "set_member", "members_of", "ensure_owners"]


def _own(store: Store, info: MapInfo, person: Person) -> None:
    """The person who made a map is its first owner (when they are signed in: a name typed on one's
    own machine is no identity to own by)."""
    if person.signed_in and person.id:
        with store.write() as connection:
            connection.execute(sa.insert(members).values(map_id=info.id, person=person.id.lower(), role="owner"))


def make_map(store: Store, person: Person, name: str, tables=None, texts=None, comment: str = "") -> MapInfo:
    """A new map (empty, or holding ``tables``), owned by ``person``; visible to its members only
    when sign-in is on (its owner makes it public), else public."""
    authorise(store, person, "create_map")
    visibility = "private" if (store.policy is not None and store.policy.sign_in) else "public"
    info = raw.create_map(store, name, person.label, tables, texts, comment, visibility=visibility)
    _own(store, info, person)
    return info


def copy_map(store: Store, person: Person, slug: str, name: str) -> MapInfo:
    """A copy of the map ``slug`` (which the person may see), owned by ``person``."""
    authorise(store, person, "view", slug)
    authorise(store, person, "create_map")
    visibility = "private" if (store.policy is not None and store.policy.sign_in) else "public"
    info = raw.copy_map(store, slug, name, person.label, visibility=visibility)  # never public for a moment
    _own(store, info, person)
    return info


def rename(store: Store, person: Person, slug: str, name: str) -> MapInfo:
    authorise(store, person, "manage", slug)
    return raw.rename_map(store, slug, name, person.label)


def archive(store: Store, person: Person, slug: str, archived: bool = True) -> MapInfo:
    authorise(store, person, "manage", slug)
    return raw.archive_map(store, slug, person.label, archived)


def set_visibility(store: Store, person: Person, slug: str, visibility: str) -> MapInfo:
    """Who may see the map: ``public``, ``signed_in`` or ``private`` (its members)."""
    if visibility not in VISIBILITIES:
        raise ValueError(visibility)
    authorise(store, person, "manage", slug)
    return raw._map_change(store, slug, person.label, "visibility", {"visibility": visibility})


def members_of(store: Store, person: Person, slug: str) -> list[tuple[str, str]]:
    """(identity, role) of every member, for an owner."""
    info = authorise(store, person, "manage", slug)
    with store.read() as connection:
        rows = connection.execute(
            sa.select(members.c.person, members.c.role).where(members.c.map_id == info.id).order_by(members.c.person)
        ).all()  # fmt: skip
    return [(row.person, row.role) for row in rows]


def set_member(store: Store, person: Person, slug: str, who: str, role: str | None) -> None:
    """Make ``who`` (an e-mail address or identity) a member with ``role``, or no member (None).
    An owner cannot take away the map's last owner."""
    who = who.strip().lower()
    if not who or len(who) > 200:
        raise ValueError("who")
    if role is not None and role not in ROLES:
        raise ValueError(role)
    info = authorise(store, person, "manage", slug)
    with store.write() as connection:
        before = connection.execute(
            sa.select(members.c.role).where(members.c.map_id == info.id, members.c.person == who)
        ).scalar()  # fmt: skip
        if before == "owner" and role != "owner":
            owners = connection.execute(
                sa.select(sa.func.count()).select_from(members)
                .where(members.c.map_id == info.id, members.c.role == "owner")
            ).scalar_one()  # fmt: skip
            if owners <= 1:
                raise ValueError("last_owner")
        where = (members.c.map_id == info.id, members.c.person == who)
        connection.execute(sa.delete(members).where(*where))
        if role is not None:
            connection.execute(sa.insert(members).values(map_id=info.id, person=who, role=role))
        raw.record_map_change(connection, info.id, person.label, "members", {"person": who, "role": before},
                              {"person": who, "role": role})  # fmt: skip


def ensure_owners(store: Store, slug: str, people: list[str]) -> None:
    """The configured owners of a map (``KIDASH_OWNERS`` for the shared map): made owners when
    they are not members yet (a role an owner gave them since is left as it is)."""
    with store.write() as connection:
        found = connection.execute(sa.select(maps.c.id).where(maps.c.slug == slug)).scalar()
        if found is None:
            return
        for who in {p.strip().lower() for p in people if p.strip()}:
            exists = connection.execute(
                sa.select(members.c.role).where(members.c.map_id == found, members.c.person == who)
            ).scalar()  # fmt: skip
            if exists is None:
                connection.execute(sa.insert(members).values(map_id=found, person=who, role="owner"))
