"""The dataset this session looks at: a map of the store (the shared one unless a link or the Maps
page chose another, now or as it stood after a past change), read once per version of the map;
or the session's own upload, which lives in its session state only, never in a module variable.

With ``KIDASH_DATA_DIR`` set, the dashboard reads that folder of CSV files instead of the store,
read only (read once per change of its files): a published snapshot, or a test's own data.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from kidash import i18n
from kidash.app import identity, show, state
from kidash.data.dataset import DATA_DIR, Dataset, load_dataset
from kidash.data.problems import DataError
from kidash.store import access, content, history, manage
from kidash.store.engine import Store, default_url
from kidash.store.loading import load_map
from kidash.store.maps import SHIPPED_SLUG, MapInfo
from kidash.store.opening import open_store

__all__ = [
    "data_dir",
    "files_only",
    "store",
    "MapChoice",
    "map_choice",
    "map_info",
    "follow_link",
    "use_map",
    "shipped_dataset",
    "uploaded_dataset",
    "current_dataset",
    "use_dataset",
    "current_rows",
]


def data_dir() -> Path:
    """The folder the dashboard reads: ``$KIDASH_DATA_DIR`` or the shipped ``data/``."""
    return Path(os.environ.get("KIDASH_DATA_DIR") or DATA_DIR)


def files_only() -> bool:
    """Whether the dashboard reads a folder of files (``KIDASH_DATA_DIR``), read only, not the store."""
    return bool(os.environ.get("KIDASH_DATA_DIR", "").strip())


@st.cache_resource(show_spinner=False)
def _open_store(url: str) -> Store:
    found = open_store(url)  # migrated, and the shipped map seeded on the first start
    # The shared map's first owners, by configuration (e-mail addresses, comma-separated).
    manage.ensure_owners(found, SHIPPED_SLUG, os.environ.get("KIDASH_OWNERS", "").split(","))
    return found


def store() -> Store | None:
    """The store (one per server process), or None while the dashboard reads files only. It knows
    the server's rule for people who are not signed in (:func:`kidash.app.identity.policy`)."""
    if files_only():
        return None
    found = _open_store(default_url())
    found.policy = identity.policy()  # the same for every session of this server
    return found


def _viewable(found: Store, slug: str) -> MapInfo | None:
    """The map ``slug`` if this session's person may see it (else None, as if it did not exist)."""
    info, reason = access.check(found, identity.person(), "view", slug)
    return info if reason is None else None


@dataclass(frozen=True)
class MapChoice:
    """The map a session looks at: its address and, to look back, the change it stood after."""

    slug: str = SHIPPED_SLUG
    at: int | None = None

    def marks(self) -> dict[str, tuple[str, ...]]:
        """How the URL says it (nothing for the shared map today)."""
        marks = {} if self.slug == SHIPPED_SLUG else {"map": (self.slug,)}
        return marks | ({"at": (str(self.at),)} if self.at is not None else {})


_CHOICE = "kd_map_choice"


def map_choice() -> MapChoice:
    """The map this session looks at."""
    return st.session_state.get(_CHOICE) or MapChoice()


def map_info() -> MapInfo | None:
    """What the map this session looks at is now (its version goes up with every change); None
    while the session looks at files or its own upload."""
    found = store()
    if found is None or uploaded_dataset() is not None:
        return None
    return _viewable(found, map_choice().slug)


def follow_link() -> None:
    """Read the map (``?map=``) and past change (``?at=``) of a link this run arrived through; say
    what does not exist and show the shared map today instead. Call before anything reads the data."""
    query = state.arrived_query()
    found = store()
    if query is None or found is None:
        return
    lang = (query.get("lang") or (state.language(),))[-1]
    lang = lang if lang in i18n.LANGUAGES else state.language()
    slug = (query.get("map") or (SHIPPED_SLUG,))[-1]
    at_text = (query.get("at") or ("",))[-1]
    try:  # a private map of others is refused in the words of one that does not exist (recorded)
        info = access.authorise(found, identity.person(), "view", slug)
    except access.Forbidden:
        info = None
    if info is None:
        st.warning(i18n.md("maps.not_found", lang, slug=slug), icon=":material/link_off:")
        st.session_state[_CHOICE] = MapChoice()
        return
    at = int(at_text) if at_text.isdigit() else None
    if at_text and (at is None or history.change_of(found, slug, at) is None):
        st.warning(i18n.md("history.change_not_found", lang, change=at_text), icon=":material/link_off:")
        at = None
    st.session_state[_CHOICE] = MapChoice(info.slug, at)


def use_map(slug: str, at: int | None = None, keep_view: bool = False) -> None:
    """Look at the map ``slug`` (at change ``at``) in this session from now on, own data put away:
    the view starts afresh (its choices name the actors of the map left behind), or is kept
    (``keep_view``: the same map at another moment)."""
    if not keep_view:
        _forget_view_state()
    st.session_state.pop(_UPLOADED, None)
    st.session_state[_CHOICE] = MapChoice(slug, at)


_LOOKED: dict[str, tuple[float, str]] = {}  # folder -> (when its files were last looked at, fingerprint)
LOOK_EVERY = 1.0  # seconds: a changed file is seen on the first run after this, not re-read on every run


def _data_fingerprint(directory: Path) -> str:
    """Changes whenever a file in the folder changes, so the cache follows the files (looked at
    at most once a second: every run of every session asked the disk otherwise)."""
    now = time.monotonic()
    looked = _LOOKED.get(str(directory))
    if looked and now - looked[0] < LOOK_EVERY:
        return looked[1]
    digest = hashlib.sha256(str(directory.resolve()).encode())
    for path in sorted(directory.glob("*.csv")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    _LOOKED[str(directory)] = (now, digest.hexdigest())
    return _LOOKED[str(directory)][1]


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_shipped(directory: str, fingerprint: str) -> Dataset:
    dataset = load_dataset(directory)
    _ = dataset.fingerprint  # computed once, here, for every session that shares it
    return dataset


def shipped_dataset() -> Dataset:
    """The dashboard's own data, read once per change of the files."""
    directory = data_dir()
    return _load_shipped(str(directory), _data_fingerprint(directory))


_UPLOADED = "kd_uploaded_dataset"
_KEEP_ON_SWITCH = state.STATE_KEYS | {_UPLOADED, _CHOICE}


def uploaded_dataset() -> Dataset | None:
    """The data this session uploaded, if it uses its own."""
    return st.session_state.get(_UPLOADED)


def _forget_view_state() -> None:
    """Clear filters, pickers and page choices (they name actors of the data left behind);
    the URL follows on the next run."""
    for key in list(st.session_state.keys()):
        if key not in _KEEP_ON_SWITCH and not str(key).startswith("kd_keep_"):
            del st.session_state[key]
    state.forget()


def use_dataset(dataset: Dataset | None) -> None:
    """Explore ``dataset`` in this session from now on (None: back to the shipped data)."""
    _forget_view_state()
    if dataset is None:
        st.session_state.pop(_UPLOADED, None)
    else:
        st.session_state[_UPLOADED] = dataset


@st.cache_resource(show_spinner=False, max_entries=8)
def _load_stored(url: str, slug: str, version: int, at: int | None) -> Dataset:
    # keyed by the map's version: a change anywhere is a new version, and every session sees it
    dataset = load_map(_open_store(url), slug, at)[1]
    _ = dataset.fingerprint  # computed once, here, for every session that shares it
    return dataset


def stored_dataset(choice: MapChoice) -> Dataset:
    """The map ``choice`` from the store, read once per version (a past change's map never changes)
    and shared by every session that may see it: each session is authorised before it is given."""
    found = store()
    lang = state.language()
    info = _viewable(found, choice.slug)
    if info is None:  # archived, gone or closed to this person since: the shared map
        if choice.slug != SHIPPED_SLUG:
            st.warning(i18n.md("maps.gone", lang, slug=choice.slug), icon=":material/link_off:")
        choice = MapChoice()
        st.session_state[_CHOICE] = choice
        info = _viewable(found, choice.slug)
    if info is None:  # the shared map is not for everyone on this server: sign in first
        show.note(i18n.html("access.sign_in_to_see", lang), "info")
        identity.account(lang, in_page=True)
        st.stop()
    # _viewable asked the rule (access.check) before the shared cache is touched: a map this person
    # may not see is never read for them.
    return _load_stored(found.url, info.slug, 0 if choice.at is not None else info.version, choice.at)


def current_dataset() -> Dataset:
    """The dataset this session looks at (its own upload, else the store's map, or the files); on
    invalid data, show why and stop the page. Sets the URL's marks of the data shown."""
    uploaded = uploaded_dataset()
    if uploaded is not None:
        state.set_marks(dict([(state.OWN_DATA[0], (state.OWN_DATA[1],))]))
        return uploaded
    try:
        if files_only():
            state.set_marks({})
            return shipped_dataset()
        choice = map_choice()
        dataset = stored_dataset(choice)
        state.set_marks(map_choice().marks())
        return dataset
    except DataError as err:
        st.error(i18n.t("data.error.title", state.language()))
        show.problems(err.problems)
        st.stop()
        raise  # st.stop() raises; this keeps type checkers honest


@st.cache_resource(show_spinner=False, max_entries=8)
def _map_rows(url: str, slug: str, version: int) -> dict[str, list]:
    return content.map_rows(store(), slug)[1]


def current_rows() -> dict[str, list]:
    """The rows of the map this session edits, with their revisions: read once per version of the
    map and shared (the map was checked for viewing when it was opened: :func:`map_info`)."""
    info = map_info()
    if info is None:
        return {}
    return _map_rows(store().url, info.slug, info.version)
