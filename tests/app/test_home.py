"""The home page through AppTest: counts, sources, language, and bad data."""

from kidash.map import summary
from tests.app.conftest import html_tables
from tests.fixtures import write_tables


def metric_values(at):
    return {m.label: m.value for m in at.metric}


def test_home_shows_counts_of_the_shipped_data(app, shipped):
    at = app()
    assert not at.exception
    expected = summary.counts(shipped)
    assert metric_values(at) == {
        "Organisasjoner": str(expected["organisations"]),
        "Personer": str(expected["people"]),
        "Initiativer og arrangementer": str(expected["initiatives"]),
        "Relasjoner": str(expected["relations"]),
        "Daterte hendelser": str(expected["events"]),
    }
    assert at.title[0].value.startswith("Hvem leder")


def test_home_lists_the_five_sources(app):
    at = app()
    sources = next(t for t in html_tables(at) if "Utgiver" in t.columns)
    assert len(sources) == 5
    assert "10. juni 2021" in sources["Publisert"].tolist()


def test_language_switch_and_url(app):
    at = app()
    at.selectbox(key="lang").select("en").run()
    assert not at.exception
    assert at.title[0].value.startswith("Who leads")
    assert "Organisations" in metric_values(at)
    # The URL itself is updated by the browser; tests/browser checks ?lang=en.


def test_language_from_the_url(app):
    at = app(lang="en")
    assert at.selectbox(key="lang").value == "en"
    assert "People" in metric_values(at)


def test_unknown_language_in_the_url_falls_back_to_norwegian(app):
    at = app(lang="xx")
    assert not at.exception
    assert at.selectbox(key="lang").value == "nb"


def test_invalid_data_shows_every_problem_not_a_traceback(app, tmp_path, tiny_rows, monkeypatch):
    tiny_rows["actors"][2][6] = "Vestlandet"
    tiny_rows["relations"][1][1] = "ghost"
    monkeypatch.setenv("KIDASH_DATA_DIR", str(write_tables(tmp_path, tiny_rows)))
    at = app()
    assert not at.exception
    assert at.error and "kan ikke lastes" in at.error[0].value
    problems = html_tables(at)[0]
    assert problems["Rad"].tolist() == ["3", "2"]
    assert problems["Kolonne"].tolist() == ["region", "target"]


def test_tiny_data_directory_drives_the_counts(app, tmp_path, tiny_rows, monkeypatch):
    monkeypatch.setenv("KIDASH_DATA_DIR", str(write_tables(tmp_path, tiny_rows)))
    at = app()
    assert metric_values(at)["Personer"] == "1"


def test_home_counts_and_initiatives_follow_the_filters(app):
    """Helse Vest's trusts: hand-counted from data/ (Dei lokale helseføretaka in Helse Vest)."""
    at = app(region="Helse Vest", type="health_trust")
    assert at.header[0].value == "Utvalget i tall (filtrene gjelder)"
    assert metric_values(at)["Organisasjoner"] == "1 av 31"
    initiatives = next(t for t in html_tables(at) if "Initiativ" in t.columns)
    counts = dict(zip(initiatives["Initiativ"], initiatives["Aktører med roller i det"], strict=True))
    assert counts["10. Bruk av kunstig intelligens"] == "1"
    assert counts["Nasjonalt nettverk for kunstig intelligens i helsetjenesten"] == "0"


def test_pages_the_filters_do_not_apply_to_say_so(app_page):
    assert any("gjelder ikke" in i.value for i in app_page("data", region="Helse Vest").info)
    assert any("gjelder ikke" in i.value for i in app_page("aktor", region="Helse Vest", actor="ks").info)
    assert not any("gjelder ikke" in i.value for i in app_page("data").info)
