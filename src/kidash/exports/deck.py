"""A 16:9 PowerPoint deck of what a page shows: title, one slide per chart, a table, the sources."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu, Inches, Pt

from kidash import i18n
from kidash.charts.canvas import Canvas, chart_picture
from kidash.charts.chart import Chart
from kidash.exports.images import ExportUnavailable, figure_bytes

__all__ = ["TemplateError", "build_deck", "check_template"]


WIDTH, HEIGHT = Inches(13.333), Inches(7.5)

TEXT = RGBColor(0x1B, 0x1B, 0x1B)

MUTED = RGBColor(0x3D, 0x3D, 0x3D)

ACCENT = RGBColor(0x1F, 0x5F, 0x8B)


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
        if colour is not None:
            run.font.color.rgb = colour


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


_POTX = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"

_PPTX = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def _as_presentation(template: bytes) -> bytes:
    """A .potx read as the .pptx it is inside (only the main part's content type differs)."""
    source = zipfile.ZipFile(io.BytesIO(template))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(_POTX, _PPTX)
            target.writestr(item, data)
    return out.getvalue()


def _layout(deck, *wanted: PP_PLACEHOLDER):
    """The template's layout with a placeholder of the first ``wanted`` type and the fewest others."""
    for kind in wanted:
        found = [
            layout
            for layout in deck.slide_layouts
            if any(ph.placeholder_format.type == kind for ph in layout.placeholders)
        ]
        if found:
            return min(found, key=lambda layout: len(layout.placeholders))
    return deck.slide_layouts[0]


class _Design:
    """Where a deck's texts and pictures go: the built-in 16:9 design, or an organisation's template
    (its slide master, layouts, fonts and colours; our text then takes the template's colours)."""

    def __init__(self, template: bytes | None):
        if template is None:
            self.deck = Presentation()
            self.deck.slide_width, self.deck.slide_height = WIDTH, HEIGHT
            self.own = True
        else:
            try:
                self.deck = Presentation(io.BytesIO(_as_presentation(template)))
            except Exception as err:  # a zip that is not a presentation: python-pptx raises many kinds
                raise TemplateError(str(err) or type(err).__name__) from err
            ids = self.deck.slides._sldIdLst
            for entry in list(ids):  # the template's own example slides are not ours to show
                self.deck.part.drop_rel(entry.rId)
                ids.remove(entry)
            self.own = False
        self.width, self.height = self.deck.slide_width, self.deck.slide_height
        self.margin = Emu(int(self.width * 0.045))

    def colour(self, colour):
        return colour if self.own else None

    def slide(self, title: str, cover: bool = False):
        """A new slide with ``title``; returns it and the top of the space under the title."""
        if self.own:
            slide = self.deck.slides.add_slide(self.deck.slide_layouts[6])
            if cover:
                _text(
                    slide, self.margin, Inches(2.0), self.width - 2 * self.margin, Inches(1.6), title, 40, True, ACCENT
                )
                return slide, Inches(3.7)
            _text(slide, self.margin, Inches(0.3), self.width - 2 * self.margin, Inches(0.7), title, 28, bold=True)
            return slide, Inches(1.0)
        kinds = (PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.TITLE) if cover else (PP_PLACEHOLDER.TITLE,)
        slide = self.deck.slides.add_slide(_layout(self.deck, *kinds))
        heading = slide.shapes.title
        for placeholder in list(slide.placeholders):
            if heading is None or placeholder.shape_id != heading.shape_id:
                placeholder._element.getparent().remove(placeholder._element)  # empty boxes say «Click to add»
        if heading is None:
            _text(slide, self.margin, self.margin, self.width - 2 * self.margin, Inches(0.9), title, 28, bold=True,
                  colour=None)  # fmt: skip
            return slide, self.margin + Inches(1.0)
        heading.text = title
        return slide, heading.top + heading.height + Inches(0.1)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.deck.save(buffer)
        return buffer.getvalue()


class TemplateError(ValueError):
    """The uploaded file is not a PowerPoint presentation or template."""


def check_template(template: bytes) -> None:
    """Raise :class:`TemplateError` unless ``template`` opens as a presentation with a slide layout."""
    if not _Design(template).deck.slide_layouts:
        raise TemplateError("no slide layouts")


def _notes(slide, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = text


def build_deck(
    title: str,
    context: list[str],
    charts: list[Chart],
    actors: pd.DataFrame,
    documents: pd.DataFrame,
    footnote: str,
    lang: str = "nb",
    render: Callable[[go.Figure], bytes] | None = None,
    max_table_rows: int = 12,
    template: bytes | None = None,
) -> bytes:
    """The deck as .pptx bytes.

    Slides: a title slide (``title`` and the ``context`` lines: the view,
    date, language); one slide per chart with its title, takeaway and a
    picture drawn for the space it fills (every text ≥ 12 pt there, the
    sources in its footer, :mod:`kidash.charts.canvas`); a table of the first actors
    in view; a closing slide with every source document. Each slide's
    speaker notes hold the takeaway, how the numbers were computed and the
    full source list. ``template`` (.pptx or .potx bytes) gives the slide
    master, layouts, fonts and colours; without one, a clean built-in
    design. ``render`` turns a fitted figure into PNG bytes (default:
    kaleido); where it fails the slide says so in words instead.

    Raises
    ------
    TemplateError
        When ``template`` is not a presentation python-pptx can open.
    """
    render = render or (lambda figure: figure_bytes(figure, "png"))
    design = _Design(template)
    margin, width, height = design.margin, design.width, design.height
    inner = width - 2 * margin
    sources = "\n".join(f"– {line}" for line in documents.astype(str).agg(", ".join, axis=1))
    source_notes = f"{i18n.t('export.sources_slide', lang)}:\n{sources}"

    slide, top = design.slide(title, cover=True)
    _text(slide, margin, top, inner, Inches(2.8), "\n".join(context), 18, colour=design.colour(MUTED))
    _notes(slide, "\n".join([*context, "", source_notes]))

    for chart in charts:
        slide, top = design.slide(chart.title)
        if chart.takeaway:
            _text(slide, margin, top, inner, Inches(0.5), chart.takeaway, 18, colour=design.colour(ACCENT))
            top += Inches(0.6)
        area_height = height - top - Inches(0.25)
        canvas = Canvas(inner / 914400, area_height / 914400)
        try:
            picture = render(chart_picture(chart, canvas, footnote, lang, title=False))
            slide.shapes.add_picture(io.BytesIO(picture), margin, top, inner, area_height)
        except ExportUnavailable as err:
            _text(slide, margin, top + Inches(1), inner, Inches(1), i18n.t("export.no_picture", lang, reason=str(err)),
                  16, colour=design.colour(MUTED))  # fmt: skip
        _notes(slide, "\n\n".join(t for t in (chart.takeaway, chart.notes, footnote, source_notes) if t))

    shown = actors.head(max_table_rows)
    slide, top = design.slide(i18n.t("export.actors_slide", lang, shown=len(shown), total=len(actors)))
    if len(shown):
        _table(slide, shown, margin, top + Inches(0.1), inner, Inches(0.4) * (len(shown) + 1))
    _notes(slide, i18n.t("export.actors_notes", lang))

    slide, top = design.slide(i18n.t("export.sources_slide", lang))
    _table(slide, documents, margin, top + Inches(0.1), inner, Inches(0.5) * (len(documents) + 1))
    _notes(slide, source_notes)
    return design.save()
