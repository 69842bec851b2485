"""The story in slides: one slide per date with the network then and what changed since the slide before."""

from __future__ import annotations

import io
from dataclasses import replace

from pptx import Presentation

from kidash.exports.page_decks import story_deck
from kidash.map.changes import story_dates
from kidash.map.filters import Filters
from kidash.map.graph import build_graph
from kidash.network.drawing import ViewOptions
from kidash.network.shown import shown_network


def test_a_story_deck_has_a_slide_per_date_with_the_network_then_and_what_changed(shipped):
    full = build_graph(shipped)
    dates = story_dates(("2021-06-10", "2022-03-16", "2024-04-03"), "2021-06-10", "2024-06-01")
    assert dates == ["2021-06-10", "2022-03-16", "2024-04-03", "2024-06-01"]
    options = ViewOptions(lang="nb")

    def network_at(date, since):
        return shown_network(full, shipped, replace(Filters(), as_of=date), "roles", options, since=since)

    deck = Presentation(io.BytesIO(story_deck(shipped, full, Filters(), dates, network_at, "nb", template=None)))
    texts = ["\n".join(shape.text_frame.text for shape in s.shapes if shape.has_text_frame) for s in deck.slides]
    assert texts[0].startswith("kidash – Historien: 10. juni 2021 – 1. juni 2024")
    story = [i for i, t in enumerate(texts) if t.startswith("Kartet per")]
    assert [texts[i].split("\n")[0] for i in story] == [
        "Kartet per 10. juni 2021", "Kartet per 16. mars 2022", "Kartet per 3. april 2024", "Kartet per 1. juni 2024"
    ]  # fmt: skip
    march = texts[story[1]]
    assert "nye roller" in march and "siden 10. juni 2021" in march
    # the line names its changes' sources
    assert "Kilder: Bidra inn i det nasjonale koordineringsprosjektet (16. mars 2022)." in march
    notes = deck.slides[story[1]].notes_slide.notes_text_frame.text
    assert (
        "Ny rolle – Helsedirektoratet – leder" in notes and "Bidra inn i det nasjonale koordineringsprosjektet" in notes
    )
    for i in story:
        assert any(shape.shape_type == 13 for shape in deck.slides[i].shapes), "a picture of the network then"
