"""Initiatives, actor profile, timeline and analysis pages through AppTest."""

import json

import pytest

from tests.app.conftest import drawings, html_tables, html_texts


@pytest.fixture
def page(app_page):
    def start(name, **query):
        at = app_page(name, **query)
        assert not at.exception, [e.value for e in at.exception]
        return at

    return start


def chart_titles(at) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in at.get("plotly_chart")]


def test_initiatives_page_shows_roster_and_every_chart(page):
    at = page("initiativer")
    assert chart_titles(at) == [
        "Roller per organisasjon og initiativ",
        "Organisasjoner i flere initiativer",
        "Felles organisasjoner mellom initiativene",
        "Organisasjoner per region i hvert initiativ",
        "Organisasjoner per type i hvert initiativ",
    ]
    roster = html_tables(at)[0]
    assert set(roster.loc[roster["Rolle"] == "sekretariat", "Hvem"]) >= {"Finn Henry Hansen", "Jan Nygård"}
    assert any(text.startswith("Sekretariat:") for text in html_texts(at))


def test_every_chart_sent_is_its_figure_and_follows_a_filter_and_back(page):
    """The charts go to the browser as their figures' own JSON (their plain form is made once per
    figure, kidash.app.show._Drawn), also after a filter is set and taken off again."""
    import plotly.io as pio

    from kidash.app import cache, session
    from kidash.charts import report
    from kidash.map.filters import Filters, filter_graph

    dataset = session.shipped_dataset()
    full = cache.full_graph(dataset)

    def expected(filters):
        charts = report.initiative_charts(filter_graph(full, filters), full, "nb")
        return [json.loads(pio.to_json(chart.figure, validate=False)) for chart in charts]

    at = page("initiativer")
    sent = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert sent == expected(Filters())
    at.multiselect(key="f_region").select("Helse Vest").run()
    assert [json.loads(c.proto.spec) for c in at.get("plotly_chart")] == expected(Filters(regions=("Helse Vest",)))
    assert [json.loads(c.proto.spec) for c in at.get("plotly_chart")] != sent
    at.multiselect(key="f_region").unselect("Helse Vest").run()
    assert [json.loads(c.proto.spec) for c in at.get("plotly_chart")] == sent


def test_initiatives_page_for_the_coordination_project_in_english(page):
    at = page("initiativer", lang="en", i="koordineringsprosjektet")
    roster = html_tables(at)[0]
    # English names where the data has them; the roster says so in English
    assert roster.loc[roster["Role"] == "leads", "Who"].tolist()[0] == "Norwegian Directorate of Health"
    assert "Norwegian Association of Local and Regional Authorities" in set(roster["Who"])
    assert "Helsedirektoratet" not in set(roster["Who"])
    assert any("holds roles in 4 of the 5 initiatives" in text for text in html_texts(at))


def test_initiatives_page_follows_the_filters(page):
    at = page("initiativer", region="Helse Nord")
    matrix = next(t for t in html_tables(at) if "Organisasjon" in t.columns and "KIN" in t.columns)
    assert set(matrix["Organisasjon"]) <= {"Helse Nord RHF", "Nasjonalt senter for e-helseforskning"}


def test_actor_profile_from_a_link(page):
    at = page("aktor", actor="helse-nord-rhf")
    assert html_texts(at)[0] == "Helse Nord RHF"  # the heading: the name as its characters
    held = html_tables(at)[1]
    assert set(held["Hvor"]) == {
        "Bedre bruk av kunstig intelligens",
        "Styringsgruppen for koordineringsprosjektet",
        "10. Bruk av kunstig intelligens",
    }
    links = {(link.proto.label, link.proto.page) for link in at.get("page_link")}
    assert any(label == "Finn Henry Hansen" for label, _ in links)
    (drawing,) = drawings(at)
    assert "finn-henry-hansen" in {node["id"] for node in drawing["nodes"]} or len(drawing["nodes"]) > 1


def test_actor_profile_without_an_actor_asks_for_one(page):
    at = page("aktor")
    assert at.info[0].value == "Velg en aktør for å se profilen."


def test_actor_profile_of_a_person_names_the_organisation(page):
    at = page("aktor", actor="finn-henry-hansen", lang="en")
    assert at.subheader[0].value == "Organisation"
    assert "Northern Norway Regional Health Authority" in {link.proto.label for link in at.get("page_link")}


def test_timeline_page(page):
    at = page("tidslinje")
    # Plotly's own texts (modebar, «Double-click to zoom back out», months) in the page's language
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["locale"] == "nb" and config["locales"]["nb"]["dictionary"]["Zoom in"] == "Zoom inn"
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = {trace.get("name") for trace in spec["data"]}
    assert {
        "KIN",
        "Debatten om KI i helseteamet",
        "Dato oppgitt i kilden",
        "Dato utledet (kilden antyder den)",
    } <= names
    inferred = [t for t in spec["data"] if t.get("marker", {}).get("symbol") == "circle-open" and t.get("x") != [None]]
    last_stated = max(
        i for i, t in enumerate(spec["data"]) if t.get("marker", {}).get("symbol") == "circle" and t.get("x") != [None]
    )
    assert inferred and all(spec["data"].index(t) > last_stated for t in inferred), "hollow points drawn on top"
    table = html_tables(at)[0]
    assert "15. juni 2021 (utledet dato)" in set(table["Når"])


def test_timeline_with_nothing_left_says_so(page):
    at = page("tidslinje", relation="publishes", kind="event")
    assert at.info and "Ingen daterte hendelser" in at.info[0].value


def test_analysis_page(page):
    at = page("analyse", **{"from": "helse-nord-rhf", "to": "hemit"})
    assert chart_titles(at) == ["Aktørene med høyest mellomliggende sentralitet"]
    centrality = at.dataframe[0].value
    assert list(centrality.columns)[:2] == ["Navn", "Art"]
    assert at.subheader[0].value == "Vei 1"
    assert any("gjennom Eiliv Flakne" in text for text in html_texts(at))
    assert len(at.expander) >= 2


def test_analysis_asks_for_two_actors(page):
    at = page("analyse", lang="en")
    assert any(i.value == "Choose two different actors." for i in at.info)
