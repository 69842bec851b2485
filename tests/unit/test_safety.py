"""Escaping for Markdown tables and HTML."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from kidash.safety import escape_html, escape_markdown


def test_markdown_specials_are_escaped():
    assert escape_markdown("[x](http://example.invalid)") == "\\[x\\]\\(http\u2060\\:\u2060//example\\.invalid\\)"
    assert escape_markdown("10. juni") == r"10\. juni"
    assert escape_markdown("$x$ :red[y]") == "\\$x\\$ \\:\u2060red\\[y\\]"
    assert ":material/home:" not in escape_markdown(":material/home:").replace("\\", "")
    assert escape_markdown("<img src=x>") == r"\<img src\=x\>"
    assert escape_markdown("a\nb") == "a b"
    assert escape_markdown(None) == ""


@given(st.text())
def test_escaped_markdown_has_no_unescaped_special(text):
    escaped = escape_markdown(text)
    for i, ch in enumerate(escaped):
        if ch in "[]()<>*_`$:!#|":
            assert escaped[i - 1] == "\\"


def test_html_escape():
    assert escape_html("<b onclick='x'>") == "&lt;b onclick=&#x27;x&#x27;&gt;"


def test_html_table_escapes_every_value_and_header():
    from kidash.safety import html_table

    frame = pd.DataFrame({"<th>": ["<img src=x onerror=alert(1)>"], "Antall": [3]})
    out = html_table(frame, caption="<caption>")
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "&lt;th&gt;" in out and "&lt;caption&gt;" in out
    assert '<td class="kd-num">3</td>' in out


HOSTILE_NAMES = {
    4: "<img src=x onerror=alert(1)>",  # «ini», a main initiative
    6: '<a href="http://example.invalid">klikk</a>',  # «oth», a main initiative
    2: "<b>Helse</b> & co",  # «tru», an organisation in two initiatives
}


def _strings(value):
    """Every string in a figure's JSON, wherever it sits."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def test_every_figure_shows_hostile_names_as_text(tiny_rows):
    """Plotly renders <b>, <a href> … in labels; data names must reach it escaped, in every chart."""
    from kidash.charts import report
    from kidash.data.dataset import dataset_from_frames
    from kidash.map.filters import Filters, filter_graph
    from kidash.map.graph import build_graph
    from kidash.map.metrics import centrality_table
    from kidash.map.summary import documents_by_id
    from kidash.network.drawing import ViewOptions, vis_data
    from kidash.safety import plotly_text
    from tests.conftest import frames_from_rows

    for row, name in HOSTILE_NAMES.items():
        tiny_rows["actors"][row][1] = name
        tiny_rows["actors"][row][2] = name  # short names are what charts show
    tiny_rows["documents"][1][1] = "<i>Kilde</i>"
    dataset = dataset_from_frames(frames_from_rows(tiny_rows))
    full = build_graph(dataset)
    graph = filter_graph(full, Filters())
    charts = report.initiative_charts(graph, full, "nb") + report.timeline_charts(dataset, full, graph, "nb")
    charts += report.analysis_charts(centrality_table(graph), full, "degree", "nb")
    vis = vis_data(graph, full, documents_by_id(dataset), ViewOptions())
    charts.append(report.network_chart(vis, report.actors_for_slide(graph, "nb"), graph.number_of_edges(), "nb"))
    assert len(charts) >= 5
    for chart in charts:
        texts = list(_strings(chart.figure.to_plotly_json()))
        joined = "\n".join(texts)
        for name in [*HOSTILE_NAMES.values(), "<i>Kilde</i>"]:
            assert name not in joined, (chart.name, name)
        assert any(plotly_text(n) in joined for n in HOSTILE_NAMES.values()), chart.name
