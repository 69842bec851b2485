"""Finding actors by name: hand-made maps, answers worked out by hand."""

import networkx as nx

from kidash.map.find import fold, matches, picker_options, search_names


def _map() -> nx.Graph:
    graph = nx.Graph()
    graph.add_node("hdir", name="Helsedirektoratet", short_name="Hdir", name_en="Norwegian Directorate of Health")
    graph.add_node("ehelse", name="Direktoratet for e-helse", short_name="E-helse")
    graph.add_node("vest", name="Helse Vest RHF", short_name="Helse Vest")
    graph.add_node("sorost", name="Helse Sør-Øst RHF", short_name="Helse Sør-Øst")
    graph.add_node("ks", name="Kommunesektorens organisasjon (KS)", short_name="KS")
    # hdir has 3 links, vest 2, the others 1
    graph.add_edges_from([("hdir", "ehelse"), ("hdir", "vest"), ("hdir", "ks"), ("vest", "sorost")])
    return graph


EVERYONE = ["ehelse", "hdir", "vest", "sorost", "ks"]  # sorted by name, as the app's choices are


def test_a_small_map_offers_everyone_in_its_order():
    assert picker_options(_map(), EVERYONE, "helse", "ks", limit=5) == EVERYONE


def test_a_big_map_offers_the_best_linked_then_what_a_name_finds():
    graph = _map()
    assert picker_options(graph, EVERYONE, "", None, limit=2) == ["hdir", "vest"]
    # «SØR-ØST» in capitals finds «Helse Sør-Øst»
    assert picker_options(graph, EVERYONE, "SØR-ØST", None, limit=2) == ["sorost"]
    # a short name finds; the match at the start of a name comes first, then the shorter name
    assert picker_options(graph, EVERYONE, "helse", None, limit=3) == ["vest", "hdir", "sorost"]  # ties by id
    assert picker_options(graph, EVERYONE, "directorate", None, limit=3) == ["hdir"]
    assert picker_options(graph, EVERYONE, "nobody", None, limit=3) == []


def test_the_current_choice_is_always_offered_first_and_once():
    graph = _map()
    assert picker_options(graph, EVERYONE, "", "ks", limit=2) == ["ks", "hdir"]
    assert picker_options(graph, EVERYONE, "helse", "vest", limit=2) == ["vest", "hdir"]
    assert picker_options(graph, EVERYONE, "nobody", "ks", limit=2) == ["ks"]
    assert picker_options(graph, EVERYONE, "", "not-an-actor", limit=2) == ["hdir", "vest"]


def test_matches_rank_by_where_the_name_holds_the_query():
    index = {n: [fold(x) for x in search_names(d)] for n, d in _map().nodes(data=True)}
    assert matches(index, "e-helse", 5) == ["ehelse"]
    assert matches(index, "dir", 5) == ["ehelse", "hdir"]  # «direktoratet …» at 0, «hdir» at 1
    assert matches(index, "  ", 5) == []


def test_search_names_lists_each_name_once_and_skips_blanks():
    data = {"name": "Helse Vest RHF", "short_name": "Helse Vest", "name_en": "", "short_name_en": float("nan")}
    assert search_names(data, ("Helse Vest", "HV")) == ["Helse Vest RHF", "Helse Vest", "HV"]
