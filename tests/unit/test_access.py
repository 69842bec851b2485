"""Who may do what, checked where it is decided: in the store, through the functions the pages
call (a page that hid a button would not be enough). Every action against every kind of person on
every kind of map, on SQLite and PostgreSQL; a forged save refused, recorded and writing nothing;
a private map invisible to whoever is not its member."""

from __future__ import annotations

import pytest

from kidash.store import history, manage
from kidash.store.access import (
    ANONYMOUS,
    Forbidden,
    Person,
    Policy,
    authorise,
    refusals_of,
    visible_maps,
)
from kidash.store.content import map_rows
from kidash.store.edits import Edit, save
from kidash.store.opening import open_store
from kidash.store.transfer import tables_in

OWNER = Person("per@example.no", "Per Eier", signed_in=True)
EDITOR = Person("ola@example.no", "Ola Nordmann", signed_in=True)
VIEWER = Person("kari@example.no", "Kari Nordmann", signed_in=True)
STRANGER = Person("ukjent@example.no", "Ukjent", signed_in=True)
PEOPLE = {"owner": OWNER, "editor": EDITOR, "viewer": VIEWER, "signed-in stranger": STRANGER, "anonymous": ANONYMOUS}

# What each may do, by the map's visibility: written out by hand, not derived from the rule.
ALLOWED = {
    "public": {
        "owner": {"view", "edit", "manage", "create_map"},
        "editor": {"view", "edit", "create_map"},
        "viewer": {"view", "create_map"},
        "signed-in stranger": {"view", "create_map"},
        "anonymous": {"view"},
    },
    "signed_in": {
        "owner": {"view", "edit", "manage", "create_map"},
        "editor": {"view", "edit", "create_map"},
        "viewer": {"view", "create_map"},
        "signed-in stranger": {"view", "create_map"},
        "anonymous": set(),
    },
    "private": {
        "owner": {"view", "edit", "manage", "create_map"},
        "editor": {"view", "edit", "create_map"},
        "viewer": {"view", "create_map"},
        "signed-in stranger": {"create_map"},
        "anonymous": set(),
    },
}


@pytest.fixture
def store(store_url):
    found = open_store(store_url)
    found.policy = Policy(sign_in=True)
    manage.ensure_owners(found, "kidash", [OWNER.id])
    manage.set_member(found, OWNER, "kidash", EDITOR.id, "editor")
    manage.set_member(found, OWNER, "kidash", VIEWER.id, "viewer")
    return found


def attempt(store, person: Person, action: str) -> bool:
    """Take ``action`` on the shared map through the store's own functions; whether it went through."""
    try:
        if action == "view":
            authorise(store, person, "view", "kidash")
        elif action == "edit":
            key, revision, cells = next(r for r in map_rows(store, "kidash")[1]["actors"] if r[0] == "ks")
            save(
                store, "kidash", Edit("actors", {**cells, "note": f"av {person.name}"}, key, revision), person, "prøve"
            )
        elif action == "manage":
            manage.rename(store, person, "kidash", f"Kartet ({person.name})")
        else:
            manage.make_map(store, person, f"Eget kart {person.name}")
    except Forbidden:
        return False
    return True


@pytest.mark.parametrize("visibility", list(ALLOWED))
def test_every_action_against_every_person_on_every_kind_of_map(store, visibility):
    if visibility != "public":
        manage.set_visibility(store, OWNER, "kidash", visibility)
    for who, person in PEOPLE.items():
        for action in ("view", "edit", "manage", "create_map"):
            done = attempt(store, person, action)
            assert done == (action in ALLOWED[visibility][who]), (visibility, who, action)
        listed = {m.slug for m in visible_maps(store, person)}
        assert ("kidash" in listed) == ("view" in ALLOWED[visibility][who]), (visibility, who)


def test_a_forged_save_is_refused_recorded_and_writes_nothing(store):
    before = tables_in(store)
    _, rows = map_rows(store, "kidash")
    key, revision, cells = next(r for r in rows["actors"] if r[0] == "dnv")
    forged = Edit("actors", {**cells, "name": "Forfalsket"}, key, revision)
    for slug in ("kidash", "finnes-ikke"):  # the viewer's map, or another
        with pytest.raises(Forbidden):
            save(store, slug, forged, VIEWER, "forfalsket")
    with pytest.raises(Forbidden):
        history.revert(store, "kidash", 1, VIEWER, "angre")
    with pytest.raises(Forbidden):
        manage.set_member(store, VIEWER, "kidash", VIEWER.id, "owner")  # a viewer cannot make themselves owner
    after = tables_in(store)
    assert after["records"] == before["records"] and after["changes"] == before["changes"]
    assert after["members"] == before["members"]
    kept = refusals_of(store)
    assert len(kept) == 4 and {r["action"] for r in kept} == {"edit", "manage"}
    assert all(r["person"] == VIEWER.label for r in kept)


def test_a_private_map_is_invisible_to_everyone_but_its_members(store):
    private = manage.make_map(store, OWNER, "Helse Nord internt")
    assert private.visibility == "private"
    for person in (STRANGER, ANONYMOUS, VIEWER):
        assert private.slug not in {m.slug for m in visible_maps(store, person)}
        with pytest.raises(Forbidden) as refused:
            authorise(store, person, "view", private.slug)
        with pytest.raises(Forbidden) as missing:
            authorise(store, person, "view", "finnes-ikke")
        assert refused.value.reason == missing.value.reason == "access.not_found"  # its existence not given away
    manage.set_member(store, OWNER, private.slug, VIEWER.id, "viewer")
    assert private.slug in {m.slug for m in visible_maps(store, VIEWER)}
    manage.set_visibility(store, OWNER, private.slug, "public")
    assert private.slug in {m.slug for m in visible_maps(store, ANONYMOUS)}


def test_the_last_owner_cannot_be_taken_away(store):
    with pytest.raises(ValueError, match="last_owner"):
        manage.set_member(store, OWNER, "kidash", OWNER.id, "viewer")
    manage.set_member(store, OWNER, "kidash", EDITOR.id, "owner")
    manage.set_member(store, OWNER, "kidash", OWNER.id, None)
    assert ("per@example.no", "owner") not in manage.members_of(store, EDITOR, "kidash")


def test_without_sign_in_the_server_decides(store_url):
    local = open_store(store_url)
    assert local.policy is None  # one's own machine: the person at it may do everything
    assert attempt(local, Person("ola", "ola", local=True), "edit")
    local.policy = Policy(sign_in=False, local_editing=False)  # a server open to a network, no sign-in
    assert attempt(local, ANONYMOUS, "view")
    for action in ("edit", "manage", "create_map"):
        assert not attempt(local, ANONYMOUS, action), action
