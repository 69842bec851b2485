"""Time every export on the shipped data and on a 5,000-actor synthetic set.

Usage: python bench/bench_exports.py
Pictures are timed cold (the first call starts the renderer) and warm.
"""

from __future__ import annotations

import time

from kidash.charts import report
from kidash.data.dataset import dataset_from_frames, load_dataset
from kidash.data.synthetic import synthetic_tables
from kidash.exports import data_files, deck, images
from kidash.map.filters import Filters, ego_network, filter_graph
from kidash.map.graph import build_graph
from kidash.map.summary import documents_by_id
from kidash.network.drawing import ViewOptions, vis_data


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def run(label: str, dataset) -> dict[str, float | str]:
    full = build_graph(dataset)
    graph = filter_graph(full, Filters())
    if graph.number_of_nodes() > 1_000:  # the page draws a focus view beyond this
        hub = max((n for n, d in full.nodes(data=True) if d["kind"] == "organisation"), key=full.degree)
        drawn = ego_network(full, hub, 1)
    else:
        drawn = graph
    charts = report.initiative_charts(graph, full, "nb")
    vis = vis_data(drawn, full, documents_by_id(dataset), ViewOptions())
    network = report.network_chart(vis, report.actors_for_slide(drawn, "nb"), drawn.number_of_edges(), "nb")
    row: dict[str, float | str] = {"data": label, "actors": len(dataset.actors)}
    for fmt in ("png", "svg", "pdf"):
        _, row[f"{fmt} 1st s"] = timed(images.figure_bytes, network.figure, fmt)
        _, row[f"{fmt} warm s"] = timed(images.figure_bytes, network.figure, fmt)
    _, row["deck s"] = timed(
        deck.build_deck,
        "kidash",
        report.deck_context(Filters(), full, "nb"),
        charts + [network],
        report.actors_for_slide(graph, "nb"),
        report.documents_for_slide(dataset, "nb"),
        report.sources_footnote(dataset, graph, "nb"),
        "nb",
    )
    row["deck slides"] = str(len(charts) + 4)
    tables = data_files.view_tables(dataset, set(graph.nodes))
    _, row["xlsx s"] = timed(data_files.workbook_bytes, tables)
    _, row["csv zip s"] = timed(data_files.csv_zip, tables)
    _, row["gexf s"] = timed(data_files.gexf_bytes, graph)
    _, row["kumu s"] = timed(data_files.kumu_bytes, graph)
    return row


def main() -> None:
    rows = [run("shipped", load_dataset()), run("synthetic", dataset_from_frames(synthetic_tables(5_000)))]
    for column in rows[0]:
        cells = [f"{r[column]:.3f}" if isinstance(r[column], float) else str(r[column]) for r in rows]
        print(f"{column:>12} | " + " | ".join(f"{c:>10}" for c in cells))


if __name__ == "__main__":
    main()
