"""The History page: every change to the map, newest first, with who, when, why and on which
source; what changed since one last looked; the map as it stood after any change; a change
undone (as a new change); the history as a spreadsheet."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kidash import i18n
from kidash.app import identity, living, session, show, state
from kidash.edit.described import field_changes, row_label
from kidash.edit.fields import field_label
from kidash.exports.data_files import csv_bytes
from kidash.store import history
from kidash.store.access import Forbidden
from kidash.store.edits import Conflict, Refused

__all__ = ["history_page", "PAGE_SIZE"]

PAGE_SIZE = 50
_SHOWN = "kd_keep_history_shown"  # how many changes the page lists (more on «Show more»)
_OUTCOME = "kd_keep_history_outcome"


def _undo(slug: str, change_id: int, reason_key: str, lang: str) -> None:
    """A button's callback: undo one change as a new change, and say what happened."""
    reason = str(st.session_state.get(reason_key) or "").strip()
    if not reason:
        st.session_state[_OUTCOME] = ("error", i18n.html("edit.why_missing", lang), None)
        return
    try:
        saved = history.revert(session.store(), slug, change_id, identity.person(), reason)
    except Conflict as conflict:
        other = conflict.other
        words = i18n.html("history.undo.conflict", lang, change=change_id, who=other.author if other else "—")
        st.session_state[_OUTCOME] = ("warning", words, None)
        return
    except Refused as refused:
        st.session_state[_OUTCOME] = ("error", i18n.html("history.undo.refused", lang, change=change_id),
                                      refused.problems)  # fmt: skip
        return
    except Forbidden as forbidden:
        st.session_state[_OUTCOME] = ("error", identity.refusal(forbidden.reason, lang), None)
        return
    st.session_state[_OUTCOME] = ("success", i18n.html("history.undo.done", lang, change=change_id, new=saved.change),
                                  None)  # fmt: skip


def _action(change: history.Change, lang: str) -> str:
    return i18n.t(f"history.action.{change.action}", lang)


def _map_detail(change: history.Change, lang: str) -> str:
    """What a change of who may see the map, or of a member's role, changed (HTML text)."""
    before, after = change.before or {}, change.after or {}
    if change.action == "visibility":
        return i18n.html("history.detail.visibility", lang,
                         before=i18n.t(f"maps.visibility.{before.get('visibility')}", lang),
                         after=i18n.t(f"maps.visibility.{after.get('visibility')}", lang))  # fmt: skip

    def role(value) -> str:
        return i18n.t(f"maps.role.{value}", lang) if value else "—"

    return i18n.html("history.detail.members", lang, who=after.get("person") or before.get("person") or "",
                     before=role(before.get("role")), after=role(after.get("role")))  # fmt: skip


def _change_card(
    change: history.Change, slug: str, names: dict[str, str], new: bool, can_edit: bool, lang: str
) -> None:
    with st.container(border=True, key=f"kd_change_{change.id}"):
        words = {"change": change.id, "when": i18n.format_datetime(change.at, lang), "who": change.author,
                 "action": _action(change, lang)}  # fmt: skip
        if change.table:
            label = row_label(change.table, change.after or change.before, names)
            what = i18n.t(f"edit.tables.{change.table}", lang).lower()
            head = i18n.html("history.card", lang, what=what, label=label, **words)
        else:
            head = i18n.html("history.card.map", lang, name=(change.after or {}).get("name", ""), **words)
        show.line(("🆕 " if new else "") + head)
        if change.action in ("visibility", "members"):
            show.line(_map_detail(change, lang))
        if change.comment:
            show.line(i18n.html("history.why", lang, why=change.comment))
        if change.document:
            show.line(i18n.html("history.source", lang, document=change.document))
        if change.reverts:
            show.line(i18n.html("history.reverts", lang, change=change.reverts))
        fields = field_changes(change.table, change.before, change.after)
        if fields and change.table:
            rows = {
                i18n.t("col.column", lang): [field_label(change.table, f.column, lang) for f in fields],
                i18n.t("history.before", lang): [f.before for f in fields],
                i18n.t("history.after", lang): [f.after for f in fields],
            }
            show.table(pd.DataFrame(rows))
        left, right = st.columns(2)
        marks = {"at": (str(change.id),)} | ({"map": (slug,)} if slug != session.MapChoice().slug else {})
        state.page_link("home", i18n.t("history.see_map", lang), icon=":material/travel_explore:", container=left,
                        marks=marks)  # fmt: skip
        if can_edit and change.table:
            with right.popover(i18n.t("history.undo", lang), icon=":material/undo:"):
                reason_key = f"h_reason_{change.id}"
                st.text_input(i18n.t("edit.why", lang), key=reason_key)
                st.button(i18n.t("history.undo.confirm", lang), key=f"h_undo_{change.id}", on_click=_undo,
                          args=(slug, change.id, reason_key, lang))  # fmt: skip


def history_page(page) -> None:
    """The History page below its title."""
    lang = page.lang
    found = session.store()
    info = session.map_info()
    if found is None or info is None:
        show.note(i18n.html("history.closed", lang), "info")
        return
    outcome = st.session_state.pop(_OUTCOME, None)
    if outcome is not None:
        kind, words, problems = outcome
        show.note(words, kind)
        if problems:
            show.problems(problems)
    who = identity.person()
    person = who.label if who.id else None  # somebody not signed in has no last visit of their own
    seen = history.last_seen(found, info.slug, person) if person else None
    since = history.changes_since(found, info.slug, seen)
    if seen is not None and since:
        show.note(i18n.html("history.since_last", lang, count=since), "info")
    left, middle, right = st.columns(3)
    with left:
        table = state.choose("history_table", i18n.t("history.table", lang), "edit.tables_all")
    with middle:
        actor = state.actor_picker("history_actor", i18n.t("history.actor", lang), page.full,
                                   i18n.t("history.actor.anyone", lang))  # fmt: skip
    authors = sorted({c.author for c in history.history(found, info.slug)})
    with right:
        author = st.selectbox(i18n.t("history.author", lang), authors, index=None, key="h_author",
                              placeholder=i18n.t("history.author.anyone", lang))  # fmt: skip
    changes = history.history(found, info.slug, actor=actor, author=author,
                              table=None if table == "all" else table)  # fmt: skip
    shown = st.session_state.get(_SHOWN, PAGE_SIZE)
    if len(changes) > shown:
        show.line(i18n.html("history.count", lang, count=len(changes), shown=shown))
    else:
        show.line(i18n.html("history.count.all", lang, count=len(changes)))
    st.download_button(
        i18n.t("history.download", lang),
        csv_bytes(history.history_frame(changes)),
        file_name=f"kidash-{info.slug}-historikk.csv",
        mime="text/csv",
        icon=":material/download:",
        key="h_download",
    )
    can_edit = living.editing_allowed() and session.map_choice().at is None
    for change in changes[:shown]:
        _change_card(change, info.slug, page.names, seen is not None and change.id > seen, can_edit, lang)
    if len(changes) > shown:
        st.button(i18n.t("history.more", lang), key="h_more",
                  on_click=lambda: st.session_state.__setitem__(_SHOWN, shown + PAGE_SIZE))  # fmt: skip
    newest = history.history(found, info.slug, limit=1)
    if newest and person:
        history.mark_seen(found, info.slug, person, newest[0].id)
