"""Time each stage of the network page on synthetic datasets of growing size.

Usage: python bench/bench_scale.py [SIZES...]   (default: 1000 5000 20000)
Prints one row per size: load+validate, graph build, filter, metrics on the
whole graph, what the page draws (whole map, filtered view or focus view),
layout, PyVis HTML generation (seconds), HTML size (MB), and «page s»: the
uncached work of one page view (filter, betweenness and layout of what is
drawn, HTML). Loading and the graph are cached per dataset in the app.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from kidash.data.dataset import load_dataset
from kidash.data.synthetic import synthetic_tables
from kidash.map.filters import Filters, ego_network, filter_graph
from kidash.map.graph import build_graph
from kidash.map.metrics import betweenness, degree, initiative_counts
from kidash.map.summary import documents_by_id
from kidash.network.component import network_html
from kidash.network.drawing import MAX_DRAWN_NODES, ViewOptions, map_positions, vis_data


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def run(size: int) -> dict[str, float | int | str]:
    with tempfile.TemporaryDirectory() as folder:
        for name, frame in synthetic_tables(size).items():
            frame.to_csv(Path(folder) / f"{name}.csv", index=False)
        dataset, load_s = timed(load_dataset, folder)
    graph, build_s = timed(build_graph, dataset)
    region = dataset.actors["region"].astype(str).mode()[0]
    view, filter_s = timed(filter_graph, graph, Filters(regions=(region,), show_people=False))
    _, degree_s = timed(degree, graph)
    _, betweenness_s = timed(betweenness, graph)
    _, initiatives_s = timed(initiative_counts, graph)
    # What the page draws: the whole map if small enough, else the filtered view,
    # else (as the page offers) the focus view of the best-connected organisation.
    if graph.number_of_nodes() <= MAX_DRAWN_NODES:
        drawn, what = graph, "whole map"
    elif view.number_of_nodes() <= MAX_DRAWN_NODES:
        drawn, what = view, "filtered"
    else:
        hub = max((n for n, d in graph.nodes(data=True) if d["kind"] == "organisation"), key=graph.degree)
        drawn, what = ego_network(graph, hub, 1), "focus depth 1"
    _, drawn_betweenness_s = timed(betweenness, drawn)
    positions, layout_s = timed(map_positions, graph)  # the whole map once; every view reuses its places
    options = ViewOptions()
    data, data_s = timed(vis_data, drawn, graph, documents_by_id(dataset), options, positions)
    html, html_s = timed(network_html, data, options)
    return {
        "actors": len(dataset.actors),
        "relations": len(dataset.relations),
        "load+validate s": load_s,
        "build s": build_s,
        "filter s": filter_s,
        "degree s": degree_s,
        "betweenness s": betweenness_s,
        "filtered nodes": view.number_of_nodes(),
        "initiatives s": initiatives_s,
        "drawn": what,
        "drawn nodes": drawn.number_of_nodes(),
        "drawn betw. s": drawn_betweenness_s,
        "layout s": layout_s,
        "vis data s": data_s,
        "html s": html_s,
        "html MB": len(html.encode()) / 1e6,
        "page s": filter_s + drawn_betweenness_s + layout_s + data_s + html_s,
    }


def main(sizes: list[int]) -> None:
    rows = [run(size) for size in sizes]
    columns = list(rows[0])
    for column in columns:
        cells = [f"{row[column]:.3f}" if isinstance(row[column], float) else str(row[column]) for row in rows]
        print(f"{column:>16} | " + " | ".join(f"{cell:>13}" for cell in cells))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 5_000, 20_000])
