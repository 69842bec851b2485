"""The shipped data says what the five documents say: checked fact by fact."""

import re
from pathlib import Path

import pandas as pd
import pytest

from kidash.data.contract import split_list
from kidash.data.dataset import DATA_DIR
from kidash.data.privacy import has_contact, redact

# The five source documents' text, shipped with the data (data/sources/) without people's e-mail
# addresses and phone numbers; the workplace keeps the originals beside the checkout (../shared/seeds).
SOURCES = DATA_DIR / "sources"
ORIGINALS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def holders(shipped, relation, target, document=None):
    rel = shipped.relations
    rows = rel[(rel["relation"] == relation) & (rel["target"] == target)]
    if document:
        rows = rows[rows["document"] == document]
    return set(rows["source"])


def has(shipped, source, relation, target, document, inferred=None):
    rel = shipped.relations
    rows = rel[
        (rel["source"] == source)
        & (rel["relation"] == relation)
        & (rel["target"] == target)
        & (rel["document"] == document)
    ]
    if inferred is not None:
        rows = rows[rows["inferred"] == inferred]
    return len(rows) == 1


PROJECT_MEMBERS = {
    "helsedirektoratet",
    "direktoratet-for-e-helse",
    "statens-legemiddelverk",
    "helsetilsynet",
    "folkehelseinstituttet",
    "ks",
    "helse-sor-ost-rhf",
    "helse-midt-norge-rhf",
    "helse-vest-rhf",
    "helse-nord-rhf",
}


def test_five_documents_with_their_dates(shipped):
    published = {r.id: r.published.date().isoformat() for r in shipped.documents.itertuples()}
    assert published == {
        "kin-2021": "2021-06-10",
        "koordinering-2022": "2022-03-16",
        "debatt-2025": "2025-08-12",
        "helse-vest-2024": "2024-04-03",
        "standardisering-2024": "2024-03-21",
    }
    assert set(shipped.documents["language"]) == {"nb", "nn"}


def test_every_document_names_its_text_shipped_with_the_data(shipped):
    for name in shipped.documents["file"]:
        assert (SOURCES / name).is_file(), name
    assert sorted(p.name for p in SOURCES.glob("*.txt")) == sorted(shipped.documents["file"])


@pytest.mark.skipif(not ORIGINALS.is_dir(), reason="the originals (../shared/seeds) are not beside this checkout")
def test_the_shipped_texts_are_the_originals_without_contact_details():
    for original in ORIGINALS.glob("*.txt"):
        shipped = (SOURCES / original.name).read_text(encoding="utf-8")
        assert shipped == redact(original.read_text(encoding="utf-8")), original.name


def test_the_shipped_texts_hold_no_contact_details():
    for text in SOURCES.glob("*.txt"):
        assert not has_contact(text.read_text(encoding="utf-8")), text.name


def test_kin_observers_and_secretariat(shipped):
    assert holders(shipped, "observer", "kin", "kin-2021") == {"helsedirektoratet", "direktoratet-for-e-helse"}
    assert holders(shipped, "observer", "kin", "koordinering-2022") == {"koordineringsprosjektet"}
    assert holders(shipped, "secretariat", "kin") == {
        "stein-olav-skrovseth",
        "anne-torill-nordsletta",
        "finn-henry-hansen",
        "vibeke-binz-vallevik",
        "jan-nygard",
        "alexander-lundervold",
        "ulf-sigurdsen",
    }
    assert holders(shipped, "leads", "kin") == set()  # no document says who leads KIN


def test_secretariat_people_work_where_the_document_says(shipped):
    expected = {
        "stein-olav-skrovseth": "nse",
        "anne-torill-nordsletta": "nse",
        "finn-henry-hansen": "helse-nord-rhf",
        "vibeke-binz-vallevik": "dnv",
        "jan-nygard": "kreftregisteret",
        "alexander-lundervold": "hvl",
        "ulf-sigurdsen": "helse-sor-ost-rhf",
    }
    for person, organisation in expected.items():
        assert has(shipped, person, "affiliated_with", organisation, "kin-2021", inferred=False), person


def test_observation_runs_both_ways_between_kin_and_the_project(shipped):
    assert has(shipped, "kin", "observer", "styringsgruppe-koordinering", "koordinering-2022", inferred=False)
    assert has(shipped, "koordineringsprosjektet", "observer", "kin", "koordinering-2022", inferred=False)


def test_coordination_project(shipped):
    # «Helsedirektoratet leder prosjektet» and «Prosjektet ledes gjennom en styringsgruppe»
    assert holders(shipped, "leads", "koordineringsprosjektet") == {"helsedirektoratet", "styringsgruppe-koordinering"}
    assert has(shipped, "styringsgruppe-koordinering", "leads", "koordineringsprosjektet", "koordinering-2022", False)
    assert holders(shipped, "member", "koordineringsprosjektet") == PROJECT_MEMBERS
    assert holders(shipped, "member", "styringsgruppe-koordinering") == PROJECT_MEMBERS
    assert holders(shipped, "part_of", "koordineringsprosjektet") >= {
        "dp-data-og-algoritmer",
        "dp-kommunal",
        "dp-informasjonsside",
        "styringsgruppe-koordinering",
        "prosjekt-og-koordineringsgruppe",
    }
    assert has(shipped, "koordineringsprosjektet", "part_of", "nasjonal-helse-og-sykehusplan", "koordinering-2022")
    assert holders(shipped, "leads", "dp-kommunal") == {"helsedirektoratet"}
    assert holders(shipped, "involved", "dp-kommunal") == {"ks", "nasjonalt-velferdsteknologiprogram"}
    assert has(shipped, "direktoratet-for-e-helse", "publishes", "rapport-behov-for-data", "koordinering-2022", False)
    assert holders(shipped, "part_of", "dp-data-og-algoritmer") >= {
        "workshop-infrastrukturer",
        "workshop-juss",
        "workshop-offentlig-privat",
        "workshop-semantikk",
    }


def test_workshop_dates_are_2022_and_marked_inferred(shipped):
    events = shipped.events.set_index("id")
    for event, day in {
        "workshop-infrastrukturer": "2022-03-18",
        "workshop-juss": "2022-03-21",
        "workshop-offentlig-privat": "2022-03-23",
        "workshop-semantikk": "2022-03-28",
    }.items():
        assert events.loc[event, "start"].date().isoformat() == day
        assert bool(events.loc[event, "inferred"]) is True
    assert events.loc["kin-apning", "start"].date().isoformat() == "2021-06-15"
    assert events.loc["norge-aktive-tema", "start"].date().isoformat() == "2024-03-01"


def test_debate(shipped):
    assert holders(shipped, "organiser", "debatt-helseteamet") == {"ntnu-norwai", "hemit"}
    assert holders(shipped, "moderator", "debatt-helseteamet") == {"eiliv-flakne"}
    assert holders(shipped, "speaker", "debatt-helseteamet") == {
        "karianne-tung",
        "bjorn-atle-bjornbeth",
        "morten-troyen",
        "terje-brasethvik",
        "trond-utne",
    }
    assert has(
        shipped,
        "karianne-tung",
        "affiliated_with",
        "digitaliserings-og-forvaltningsdepartementet",
        "debatt-2025",
        inferred=True,
    )
    assert has(shipped, "trond-utne", "affiliated_with", "hemit", "debatt-2025", inferred=False)


def test_helse_vest_measure(shipped):
    assert holders(shipped, "owner", "helse-vest-tiltak-10") == {"erik-m-hansen"}
    assert holders(shipped, "involved", "helse-vest-tiltak-10") == {
        "helse-vest-helseforetaka",
        "helse-sor-ost-rhf",
        "helse-midt-norge-rhf",
        "helse-nord-rhf",
        "helsedirektoratet",
        "direktoratet-for-e-helse",
        "statens-legemiddelverk",
        "helsetilsynet",
        "folkehelseinstituttet",
        "ks",
    }
    assert has(shipped, "helse-vest-tiltak-10", "part_of", "helse-vest-tiltaksplan", "helse-vest-2024")


def test_standardisation_working_group(shipped):
    assert holders(shipped, "leads", "arbeidsgruppe-ki-standardisering") == {"helsedirektoratet"}
    assert holders(shipped, "leads", "speilkomite-ki") == {"digitaliseringsdirektoratet"}
    assert holders(shipped, "member", "arbeidsgruppe-ki-standardisering") == {
        "digitaliseringsdirektoratet",
        "ahus",
        "sykehuspartner",
        "kreftregisteret",
        "dnv",
        "ks",
        "statens-pensjonskasse",
    }
    assert has(shipped, "arbeidsgruppe-ki-standardisering", "part_of", "speilkomite-ki", "standardisering-2024")


def test_every_relation_and_event_cites_a_document(shipped):
    documents = set(shipped.documents["id"])
    assert set(shipped.relations["document"]) <= documents
    assert set(shipped.events["document"]) <= documents
    for listed in shipped.actors["documents"]:
        assert split_list(listed), "every actor names the documents that mention it"


def test_background_facts_are_kept_apart(shipped):
    assert set(shipped.background["basis"]) == {"background"}
    rel = set(zip(shipped.relations["source"], shipped.relations["target"], strict=True))
    for source, target in zip(shipped.background["source"], shipped.background["target"], strict=True):
        assert (source, target) not in rel


def test_no_phone_numbers_or_email_addresses_stored():
    for path in DATA_DIR.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", text), path.name
        assert "92043742" not in text and "920 43 742" not in text, path.name


def test_every_organisation_has_a_region_basis(shipped):
    organisations = shipped.actors[shipped.actors["kind"] == "organisation"]
    assert set(organisations["region_basis"]) <= {"stated", "inferred", "background"}
    assert organisations["region"].notna().all()


def test_heads_of_organisations_as_the_sources_title_them(shipped):
    assert has(shipped, "stein-olav-skrovseth", "heads", "nse", "kin-2021", inferred=False)  # «Senterleder»
    assert has(
        shipped, "bjorn-atle-bjornbeth", "heads", "ous", "debatt-2025", inferred=False
    )  # «Administrerende direktør»
    assert has(shipped, "trond-utne", "heads", "hemit", "debatt-2025", inferred=False)
    # a minister heads the ministry the title names; the ministry itself is only implied
    assert has(shipped, "karianne-tung", "heads", "digitaliserings-og-forvaltningsdepartementet", "debatt-2025", True)
    # a clinic head, a research director or a communications director does not head the organisation
    for person in ("morten-troyen", "terje-brasethvik", "eiliv-flakne", "erik-m-hansen"):
        assert not [r for r in rows(shipped, "relations") if r["source"] == person and r["relation"] == "heads"]


def test_the_project_invites_to_the_workshops_and_runs_the_survey(shipped):
    workshops = {"workshop-infrastrukturer", "workshop-juss", "workshop-offentlig-privat", "workshop-semantikk"}
    for workshop in workshops | {"sporreundersokelse-tiltak"}:
        # «Vi inviter nå til fire temabaserte arbeidsmøter»: «vi» is the project, so inferred
        assert has(shipped, "koordineringsprosjektet", "organiser", workshop, "koordinering-2022", inferred=True)


def test_contacts_read_from_the_pages_layout_are_inferred(shipped):
    contacts = [r for r in rows(shipped, "relations") if r["relation"] == "contact" and r["target"] == "kin"]
    assert {r["source"] for r in contacts} == {"stein-olav-skrovseth", "anne-torill-nordsletta"}
    assert all(r["inferred"] is True and "nyhetssaken" in r["note"] for r in contacts)


def rows(shipped, table: str) -> list[dict]:
    return getattr(shipped, table).to_dict("records")


def _seed_texts(shipped) -> dict[str, str]:
    return {r["id"]: (SOURCES / r["file"]).read_text(encoding="utf-8") for r in rows(shipped, "documents")}


def _said(quote: str, text: str) -> bool:
    """Whether ``quote`` is in ``text`` word for word (runs of white space as one; «…» a gap)."""
    flat = " ".join(text.split())
    at = 0
    for part in (" ".join(p.split()) for p in quote.split("…") if p.strip()):
        at = flat.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def test_every_quote_is_the_sources_own_words(shipped):
    texts = _seed_texts(shipped)
    cited = {"relations": "document", "events": "document", "actors": "documents", "documents": "id"}
    wrong = []
    for table, column in cited.items():
        for record in rows(shipped, table):
            documents = [d for d in str(record.get(column) or "").split(";") if d]
            for field in ("note", "description"):
                for quote in re.findall(r"«([^»]*)»", str(record.get(field) or "")):
                    if not any(_said(quote, texts[d]) for d in documents if d in texts):
                        wrong.append((table, record.get("id") or record.get("source"), quote))
    assert wrong == []


BASIS_ORDER = ("stated", "inferred", "background")  # strongest first


def test_region_basis_is_the_weakest_of_the_facts_the_region_rule_needs(shipped):
    actors = {r["id"]: r for r in rows(shipped, "actors")}
    facts = [(r["source"], r["target"], r["relation"], "inferred" if r["inferred"] else "stated")
             for r in rows(shipped, "relations")]  # fmt: skip
    facts += [(r["source"], r["target"], r["relation"], "background") for r in rows(shipped, "background")]

    def weakest(*bases):
        return max(bases, key=BASIS_ORDER.index)

    checked = {}
    for actor, record in actors.items():
        if record["kind"] == "person":  # rule 5: the organisation's region, through the affiliation
            found = [weakest(b, actors[t]["region_basis"]) for s, t, rel, b in facts
                     if s == actor and rel == "affiliated_with"]  # fmt: skip
        elif record["kind"] == "event":  # rule 6: the organisers' region
            found = [weakest(b, actors[s]["region_basis"]) for s, t, rel, b in facts
                     if t == actor and rel == "organiser" and actors[s]["kind"] == "organisation"]  # fmt: skip
        elif record["type"] in ("health_trust", "health_it_company"):  # rule 1: the owner's region
            found = [weakest(b, actors[t]["region_basis"]) for s, t, rel, b in facts
                     if s == actor and rel == "part_of" and actors[t]["type"] == "regional_health_authority"]  # fmt: skip
        else:
            continue
        if found:
            checked[actor] = weakest(*found)
    wrong = {a: (actors[a]["region_basis"], expected) for a, expected in checked.items()
             if actors[a]["region_basis"] != expected}  # fmt: skip
    assert wrong == {}
    assert checked["karianne-tung"] == "inferred" and checked["debatt-helseteamet"] == "background"
    assert checked["nina-kotte"] == "background" and checked["finn-henry-hansen"] == "stated"


def test_every_date_says_how_it_is_known(shipped):
    for table in ("actors", "relations"):
        for record in rows(shipped, table):
            dated = any(not pd.isna(record.get(column)) and record.get(column) != "" for column in ("start", "end"))
            assert dated == bool(record.get("date_basis")), record
    workshop = next(r for r in rows(shipped, "actors") if r["id"] == "workshop-juss")
    assert workshop["date_basis"] == "inferred"  # «Mandag 21. mars»: the year from the weekday and the page's date
    merged = next(r for r in rows(shipped, "actors") if r["id"] == "direktoratet-for-e-helse")
    assert merged["date_basis"] == "background"


def test_an_initiative_is_not_listed_as_taking_part_in_itself(shipped):
    from kidash.map.analysis import initiative_roles
    from kidash.map.graph import build_graph

    roster = initiative_roles(build_graph(shipped), "koordineringsprosjektet")
    assert "koordineringsprosjektet" not in set(roster["holder"])  # it organises its own workshops: structure
    assert "styringsgruppe-koordinering" in set(roster["holder"])  # its steering group leads it: a role
