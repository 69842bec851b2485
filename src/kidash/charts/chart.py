"""One chart: its figure, takeaway, table and how it redraws for a picture's size."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from kidash.safety import html_table

__all__ = ["Chart"]


@dataclass(frozen=True)
class Chart:
    """One chart: a file-name stem, a title, the figure, a one-line takeaway and its table (text alternative).

    ``drawing`` is the figure, or a function that draws it: a chart offered only
    as a download (the network picture) is then drawn on the click, not on
    every rerun. For pictures (:mod:`kidash.charts.canvas`): ``redraw(n)`` draws it
    with its first ``n`` of ``rows`` rows, where ``overhead`` lines of other
    text (column heads, axis titles) share the height; ``for_canvas(canvas,
    footer, title)`` draws it for a canvas itself (the network places its
    labels for the size they are shown at).
    """

    name: str
    title: str
    drawing: go.Figure | Callable[[], go.Figure]
    takeaway: str = ""
    table: pd.DataFrame | None = None
    redraw: Callable[[int], go.Figure] | None = None
    rows: int = 0
    overhead: float = 3.0
    for_canvas: Callable | None = None
    notes: str = ""  # how the chart's numbers were computed, for the speaker notes

    @cached_property
    def figure(self) -> go.Figure:
        return self.drawing() if callable(self.drawing) else self.drawing

    @cached_property
    def table_html(self) -> str:
        """The table as pages show it: an accessible HTML table, every value escaped."""
        return html_table(self.table if self.table is not None else pd.DataFrame())
