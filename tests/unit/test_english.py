"""English that is English: with ``lang=en`` names are English where the data has them (on the
network, in cards, tables, charts and decks), texts that exist only in Norwegian say so, and
Plotly's own texts follow the page's language."""

import io

import pytest
from pptx import Presentation

from kidash import i18n
from kidash.charts import plotly_locale, report
from kidash.data.dataset import DATA_DIR, load_dataset
from kidash.exports.page_decks import page_deck
from kidash.map import analysis, labelled, profile
from kidash.map.filters import Filters
from kidash.map.graph import build_graph, full_name, short_name
from kidash.map.summary import documents_by_id
from kidash.network.drawing import ViewOptions, vis_data


@pytest.fixture(scope="module")
def shipped():
    dataset = load_dataset(DATA_DIR)
    return dataset, build_graph(dataset)


def _translated(full):
    """Actors whose Norwegian short name appears nowhere in their English names (so seeing it on an
    English page means a Norwegian name leaked)."""
    return {
        node: data
        for node, data in full.nodes(data=True)
        if data["short_name_en"]
        and data["name"] != data["name_en"]
        and data["short_name"] not in data["name_en"]
        and data["short_name"] not in data["short_name_en"]
    }


def _strings(value, found: set) -> None:
    """Every string a figure holds (axis categories, texts, hover texts), each as a whole."""
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for inner in value.values():
            _strings(inner, found)
    elif isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        for inner in value.tolist() if hasattr(value, "tolist") else value:
            _strings(inner, found)


def test_every_actor_with_an_english_name_has_a_short_one_that_fits_a_label(shipped):
    dataset, _ = shipped
    named = dataset.actors[dataset.actors["name_en"].astype(str).str.strip() != ""]
    assert len(named) >= 50
    assert (named["short_name_en"].astype(str).str.strip() != "").all()
    assert named["short_name_en"].astype(str).str.len().max() <= 40


def test_the_network_is_labelled_in_english_and_still_found_by_its_norwegian_names(shipped):
    dataset, full = shipped
    nb = {n["id"]: n for n in vis_data(full, full, documents_by_id(dataset), ViewOptions())["nodes"]}
    en = {n["id"]: n for n in vis_data(full, full, documents_by_id(dataset, "en"), ViewOptions(lang="en"))["nodes"]}
    assert nb["helsedirektoratet"]["label"] == "Hdir"
    assert en["helsedirektoratet"]["label"] == "Directorate of Health"
    assert en["koordineringsprosjektet"]["label"] == "Coordination project"
    # a person's name is a name in both languages
    people = [n for n, d in full.nodes(data=True) if d["kind"] == "person"]
    assert all(en[p]["label"] == nb[p]["label"] for p in people)
    # search in English finds the Norwegian names too (people type what they know)
    assert {"Helsedirektoratet", "Hdir", "Directorate of Health"} <= set(en["helsedirektoratet"]["names"])
    for node in _translated(full):
        assert en[node]["label"] != nb[node]["label"], node


def test_the_card_heads_with_the_english_name_and_keeps_the_sources_own(shipped):
    dataset, full = shipped
    en = {n["id"]: n for n in vis_data(full, full, documents_by_id(dataset, "en"), ViewOptions(lang="en"))["nodes"]}
    card = en["helsedirektoratet"]["card"]
    assert card[0] == ["h", "Norwegian Directorate of Health"]
    assert card[1] == ["i", "Norwegian name: Helsedirektoratet"]
    roles = [line[1] for line in card if line[0] == "li"]
    assert any("Better use of artificial intelligence (national coordination project)" in r for r in roles)
    person = next(n for n, d in full.nodes(data=True) if d["kind"] == "person" and d["role_title"])
    assert any(line[1].startswith("Position (in Norwegian): ") for line in en[person]["card"])
    nb = {n["id"]: n for n in vis_data(full, full, documents_by_id(dataset), ViewOptions())["nodes"]}
    assert nb["helsedirektoratet"]["card"][0] == ["h", "Helsedirektoratet"]
    assert not any(line[0] == "i" for line in nb["helsedirektoratet"]["card"])


def test_the_profile_marks_what_exists_only_in_norwegian(shipped):
    dataset, _ = shipped
    facts = dict(profile.actor_facts(dataset, "helsedirektoratet", "en").values.tolist())
    assert facts["Norwegian name"] == "Helsedirektoratet"
    assert facts["Description (in Norwegian)"].startswith("Leder koordineringsprosjektet")
    assert "English name" not in facts
    facts_nb = dict(profile.actor_facts(dataset, "helsedirektoratet", "nb").values.tolist())
    assert facts_nb["Engelsk navn"] == "Norwegian Directorate of Health" and "Beskrivelse" in facts_nb


def test_charts_tables_and_takeaways_use_english_names(shipped):
    _, full = shipped
    charts = report.initiative_charts(full, full, "en")
    matrix = next(c for c in charts if c.name == "rollematrise")
    assert "Coordination project" in list(matrix.table.columns)
    assert "Norwegian Directorate of Health" in set(matrix.table.iloc[:, 0])
    bridges = analysis.bridges(full, full, "en")
    assert "Norwegian Directorate of Health" in set(bridges["name"])
    shown = set()
    for chart in charts:
        _strings(chart.figure.to_plotly_json(), shown)
    for node, data in _translated(full).items():
        assert data["short_name"] not in shown and data["name"] not in shown, node
    assert {"Coordination project", "Norwegian Directorate of Health"} <= shown
    # the initiative shown in a roster, in English
    roster = labelled.roster(
        analysis.initiative_roles(full, "koordineringsprosjektet"), full, documents_by_id(shipped[0], "en"), "en"
    )
    assert "Norwegian Directorate of Health" in set(roster["Who"])


def test_an_english_deck_names_actors_in_english(shipped):
    dataset, full = shipped
    charts = report.initiative_charts(full, full, "en")[:1]
    deck = page_deck("kidash – Initiatives", dataset, full, full, Filters(initiatives=("kin",)), charts, "en")
    text = []
    for slide in Presentation(io.BytesIO(deck)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                text.append(shape.text_frame.text)
            if shape.has_table:
                text.extend(cell.text for row in shape.table.rows for cell in row.cells)
    text = "\n".join(text)
    assert "National network for artificial intelligence in the health service" in text  # the filter, named
    assert "Norwegian Directorate of Health" in text  # the actors table
    assert "Nasjonalt nettverk for kunstig intelligens" not in text


def test_names_fall_back_to_the_sources_own_when_nobody_translated_them():
    person = {"name": "Finn Henry Hansen", "short_name": "", "name_en": "", "short_name_en": ""}
    assert full_name(person, "en") == short_name(person, "en") == "Finn Henry Hansen"
    only_long = {"name": "Helse Vest RHF", "short_name": "Helse Vest", "name_en": "Western Norway RHA"}
    assert short_name(only_long, "en") == "Western Norway RHA"
    assert i18n.in_norwegian("profile.note", "en") == "Note (in Norwegian)"


def test_plotly_speaks_the_pages_language():
    nb = plotly_locale.chart_config("nb", {"displaylogo": False})
    assert nb["displaylogo"] is False and nb["locale"] == "nb"
    words = nb["locales"]["nb"]["dictionary"]
    assert words["Double-click to zoom back out"] == "Dobbeltklikk for å zoome ut igjen"
    assert words["Download plot as a png"].startswith("Last ned")
    assert nb["locales"]["nb"]["format"]["months"][2] == "mars"
    assert "locales" not in plotly_locale.chart_config("en")
