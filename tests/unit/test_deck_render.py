"""A generated deck as a person will see it: rendered by LibreOffice Impress (Debian's, as CI
installs it) to PDF and then to pictures, one page per slide, each with something on it; and read
from the file: every slide has a picture or a table, and no text box holds more text than fits.

Set KIDASH_SCREENSHOTS to a folder to keep the slide pictures for looking at.
"""

import io
import math
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from pptx import Presentation
from pptx.util import Emu

from kidash.charts import report
from kidash.charts.canvas import text_width
from kidash.data.dataset import DATA_DIR, load_dataset
from kidash.exports import images
from kidash.exports.page_decks import page_deck
from kidash.map import metrics
from kidash.map.filters import Filters, filter_graph
from kidash.map.graph import build_graph
from kidash.map.summary import documents_by_id
from kidash.network.drawing import ViewOptions, map_positions, vis_data
from tests.components import requires

SOFFICE, PDFTOPPM = shutil.which("soffice"), shutil.which("pdftoppm")
needs_office = requires(
    SOFFICE is not None and PDFTOPPM is not None and images.browser_path() is not None,
    "LibreOffice Impress, poppler-utils or Chromium is missing",
)
DEFAULT_PT = 18  # what a text frame without an explicit size inherits from the default master


@pytest.fixture(scope="module", params=["nb", "en"])
def deck(request) -> tuple[str, bytes]:
    lang = request.param
    dataset = load_dataset(DATA_DIR)
    full = build_graph(dataset)
    filters = Filters(regions=("Helse Vest", "Nasjonal"))
    graph = filter_graph(full, filters)
    vis = vis_data(graph, full, documents_by_id(dataset, lang), ViewOptions(lang=lang), positions=map_positions(full))
    charts = report.initiative_charts(graph, full, lang)[:3]
    charts += report.analysis_charts(metrics.centrality_table(graph), full, "betweenness", lang)
    charts.append(report.network_chart(vis, report.actors_for_slide(graph, lang), graph.number_of_edges(), lang))
    title = {"nb": "kidash – Initiativer", "en": "kidash – Initiatives"}[lang]
    return lang, page_deck(title, dataset, full, graph, filters, charts, lang)


def _lines(text: str, width_pt: float, size_pt: float) -> int:
    """How many lines a paragraph takes in a box ``width_pt`` wide (the house estimate of text width)."""
    if not text:
        return 1
    return max(1, math.ceil(text_width(text, size_pt) / max(width_pt, 1)))


def test_every_slide_has_a_picture_or_a_table_and_no_text_overflows_its_box(deck):
    _, raw = deck
    presentation = Presentation(io.BytesIO(raw))
    assert len(presentation.slides) >= 6
    for number, slide in enumerate(presentation.slides, start=1):
        shapes = list(slide.shapes)
        if number > 1:  # the title slide names the view; every other slide shows something
            assert any(s.shape_type == 13 or s.has_table for s in shapes), f"slide {number} has no picture or table"
        for shape in shapes:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            frame = shape.text_frame
            inner_w = Emu(shape.width - (frame.margin_left or 0) - (frame.margin_right or 0)).pt
            inner_h = Emu(shape.height - (frame.margin_top or 0) - (frame.margin_bottom or 0)).pt
            needed = 0.0
            for paragraph in frame.paragraphs:
                sizes = [r.font.size.pt for r in paragraph.runs if r.font.size] or [
                    paragraph.font.size.pt if paragraph.font.size else DEFAULT_PT
                ]
                size = max(sizes)
                needed += _lines(paragraph.text, inner_w, size) * size * 1.2
            assert needed <= inner_h * 1.05 or frame.auto_size or frame.word_wrap is False, (
                f"slide {number}: «{frame.text[:40]}…» needs {needed:.0f} pt in a box of {inner_h:.0f} pt"
            )


@needs_office
def test_libreoffice_draws_every_slide_with_something_on_it(deck, tmp_path):
    lang, raw = deck
    source = tmp_path / f"deck-{lang}.pptx"
    source.write_bytes(raw)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / f"deck-{lang}.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000
    subprocess.run([PDFTOPPM, "-r", "40", "-png", str(pdf), str(tmp_path / "slide")], check=True, timeout=120)
    pictures = sorted(tmp_path.glob("slide-*.png"))
    assert len(pictures) == len(Presentation(io.BytesIO(raw)).slides)
    keep = os.environ.get("KIDASH_SCREENSHOTS")
    for picture in pictures:
        image = Image.open(picture).convert("L")
        width, height = image.size
        assert abs(width / height - 16 / 9) < 0.02, picture.name  # 13.33 × 7.5 in, as built
        # something is drawn: the slide is not one flat colour (a failed picture is a blank slide)
        assert ImageStat.Stat(image).stddev[0] > 8, f"{picture.name} is blank"
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(picture, Path(keep) / f"deck-{lang}-{picture.name}")
