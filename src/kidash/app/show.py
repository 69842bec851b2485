"""How pages show what the package gives them: tables, charts with their takeaway and table,
links to actors, validation problems. Every value from the data is escaped for its sink."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from plotly.basedatatypes import BaseFigure

from kidash import i18n
from kidash.app import cache, state
from kidash.charts import plotly_locale
from kidash.data.dataset import Dataset
from kidash.safety import TABLE_CSS, escape_html, escape_markdown, html_table

__all__ = [
    "heading",
    "or_none",
    "table",
    "view_table",
    "chart",
    "figure",
    "actor_links",
    "actor_link",
    "actor_link_list",
    "problems",
    "marked",
    "line",
    "note",
]


# Data shown as text needs no Markdown: these elements take the characters as they are, so a name
# copied from the page is the name in the data (Markdown would need invisible marks in some names to
# keep them from turning into links or icons). Styled like Streamlit's own headings and notes.
TEXT_CSS = """
<style>
.kd-h { font-weight: 600; color: #1b1b1b; line-height: 1.2; margin: 1.2rem 0 0.6rem 0; padding: 0; }
h2.kd-h { font-size: 2.25rem; letter-spacing: -0.005em; }
h3.kd-h { font-size: 1.75rem; }
.kd-line { margin: 0 0 0.8rem 0; color: #1b1b1b; line-height: 1.6; }
.kd-note { border-radius: 0.5rem; padding: 1rem; margin: 0 0 1rem 0; line-height: 1.6; }
.kd-note-info { background: #e8f2fc; color: #0a3d6b; }
.kd-note-warning { background: #fffbe6; color: #5c4400; }
.kd-note-error { background: #fdecec; color: #7d1a1a; }
.kd-note-success { background: #e9f7ef; color: #155b33; }
</style>
"""


def heading(text: str, level: int = 2, where=None) -> None:
    """A heading (h2, or h3 for a subheading) that shows ``text`` as its characters."""
    (where or st).html(f'{TEXT_CSS}<h{level} class="kd-h">{escape_html(text)}</h{level}>')


def line(html: str, where=None) -> None:
    """A paragraph of our words with data in it, from :func:`kidash.i18n.html` (values escaped there)."""
    (where or st).html(f'{TEXT_CSS}<p class="kd-line">{html}</p>')


def steps(texts, where=None) -> None:
    """A numbered list of sentences with data in them, each shown as its characters."""
    items = "".join(f"<li>{escape_html(text)}</li>" for text in texts)
    (where or st).html(f'{TEXT_CSS}<ol class="kd-line">{items}</ol>')


_DOCUMENT_CSS = """
<style>
.kd-doc { white-space: pre-wrap; line-height: 1.6; color: #1b1b1b; font-size: 0.95rem; margin: 0; }
.kd-doc mark { background: #fff3b0; color: #1b1b1b; padding: 0 0.1em; border-radius: 0.2em; }
.kd-doc mark sup { font-weight: 700; color: #5c4400; margin-right: 0.15em; }
</style>
"""


def marked(pieces, label: str, where=None) -> None:
    """A document's text as its characters, the pieces some proposals quote marked with their
    numbers (``pieces``: (text, numbers) pairs); a region a screen reader can find by ``label``."""
    body = "".join(
        f"<mark><sup>{escape_html(', '.join(str(n) for n in numbers))}</sup>{escape_html(text)}</mark>" if numbers
        else escape_html(text)
        for text, numbers in pieces
    )  # fmt: skip
    (where or st).html(
        f'{_DOCUMENT_CSS}<div class="kd-doc" role="region" aria-label="{escape_html(label)}">{body}</div>'
    )


def note(html: str, kind: str = "info", where=None) -> None:
    """A note (info, warning, error, success) of our words with data in it, from :func:`kidash.i18n.html`;
    read out when it appears."""
    role = "alert" if kind == "error" else "status"
    (where or st).html(f'{TEXT_CSS}<div class="kd-note kd-note-{kind}" role="{role}">{html}</div>')


def or_none(empty: bool, draw, lang: str) -> None:
    """``draw()`` what a section holds, or say there is nothing (the profile's sections)."""
    if empty:
        st.markdown(i18n.t("profile.none", lang))
    else:
        draw()


def table(frame: pd.DataFrame, caption: str | None = None) -> None:
    """Show a table as an accessible HTML table, every value escaped.

    Not ``st.table``: it renders cells as Markdown, and GitHub-flavoured
    autolinks survive any escaping, so a name could become a link.
    """
    st.html(TABLE_CSS + html_table(frame, caption))


def view_table(what: str, dataset: Dataset, build, *parts, caption: str | None = None) -> None:
    """:func:`table` of what ``build()`` returns, its HTML built once per :func:`kidash.app.cache.per_view` key."""
    html = cache.per_view(what, dataset, lambda: html_table(build(), caption), *parts, caption)
    st.html(TABLE_CSS + html)


def problems(found: list) -> None:
    """Every validation problem in one table: file, row, column, what is wrong."""
    lang = state.language()
    table(
        pd.DataFrame(
            {
                i18n.t("col.file", lang): [p.file for p in found],
                i18n.t("col.row", lang): [str(p.row) if p.row is not None else "" for p in found],
                i18n.t("col.column", lang): [p.column or "" for p in found],
                i18n.t("col.problem", lang): [p.text(lang) for p in found],
            }
        )
    )


def figure(drawn, name: str, key: str) -> None:
    """A Plotly chart whose camera button saves a 2x PNG named after what it shows and when, and whose
    own texts (modebar, «Double-click to zoom back out», month names) are in the page's language."""
    stem = f"kidash-{name}-{dt.date.today().isoformat()}"
    config = plotly_locale.chart_config(
        state.language(),
        {
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "scale": 2, "filename": stem, "width": 1600, "height": 900},
        },
    )
    # theme=None: keep the kidash template (Streamlit's theme would override fonts and colours).
    st.plotly_chart(_Drawn.of(drawn), config=config, key=key, width="stretch", theme=None)


class _Drawn(BaseFigure):
    """A figure as ``st.plotly_chart`` reads it, its plain form made once per figure.

    Streamlit asks a figure for ``to_dict()`` on every run, which copies it and turns every
    array into base64: 13 of the Initiatives page's 31 ms per run. A page's figures are built
    once per view and shared read-only (:func:`kidash.app.cache.per_view`), so their plain form is
    too (kept on the figure itself: a figure is not hashable). This is all Streamlit 1.67 reads of
    a figure (``plotly.tools.return_figure_from_figure_or_data``); ``tests/app`` checks that what
    a page sends equals the figure's own JSON.
    """

    def __init__(self, plain: dict) -> None:  # not BaseFigure's: nothing is validated again
        self._plain = plain

    @classmethod
    def of(cls, drawn: BaseFigure) -> _Drawn:
        made = getattr(drawn, "_kidash_drawn", None)
        if made is None:
            made = cls(drawn.to_dict())
            drawn._kidash_drawn = made
        return made

    def to_dict(self) -> dict:
        return self._plain


def chart(shown, grid: bool = False, table_heading: str | None = None) -> None:
    """A chart as every page shows it: its one-line takeaway, the chart, and the table beside it
    (``grid``: a sortable grid for long tables, else an accessible HTML table)."""
    line(escape_html(shown.takeaway))
    figure(shown.figure, shown.name, key=f"c_{shown.name}")
    if table_heading:
        heading(table_heading)
    if grid:
        st.dataframe(shown.table, hide_index=True, width="stretch")
    else:
        st.html(TABLE_CSS + shown.table_html)


def actor_links(actor_ids, names: dict[str, str], columns: int = 3) -> None:
    """Links to actors' profiles that open in the same tab and keep the view, laid out in columns."""
    if not actor_ids:
        return
    slots = st.columns(columns)
    for i, actor_id in enumerate(actor_ids):
        state.page_link("aktor", names[actor_id], icon=":material/badge:", container=slots[i % columns], actor=actor_id)


def actor_link_list(dataset: Dataset, actor_ids, names: dict[str, str]) -> str:
    """Markdown links (:func:`actor_link`) to these actors' profiles joined by «·», built once per
    dataset content, actors and view (the links carry the view)."""
    ids = tuple(actor_ids)
    return cache.per_view(
        "actor-links", dataset, lambda: " · ".join(actor_link(a, names[a]) for a in ids), ids, state.view()
    )


def actor_link(actor_id: str, name: str) -> str:
    """Markdown for a link to an actor's profile page in this view, the name shown literally."""
    return f"[{escape_markdown(name)}]({state.link_to('aktor', actor=actor_id)})"
