"""Palettes and line styles: distinct, readable, never colour alone."""

from kidash import style
from kidash.data import schema


def test_every_relation_has_a_distinct_style():
    assert set(style.RELATION_STYLES) == set(schema.RELATIONS)
    looks = [(colour, str(dashes)) for colour, dashes, _ in style.RELATION_STYLES.values()]
    assert len(set(looks)) == len(looks), "two relations would look the same"


def test_every_kind_has_a_shape_and_they_differ():
    assert set(style.KIND_SHAPES) == set(schema.KINDS)
    assert len(set(style.KIND_SHAPES.values())) == len(schema.KINDS)


def test_regions_have_distinct_colours():
    assert set(style.REGION_COLOURS) == set(schema.REGIONS)
    assert len(set(style.REGION_COLOURS.values())) == len(schema.REGIONS)


def test_organisation_types_have_distinct_colours():
    colours = [style.TYPE_COLOURS[t] for t in schema.TYPES_BY_KIND["organisation"]]
    assert len(set(colours)) == len(colours)


def test_line_colours_are_visible_on_white():
    # WCAG 1.4.11 asks 3:1 for graphical objects; dotted affiliation lines are secondary
    for relation, (colour, _, _) in style.RELATION_STYLES.items():
        minimum = 2.0 if relation == "affiliated_with" else 2.2
        assert style.contrast_ratio(colour) >= minimum, relation


def test_initiative_colours_follow_the_order_given_and_are_distinct():
    colours = style.initiative_colours(["a", "b", "c"])
    assert colours == {"a": style.OKABE_ITO[0], "b": style.OKABE_ITO[1], "c": style.OKABE_ITO[2]}
    assert len(set(colours.values())) == 3


_COLOURS_OF_THE_SHIPPED_MAP = """
import json
from kidash import style
from kidash.data.dataset import load_dataset
from kidash.map.graph import build_graph, main_initiatives
print(json.dumps(style.initiative_colours(main_initiatives(build_graph(load_dataset())))))
"""


def test_the_shipped_maps_initiatives_keep_their_colours_from_one_process_to_the_next():
    """Two server processes (different string hashing) colour every initiative alike: a picture made
    today matches the live network tomorrow."""
    import json
    import os
    import subprocess
    import sys

    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", _COLOURS_OF_THE_SHIPPED_MAP],
                env={**os.environ, "PYTHONHASHSEED": seed},
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1]
    assert len(runs[0]) >= 5
