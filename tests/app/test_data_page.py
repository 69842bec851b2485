"""The data page through AppTest: tables, search, quality, upload (broken and valid), the banner and the way back."""

from __future__ import annotations

import re

import pytest

from kidash.exports import template
from kidash.map import summary
from kidash.pages import PAGE_NAMES
from tests.app.conftest import html_tables, html_texts, notes
from tests.fixtures import TINY, csv_text, tiny_csv_files

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGES = list(PAGE_NAMES)


@pytest.fixture
def data_page(app):
    def start(**query):
        at = app(**query)
        at.switch_page("app_pages/data.py").run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return start


def upload(at, files):
    at.file_uploader[0].set_value([(name, raw, "application/octet-stream") for name, raw in files]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(markdown: str) -> str:
    """Markdown text with its backslash escapes removed: what the reader sees."""
    return re.sub(r"\\(.)", r"\1", markdown)


def texts(at) -> list[str]:
    return [plain(m.value) for m in at.markdown] + html_texts(at)


def table_with(at, heading: str):
    return next(t for t in html_tables(at) if heading in t.columns)


def test_data_page_shows_quality_tables_and_documents(data_page, shipped):
    at = data_page()
    assert at.title[0].value == "Dataene bak kartet – og dine egne"
    kinds = table_with(at, "Art")
    assert dict(zip(kinds["Art"], kinds["Antall"], strict=True))["Organisasjon"] == str(
        summary.counts(shipped)["organisations"]
    )
    per_document = table_with(at, "Aktører nevnt")
    assert len(per_document) == len(shipped.documents)
    assert any("uten leder" in h.value for h in at.subheader)
    assert at.dataframe[0].value.shape == shipped.raw["actors"].frame.shape
    assert not any("kan ikke" in n for n in notes(at, "error"))


def test_search_and_table_choice_filter_the_rows(data_page, shipped):
    at = data_page()
    at.text_input(key="d_search").input("helse vest").run()
    shown = at.dataframe[0].value
    assert 0 < len(shown) < len(shipped.raw["actors"].frame)
    assert all(row.astype(str).str.lower().str.contains("helse vest").any() for _, row in shown.iterrows())
    at.get("button_group")[0].set_value("relations").run()
    at.text_input(key="d_search").input("").run()
    assert at.dataframe[0].value.shape == shipped.raw["relations"].frame.shape


def test_the_data_page_in_english(data_page):
    at = data_page(lang="en")
    assert at.title[0].value == "The data behind the map – and your own"
    assert at.file_uploader[0].label == "Choose files to upload"


def test_template_and_data_downloads_are_offered(data_page):
    at = data_page()
    labels = [b.label for b in at.get("download_button")]
    assert "Last ned malen (Excel)" in labels
    assert (
        "Excel-arbeidsbok (samme oppsett som malen)" in labels
        and "CSV for Excel (semikolon, ZIP)" in labels
        and "CSV med komma (ZIP)" in labels
    )


def test_a_broken_upload_shows_every_problem_and_loads_nothing(data_page, shipped):
    rows = [list(r) for r in TINY["actors"]]
    rows[2][4] = "organisasjon"  # wrong kind, spreadsheet row 3
    rows[3][0] = ""  # blank id, row 4
    files = tiny_csv_files()
    files[0] = ("actors.csv", csv_text(rows, ";").encode("cp1252"))
    at = upload(data_page(), files)
    assert "kan ikke lastes" in notes(at, "error")[0]
    problems = table_with(at, "Problem")
    found = list(zip(problems["Fil eller ark"], problems["Rad"], problems["Kolonne"], strict=True))
    assert ("actors.csv", "3", "kind") in found and ("actors.csv", "4", "id") in found
    assert "Mente du «organisation»?" in " ".join(problems["Problem"])
    assert not any("egne data fra" in m for m in texts(at))
    at.switch_page("app_pages/home.py").run()
    assert at.metric[0].value == str(summary.counts(shipped)["organisations"])


def test_a_valid_upload_switches_every_page_with_a_banner_and_back(data_page, shipped):
    at = data_page(region="Helse Vest")
    assert at.session_state["f_region"] == ["Helse Vest"]
    at = upload(at, [("mitt-kart.xlsx", template.template_bytes())])
    assert "«mitt-kart.xlsx» er lastet inn: 2 aktører og 1 relasjon" in notes(at, "success")[0]
    assert at.session_state["f_region"] == []  # filters of the old data are cleared
    assert "region" not in at.query_params
    for name in PAGES:
        at.switch_page(f"app_pages/{name}.py").run()
        assert not at.exception, (name, [e.value for e in at.exception])
        banner = [m for m in texts(at) if "dine egne data fra «mitt-kart.xlsx»" in m]
        assert banner, name
    at.switch_page("app_pages/home.py").run()
    assert [m.value for m in at.metric][:3] == ["1", "0", "1"]
    at.button(key="kd_back").click().run()
    assert not any("dine egne data" in m for m in texts(at))
    assert at.metric[0].value == str(summary.counts(shipped)["organisations"])


def test_a_second_valid_upload_replaces_the_first(data_page):
    at = upload(data_page(), [("a.xlsx", template.template_bytes())])
    at = upload(at, tiny_csv_files())
    assert any("egne data fra «actors.csv, relations.csv, events.csv, documents.csv»" in m for m in texts(at))


def test_a_broken_upload_after_a_valid_one_keeps_the_valid_data(data_page):
    at = upload(data_page(), [("a.xlsx", template.template_bytes())])
    at = upload(at, [("b.xlsx", b"not a workbook")])
    assert notes(at, "error") and "b.xlsx" in notes(at, "error")[0]
    assert any("egne data fra «a.xlsx»" in m for m in texts(at))


def test_html_in_an_uploaded_name_is_escaped_in_the_banner(data_page):
    files = tiny_csv_files()
    files[0] = ("<b>x</b>*[y](http://example.invalid)*.csv", files[0][1])
    at = upload(data_page(), files)
    assert notes(at, "error")  # unknown file name: nothing loads
    # the name shown as its characters (copied from the page, it is the file's name), never as markup
    assert "«<b>x</b>*[y](http://example.invalid)*.csv" in notes(at, "error")[0]
    assert any(
        "&lt;b&gt;x&lt;/b&gt;" in e.proto.body
        for e in at.get("html")
        if 'class="kd-note kd-note-error"' in e.proto.body
    )


def test_every_page_works_on_a_sparse_upload(data_page):
    """No events, no main_initiative column, one document: every page still draws, without errors."""
    sparse = {name: [list(r) for r in rows] for name, rows in TINY.items()}
    sparse["actors"] = [row[:-1] for row in sparse["actors"]]  # no main_initiative column
    sparse["events"] = sparse["events"][:1]
    sparse["relations"] = [row for row in sparse["relations"] if row[3] != "d2"]
    sparse["documents"] = sparse["documents"][:2]
    files = [(f"{name}.csv", csv_text(rows).encode()) for name, rows in sparse.items()]
    at = upload(data_page(lang="en"), files)
    assert notes(at, "success"), notes(at, "error")
    for name in PAGES:
        at.switch_page(f"app_pages/{name}.py").run()
        assert not at.exception, (name, [e.value for e in at.exception])
        assert any("your own data from" in m for m in texts(at)), name


def test_an_unexpected_reader_failure_is_a_message_not_a_traceback(data_page, monkeypatch):
    from kidash.data import upload as upload_module

    def broken(files):
        raise RuntimeError("a bug in a reader")

    monkeypatch.setattr(upload_module, "load_upload", broken)
    at = upload(data_page(), [("a.xlsx", b"x")])
    assert "kan ikke lastes" in notes(at, "error")[0]
    assert "RuntimeError" in " ".join(table_with(at, "Problem")["Problem"])


def test_the_page_says_how_each_uploaded_file_was_read(data_page):
    files = tiny_csv_files("cp1252", ";")
    files[0] = ("actors.csv", files[0][1].replace(b"Helseforetaket", "Helse Sør-Øst".encode("cp1252")))
    at = upload(data_page(), files)
    read = table_with(at, "Lest som")
    assert read.set_index("Fil eller ark").loc["actors.csv", "Lest som"] == "Windows-1252, «;»"
    assert read.set_index("Fil eller ark").loc["actors.csv", "Rader"] == str(len(TINY["actors"]) - 1)
    at = upload(at, [("mal.xlsx", template.template_bytes())])
    read = table_with(at, "Lest som")
    assert read["Fil eller ark"].tolist()[0] == "mal.xlsx › actors" and set(read["Lest som"]) == {"Excel"}


def test_a_link_to_an_upload_this_session_does_not_hold_says_the_upload_is_not_here(data_page, app):
    """The URL marks a view of own data; where that upload is missing (another person, or a
    server that restarted or died behind a proxy) the page says so and shows the shipped data."""
    at = upload(data_page(), tiny_csv_files())
    assert at.query_params["data"] in ("own", ["own"])
    assert not at.warning
    other = app(**dict(at.query_params))
    assert not other.exception
    warnings = [w.value for w in other.warning]
    assert any("lastet opp i en annen økt" in w for w in warnings), warnings
    assert "data" not in other.query_params  # the URL now says what is shown: the shipped data
    other.run()
    assert not other.warning  # said once, on arrival
    english = app(data="own", lang="en")
    assert any("uploaded in another session" in w.value for w in english.warning)
