"""The Streamlit side of own data: the banner on every page, the upload, downloading the data again.

Uploaded files are read in the uploader's callback (before any page draws),
validated with the same rules as ``python -m kidash validate``, and kept in
this session's state only (see :func:`kidash.app.session.use_dataset`).
"""

from __future__ import annotations

import datetime as dt
import logging

import streamlit as st

from kidash import i18n
from kidash.app import cache, session, show
from kidash.data import upload
from kidash.data.dataset import Dataset
from kidash.data.problems import DataError, Problem
from kidash.exports import data_files, template

__all__ = ["banner", "upload_panel", "download_panel", "quality_panel"]

_LOG = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ROUND = "kd_keep_upload_round"  # bumped to give the uploader a fresh, empty key
_PROBLEMS = "kd_keep_upload_problems"
_LOADED = "kd_keep_upload_loaded"
_TRIED = "kd_keep_upload_tried"  # the files of an upload that could not load: the next one mends them


def _counts(dataset: Dataset, lang: str) -> dict[str, str]:
    return {
        "actors": i18n.format_number(len(dataset.actors), lang),
        "relations": i18n.format_number(len(dataset.relations), lang),
        "documents": i18n.format_number(len(dataset.documents), lang),
    }


def _back_to_shipped() -> None:
    session.use_dataset(None)
    for key in (_LOADED, _PROBLEMS, _TRIED):
        st.session_state.pop(key, None)


def banner(lang: str) -> None:
    """On every page while own data is shown: what it is, and a way back to the shipped data."""
    dataset = session.uploaded_dataset()
    if dataset is None:
        return
    with st.container(border=True, key="kd_banner"):
        text, button = st.columns([3, 1], vertical_alignment="center")
        show.line(i18n.html("data.banner", lang, label=dataset.label, **_counts(dataset, lang)), text)
        button.button(i18n.t("data.back", lang), on_click=_back_to_shipped, key="kd_back", icon=":material/undo:")


def _on_upload(key: str) -> None:
    """Load what was uploaded, with what the last try left to mend: a corrected file uploaded again
    replaces the file it stands for (upload.merge_upload); the uploader is emptied after every try,
    so the next file is never refused for standing beside the broken one."""
    files = st.session_state.get(key) or []
    st.session_state.pop(_LOADED, None)
    if not files:
        return
    pairs = upload.merge_upload(st.session_state.get(_TRIED, []), [(file.name, file.getvalue()) for file in files])
    names = ", ".join(name for name, _ in pairs)
    st.session_state[_ROUND] = st.session_state.get(_ROUND, 0) + 1
    try:
        dataset = upload.load_upload(pairs)
    except DataError as err:
        st.session_state[_PROBLEMS], st.session_state[_TRIED] = (names, err.problems), pairs
        return
    except Exception as err:  # a reader bug must not cost the user the page or the data shown
        _LOG.exception("upload of %s failed", names)
        problem = Problem(names, None, None, "unreadable", {"detail": type(err).__name__})
        st.session_state[_PROBLEMS], st.session_state[_TRIED] = (names, [problem]), pairs
        return
    session.use_dataset(dataset)
    st.session_state.pop(_PROBLEMS, None)
    st.session_state.pop(_TRIED, None)
    st.session_state[_LOADED] = dataset.label


def upload_panel(lang: str) -> None:
    """Template download, the uploader, and either every problem found or word that the data is loaded."""
    st.markdown(i18n.t("data.upload_steps", lang))
    st.download_button(
        i18n.t("data.template", lang),
        data=lambda: cache.cached_file(("template",), template.template_bytes),
        file_name="kidash-mal.xlsx",
        mime=XLSX,
        on_click="ignore",
        key="kd_template",
        icon=":material/download:",
    )
    key = f"kd_keep_files_{st.session_state.get(_ROUND, 0)}"
    st.file_uploader(
        i18n.t("data.uploader", lang),
        type=["xlsx", "xlsm", "xls", "csv", "txt", "zip"],
        accept_multiple_files=True,
        key=key,
        on_change=_on_upload,
        args=(key,),
        help=i18n.md("data.uploader.help", lang, limit=upload.MAX_UPLOAD_BYTES // (1024 * 1024)),
    )
    if _PROBLEMS in st.session_state:
        files, problems = st.session_state[_PROBLEMS]
        show.note(i18n.html("data.upload_problems", lang, files=files, count=len(problems)), "error")
        show.problems(problems)
    elif st.session_state.get(_LOADED) and session.uploaded_dataset() is not None:
        dataset = session.uploaded_dataset()
        show.note(
            i18n.html("data.upload_ok", lang, label=st.session_state[_LOADED], **_counts(dataset, lang)), "success"
        )


def download_panel(dataset: Dataset, lang: str) -> None:
    """The data shown, whole, in the upload layout: uploading it again gives the same data."""
    tables = lambda: template.dataset_tables(dataset)  # noqa: E731
    stem = f"kidash-data-{dt.date.today().isoformat()}"
    key = (cache.dataset_key(dataset), "data")
    files = (  # (file name ending, label, MIME type, icon, builder)
        (".xlsx", "data.download_xlsx", XLSX, ":material/table_view:", lambda: template.workbook_bytes(tables())),
        (
            ".zip",
            "data.download_zip",
            "application/zip",
            ":material/folder_zip:",
            lambda: data_files.csv_zip(tables()),
        ),
        (
            "-komma.zip",
            "data.download_rfc4180",
            "application/zip",
            ":material/folder_zip:",
            lambda: data_files.csv_zip(tables(), "rfc4180"),
        ),
    )
    for column, (ending, label, mime, icon, build) in zip(st.columns(len(files)), files, strict=True):
        column.download_button(
            i18n.t(label, lang),
            data=lambda ending=ending, build=build: cache.cached_file((*key, ending), build),
            file_name=f"{stem}{ending}",
            mime=mime,
            on_click="ignore",
            key=f"kd_data{ending.replace('.', '_')}",
            icon=icon,
        )


def quality_panel(dataset: Dataset, lang: str) -> None:
    """The data-quality summary: counts, what is inferred, and the gaps (actors with no relation, no leader)."""
    found = cache.data_quality(dataset, lang)

    def table(name: str) -> None:
        show.view_table(f"quality-{name}", dataset, lambda: getattr(found, name), lang)

    left, middle, right = st.columns(3)
    with left:
        st.subheader(i18n.t("data.quality.kinds", lang))
        table("kinds")
    with middle:
        st.subheader(i18n.t("data.quality.regions", lang))
        table("regions")
        if found.missing_regions:
            st.markdown(i18n.md("data.quality.missing_regions", lang, regions=", ".join(found.missing_regions)))
    with right:
        st.subheader(i18n.t("data.quality.inferred", lang))
        table("inferred")
    st.subheader(i18n.t("data.quality.per_document", lang))
    table("per_document")
    st.subheader(i18n.md("data.quality.unconnected", lang, count=len(found.unconnected)))
    if found.unconnected.empty:
        st.markdown(i18n.t("data.quality.unconnected.none", lang))
    else:
        table("unconnected")
    st.subheader(i18n.md("data.quality.leaderless", lang, count=len(found.leaderless)))
    if found.leaderless.empty:
        st.markdown(i18n.t("data.quality.leaderless.none", lang))
    else:
        st.markdown(i18n.t("data.quality.leaderless.help", lang))
        table("leaderless")
    with st.expander(i18n.t("data.quality.types", lang)):
        table("types")
