"""The Streamlit frame shared by every page: language, cached data, error display.

This is the only module in the package that imports streamlit.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from kidash import i18n
from kidash.data import DATA_DIR, DataError, Dataset, load_dataset
from kidash.safety import TABLE_CSS, html_table

__all__ = [
    "data_dir",
    "table_of",
    "language",
    "choose_language",
    "shipped_dataset",
    "current_dataset",
    "show_problems",
    "dataset_key",
]

_LANG_KEY = "lang"


def choose_language() -> str:
    """Draw the language switch in the sidebar, kept in the URL as ``?lang=``."""
    wanted = st.query_params.get(_LANG_KEY, i18n.DEFAULT_LANGUAGE)
    if _LANG_KEY not in st.session_state:
        st.session_state[_LANG_KEY] = wanted if wanted in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    lang = st.sidebar.selectbox(
        i18n.t("sidebar.language"),
        i18n.LANGUAGES,
        key=_LANG_KEY,
        format_func=lambda code: {"nb": "Norsk (bokmål)", "en": "English"}[code],
    )
    if lang == i18n.DEFAULT_LANGUAGE:
        if _LANG_KEY in st.query_params:
            del st.query_params[_LANG_KEY]
    else:
        st.query_params[_LANG_KEY] = lang
    return lang


def language() -> str:
    """The language chosen for this session (``nb`` until the switch is drawn)."""
    lang = st.session_state.get(_LANG_KEY, i18n.DEFAULT_LANGUAGE)
    return lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def data_dir() -> Path:
    """The folder the dashboard reads: ``$KIDASH_DATA_DIR`` or the shipped ``data/``."""
    return Path(os.environ.get("KIDASH_DATA_DIR") or DATA_DIR)


def _data_fingerprint(directory: Path) -> str:
    """Changes whenever a file in the folder changes, so the cache follows the files."""
    digest = hashlib.sha256(str(directory.resolve()).encode())
    for path in sorted(directory.glob("*.csv")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


@st.cache_data(show_spinner=False)
def _load_shipped(directory: str, fingerprint: str) -> Dataset:
    return load_dataset(directory)


def shipped_dataset() -> Dataset:
    """The dashboard's own data, read once per change of the files."""
    directory = data_dir()
    return _load_shipped(str(directory), _data_fingerprint(directory))


def current_dataset() -> Dataset:
    """The dataset this session looks at; on invalid data, show why and stop the page."""
    try:
        return shipped_dataset()
    except DataError as err:
        st.error(i18n.t("data.error.title", language()))
        show_problems(err.problems)
        st.stop()
        raise  # st.stop() raises; this keeps type checkers honest


def show_problems(problems: list) -> None:
    """Every validation problem in one table: file, row, column, what is wrong."""
    lang = language()
    table = pd.DataFrame(
        {
            i18n.t("col.file", lang): [p.file for p in problems],
            i18n.t("col.row", lang): [str(p.row) if p.row is not None else "" for p in problems],
            i18n.t("col.column", lang): [p.column or "" for p in problems],
            i18n.t("col.problem", lang): [p.text(lang) for p in problems],
        }
    )
    table_of(table)


def table_of(frame: pd.DataFrame, caption: str | None = None) -> None:
    """Show a table as an accessible HTML table, every value escaped.

    Not ``st.table``: it renders cells as Markdown, and GitHub-flavoured
    autolinks survive any escaping, so a name could become a link.
    """
    st.html(TABLE_CSS + html_table(frame, caption))


def dataset_key(dataset: Dataset) -> str:
    """A content hash of a dataset, for cache keys that must not mix datasets."""
    digest = hashlib.sha256()
    for frame in (dataset.actors, dataset.relations, dataset.events, dataset.documents, dataset.background):
        digest.update(pd.util.hash_pandas_object(frame.astype(str), index=False).values.tobytes())
    return digest.hexdigest()
