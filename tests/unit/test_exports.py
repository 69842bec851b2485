"""Every export opened again and checked: pictures, deck, workbook, CSV, GEXF, GraphML, Kumu."""

import csv
import io
import struct
import xml.etree.ElementTree as ET
import zipfile

import networkx as nx
import pandas as pd
import pytest
from openpyxl import load_workbook
from pptx import Presentation

from kidash import i18n, safety
from kidash.charts import canvas as slides_module
from kidash.charts import report
from kidash.data.dataset import DATA_DIR, dataset_from_frames, load_dataset
from kidash.exports import data_files, images
from kidash.exports.deck import build_deck
from kidash.map.filters import Filters
from kidash.map.graph import build_graph
from kidash.map.summary import documents_by_id
from kidash.network.drawing import ViewOptions, vis_data
from tests.components import requires
from tests.fixtures import frames_from_rows

FORMULA = '=HYPERLINK("http://example.invalid","x")'
needs_browser = requires(images.browser_path() is not None, "no Chrome/Chromium for kaleido")


@pytest.fixture(scope="module")
def shipped():
    return load_dataset(DATA_DIR)


@pytest.fixture
def hostile(tiny_rows):
    tiny_rows["actors"][1][1] = FORMULA  # dir's name
    tiny_rows["actors"][2][1] = "+47 er ikke et tall"  # tru's name
    dataset = dataset_from_frames(frames_from_rows(tiny_rows))
    return dataset, build_graph(dataset)


def test_neutralise_every_formula_start():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safety.neutralise(start + "x") == "'" + start + "x"
    assert safety.neutralise("Helse Vest") == "Helse Vest"
    assert safety.neutralise(-3) == -3


def test_csv_has_bom_and_no_formula(hostile):
    dataset, _ = hostile
    tables = data_files.view_tables(dataset)
    raw = data_files.csv_bytes(tables["actors"])
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    names = [row[1] for row in rows[1:]]
    assert "'" + FORMULA in names and "'+47 er ikke et tall" in names
    assert not any(cell.startswith(safety.FORMULA_STARTS) for row in rows for cell in row)
    with zipfile.ZipFile(io.BytesIO(data_files.csv_zip(tables))) as archive:
        assert sorted(archive.namelist()) == ["actors.csv", "documents.csv", "events.csv", "relations.csv"]


SPLITTERS = (";", ",", "\t")
PAYLOADS = ["Helse;=cmd|' /C calc'!A0", "a,=1+1", "x\t=y", "linje\n=2", "svar;@SUM(A1)", 'sitat "=x";+1']


def spreadsheet_cells(text: str, separator: str) -> list[str]:
    """Cells as a spreadsheet that ignores quoting would make them: split on lines and ``separator``,
    one enclosing quote taken off."""
    cells = []
    for line in text.replace("\r", "\n").split("\n"):
        for piece in line.split(separator):
            cells.append(piece[1:] if piece.startswith('"') else piece)
    return cells


@pytest.mark.parametrize("flavour", ["excel", "rfc4180"])
def test_no_split_of_a_csv_starts_a_formula(tiny_dataset, flavour):
    tables = data_files.view_tables(tiny_dataset)
    tables["actors"].loc[:, "name"] = (PAYLOADS * 3)[: len(tables["actors"])]
    text = data_files.csv_bytes(tables["actors"], flavour).decode("utf-8-sig")
    for separator in SPLITTERS:
        starts = [c for c in spreadsheet_cells(text, separator) if c.startswith(("=", "+", "-", "@"))]
        assert starts == [], (flavour, separator)


def test_excel_csv_is_semicolon_separated_and_quoted(tiny_dataset):
    text = data_files.csv_bytes(data_files.view_tables(tiny_dataset)["documents"], "excel").decode("utf-8-sig")
    header, first = text.split("\r\n")[:2]
    assert header == '"id";"title";"publisher";"published";"language"'
    assert first.startswith('"d1";"Kilde en";')
    plain = data_files.csv_bytes(data_files.view_tables(tiny_dataset)["documents"], "rfc4180")
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert plain.decode().split("\r\n")[0] == "id,title,publisher,published,language"


def test_view_tables_follow_the_view(tiny_dataset):
    tables = data_files.view_tables(tiny_dataset, {"dir", "ini"})
    assert set(tables["actors"]["id"]) == {"dir", "ini"}
    assert tables["relations"][["source", "target"]].values.tolist() == [["dir", "ini"]]
    assert tables["events"]["id"].tolist() == ["e1"]
    assert tables["events"]["start"].tolist() == ["2021-06-15"]


def test_workbook_sheets_header_widths_and_text_only(hostile):
    dataset, _ = hostile
    book = load_workbook(io.BytesIO(data_files.workbook_bytes(data_files.view_tables(dataset))))
    assert book.sheetnames == ["actors", "relations", "events", "documents"]
    sheet = book["actors"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "id" and sheet["A1"].font.bold
    assert sheet.column_dimensions["B"].width > 8
    assert sheet.max_row == 8
    # the name exactly as it is, typed as text and quote-prefixed: shown as written, never run
    assert sheet["B2"].value == FORMULA and sheet["B2"].data_type == "s" and sheet["B2"].quotePrefix
    for row in book["relations"].iter_rows():
        for cell in row:
            assert cell.data_type != "f"


def test_gexf_and_graphml_read_back_with_attributes(tiny_dataset):
    graph = build_graph(tiny_dataset)
    for reader, data in (
        (nx.read_gexf, data_files.gexf_bytes(graph)),
        (nx.read_graphml, data_files.graphml_bytes(graph)),
    ):
        back = reader(io.BytesIO(data))
        assert set(back.nodes) == set(graph.nodes)
        assert back.number_of_edges() == graph.number_of_edges()
        assert back.nodes["tru"]["region"] == "Helse Vest"
        assert {d["relation"] for *_, d in back.edges(data=True)} == {d["relation"] for *_, d in graph.edges(data=True)}


def test_kumu_workbook_columns(hostile):
    _, graph = hostile
    book = load_workbook(io.BytesIO(data_files.kumu_bytes(graph, "en")))
    assert book.sheetnames == ["Elements", "Connections"]
    assert [c.value for c in book["Elements"][1]] == ["Label", "Type", "Description", "Tags", "Start date", "End date"]
    assert [c.value for c in book["Connections"][1]][:3] == ["From", "To", "Type"]
    labels = {row[0].value for row in book["Elements"].iter_rows(min_row=2)}
    assert FORMULA in labels  # as it is: the workbook keeps it text (quote prefix), never a formula
    assert book["Connections"].max_row == graph.number_of_edges() + 1


def test_network_figure_matches_the_interactive_legend(tiny_dataset):
    graph = build_graph(tiny_dataset)
    data = vis_data(graph, graph, documents_by_id(tiny_dataset, "en"), ViewOptions(colour_by="region", lang="en"))
    figure = report.network_chart(data, report.actors_for_slide(graph, "en"), graph.number_of_edges(), "en").figure
    names = {trace.name for trace in figure.data}
    assert {"leads", "member", "observer", "part of", "affiliated with", "publishes"} <= names
    assert {"Helse Vest (Western Norway)", "National", "Organisation", "Person", "Initiative", "Document"} <= names
    markers = [t for t in figure.data if t.mode and "markers" in t.mode and t.x and t.x[0] is not None]
    assert sum(len(t.x) for t in markers) == 7


def test_deck_slides_titles_and_pictures(tiny_dataset):
    graph = build_graph(tiny_dataset)
    full = graph
    charts = report.initiative_charts(graph, full, "en")
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (160, 90), "white").save(buffer, "PNG")
    drawn = []
    deck = build_deck(
        "kidash – Initiatives",
        report.deck_context(Filters(regions=("Helse Vest",)), full, "en"),
        charts,
        report.actors_for_slide(graph, "en"),
        report.documents_for_slide(tiny_dataset, "en"),
        report.sources_footnote(tiny_dataset, graph, "en"),
        "en",
        render=lambda figure: drawn.append(figure) or buffer.getvalue(),
    )
    # a stand-in renderer (a blank PNG) keeps this unit test free of Chromium
    slides = Presentation(io.BytesIO(deck)).slides
    assert len(slides) == 1 + len(charts) + 2
    texts = [" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in slides]
    assert "Filters: Region: Helse Vest (Western Norway)" in texts[0]
    assert texts[1].startswith("Roles by organisation and initiative")
    assert "Direktoratet holds roles in 2 of the 2 initiatives" in texts[1]
    # The sources are in the picture's own footer, at 12 pt or more where the picture is placed
    footers = [" ".join(a.text for a in figure.layout.annotations) for figure in drawn]
    assert len(drawn) == len(charts) and all("Sources: Kilde en" in f for f in footers)
    assert all(slides_module.fonts_below(figure, 24) == [] for figure in drawn)
    picture = next(s for s in slides[1].shapes if s.shape_type == 13)
    assert (picture.width / 914400 * 144, picture.height / 914400 * 144) == pytest.approx(
        (drawn[0].layout.width, drawn[0].layout.height), abs=1
    ), "the picture is drawn at the size it is shown at"
    notes = slides[1].notes_slide.notes_text_frame.text
    assert "Sources: Kilde en" in notes and "Each marker is a role" in notes
    assert all(any(s.shape_type == 13 for s in slide.shapes) for slide in list(slides)[1 : 1 + len(charts)])
    assert any(shape.has_table for shape in slides[-1].shapes)


def test_deck_says_so_when_a_picture_cannot_be_made(tiny_dataset):
    graph = build_graph(tiny_dataset)

    def broken(figure):
        raise images.ExportUnavailable("no browser")

    deck = build_deck(
        "t",
        [],
        report.initiative_charts(graph, graph, "en")[:1],
        report.actors_for_slide(graph, "en"),
        report.documents_for_slide(tiny_dataset, "en"),
        "",
        "en",
        render=broken,
    )
    text = " ".join(s.text_frame.text for s in Presentation(io.BytesIO(deck)).slides[1].shapes if s.has_text_frame)
    assert "The picture could not be made (no browser)" in text


@needs_browser
def test_real_pictures_png_svg_pdf(tiny_dataset):
    graph = build_graph(tiny_dataset)
    (chart, *_) = report.initiative_charts(graph, graph, "en")
    png = images.figure_bytes(chart.figure, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1920, 1080)
    svg = ET.fromstring(images.figure_bytes(chart.figure, "svg"))
    texts = [el.text for el in svg.iter() if el.tag.endswith("text") and el.text]
    assert "Roles by organisation and initiative" in texts
    assert images.figure_bytes(chart.figure, "pdf").startswith(b"%PDF")
    with pytest.raises(ValueError):
        images.figure_bytes(chart.figure, "gif")


def test_the_data_in_view_round_trips_through_the_streamed_workbook_and_the_zip(shipped):
    """Export → our own upload gives back every fact: the Excel and CSV downloads of the whole map
    upload as the very same data (content fingerprint), guarded formulas and all."""
    from kidash.data import upload

    tables = data_files.view_tables(shipped)
    for name, content in (
        ("kidash.exports.xlsx", data_files.workbook_bytes(tables)),
        ("kidash.zip", data_files.csv_zip(tables)),
    ):
        again = upload.load_upload([(name, content)])
        assert again.fingerprint == shipped.fingerprint, name
    book = load_workbook(io.BytesIO(data_files.workbook_bytes({"t": tables["actors"].head(3).assign(n=[1, 2.5, 3])})))
    sheet = book["t"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert [sheet.cell(row=r, column=sheet.max_column).value for r in (2, 3, 4)] == [1, 2.5, 3]


def test_the_kumu_workbook_keeps_every_relation_with_its_source_date_and_basis(shipped):
    """Every relation of the map is a Kumu connection with its source document, that document's
    date, whether it is inferred, and its own dates: nothing of the provenance is lost on the way."""
    full = build_graph(shipped)
    documents = data_files.document_provenance(shipped)
    book = load_workbook(io.BytesIO(data_files.kumu_bytes(full, "nb", documents)))
    header = [c.value for c in book["Connections"][1]]
    rows = [
        dict(zip(header, (c.value or "" for c in row), strict=True)) for row in book["Connections"].iter_rows(min_row=2)
    ]
    found = sorted(
        (r["From"], r["To"], r["Type"], r["Source"], r["Source date"], r["Inferred"], r["Start date"], r["End date"])
        for r in rows
    )
    names = {node: data["name"] for node, data in full.nodes(data=True)}
    relations = shipped.relations
    expected = sorted(
        (
            names[r["source"]],
            names[r["target"]],
            i18n.label("relation", r["relation"], "nb"),
            documents[r["document"]][0],
            documents[r["document"]][1],
            "yes" if r["inferred"] else "no",
            r["start"].date().isoformat() if not pd.isna(r["start"]) else "",
            r["end"].date().isoformat() if not pd.isna(r["end"]) else "",
        )
        for r in relations.to_dict("records")
    )
    background = [f for f in found if f[3] == ""]
    assert [f for f in found if f[3] != ""] == expected
    assert len(background) == len(found) - len(expected)  # mergers: background knowledge, marked as such
    elements = {row[0].value for row in book["Elements"].iter_rows(min_row=2)}
    assert elements == set(names.values())
