"""The Maps page: the maps this person may see, which one this session looks at, and a new one
(empty, a copy of the one shown, or one's own upload kept); renaming and archiving (nothing is
deleted); and, for a map's owners where sign-in is on, who may see it and its members' roles.
Every step goes through :mod:`kidash.store.manage`, which asks :func:`kidash.store.access.authorise`."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kidash import i18n
from kidash.app import identity, session, show
from kidash.store import access, manage
from kidash.store import maps as store_maps
from kidash.store.access import Forbidden
from kidash.store.content import tables_from_frames

__all__ = ["maps_page"]

_OUTCOME = "kd_keep_maps_outcome"


def _say(kind: str, words: str) -> None:
    st.session_state[_OUTCOME] = (kind, words)


def _open(slug: str) -> None:
    session.use_map(slug)


def _create(name_key: str, lang: str) -> None:
    """A button's callback: make the new map (as the choice beside it says) and look at it."""
    how = st.session_state.get("m_how") or "empty"
    name = str(st.session_state.get(name_key) or "").strip()
    if not name:
        _say("error", i18n.html("maps.name_missing", lang))
        return
    found, who = session.store(), identity.person()
    try:
        if how == "empty":
            made = manage.make_map(found, who, name, comment=i18n.t("maps.made.empty", "nb"))
        elif how == "copy":
            made = manage.copy_map(found, who, session.map_choice().slug, name)
        else:
            uploaded = session.uploaded_dataset()
            if uploaded is None:
                return
            frames = {table: raw.frame for table, raw in uploaded.raw.items()}
            made = manage.make_map(found, who, name, tables_from_frames(frames),
                                   comment=i18n.t("maps.made.upload", "nb", label=uploaded.label))  # fmt: skip
    except Forbidden as forbidden:
        _say("error", identity.refusal(forbidden.reason, lang))
        return
    session.use_map(made.slug)
    _say("success", i18n.html("maps.made", lang, name=made.name))


def _rename(slug: str, name_key: str, lang: str) -> None:
    name = str(st.session_state.get(name_key) or "").strip()
    if not name:
        _say("error", i18n.html("maps.name_missing", lang))
        return
    try:
        manage.rename(session.store(), identity.person(), slug, name)
    except Forbidden as forbidden:
        _say("error", identity.refusal(forbidden.reason, lang))
        return
    _say("success", i18n.html("maps.renamed", lang, name=name))


def _archive(slug: str, archived: bool, lang: str) -> None:
    try:
        info = manage.archive(session.store(), identity.person(), slug, archived)
    except Forbidden as forbidden:
        _say("error", identity.refusal(forbidden.reason, lang))
        return
    if archived and session.map_choice().slug == slug:
        session.use_map(store_maps.SHIPPED_SLUG)
    _say("success", i18n.html("maps.archived" if archived else "maps.restored", lang, name=info.name))


def maps_page(lang: str) -> None:
    """The Maps page below its title."""
    found = session.store()
    if found is None:
        show.note(i18n.html("maps.closed", lang), "info")
        return
    outcome = st.session_state.pop(_OUTCOME, None)
    if outcome is not None:
        show.note(outcome[1], outcome[0])
    shown = session.map_choice().slug if session.uploaded_dataset() is None else None
    everything = access.visible_maps(found, identity.person(), archived=True)
    live = [m for m in everything if not m.archived]
    st.subheader(i18n.t("maps.list", lang))
    show.table(pd.DataFrame({
        i18n.t("maps.col.name", lang): [m.name + ("  ✓" if m.slug == shown else "") for m in live],
        i18n.t("maps.col.address", lang): [f"?map={m.slug}" for m in live],
        i18n.t("maps.col.version", lang): [i18n.format_number(m.version, lang) for m in live],
        i18n.t("maps.col.visibility", lang): [i18n.t(f"maps.visibility.{m.visibility}", lang) for m in live],
        i18n.t("maps.col.made", lang): [f"{i18n.format_date(m.created_at, lang)} · {m.created_by}" for m in live],
    }))  # fmt: skip
    others = [m for m in live if m.slug != shown]
    if others:
        names = {m.slug: m.name for m in others}
        pick, go = st.columns([3, 1], vertical_alignment="bottom")
        chosen = pick.selectbox(i18n.t("maps.open", lang), list(names), format_func=names.__getitem__, key="m_open")
        go.button(i18n.t("maps.open.button", lang), on_click=_open, args=(chosen,), key="m_open_button",
                  icon=":material/open_in_new:")  # fmt: skip
    person = identity.person()
    if access.check(found, person, "create_map")[1] is None:
        _new_map(lang)
    else:
        show.note(i18n.html("edit.closed", lang), "info")
        identity.account(lang, in_page=True)
    info = session.map_info()
    if info is None or access.check(found, person, "manage", info.slug)[1] is not None:
        return
    _this_map(info, lang)
    if identity.sign_in_configured():
        _members(info, lang)
    archived = [m for m in everything if m.archived]
    if archived:
        with st.expander(i18n.md("maps.archived_list", lang, count=len(archived))):
            for m in archived:
                st.button(i18n.md("maps.restore", lang, name=m.name), on_click=_archive, args=(m.slug, False, lang),
                          key=f"m_restore_{m.slug}", icon=":material/unarchive:")  # fmt: skip


def _new_map(lang: str) -> None:
    st.subheader(i18n.t("maps.new", lang))
    hows = ["empty", "copy"] + (["upload"] if session.uploaded_dataset() is not None else [])
    st.radio(i18n.t("maps.new.how", lang), hows, key="m_how", horizontal=True,
                   format_func=lambda h: i18n.t(f"maps.new.{h}", lang))  # fmt: skip
    st.text_input(i18n.t("maps.new.name", lang), key="m_name")
    st.button(i18n.t("maps.new.button", lang), on_click=_create, args=("m_name", lang), key="m_create",
              type="primary", icon=":material/add:")  # fmt: skip


def _this_map(info: store_maps.MapInfo, lang: str) -> None:
    st.subheader(i18n.md("maps.this", lang, name=info.name))
    left, right = st.columns(2)
    with left:
        st.text_input(i18n.t("maps.rename", lang), value=info.name, key=f"m_rename_{info.slug}")
        st.button(i18n.t("maps.rename.button", lang), on_click=_rename, args=(info.slug, f"m_rename_{info.slug}", lang),
                  key="m_rename_button")  # fmt: skip
    with right:
        if info.slug != store_maps.SHIPPED_SLUG:
            sure = st.checkbox(i18n.t("maps.archive.sure", lang), key="m_archive_sure")
            st.button(i18n.t("maps.archive", lang), on_click=_archive, args=(info.slug, True, lang), disabled=not sure,
                      key="m_archive", icon=":material/archive:", help=i18n.t("maps.archive.help", lang))  # fmt: skip


def _visibility(slug: str, lang: str) -> None:
    chosen = st.session_state.get("m_visibility")
    try:
        manage.set_visibility(session.store(), identity.person(), slug, chosen)
    except Forbidden as forbidden:
        _say("error", identity.refusal(forbidden.reason, lang))
        return
    _say("success", i18n.html("maps.visibility.set", lang, who=i18n.t(f"maps.visibility.{chosen}", lang)))


def _member(slug: str, lang: str) -> None:
    """A button's callback: give the person typed the role chosen (or take their membership away)."""
    who = str(st.session_state.get("m_member") or "").strip()
    role = st.session_state.get("m_member_role") or "viewer"
    try:
        manage.set_member(session.store(), identity.person(), slug, who, None if role == "none" else role)
    except Forbidden as forbidden:
        _say("error", identity.refusal(forbidden.reason, lang))
        return
    except ValueError as wrong:
        _say("error", i18n.html("maps.members.last_owner" if str(wrong) == "last_owner" else "maps.members.who", lang))
        return
    st.session_state["m_member"] = ""
    _say("success", i18n.html("maps.members.set", lang, who=who, role=i18n.t(f"maps.role.{role}", lang)))


def _members(info: store_maps.MapInfo, lang: str) -> None:
    """For the map's owners: who may see it, and its members with their roles."""
    st.subheader(i18n.t("maps.members", lang))
    options = list(access.VISIBILITIES)
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.radio(i18n.t("maps.visibility", lang), options, index=options.index(info.visibility), key="m_visibility",
               horizontal=True, format_func=lambda v: i18n.t(f"maps.visibility.{v}", lang))  # fmt: skip
    right.button(i18n.t("maps.visibility.button", lang), on_click=_visibility, args=(info.slug, lang),
                 key="m_visibility_button", icon=":material/lock:")  # fmt: skip
    found = manage.members_of(session.store(), identity.person(), info.slug)
    show.table(pd.DataFrame({
        i18n.t("maps.members.who_col", lang): [who for who, _ in found],
        i18n.t("maps.members.role_col", lang): [i18n.t(f"maps.role.{role}", lang) for _, role in found],
    }))  # fmt: skip
    who, role, go = st.columns([3, 2, 1], vertical_alignment="bottom")
    who.text_input(i18n.t("maps.members.add", lang), key="m_member", placeholder="navn@helse-vest.no")
    role.selectbox(i18n.t("maps.members.role", lang), [*access.ROLES, "none"], index=0, key="m_member_role",
                   format_func=lambda r: i18n.t(f"maps.role.{r}", lang))  # fmt: skip
    go.button(i18n.t("maps.members.button", lang), on_click=_member, args=(info.slug, lang), key="m_member_button",
              icon=":material/person_add:")  # fmt: skip
