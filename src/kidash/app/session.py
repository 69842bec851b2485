"""The dataset this session looks at: the shipped map (read once per change of its files) or the
session's own upload, which lives in its session state only, never in a module variable."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import streamlit as st

from kidash import i18n
from kidash.app import show, state
from kidash.data.dataset import DATA_DIR, Dataset, load_dataset
from kidash.data.problems import DataError

__all__ = ["data_dir", "shipped_dataset", "uploaded_dataset", "current_dataset", "use_dataset"]


def data_dir() -> Path:
    """The folder the dashboard reads: ``$KIDASH_DATA_DIR`` or the shipped ``data/``."""
    return Path(os.environ.get("KIDASH_DATA_DIR") or DATA_DIR)


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
_KEEP_ON_SWITCH = state.STATE_KEYS | {_UPLOADED}


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


def current_dataset() -> Dataset:
    """The dataset this session looks at (its own upload, else the shipped data); on invalid
    shipped data, show why and stop the page."""
    uploaded = uploaded_dataset()
    if uploaded is not None:
        return uploaded
    try:
        return shipped_dataset()
    except DataError as err:
        st.error(i18n.t("data.error.title", state.language()))
        show.problems(err.problems)
        st.stop()
        raise  # st.stop() raises; this keeps type checkers honest
