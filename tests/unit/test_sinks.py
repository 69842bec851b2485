"""A name comes out character for character in every sink that shows it as text: the deck's slides,
the Plotly figures (escaped for Plotly, read back exactly), the workbook, both CSV flavours (guarded,
read back exactly), GEXF, GraphML, the Kumu workbook and the live network's data. Each sink has its
own rule, applied where the text enters it; this checks that no rule leaks into another sink."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import networkx as nx
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pptx import Presentation

from kidash import i18n
from kidash.charts import report
from kidash.charts.canvas import SLIDE, chart_picture
from kidash.data.dataset import dataset_from_frames
from kidash.data.problems import DataError
from kidash.exports import data_files, images
from kidash.map.filters import Filters
from kidash.map.graph import build_graph
from kidash.map.summary import documents_by_id
from kidash.network.component import component_data
from kidash.network.drawing import ViewOptions, map_positions, vis_data
from kidash.safety import plotly_plain, plotly_text, restore
from tests.components import requires
from tests.fixtures import TINY, frames_from_rows

HOSTILE = [
    '"><svg onload=alert(1)>',
    "<b>KIN</b> & <i>co</i>",
    '=HYPERLINK("http://example.invalid","x")',
    "+SUM(A1)",
    "@cmd",
    "-1+2",
    "Workshop: Infrastrukturer",
    ":material/home: :smile: :red[x]",
    "**fet** _kursiv_ [lenke](http://x.invalid) `kode` # overskrift",
    "Helse;=cmd|' /C calc'!A0",
    "Ærlig & «sitert» – Sámi Ŋ 中文",
    "&amp; &lt;b&gt;",
    "'tis",
]
NAMES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=24),
    st.lists(st.sampled_from(["<", ">", "&", '"', "'", "=", "+", "@", "*", "_", ":", "[", "]", "#", "a", " ", "ø"]),
             min_size=1, max_size=12).map("".join),
).map(str.strip).filter(bool)  # fmt: skip


def dataset_named(name: str):
    """The hand-made tiny map with the directorate ``dir`` called ``name`` (its short name too)."""
    rows = {table: [list(r) for r in body] for table, body in TINY.items()}
    rows["actors"][1][1] = rows["actors"][1][2] = name
    try:
        return dataset_from_frames(frames_from_rows(rows), label="x")
    except DataError:
        assume(False)  # not valid data to begin with (a phone number, a duplicate …): the validator says so
        raise


def texts_of_deck(raw: bytes) -> list[str]:
    deck = Presentation(io.BytesIO(raw))
    found = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                found += [p.text for p in shape.text_frame.paragraphs]
            if shape.has_table:
                found += [cell.text for row in shape.table.rows for cell in row.cells]
    return found


def plotly_texts(node) -> list[str]:
    """Every text a figure shows (titles, ticks, labels, legend names, hover), as Plotly reads it."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("text", "name", "ticktext", "hovertext") and isinstance(value, str):
                found.append(value)
            elif key in ("text", "ticktext", "hovertext", "customdata") and isinstance(value, list):
                found += [v for v in _flat(value) if isinstance(v, str)]
            else:
                found += plotly_texts(value)
    elif isinstance(node, list):
        for value in node:
            found += plotly_texts(value)
    return found


def _flat(values):
    for value in values:
        if isinstance(value, list | tuple):
            yield from _flat(value)
        else:
            yield value


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(NAMES)
def test_a_name_comes_out_as_it_is_in_every_sink(name):
    dataset = dataset_named(name)
    full = build_graph(dataset)
    lang = "nb"

    # Plotly: every figure escapes what it shows, and reading it back gives the name exactly.
    timed = report.roles_time_chart(full, "dir", documents_by_id(dataset, lang), lang)
    charts = report.initiative_charts(full, full, lang) + timed
    for chart in charts:
        for text in plotly_texts(chart_picture(chart, SLIDE, "", lang).to_plotly_json()):
            if name in plotly_plain(text):
                assert plotly_text(name) in text, (chart.name, text)  # shown escaped: Plotly renders no markup of it
    roles_figure = chart_picture(timed[0], SLIDE, "", lang).to_plotly_json()
    assert any(name in plotly_plain(text) for text in plotly_texts(roles_figure))
    title = [c for c in timed if c.name == "roller-over-tid"][0].title
    assert title == i18n.t("fig.roles_time", lang, name=name)  # a chart's title is plain text

    # PowerPoint: the slide of the actor's roles is titled with the name as it is; the actors' table holds it.
    rendered: list = []

    def render(figure):
        rendered.append(figure)
        raise images.ExportUnavailable("not drawn in this test")

    raw = _deck_without_pictures(dataset, full, timed, lang, render)
    texts = texts_of_deck(raw)
    assert i18n.t("fig.roles_time", lang, name=name) in texts
    assert name in texts
    assert not any("&lt;" in t or "&gt;" in t or "&amp;" in t for t in texts if "&" not in name)
    assert rendered, "every chart slide asked for its picture"

    # Workbook: the cell holds the name exactly (text, quote-prefixed where it starts like a formula).
    tables = data_files.view_tables(dataset)
    book = load_workbook(io.BytesIO(data_files.workbook_bytes(tables)))
    cell = next(c for c in book["actors"]["B"] if book["actors"].cell(c.row, 1).value == "dir")
    assert cell.value == name and cell.data_type == "s"

    # CSV: guarded against formulas, and undone exactly when read back; in both flavours.
    for flavour, delimiter in (("excel", ";"), ("rfc4180", ",")):
        text = data_files.csv_bytes(tables["actors"], flavour).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        assert restore(next(r for r in rows if r[0] == "dir")[1]) == name

    # GEXF and GraphML: the label as it is.
    for reader, data in (
        (nx.read_gexf, data_files.gexf_bytes(full)),
        (nx.read_graphml, data_files.graphml_bytes(full)),
    ):
        back = reader(io.BytesIO(data))
        assert name in {str(d.get("label", "")) for _, d in back.nodes(data=True)} | {
            str(d.get("name", "")) for _, d in back.nodes(data=True)
        }

    # Kumu: the element's label.
    kumu = load_workbook(io.BytesIO(data_files.kumu_bytes(full, lang)))
    assert name in {c.value for c in kumu.worksheets[0]["A"]}

    # The live network: label and card as text (the page sets them with textContent).
    options = ViewOptions()
    vis = vis_data(full, full, documents_by_id(dataset, lang), options, map_positions(full))
    node = next(n for n in component_data(vis, options)["nodes"] if n["id"] == "dir")
    assert node["label"] == name and node["card"][0][1] == name


def _deck_without_pictures(dataset, full, charts, lang, render) -> bytes:
    from kidash.exports.deck import build_deck

    return build_deck(
        "kidash",
        report.deck_context(Filters(), full, lang),
        charts,
        report.actors_for_slide(full, lang),
        report.documents_for_slide(dataset, lang),
        report.sources_footnote(dataset, full, lang, short=True),
        lang,
        render=render,
    )


@requires(images.browser_path() is not None, "no Chrome/Chromium for kaleido")
def test_an_svg_picture_shows_a_hostile_name_as_its_characters():
    name = '"><svg onload=alert(1)> & <b>KIN</b>'
    dataset = dataset_named(name)
    full = build_graph(dataset)
    (chart,) = report.roles_time_chart(full, "dir", documents_by_id(dataset, "nb"), "nb")
    svg = images.figure_bytes(chart_picture(chart, SLIDE, "", "nb"), "svg")
    tree = ET.fromstring(svg)
    texts = ["".join(element.itertext()) for element in tree.iter() if element.tag.endswith("text")]
    assert any(name in t for t in texts), texts
    assert not [e for e in tree.iter() if e.tag.endswith("}b") or e.get("onload")]
