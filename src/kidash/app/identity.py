"""Who is at the keyboard, and the server's rule for people who are not signed in.

Sign-in is Streamlit's own OpenID Connect (``st.login`` / ``st.user``, through Authlib), turned on
by an ``[auth]`` section in the server's secrets (``.streamlit/secrets.toml``, or the files that
``STREAMLIT_SECRETS_FILES`` names); docs/DEPLOY.md has worked examples. With it, each map's members
and roles decide (:mod:`kidash.store.access`). Without it, the server decides: on one's own machine
(``make run`` answers on 127.0.0.1 only) the person at the keyboard edits under the computer's
user name or the one they type; served to a network, every map is read only, unless its operator
opened editing on purpose (``KIDASH_EDITING=open``, a trusted network); ``KIDASH_EDITING=off``
closes it.

What the identity provider says about a person (name, e-mail) is untrusted text: it is shown
only through the same escaping as data (:mod:`kidash.app.show`, :func:`kidash.i18n.html`).
"""

from __future__ import annotations

import getpass
import os
import threading
import time

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from kidash import i18n
from kidash.app import show
from kidash.store.access import ANONYMOUS, Person, Policy, local_person

__all__ = ["sign_in_configured", "policy", "person", "author", "author_field", "account", "refusal"]

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_AUTHOR = "kd_keep_author"
_MAX_CLAIM = 200  # characters kept of a claim (a name, an e-mail address)
_SINCE = "kd_keep_identity_since"  # (identity, when this session first saw it signed in)
# When each identity last signed out here: Streamlit forgets a person's cookie at sign-out, but a
# tab of theirs opened before keeps its identity until it reloads; this ends it at once on this
# server (a proxy keeps a browser on one replica).
_SIGNED_OUT: dict[str, float] = {}
_SIGNED_OUT_LOCK = threading.Lock()


def sign_in_configured() -> bool:
    """Whether the server's secrets configure sign-in (an ``[auth]`` section)."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        return False


def policy() -> Policy:
    """The server's rule for people who are not signed in (the same for every session)."""
    if sign_in_configured():
        return Policy(sign_in=True, local_editing=False)
    setting = os.environ.get("KIDASH_EDITING", "").strip().lower()
    if setting in {"off", "open"}:
        return Policy(sign_in=False, local_editing=setting == "open")
    return Policy(sign_in=False, local_editing=str(st.get_option("server.address") or "") in _LOOPBACK)


def _logged_in() -> bool:
    """Whether Streamlit knows this session's person from a valid sign-in cookie (a tampered or
    expired one is no sign-in). Read as a key: st.user has no ``is_logged_in`` where no server
    stands behind it (AppTest)."""
    return st.user.get("is_logged_in") is True


def _claim(name: str) -> str:
    value = st.user.get(name)
    return " ".join(str(value).split())[:_MAX_CLAIM] if value is not None else ""


def person() -> Person:
    """Who this session is: the signed-in person (their e-mail address in lower case, else the
    provider's subject, as identity), the person at this machine, or nobody in particular."""
    if sign_in_configured():
        if not _logged_in():
            return ANONYMOUS
        email = _claim("email").lower()
        identity = email or f"{_claim('iss')}#{_claim('sub')}"
        since = st.session_state.get(_SINCE)
        if since is None or since[0] != identity:
            since = st.session_state[_SINCE] = (identity, time.time())
        if _SIGNED_OUT.get(identity, 0.0) >= since[1]:  # signed out in another tab since this one saw them
            return ANONYMOUS
        return Person(identity, _claim("name") or email, signed_in=True)
    if policy().local_editing:
        return local_person(author())
    return ANONYMOUS


def author() -> str:
    """On a server without sign-in: the name this session's changes are kept under, what the
    person typed on the Edit page, else the name of the account the server runs under (on one's
    own machine, one's own)."""
    typed = str(st.session_state.get(_AUTHOR) or "").strip()
    if typed:
        return typed[:_MAX_CLAIM]
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this account (a container's numeric user)
        return "kidash"


def author_field(lang: str, where=None) -> str:
    """Who the session's changes are kept under: a name to change on a server without sign-in;
    the signed-in person, as the provider names them, with it."""
    if sign_in_configured():
        return person().label
    st.session_state.setdefault(_AUTHOR, author())
    (where or st).text_input(i18n.t("edit.author", lang), key=_AUTHOR, help=i18n.t("edit.author.help", lang))
    return author()


def account(lang: str, in_page: bool = False) -> None:
    """Where sign-in is on: who is signed in, and a way in or out (in the sidebar; ``in_page``:
    where a page says that signing in is what it takes)."""
    if not sign_in_configured() or (in_page and _logged_in()):
        return
    where = "page" if in_page else "sidebar"
    box = (st if in_page else st.sidebar).container(key=f"kd_account_{where}")
    if _logged_in():
        show.line(i18n.html("auth.signed_in_as", lang, name=person().label), box)
        if box.button(i18n.t("auth.sign_out", lang), key=f"kd_sign_out_{where}", icon=":material/logout:"):
            who = person()
            if who.id:
                with _SIGNED_OUT_LOCK:
                    _SIGNED_OUT[who.id] = time.time()
            st.logout()
    elif box.button(i18n.t("auth.sign_in", lang), key=f"kd_sign_in_{where}", icon=":material/login:",
                    type="primary" if in_page else "secondary"):  # fmt: skip
        st.login()


def refusal(reason: str, lang: str) -> str:
    """Why an action was refused, as HTML text for :func:`kidash.app.show.note`."""
    return i18n.html(reason, lang)
