"""Pictures for slides, read from the figures' own layout: no text under 12 pt at the size shown,
no two names over each other in the network, arrowheads, a legend of what is in view, rows that
fit, decks on an organisation's template, files named for what they hold."""

import io
import zipfile

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from kidash.charts import report
from kidash.charts.canvas import A4, MIN_PT, SLIDE, SLIDE_PICTURE, TITLE_PT, chart_picture, fonts_below, text_width
from kidash.charts.network_picture import named_nodes, network_figure
from kidash.data.dataset import DATA_DIR, load_dataset
from kidash.exports import data_files
from kidash.exports.deck import TemplateError, build_deck, check_template
from kidash.map import metrics
from kidash.map.filters import Filters, filter_graph
from kidash.map.graph import build_graph
from kidash.map.summary import documents_by_id
from kidash.network.drawing import ViewOptions, map_positions, vis_data


@pytest.fixture(scope="module")
def blank_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (160, 90), "white").save(buffer, "PNG")
    return buffer.getvalue()


CANVASES = {"slide": SLIDE, "deck picture": SLIDE_PICTURE, "A4": A4}


@pytest.fixture(scope="module")
def shipped():
    dataset = load_dataset(DATA_DIR)
    return dataset, build_graph(dataset)


def _network(shipped, filters=None, lang="nb"):
    dataset, full = shipped
    graph = filter_graph(full, filters or Filters())
    data = vis_data(graph, full, documents_by_id(dataset, lang), ViewOptions(lang=lang), positions=map_positions(full))
    return data, report.network_chart(data, report.actors_for_slide(graph, lang), graph.number_of_edges(), lang)


def _charts(shipped, lang="nb"):
    dataset, full = shipped
    charts = report.initiative_charts(full, full, lang) + report.timeline_charts(dataset, full, full, lang)
    charts += report.analysis_charts(metrics.centrality_table(full), full, "betweenness", lang)
    charts += report.roles_time_chart(full, "helsedirektoratet", documents_by_id(dataset, lang), lang, "2024-01-01")
    return charts + [_network(shipped, lang=lang)[1]]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("where", CANVASES)
def test_no_text_on_any_picture_is_under_12_pt_where_it_is_shown(shipped, where, lang):
    canvas = CANVASES[where]
    footer = report.sources_footnote(*shipped, lang)
    for chart in _charts(shipped, lang):
        figure = chart_picture(chart, canvas, footer, lang, title=where != "deck picture")
        assert (figure.layout.width, figure.layout.height) == canvas.pixels
        assert fonts_below(figure, canvas.px(MIN_PT)) == [], chart.name
        assert figure.layout.title.font.size in (None, canvas.px(TITLE_PT))
        if figure.layout.xaxis.side == "top":  # names over the columns: room measured, not left to Plotly,
            # which grew the top margin after the footer's place was set (the footer then sat on the last row)
            assert figure.layout.xaxis.automargin is False and figure.layout.margin.t > canvas.px(TITLE_PT)
        sources = {"nb": "Kilder:", "en": "Sources:"}[lang]
        assert sources in " ".join(a.text for a in figure.layout.annotations if a.text), "source line in footer"


def _label_boxes(figure, canvas):
    """Each written name's box on the picture, from the figure's ranges, margins and the text's extent."""
    layout = figure.layout
    width, height = canvas.pixels
    left, top = layout.margin.l, layout.margin.t
    plot_w = width - layout.margin.l - layout.margin.r
    paper_h = height - layout.margin.t - layout.margin.b
    y0 = layout.yaxis.domain[0]
    plot_h = paper_h * (1 - y0)
    (x_lo, x_hi), (y_lo, y_hi) = layout.xaxis.range, layout.yaxis.range
    font = canvas.px(MIN_PT)
    boxes = []
    sizes = {(x, y): size for t in figure.data if t.mode == "markers" and t.x and t.x[0] is not None
             for x, y, size in zip(t.x, t.y, t.marker.size, strict=True)}  # fmt: skip

    def pixel(x, y):
        return left + (x - x_lo) / (x_hi - x_lo) * plot_w, top + (y_hi - y) / (y_hi - y_lo) * plot_h

    for note in layout.annotations:  # names further out, with a leader line
        if note.name and note.text:
            cx, cy = pixel(note.x, note.y)
            w, h = text_width(note.text, font), font * 1.25
            boxes.append(
                (note.text, (cx + note.ax - w / 2, cy + note.ay - h / 2, cx + note.ax + w / 2, cy + note.ay + h / 2))
            )
    for trace in figure.data:
        if trace.mode != "text":
            continue
        for x, y, text, place in zip(trace.x, trace.y, trace.text, trace.textposition, strict=True):
            if not text:
                continue
            px, py = pixel(x, y)
            # Plotly writes a name a little apart from its marker: 0.2 of the font size is allowed for.
            w, h, r = text_width(text, font), font * 1.25, sizes[(x, y)] / 2 + font * 0.2
            box = {
                "bottom center": (px - w / 2, py + r, px + w / 2, py + r + h),
                "top center": (px - w / 2, py - r - h, px + w / 2, py - r),
                "middle right": (px + r, py - h / 2, px + r + w, py + h / 2),
                "middle left": (px - r - w, py - h / 2, px - r, py + h / 2),
            }[place]
            boxes.append((text, box))
    return boxes


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("where", CANVASES)
def test_no_two_names_in_the_network_picture_overlap(shipped, where, lang):
    canvas = CANVASES[where]
    _, chart = _network(shipped, lang=lang)
    figure = chart_picture(chart, canvas, report.sources_footnote(*shipped, lang), lang)
    boxes = _label_boxes(figure, canvas)
    # the best-linked six always (tests/unit/test_network_picture.py), and more where there is room
    assert len(boxes) >= (6 if where == "deck picture" else 10), "the best-linked actors and more are named"
    for i, (a, box_a) in enumerate(boxes):
        assert box_a[0] >= 0 and box_a[2] <= canvas.pixels[0], f"{a} runs off the picture"
        for b, box_b in boxes[i + 1 :]:
            # a 1 px tolerance: the boxes were computed the same way, in floating point
            apart = box_a[2] <= box_b[0] + 1 or box_b[2] <= box_a[0] + 1 or box_a[3] <= box_b[1] + 1
            assert apart or box_b[3] <= box_a[1] + 1, f"«{a}» over «{b}»"
    named = len(named_nodes(figure))
    drawn = sum(len(t.x) for t in figure.data if t.mode == "markers" and t.x and t.x[0] is not None)
    footer = figure.layout.annotations[-1].text
    of = {"nb": "av", "en": "of"}[lang]
    assert named == drawn or f"{named} {of} {drawn}" in footer, "the footer says how many are named"


def test_directed_roles_have_arrowheads_and_the_legend_holds_only_what_is_in_view(shipped):
    dataset, full = shipped
    data, _ = _network(shipped, Filters(regions=("Helse Vest",)))
    figure = network_figure(data, "t", "nb")
    arrows = [a for a in figure.layout.annotations if a.showarrow]
    assert len(arrows) == len(data["edges"]) > 0 and all(a.arrowhead for a in arrows)
    in_view = {text for text, _ in data["legend"]["colours"]}
    legend = {t.name for t in figure.data if (t.legendgroup or "").startswith("colours") and t.mode == "markers"}
    assert legend == in_view
    assert "Kommunesektorens organisasjon" not in legend, "KS holds no role in Helse Vest's part of the map"
    relations = {t.name for t in figure.data if t.mode == "lines" and t.showlegend}
    assert relations == {text for text, *_ in data["legend"]["lines"]}


def test_a_chart_with_more_rows_than_fit_shows_the_first_and_says_how_many(shipped):
    matrix = report.initiative_charts(shipped[1], shipped[1], "nb")[0]
    assert matrix.name == "rollematrise" and matrix.rows > 20
    figure = chart_picture(matrix, SLIDE_PICTURE, "Kilder: x", "nb", title=False)
    rows = {y for trace in figure.data for y in trace.y}
    assert 5 <= len(rows) < matrix.rows
    assert f"Viser de {len(rows)} første av {matrix.rows} radene" in figure.layout.annotations[-1].text


def test_file_names_say_page_view_and_date(shipped):
    name = report.file_name("Nettverk presentasjon", Filters(regions=("Helse Vest",), org_types=("health_trust",)),
                            shipped[1], "pptx")  # fmt: skip
    assert name.startswith("kidash-nettverk-presentasjon-helse-vest-helseforetak-") and name.endswith(".pptx")
    assert report.file_name("Initiativer", Filters(), shipped[1], "png").startswith("kidash-initiativer-20")


def _corporate_template(potx: bool) -> bytes:
    """A template as an organisation's would be: 4:3, its own master with a logo and a title font."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(10), Inches(7.5)
    master = deck.slide_master
    scratch = deck.slides.add_slide(deck.slide_layouts[6])
    logo = scratch.shapes.add_textbox(Inches(8.5), Inches(0.1), Inches(1.4), Inches(0.5))
    logo.name = "ACME logo"
    logo.text_frame.text = "ACME"
    logo.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0x80, 0x00, 0x20)
    master.shapes._spTree.append(logo._element)  # moved onto the master: on every slide of the template
    ids = deck.slides._sldIdLst
    deck.part.drop_rel(ids[0].rId)
    ids.remove(ids[0])
    title = next(shape for shape in master.placeholders if shape.placeholder_format.type == 1)
    title.text_frame.paragraphs[0].font.name = "Georgia"
    title.text_frame.paragraphs[0].font.size = Pt(30)
    deck.slides.add_slide(deck.slide_layouts[1]).shapes.title.text = "An example slide of the template"
    buffer = io.BytesIO()
    deck.save(buffer)
    if not potx:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
            target.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize("potx", [False, True], ids=["pptx", "potx"])
def test_a_deck_on_the_organisations_template_uses_its_master_on_every_slide(shipped, potx, blank_png):
    dataset, full = shipped
    template = _corporate_template(potx)
    charts = report.initiative_charts(full, full, "nb")[:2]
    raw = build_deck(
        "kidash – Initiativer: hele kartet",
        report.deck_context(Filters(), full, "nb"),
        charts,
        report.actors_for_slide(full, "nb"),
        report.documents_for_slide(dataset, "nb"),
        report.sources_footnote(dataset, full, "nb", short=True),
        "nb",
        render=lambda figure: blank_png,
        template=template,
    )
    deck = Presentation(io.BytesIO(raw))
    assert (deck.slide_width, deck.slide_height) == (Inches(10), Inches(7.5))
    assert len(deck.slides) == 1 + len(charts) + 2, "the template's own example slide is not in the deck"
    for slide in deck.slides:
        master = slide.slide_layout.slide_master
        assert any(shape.name == "ACME logo" for shape in master.shapes)
        assert slide.shapes.title is not None and slide.shapes.title.text, "titles sit in the template's placeholder"
        assert not any(s.is_placeholder and not s.text_frame.text for s in slide.shapes if s.has_text_frame), (
            "no empty «Click to add» boxes"
        )
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.left + shape.width <= deck.slide_width, shape.name
    assert deck.slides[0].shapes.title.text == "kidash – Initiativer: hele kartet"
    assert "Kilder" in deck.slides[1].notes_slide.notes_text_frame.text


def test_a_file_that_is_not_a_presentation_is_refused_as_a_template():
    with pytest.raises(TemplateError):
        check_template(b"PK\x03\x04 not really a zip")
    with pytest.raises(TemplateError):
        check_template(b"<html>")


def test_gexf_labels_are_names_and_kumu_keeps_the_provenance(shipped):
    dataset, full = shipped
    gexf = data_files.gexf_bytes(full).decode()
    assert '<node id="helsedirektoratet" label="Helsedirektoratet">' in gexf
    # time as spells for Gephi's timeline: a relation from its document's date, the window of the debate
    assert 'mode="dynamic"' in gexf and 'timeformat="date"' in gexf
    assert 'start="2021-06-10"' in gexf and 'end="2025-08-12"' in gexf and 'start=""' not in gexf
    book = load_workbook(io.BytesIO(data_files.kumu_bytes(full, "nb", data_files.document_provenance(dataset))))
    header = [c.value for c in book["Connections"][1]]
    assert {"Source", "Source date", "Inferred", "Background knowledge", "Description"} <= set(header)
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in book["Connections"].iter_rows(min_row=2)]
    assert len(rows) == full.number_of_edges()
    observer = next(r for r in rows if r["From"] == "Helsedirektoratet" and r["Type"] == "observatør")
    assert (
        observer["Source"].startswith("Fagnettverk for kunstig intelligens") and observer["Source date"] == "2021-06-10"
    )
    inferred = sum(1 for *_, d in full.edges(data=True) if d.get("inferred"))
    assert sum(1 for r in rows if r["Inferred"] == "yes") == inferred > 0
    # time kept: a role's own dates, when it is known from, and that year as a tag for Kumu's tagged timeline
    assert observer["Known from"] == "2021-06-10" and "2021" in observer["Tags"].split("|")
    ks = next(r for r in rows if r["From"].startswith("Kommunesektorens") and r["Start date"])
    assert (ks["Start date"], ks["End date"], ks["Known from"]) == ("2022-01-01", "2022-12-31", "2022-01-01")
    merger = next(r for r in rows if r["Type"] == "slått sammen inn i")
    assert (merger["Start date"], merger["Background knowledge"]) == ("2024-01-01", "yes")
    elements = [dict(zip([c.value for c in book["Elements"][1]], (c.value for c in row), strict=True))
                for row in book["Elements"].iter_rows(min_row=2)]  # fmt: skip
    assert next(e for e in elements if e["Label"] == "Direktoratet for e-helse")["End date"] == "2023-12-31"
