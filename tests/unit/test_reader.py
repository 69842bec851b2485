"""The reader: Norwegian dates, actors by their inflected forms and near-spellings, new ones by
their shapes, role cues in bokmål and nynorsk, lists, quotes that are always the text's own
characters, and bad input that gives a message and no candidates."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kidash.__main__ import main
from kidash.data.dataset import load_dataset
from kidash.data.schema import RELATIONS, TYPES_BY_KIND
from kidash.reader.accept import fits_contract
from kidash.reader.dates import read_dates
from kidash.reader.mentions import Registry, segment_mentions
from kidash.reader.names import ActorIndex
from kidash.reader.read import read_and_suggest
from kidash.reader.rules import rules
from kidash.reader.suggest import COLUMNS, read_text, suggest
from kidash.reader.text import segments
from tests.unit.test_document_text import blank_pdf


@pytest.fixture(scope="module")
def index():
    return ActorIndex(load_dataset().actors.fillna("").astype(str).to_dict("records"))


def roles(candidates) -> set[tuple[str, str, str]]:
    return {(c.source or c.source_name, c.relation, c.target or c.target_name) for c in candidates}


def test_every_rule_states_a_relation_of_the_contract():
    relations = set(RELATIONS)
    assert {cue.relation for cue in rules().cues} <= relations
    assert {"leads", "member", "observer", "secretariat", "organiser", "owner", "part_of"} <= {
        cue.relation for cue in rules().cues
    }


def test_every_name_rule_proposes_what_the_contract_allows():
    """Shapes, group nouns and collectives are data: each must name a kind and type of the contract."""
    the = rules()
    types = {t for ts in TYPES_BY_KIND.values() for t in ts}
    for shape in the.shapes:
        assert shape.kind in TYPES_BY_KIND, shape.pattern.pattern
        assert shape.type in types or shape.type in ("by_suffix", "by_head"), shape.pattern.pattern
    assert set(the.suffix_types.values()) | set(the.head_types.values()) <= types
    for noun in the.group_nouns.values():
        assert noun.type in TYPES_BY_KIND[noun.kind], noun.base
        assert all(form != noun.base for form in noun.forms), noun.base
    assert all(c.types <= types for c in the.collectives)
    assert set(the.type_nouns) <= types and all(n in the.group_nouns for ns in the.type_nouns.values() for n in ns)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medlemmer:\n- KS\n- Helse Nord RHF\n", [("heading", "Medlemmer:"), ("item", "KS"), ("item", "Helse Nord RHF")]),
        ("Ordstyrer:\n\n  • Eiliv Flakne Helse Midt-Norge RHF\n    Kommunikasjonsdirektør\n",
         [("heading", "Ordstyrer:"), ("item", "Eiliv Flakne Helse Midt-Norge RHF\n    Kommunikasjonsdirektør")]),
        ("Program\n09.00 Åpning ved Kari Nordmann\n09.20 Pause\n", [("heading", "Program"), ("item", "Åpning ved Kari Nordmann"),
                                                                ("item", "Pause")]),
        ("Tiltakseigar\n\nErik M. Hansen\n\nDirektør for e-helse\n", [("heading", "Tiltakseigar"),
                                                                     ("item", "Erik M. Hansen\n\nDirektør for e-helse")]),
        ("- Vi er glade for dette, sier Kari Nordmann.\n", [("sentence", "- Vi er glade for dette, sier Kari Nordmann.")]),
        ("Hopp til innhold\nSekretariat: KS\n", [("heading", "Sekretariat:"), ("item", "KS")]),
        ("Møtet er kl. 10. Det ledes av adm. dir. Erik M. Hansen. I 2021 startet det.",
         [("sentence", "Møtet er kl. 10."), ("sentence", "Det ledes av adm. dir. Erik M. Hansen."),
          ("sentence", "I 2021 startet det.")]),
    ],
)  # fmt: skip
def test_a_text_is_cut_into_headings_sentences_and_list_items(text, expected):
    found = segments(text)
    assert [(s.kind, s.text) for s in found] == expected
    assert all(text[s.start : s.end] == s.text for s in found)


def test_a_common_noun_is_not_a_name_of_one_actor_in_another_document(index):
    """«Styringsgruppen» on the map is the coordination project's; in a new text it is that text's own."""
    found = roles(suggest("Prosjektet «Trygg KI»\n\nStyringsgruppen ledes av KS.", index))
    assert ("ks", "leads", "Styringsgruppen for Trygg KI") in found
    assert not any("styringsgruppe-koordinering" in r for r in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nettverket åpnet 15. juni 2021 i Tromsø.", [("2021-06-15", "day")]),
        ("Arbeidet starta hausten 2023.", [("2023-09", "season")]),
        ("Prosjektet har pågått siden våren 2020.", [("2020-03", "season")]),
        ("Senteret ble etablert i 2019.", [("2019", "year")]),
        ("Fra 2022 leder Helsedirektoratet arbeidet.", [("2022", "year")]),
        ("Møtet er 12.08.2025 kl. 09:00.", [("2025-08-12", "day")]),
        ("Åpningen er 15. juni.", [("2021-06-15", "day")]),  # the document's year
        ("Det var 31. desember 2023 og i 2024.", [("2023-12-31", "day"), ("2024", "year")]),
    ],
)
def test_norwegian_dates_are_read_with_how(text, expected):
    assert [(d.iso, d.basis) for d in read_dates(text, document_year=2021)] == expected


def names_in(text: str, index) -> list:
    registry = Registry(index)
    return [m for segment in segments(text) for m in segment_mentions(segment, index, registry)]


def test_actors_are_found_in_inflected_forms_and_near_spellings(index):
    found = names_in(
        "Helsedirektoratets rolle, Helse Nords arbeid og KIN-nettverket; Helsedirektoratte skriver.", index
    )
    assert [(m.entity.actor, m.how) for m in found] == [
        ("helsedirektoratet", "inflected"),
        ("helse-nord-rhf", "inflected"),
        ("kin", "name"),
        ("helsedirektoratet", "near"),
    ]


def test_new_actors_are_found_by_the_shapes_of_norwegian_names(index):
    text = "Professor Kari Nordmann ved Universitetet i Agder og Sørlandet sykehus HF deltar."
    found = {(m.text, m.entity.kind, m.entity.type) for m in names_in(text, index) if m.entity.new}
    assert ("Kari Nordmann", "person", "person") in found
    assert ("Universitetet i Agder", "organisation", "university") in found
    assert ("Sørlandet sykehus HF", "organisation", "health_trust") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Helsedirektoratet leder KIN-nettverket.", ("helsedirektoratet", "leads", "kin")),
        ("KIN-nettverket ledes av Helsedirektoratet.", ("helsedirektoratet", "leads", "kin")),
        ("Helse Vest RHF leiar KIN-nettverket.", ("helse-vest-rhf", "leads", "kin")),  # nynorsk
        ("KIN vert leia av Helse Vest RHF.", ("helse-vest-rhf", "leads", "kin")),
        ("Helsetilsynet er med som observatør i KIN.", ("helsetilsynet", "observer", "kin")),
        ("Folkehelseinstituttet er medlem av KIN.", ("folkehelseinstituttet", "member", "kin")),
        ("KIN er en del av Nasjonal helse- og sykehusplan 2020-2023.",
         ("kin", "part_of", "nasjonal-helse-og-sykehusplan")),
        ("Direktoratet for e-helse har publisert rapporten Behov for data til KI.",
         ("direktoratet-for-e-helse", "publishes", "rapport-behov-for-data")),
        ("KIN-nettverket er ein del av Nasjonal helse- og sykehusplan 2020-2023.",
         ("kin", "part_of", "nasjonal-helse-og-sykehusplan")),  # nynorsk
        ("Helsetilsynet og KS deltek som observatørar i KIN-nettverket.", ("ks", "observer", "kin")),
        ("Sekretariatet for KIN-nettverket ligg hjå Helse Vest IKT.", ("helse-vest-ikt", "secretariat", "kin")),
        ("KIN-nettverket vert leia av Helse Nord RHF.", ("helse-nord-rhf", "leads", "kin")),
        ("I 2021 ledet Helsedirektoratet KIN-nettverket.", ("helsedirektoratet", "leads", "kin")),  # the verb first
        ("KIN-nettverket arrangeres i samarbeid med KS.", ("ks", "involved", "kin")),
        ("Sykehuspartner HF bidrar i KIN-nettverket.", ("sykehuspartner", "involved", "kin")),
    ],
)  # fmt: skip
def test_role_cues_in_bokmal_and_nynorsk(index, text, expected):
    assert expected in roles(suggest(text, index))


def test_a_cooperation_between_many_makes_each_a_member_of_what_the_document_is_about(index):
    text = (
        "Det nasjonale prosjektet «Trygg KI i kommunene»\n\n"
        "Prosjektet er et samarbeid mellom KS, Helse Nord RHF og Universitetet i Agder. "
        "KS leder prosjektet fra 2023.\n"
    )
    found = suggest(text, index)
    got = roles(found)
    assert {("ks", "member", "Trygg KI i kommunene"), ("helse-nord-rhf", "member", "Trygg KI i kommunene"),
            ("Universitetet i Agder", "member", "Trygg KI i kommunene"),
            ("ks", "leads", "Trygg KI i kommunene")} <= got  # fmt: skip
    lead = next(c for c in found if c.relation == "leads")
    assert (lead.start, lead.date_basis) == ("2023", "year")


def test_each_item_of_a_list_under_a_role_is_its_own_candidate(index):
    text = (
        "Arbeidsgruppe for trygg KI\n\n"
        "Disse sitter i sekretariatet:\n"
        "  • Kari Nordmann, Helse Nord RHF\n"
        "  • Ola Nordmann, KS\n"
    )
    got = roles(suggest(text, index))
    assert ("Kari Nordmann", "secretariat", "Arbeidsgruppe for trygg KI") in got
    assert ("Ola Nordmann", "secretariat", "Arbeidsgruppe for trygg KI") in got
    assert ("Kari Nordmann", "affiliated_with", "helse-nord-rhf") in got
    assert ("Ola Nordmann", "affiliated_with", "ks") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title that names an event and says what it is; the programme's lines, a day's heading between them
        ("Helse-KI 2026 – nasjonal konferanse om kunstig intelligens\n\nKonferansen arrangeres av KS.\n\n"
         "Dag 1\n09.00 Nasjonal strategi for KI – Kari Nordmann, Helsedirektoratet\n\nDag 2\n"
         "09.00 Erfaringer fra sykehuset – Ola Nordmann, Hemit HF\n",
         {("ks", "organiser", "Helse-KI 2026"), ("Kari Nordmann", "speaker", "Helse-KI 2026"),
          ("Ola Nordmann", "speaker", "Helse-KI 2026"), ("Kari Nordmann", "affiliated_with", "helsedirektoratet")}),
        # «Deltakere:» in a panel of an event speak there
        ("Debattmøte om KI i helsetjenesten\n\nTid: 3. mai 2026\nSted: Oslo\n\nProgram\n\nDeltakere:\n"
         "Kari Nordmann (KS) og Ola Nordmann (Helsetilsynet)\n",
         {("Kari Nordmann", "speaker", "Debattmøte om KI i helsetjenesten")}),
        # a group noun glued to a short name, given after what it is
        ("KI-forum Vest er oppretta\n\nHelse Vest RHF har oppretta eit regionalt forum for kunstig intelligens, "
         "KI-forum Vest. Høgskulen på Vestlandet og KS er faste gjester. Helse Vest IKT har sekretariatet.\n",
         {("helse-vest-rhf", "owner", "KI-forum Vest"), ("hvl", "observer", "KI-forum Vest"),
          ("helse-vest-ikt", "secretariat", "KI-forum Vest")}),
        # minutes: who attended, who chaired, who took the minutes
        ("Referat fra møte i Regionalt fagråd for kunstig intelligens i Helse Nord\n\nTil stede:\n"
         "Kari Nordmann, Helse Nord RHF (leder)\nOla Nordmann, KS\n\nReferent: Per Hansen, Helse Nord RHF\n",
         {("Kari Nordmann", "leads", "Regionalt fagråd for kunstig intelligens i Helse Nord"),
          ("Ola Nordmann", "member", "Regionalt fagråd for kunstig intelligens i Helse Nord"),
          ("Per Hansen", "secretariat", "Regionalt fagråd for kunstig intelligens i Helse Nord")}),
        # «sammen med» shares the role; «prosjektets referansegruppe» is the project's group
        ("Prosjektet «Smart rute» ledes av KS. Helsedirektoratet har plass i prosjektets referansegruppe sammen med "
         "Helsetilsynet.\n",
         {("helsedirektoratet", "member", "Referansegruppen for Smart rute"),
          ("helsetilsynet", "member", "Referansegruppen for Smart rute")}),
        # a call for proposals and who it belongs to; an unnamed trial led by one, others in it
        ("Utlysning: Midler til KI i sykehusene 2026\n\nHelse Nord RHF lyser ut 15 millioner kroner til prosjekter. "
         "Hemit HF leder utprøvingen av KI for beinbrudd, der KS også er med.\n",
         {("helse-nord-rhf", "owner", "Utlysning: Midler til KI i sykehusene 2026"),
          ("hemit", "leads", "Utprøvingen av KI for beinbrudd"), ("ks", "member", "Utprøvingen av KI for beinbrudd")}),
    ],
)  # fmt: skip
def test_pages_of_many_kinds_are_read_for_what_they_state(index, text, expected):
    got = roles(suggest(text, index))
    assert expected <= got, expected - got


def test_a_person_only_present_is_not_also_the_chair(index):
    text = "Møte i Regionalt fagråd for KI i Helse Nord\n\nTil stede:\nKari Nordmann, KS (leder)\nOla Nordmann, KS\n"
    got = roles(suggest(text, index))
    assert ("Kari Nordmann", "leads", "Regionalt fagråd for KI i Helse Nord") in got
    assert ("Kari Nordmann", "member", "Regionalt fagråd for KI i Helse Nord") not in got


def test_about_names_the_subject_a_common_noun_stands_for(index):
    found = roles(suggest("Helsetilsynet er observatør i nettverket.", index, about="KIN"))
    assert ("helsetilsynet", "observer", "kin") in found


_PIECES = st.sampled_from([
    "Helsedirektoratet leder prosjektet. ", "KIN-nettverket ledes av Helse Vest RHF.\n", "  • Kari Nordmann, KS\n",
    "Disse er medlemmer:\n", "\n", "Professor Ola Nordmann ved NTNU deltar 15. juni 2021. ", "«», ", "- ", ":",
])  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=30)), max_size=25))
def test_every_quote_is_the_texts_own_characters(index, pieces):
    text = "".join(pieces)
    for candidate in suggest(text, index):
        assert text[candidate.quote_start : candidate.quote_start + len(candidate.quote)] == candidate.quote
        assert candidate.quote.strip()
        assert candidate.relation in set(RELATIONS)


_NOISE = st.sampled_from([
    "Helse Nord RHFHelse Vest RHF", "\u00a0", " – ", "«", "»", "(KS)", "RHF-ene", "styringsgruppen", "Senterets styre ",
    "Prosjektleder:", "\n\n", "  • ", "1. ", "09.00 ", "Helse- og omsorgsdepartementet gir X i oppdrag å utrede ",
    "Det nasjonale koordineringsprosjektet ", "sin ", "er et senter for ", "ved ", ", som ", " der ", "Kari Nordmann",
    "fagdirektør", "(leder)", "de fire regionale helseforetakene", "SN/K 602", "Oppdrag 2026-14: ", "Tittel",
])  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_NOISE, _PIECES, st.text(max_size=20)), max_size=30))
def test_the_reader_never_fails_on_any_text_and_proposes_only_the_contracts_relations(index, pieces):
    """Any text at all: a reading, never an exception; every relation and end kind as the contract has them."""
    text = "".join(pieces)
    reading = read_text(text, index)
    for candidate in reading.candidates:
        assert text[candidate.quote_start : candidate.quote_start + len(candidate.quote)] == candidate.quote
        assert fits_contract(candidate.relation, candidate.source_kind, candidate.target_kind), candidate
    for event in reading.events:
        assert event.quote in text and re.fullmatch(r"\d{4}(-\d{2}){0,2}", event.start)


@pytest.mark.parametrize(
    ("name", "raw", "code"),
    [
        ("tom.txt", b"", "empty_document"),
        ("bilde.txt", bytes(range(256)) * 40, "document_binary"),
        ("skannet.pdf", blank_pdf(), "pdf_without_text"),
        ("stor.txt", b"a" * (50 * 1024 * 1024), "document_too_big"),
        ("english.txt", b"The Directorate of Health leads the project together with the regional authorities.",
         "not_norwegian"),
    ],
)  # fmt: skip
def test_bad_input_gives_a_message_and_no_candidates(index, name, raw, code):
    candidates, problems, _ = read_and_suggest(name, raw, index)
    assert candidates == [] and [p.code for p in problems] == [code]
    assert problems[0].message("nb").startswith(name)


def test_the_command_prints_candidates_and_refuses_what_it_cannot_read(tmp_path, capsys):
    document = tmp_path / "sak.txt"
    document.write_text("Helsetilsynet er med som observatør i KIN-nettverket fra 2022.", encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["suggest", str(document), "--format", "json"]) == 0
    rows = json.loads(out.getvalue())
    assert rows and set(rows[0]) == set(COLUMNS)
    assert (rows[0]["source"], rows[0]["relation"], rows[0]["target"], rows[0]["start"]) == (
        "helsetilsynet", "observer", "kin", "2022")  # fmt: skip
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    assert main(["suggest", str(empty)]) == 1
    assert "tom.txt" in capsys.readouterr().err
