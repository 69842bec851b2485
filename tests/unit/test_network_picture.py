"""The network picture for slides, read back from the figure: the best-linked actors are always named,
the footer's count is the names drawn, the legend lists what is drawn under headings of its own and
takes at most a quarter of the width, and every text is at least 12 pt."""

from __future__ import annotations

import functools
import io
import re

import pytest

from kidash import i18n
from kidash.charts import report
from kidash.charts.canvas import MIN_PT, SLIDE, SLIDE_PICTURE, Canvas, chart_picture, fonts_below
from kidash.charts.labels import place_labels
from kidash.charts.network_picture import LEGEND_SHARE, named_nodes
from kidash.data.dataset import load_dataset
from kidash.exports import images
from kidash.map.graph import build_graph
from kidash.map.summary import documents_by_id, shown_actors_table
from kidash.network.drawing import ViewOptions, map_positions, vis_data
from kidash.view.options import COLOUR_BY
from tests.components import requires

SHIPPED = load_dataset()
FULL = build_graph(SHIPPED)
# The six best-linked actors of the shipped map, by hand from relations.csv: the coordination
# project (26 links), Helsedirektoratet (14), its steering group (13), KIN (13), Helse Vest's
# measure 10 (12) and the standardisation working group (11).
HUBS = {"koordineringsprosjektet", "helsedirektoratet", "styringsgruppe-koordinering", "kin",
        "helse-vest-tiltak-10", "arbeidsgruppe-ki-standardisering"}  # fmt: skip
DECK = SLIDE_PICTURE  # a deck's chart slide: the picture under the title and the takeaway


@functools.lru_cache(maxsize=64)
def picture(lang: str = "nb", colour_by: str = "type", canvas: Canvas = SLIDE, title: bool = True):
    options = ViewOptions(lang=lang, colour_by=colour_by)
    vis = vis_data(FULL, FULL, documents_by_id(SHIPPED, lang), options, map_positions(FULL))
    chart = report.network_chart(vis, shown_actors_table(FULL, lang), FULL.number_of_edges(), lang)
    footer = report.sources_footnote(SHIPPED, FULL, lang, short=True)
    return chart_picture(chart, canvas, footer, lang, title=title), vis


def footer_text(figure) -> str:
    return next(note.text for note in figure.layout.annotations if note.xref == "paper" and note.text)


CASES = [(lang, colour, canvas) for lang in ("nb", "en") for colour in COLOUR_BY for canvas in (SLIDE, DECK)]


@pytest.mark.parametrize(("lang", "colour_by", "canvas"), CASES)
def test_the_best_linked_are_named_and_the_footer_counts_the_names_drawn(lang, colour_by, canvas):
    figure, vis = picture(lang, colour_by, canvas, title=canvas is SLIDE)
    named = named_nodes(figure)
    assert named >= HUBS, HUBS - named
    said = re.search(r"(\d+) (?:av|of) (\d+)", footer_text(figure).replace("<br>", " "))
    assert said, footer_text(figure)
    assert (int(said[1]), int(said[2])) == (len(named), len(vis["nodes"]))
    assert fonts_below(figure, canvas.px(MIN_PT)) == []


@pytest.mark.parametrize(("lang", "colour_by", "canvas"), CASES)
def test_the_legend_lists_what_is_drawn_under_headings_of_its_own_in_a_quarter_of_the_width(lang, colour_by, canvas):
    figure, vis = picture(lang, colour_by, canvas, title=canvas is SLIDE)
    layout = figure.to_plotly_json()["layout"]
    headings = [t["legendgrouptitle"]["text"] for t in figure.to_plotly_json()["data"] if t.get("legendgrouptitle")]
    headings += [
        v["title"]["text"] for k, v in layout.items() if k.startswith("legend") and v.get("title", {}).get("text")
    ]
    assert len(set(headings)) == len({h for h in headings}) and headings.count(i18n.t("legend.title", lang)) == 0
    shown = {t.name for t in figure.data if t.name and t.showlegend is not False}
    drawn = {text for text, _ in vis["legend"]["colours"]} | {text for text, *_ in vis["legend"]["lines"]}
    drawn |= {text for text, _ in vis["legend"]["shapes"]}
    assert {name.replace("<br>", " ") for name in shown} <= drawn
    width = canvas.pixels[0]
    side = layout["margin"]["r"] - canvas.px(MIN_PT)  # what the picture keeps at the right for the legend
    assert side <= width * LEGEND_SHARE, (side, width)


@requires(images.browser_path() is not None, "no Chrome/Chromium for kaleido")
@pytest.mark.parametrize(("lang", "colour_by"), [("nb", "type"), ("en", "community")])
def test_the_drawn_legend_stays_in_its_quarter(lang, colour_by):
    """Read from the pixels: nothing is drawn right of the plot beyond a quarter of the width."""
    from PIL import Image

    for canvas in (SLIDE, DECK):
        figure, _ = picture(lang, colour_by, canvas, title=canvas is SLIDE)
        image = Image.open(io.BytesIO(images.figure_bytes(figure, "png"))).convert("L")
        scale = image.size[0] / canvas.pixels[0]
        start = int((canvas.pixels[0] - figure.layout.margin.r) * scale)
        pixels = image.load()
        used = [x for x in range(start, image.size[0]) if any(pixels[x, y] < 200 for y in range(0, image.size[1], 2))]
        assert not used or (max(used) - start) / image.size[0] <= LEGEND_SHARE, (canvas, max(used) - start)


def test_a_hub_in_a_crowd_is_named_further_out_with_a_leader_line():
    """Three markers pressed together: the one that must be named gets a place further out."""
    points = {"hub": (200.0, 200.0), "a": (200.0, 226.0), "b": (200.0, 174.0), "c": (236.0, 200.0), "d": (164.0, 200.0)}
    radii = dict.fromkeys(points, 12.0)
    texts = {"hub": "Koordineringsprosjektet", "a": "A", "b": "B", "c": "C", "d": "D"}
    placed = place_labels(points, radii, texts, list(points), 24, (0, 0, 600, 600), must=["hub"])
    hub = next(label for label in placed if label.node == "hub")
    assert hub.place == "leader"
    assert all(not (hub.box[0] < o.box[2] and o.box[0] < hub.box[2] and hub.box[1] < o.box[3] and o.box[1] < hub.box[3])
               for o in placed if o.node != "hub")  # fmt: skip
