"""Palettes and line styles: distinct, readable, never colour alone."""

from kidash import schema, style


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


def test_initiative_colours_are_stable_and_distinct():
    colours = style.initiative_colours(["a", "b", "c"])
    assert colours == style.initiative_colours(["a", "b", "c"])
    assert len(set(colours.values())) == 3
