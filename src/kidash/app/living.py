"""The living map on every page: which map the session looks at (named in the sidebar), another
person's change shown within seconds, the banner while looking back at a past change, and who may
edit on this server and under what name.

The watcher is a fragment that asks the store for the map's version every
:data:`POLL_SECONDS`; when someone else has saved, the whole page runs again on the new version
(on the Edit page it says so instead, so nobody's half-typed form is redrawn under them).
"""

from __future__ import annotations

import streamlit as st

from kidash import i18n
from kidash.app import identity, session, show, state
from kidash.store import access, history
from kidash.store.maps import SHIPPED_SLUG

__all__ = ["POLL_SECONDS", "edit_refusal", "closed_here", "editing_allowed", "edit_links", "map_caption", "past_banner",
           "watch", "news"]  # fmt: skip

POLL_SECONDS = 2.0
_SEEN = "kd_keep_seen_version"  # (map, version) the page last showed
_NEWS = "kd_keep_map_news"  # another person's change the next run tells of


def edit_refusal() -> str | None:
    """Why this session's person may not change the map it looks at (a key of the UI's words), or
    None when they may. A courtesy, for what the page offers: the store's own save path decides
    (:func:`kidash.store.access.authorise`)."""
    found = session.store()
    if found is None or session.uploaded_dataset() is not None:
        return "edit.closed"
    return access.check(found, identity.person(), "edit", session.map_choice().slug)[1]


def closed_here(lang: str) -> bool:
    """Say why the map cannot be changed from this page now and return True; False when it can.
    One rule for every page that changes the map (Edit, Add a document): own data lives in the
    session only, a person without the right is told how to get it, a past change is for reading."""
    if session.uploaded_dataset() is not None:
        show.note(i18n.html("edit.own_data", lang), "info")
        return True
    refusal = edit_refusal()
    if refusal is not None:
        show.note(i18n.html("edit.closed" if refusal == "access.read_only_server" else refusal, lang), "info")
        identity.account(lang, in_page=True)
        return True
    if session.map_choice().at is not None:
        show.note(i18n.html("edit.past", lang), "info")
        return True
    return False


def editing_allowed() -> bool:
    """Whether this session's person may change the map it looks at (see :func:`edit_refusal`)."""
    return edit_refusal() is None


def edit_links(lang: str, actor: str) -> None:
    """Beside an actor on its profile: a link to change it, and to its history (a map of the store,
    today, where editing is on)."""
    if session.map_info() is None or session.map_choice().at is not None:
        return
    left, right, _ = st.columns([1, 1, 3])
    if editing_allowed():
        state.page_link("rediger", i18n.t("profile.edit", lang), icon=":material/edit:", container=left,
                        edit_table="actors", edit_row=actor)  # fmt: skip
    state.page_link("historikk", i18n.t("profile.history", lang), icon=":material/history:", container=right,
                    history_table="all", history_actor=actor)  # fmt: skip


def map_caption(lang: str) -> None:
    """In the sidebar: the map shown (when it is not the shared one, or at a past change), with a
    way to the Maps page."""
    info = session.map_info()
    if info is None:
        return
    choice = session.map_choice()
    if info.slug == SHIPPED_SLUG and choice.at is None:
        return
    show.line(i18n.html("maps.shown", lang, name=info.name), st.sidebar)
    state.page_link("kart", i18n.t("maps.all", lang), icon=":material/map:", container=st.sidebar)


def _back_to_today() -> None:
    session.use_map(session.map_choice().slug, None, keep_view=True)


def past_banner(lang: str) -> None:
    """While the session looks at a map as it stood after a past change: which, and a way back."""
    choice = session.map_choice()
    found = session.store()
    if choice.at is None or found is None or session.uploaded_dataset() is not None:
        return
    change = history.change_of(found, choice.slug, choice.at)
    if change is None:
        return
    with st.container(border=True, key="kd_past"):
        text, button = st.columns([3, 1], vertical_alignment="center")
        when = i18n.format_datetime(change.at, lang)
        show.line(i18n.html("history.past_banner", lang, change=change.id, when=when, who=change.author), text)
        button.button(i18n.t("history.back_to_today", lang), on_click=_back_to_today, key="kd_today",
                      icon=":material/update:")  # fmt: skip


def news(lang: str) -> None:
    """Tell of another person's change that made this run (once)."""
    change = st.session_state.pop(_NEWS, None)
    if change is not None:
        st.toast(i18n.md("live.changed", lang, who=change.author, why=change.comment or "—"), icon=":material/sync:")


def watch(lang: str, follow: bool = True) -> None:
    """Watch the map shown for other people's changes (now, not at a past change): on one, run the
    page again (``follow``) or say so."""
    info = session.map_info()
    if info is None or session.map_choice().at is not None:
        return
    st.session_state[_SEEN] = (info.slug, info.version)

    @st.fragment(run_every=POLL_SECONDS)
    def _watch() -> None:
        now = session.map_info()
        seen = st.session_state.get(_SEEN)
        if seen is None:
            return
        if now is None:  # closed to this person meanwhile (made private, archived): the page says so
            st.session_state.pop(_SEEN, None)
            st.rerun(scope="app")
        if seen[0] != now.slug or now.version == seen[1]:
            return
        latest = history.history(session.store(), now.slug, limit=1)
        if follow:
            st.session_state[_SEEN] = (now.slug, now.version)
            st.session_state[_NEWS] = latest[0] if latest else None
            st.rerun(scope="app")
        elif latest:
            show.note(i18n.html("live.changed_here", lang, who=latest[0].author), "warning")

    _watch()
