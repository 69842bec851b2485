"""A rerun pays only for what changed: each page's work is done once per dataset and view.

Counts calls of the package functions behind each page while a person reruns the
page, changes a filter, changes it back and switches language. What the page shows
must not change with the caching (the same tables, the right filtered subset).
"""

from __future__ import annotations

import pytest
import streamlit as st

from kidash.charts import report
from kidash.map import metrics, summary

from .conftest import html_tables, open_app

# page → (module, function) whose calls are counted, and whether its result is in words (so a new
# language is new work) or ids and numbers (the same work serves both languages)
COSTLY = {
    "initiativer": (report, "initiative_charts", True),
    "tidslinje": (report, "timeline_charts", True),
    "analyse": (metrics, "communities", False),
    "home": (summary, "view_counts", False),
}


def table_with(at, heading: str):
    return next(t for t in html_tables(at) if heading in t.columns)


@pytest.fixture
def counted(monkeypatch):
    """Count calls of one package function (the shared caches emptied first)."""
    st.cache_resource.clear()
    st.cache_data.clear()
    calls: list[tuple] = []

    def count(module, name):
        real = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls.append(args)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)
        return calls

    return count


@pytest.mark.parametrize("page", sorted(COSTLY))
def test_work_is_done_once_per_view(page, counted):
    module, name, in_words = COSTLY[page]
    calls = counted(module, name)
    at = open_app(page)
    assert not at.exception
    at.run()
    at.run()
    assert len(calls) == 1, "a rerun of the same view built the page's work again"
    at.multiselect(key="f_region").select("Helse Vest").run()
    assert len(calls) == 2, "a new filter must be computed"
    at.multiselect(key="f_region").unselect("Helse Vest").run()
    assert len(calls) == 2, "back to a view seen before: nothing to compute"
    at.selectbox(key="lang").select("en").run()
    assert not at.exception
    after_language = 3 if in_words else 2
    assert len(calls) == after_language, "words are made once per language; ids and numbers once for both"
    # a second session with the same view shares the work: not one call more
    second = open_app(page, lang="en")
    assert not second.exception
    assert len(calls) == after_language, "a second session with the same view built the work again"


def test_a_cached_view_shows_the_filtered_subset(counted):
    """The cache key holds the filters: after a filter and back, the counts follow each view."""
    counted(summary, "view_counts")
    at = open_app("home")
    everything = table_with(at, "Initiativ")
    at.multiselect(key="f_region").select("Helse Vest").run()
    filtered = table_with(at, "Initiativ")
    at.multiselect(key="f_region").unselect("Helse Vest").run()
    assert table_with(at, "Initiativ").equals(everything)
    assert not filtered.equals(everything)
