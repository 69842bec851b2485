"""A 16:9 PowerPoint deck of what a page shows: title, one slide per chart, a table, the sources."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from kidash import i18n
from kidash.export_images import ExportUnavailable, figure_bytes
from kidash.safety import html_table

__all__ = ["Chart", "build_deck"]

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
TEXT = RGBColor(0x1B, 0x1B, 0x1B)
MUTED = RGBColor(0x3D, 0x3D, 0x3D)
ACCENT = RGBColor(0x1F, 0x5F, 0x8B)


@dataclass(frozen=True)
class Chart:
    """One chart: a file-name stem, a title, the figure, a one-line takeaway and its table (text alternative).

    ``drawing`` is the figure, or a function that draws it: a chart offered only
    as a download (the network picture) is then drawn on the click, not on
    every rerun.
    """

    name: str
    title: str
    drawing: go.Figure | Callable[[], go.Figure]
    takeaway: str = ""
    table: pd.DataFrame | None = None

    @cached_property
    def figure(self) -> go.Figure:
        return self.drawing() if callable(self.drawing) else self.drawing

    @cached_property
    def table_html(self) -> str:
        """The table as pages show it: an accessible HTML table, every value escaped."""
        return html_table(self.table if self.table is not None else pd.DataFrame())


def _text(slide, left, top, width, height, text: str, size: int, bold: bool = False, colour=TEXT) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour


def _blank(deck):
    return deck.slides.add_slide(deck.slide_layouts[6])


def _picture(slide, image: bytes, left, top, max_width, max_height) -> None:
    # 16:9 picture fitted inside the box.
    width = max_width
    height = Emu(int(width * 9 / 16))
    if height > max_height:
        height = max_height
        width = Emu(int(height * 16 / 9))
    slide.shapes.add_picture(io.BytesIO(image), left + (max_width - width) // 2, top, width, height)


def _table(slide, frame: pd.DataFrame, left, top, width, height) -> None:
    rows, columns = len(frame) + 1, len(frame.columns)
    table = slide.shapes.add_table(rows, columns, left, top, width, height).table
    for c, name in enumerate(frame.columns):
        table.cell(0, c).text = str(name)
    for r, row in enumerate(frame.itertuples(index=False), start=1):
        for c, value in enumerate(row):
            table.cell(r, c).text = "" if value is None else str(value)
    for r in range(rows):
        for c in range(columns):
            for paragraph in table.cell(r, c).text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(12 if r else 13)


def build_deck(
    title: str,
    context: list[str],
    charts: list[Chart],
    actors: pd.DataFrame,
    documents: pd.DataFrame,
    footnote: str,
    lang: str = "nb",
    render: Callable[[go.Figure], bytes] | None = None,
    max_table_rows: int = 14,
) -> bytes:
    """The deck as .pptx bytes.

    Slides: a title slide (``title`` and the ``context`` lines: filters,
    date, language); one slide per chart with its title, picture, takeaway
    and ``footnote`` (the sources); a table of the first actors in view; a
    closing slide with every source document. ``render`` turns a figure
    into PNG bytes (default: kaleido at 1920×1080); where it fails the slide
    says so in words instead of a picture.
    """
    render = render or (lambda figure: figure_bytes(figure, "png"))
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    margin = Inches(0.6)
    inner = WIDTH - 2 * margin

    slide = _blank(deck)
    _text(slide, margin, Inches(2.2), inner, Inches(1.4), title, 40, bold=True, colour=ACCENT)
    _text(slide, margin, Inches(3.8), inner, Inches(2.5), "\n".join(context), 18, colour=MUTED)

    for chart in charts:
        slide = _blank(deck)
        _text(slide, margin, Inches(0.3), inner, Inches(0.7), chart.title, 28, bold=True)
        if chart.takeaway:
            _text(slide, margin, Inches(0.95), inner, Inches(0.5), chart.takeaway, 16, colour=ACCENT)
        try:
            _picture(slide, render(chart.figure), margin, Inches(1.5), inner, Inches(5.3))
        except ExportUnavailable as err:
            _text(
                slide,
                margin,
                Inches(3),
                inner,
                Inches(1),
                i18n.t("export.no_picture", lang, reason=str(err)),
                16,
                colour=MUTED,
            )
        _text(slide, margin, Inches(6.95), inner, Inches(0.4), footnote, 10, colour=MUTED)

    slide = _blank(deck)
    shown = actors.head(max_table_rows)
    heading = i18n.t("export.actors_slide", lang, shown=len(shown), total=len(actors))
    _text(slide, margin, Inches(0.3), inner, Inches(0.7), heading, 28, bold=True)
    if len(shown):
        _table(slide, shown, margin, Inches(1.2), inner, Inches(0.37) * (len(shown) + 1))

    slide = _blank(deck)
    _text(slide, margin, Inches(0.3), inner, Inches(0.7), i18n.t("export.sources_slide", lang), 28, bold=True)
    _table(slide, documents, margin, Inches(1.2), inner, Inches(0.5) * (len(documents) + 1))

    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
