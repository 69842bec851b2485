"""An actor's roles over time, worked out by hand on the shipped data (Direktoratet for e-helse)."""

from __future__ import annotations

import datetime as dt

from kidash.charts import report
from kidash.map.graph import build_graph
from kidash.map.profile import role_spans
from kidash.map.summary import documents_by_id

TODAY = dt.date(2026, 11, 24)


def test_an_actor_that_ended_ends_its_roles_and_a_later_mention_is_a_discrepancy(shipped):
    full = build_graph(shipped)
    spans = role_spans(full, "direktoratet-for-e-helse", documents_by_id(shipped, "nb"), "nb", TODAY)
    rows = {row.label: row for row in spans.itertuples()}
    # KIN's news item (10 June 2021) is the first evidence; the directorate's end (31 Dec 2023) ends the role
    kin = rows["observatør → KIN"]
    assert (kin.start, kin.end, kin.from_start, kin.ended) == (dt.date(2021, 6, 10), dt.date(2023, 12, 31), False, True)
    # the merger is a moment on 1 January 2024, from background knowledge
    merger = rows["slått sammen inn i → Hdir"]
    assert (merger.start, merger.end, merger.from_start, merger.source) == (
        dt.date(2024, 1, 1), dt.date(2024, 1, 1), True, "Bakgrunnskunnskap"
    )  # fmt: skip
    # Helse Vest's page of 3 April 2024 still names it: kept, as a moment, flagged
    late = rows["involvert → Tiltak 10 (avvik)"]
    assert (late.start, late.end, late.discrepancy) == (dt.date(2024, 4, 3), dt.date(2024, 4, 3), True)
    assert len(spans) == 8 and list(spans["start"]) == sorted(spans["start"])


def test_roles_nothing_ends_run_to_today_and_the_chart_says_how_many(shipped):
    full = build_graph(shipped)
    documents = documents_by_id(shipped, "nb")
    spans = role_spans(full, "ks", documents, "nb", TODAY)
    open_ended = spans[~spans["ended"]]
    assert len(open_ended) and set(open_ended["end"]) == {TODAY}
    # KS took part in the municipal subproject through 2022 (stated start and end)
    subproject = spans[spans["label"].str.contains("Kommunal", case=False) & spans["from_start"]]
    assert list(subproject["start"]) == [dt.date(2022, 1, 1)] and list(subproject["end"]) == [dt.date(2022, 12, 31)]
    (chart,) = report.roles_time_chart(full, "ks", documents, "nb", "2022-06-01", today=TODAY)
    assert chart.takeaway == (
        "Kommunesektorens organisasjon (KS): 5 roller med dato fra 1. januar 2022; 4 av dem har ingen slutt i kildene."
    )
    assert (len(spans), len(open_ended)) == (5, 4)
    assert any(a.text == "Kartet per 1. juni 2022" for a in chart.figure.layout.annotations)
    assert report.roles_time_chart(full, "ks", documents, "en", today=TODAY)[0].figure.layout.title.text == (
        "The roles of Norwegian Association of Local and Regional Authorities over time"
    )
