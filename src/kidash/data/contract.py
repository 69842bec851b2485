"""The data contract: every table's columns, what each holds, and how it is read, in one place.

The readers, the validator, the template, the upload and ``data/README.md``
(a test compares its column tables with this) all derive from :data:`TABLE_SPEC`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Column", "TABLE_SPEC", "TRUE_VALUES", "FALSE_VALUES", "split_list", "columns_where"]


@dataclass(frozen=True)
class Column:
    """One column: its name, a Norwegian and an English explanation, and how it is read.

    ``header``: the file must have it; ``value``: no row may leave it blank;
    ``form``: ``text``, ``date`` (ISO), ``bool`` (see :data:`TRUE_VALUES`) or
    ``list`` (``;``-separated); ``points_to``: the table a list's ids refer
    to; ``vocabulary``: the name of the fixed list of values it takes.
    """

    name: str
    nb: str
    en: str
    header: bool = False
    value: bool = False
    form: str = "text"
    points_to: str | None = None
    vocabulary: str | None = None


# Booleans as people write them in a spreadsheet (compared in lower case); blank is false.
TRUE_VALUES: frozenset[str] = frozenset({"true", "1", "yes", "ja", "sann"})
FALSE_VALUES: frozenset[str] = frozenset({"", "false", "0", "no", "nei", "usann"})

# table -> columns, in the order of the shipped files and the template.
TABLE_SPEC: dict[str, tuple[Column, ...]] = {
    "actors": (
        Column("id", 'Stabil, unik kortid uten mellomrom (f.eks. helse-vest). Brukes i de andre arkene.', 'Stable, unique short id without spaces (e.g. helse-vest). Used in the other sheets.', header=True, value=True),
        Column("name", 'Navnet slik kilden skriver det.', 'The name as the source writes it.', header=True, value=True),
        Column("short_name", 'Kort navn til diagrammer og nettverket.', 'A short label for charts and the network.', header=True),
        Column("aliases", 'Andre skrivemåter, skilt med semikolon.', 'Other spellings, separated by semicolons.', header=True, form="list"),
        Column("kind", 'Hva slags aktør: organisasjon, person, initiativ, hendelse eller dokument.', 'What the actor is: organisation, person, initiative, event or document.', header=True, value=True, vocabulary="kind"),
        Column("type", 'Finere type; må passe til «kind» (se listen).', 'Finer type; must fit «kind» (see the list).', header=True, value=True, vocabulary="type"),
        Column("region", 'Helseregion, Nasjonal eller Internasjonal.', 'Health region, Nasjonal (national) or Internasjonal.', header=True, value=True, vocabulary="region"),
        Column("region_basis", 'Om regionen er stated (står i kilden), inferred (utledet) eller background.', 'Whether the region is stated in the source, inferred, or background knowledge.', vocabulary="region_basis"),
        Column("name_en", 'Engelsk navn der det finnes.', 'English name where one exists.'),
        Column("short_name_en", 'Kort engelsk navn til diagrammer og nettverket på engelsk.', 'A short English label for charts and the network in English.'),
        Column("role_title", 'En persons stillingstittel slik kilden skriver den.', "A person's job title as the source writes it."),
        Column("description", 'En eller to setninger om aktøren, fra kildene.', 'One or two sentences on the actor, from the sources.'),
        Column("start", 'Startdato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ).', 'Start date (YYYY-MM-DD or DD.MM.YYYY).', form="date"),
        Column("end", 'Sluttdato, om den finnes.', 'End date, if any.', form="date"),
        Column("date_basis", 'Hvordan start og slutt er kjent: stated (står i kilden), inferred (utledet, f.eks. året av ukedagen eller publiseringsdatoen) eller background. Kreves når en dato er gitt.', 'How start and end are known: stated (in the source), inferred (e.g. the year from the weekday or the publication date) or background. Required when a date is given.', vocabulary="date_basis"),
        Column("inferred", 'true hvis aktøren bare er antydet i kilden.', 'true if the source only implies the actor.', form="bool", vocabulary="inferred"),
        Column("main_initiative", 'true for initiativene kartet handler om.', 'true for the initiatives the map is about.', form="bool", vocabulary="main_initiative"),
        Column("documents", 'Id-er i documents som nevner aktøren, skilt med semikolon.', 'Ids in documents that mention the actor, separated by semicolons.', form="list", points_to="documents"),
        Column("note", 'Hvordan en verdi er lest eller utledet.', 'How a value was read or inferred.'),
    ),
    "relations": (
        Column("source", 'Id til den som har rollen.', 'Id of who holds the role.', header=True, value=True),
        Column("target", 'Id til der rollen holdes (initiativ, hendelse, organisasjon).', 'Id of where the role is held (initiative, event, organisation).', header=True, value=True),
        Column("relation", 'Rollen: leads, member, observer … (se listen).', 'The role: leads, member, observer … (see the list).', header=True, value=True, vocabulary="relation"),
        Column("document", 'Id i documents for kilden som sier dette.', 'Id in documents of the source that says so.', header=True, value=True),
        Column("inferred", 'true hvis kilden bare antyder relasjonen.', 'true if the source only implies the relation.', form="bool", vocabulary="inferred"),
        Column("note", 'Kildens ord (i «») eller hvordan relasjonen er utledet.', "The source's words (in «») or how the relation was inferred."),
        Column("start", 'Når rollen begynte (ÅÅÅÅ-MM-DD).', 'When the role began (YYYY-MM-DD).', form="date"),
        Column("end", 'Når rollen sluttet.', 'When the role ended.', form="date"),
        Column("date_basis", 'Hvordan start og slutt er kjent: stated, inferred eller background. Kreves når en dato er gitt.', 'How start and end are known: stated, inferred or background. Required when a date is given.', vocabulary="date_basis"),
        Column("discrepancy", 'Når kilden nevner en aktør etter at den sluttet (sammenslått, nedlagt): hva som ikke stemmer. Kreves da.', 'When the source names an actor after it ended (merged, closed): what does not add up. Required then.'),
    ),
    "events": (
        Column("id", 'Stabil, unik kortid.', 'Stable, unique short id.', header=True, value=True),
        Column("title", 'Hva som skjedde, på norsk.', 'What happened, in Norwegian.', header=True, value=True),
        Column("title_en", 'Det samme på engelsk.', 'The same in English.'),
        Column("start", 'Dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ).', 'Date (YYYY-MM-DD or DD.MM.YYYY).', header=True, value=True, form="date"),
        Column("end", 'Sluttdato for en periode; tom for én dag.', 'End date of a period; empty for a single day.', header=True, form="date"),
        Column("actors", 'Id-er til aktørene som deltok, skilt med semikolon.', 'Ids of the actors taking part, separated by semicolons.', header=True, form="list", points_to="actors"),
        Column("document", 'Id i documents for kilden.', 'Id in documents of the source.', header=True, value=True),
        Column("category", 'Fritt valgt kategori (f.eks. publication, workshop).', 'A free category (e.g. publication, workshop).'),
        Column("date_precision", 'day, month eller year: hvor nøyaktig datoen er.', 'day, month or year: how exact the date is.', vocabulary="date_precision"),
        Column("inferred", 'true hvis datoen bare er antydet.', 'true if the date is only implied.', form="bool", vocabulary="inferred"),
        Column("time", 'Klokkeslett der kilden gir det.', 'Time of day where the source gives it.'),
        Column("note", 'Hvordan datoen er lest.', 'How the date was read.'),
    ),
    "documents": (
        Column("id", 'Stabil, unik kortid som de andre arkene viser til.', 'Stable, unique short id the other sheets refer to.', header=True, value=True),
        Column("title", 'Dokumentets tittel.', "The document's title.", header=True, value=True),
        Column("publisher", 'Hvem som publiserte det.', 'Who published it.', header=True),
        Column("publisher_basis", 'stated eller inferred.', 'stated or inferred.', vocabulary="publisher_basis"),
        Column("published", 'Publiseringsdato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ).', 'Publication date (YYYY-MM-DD or DD.MM.YYYY).', header=True, value=True, form="date"),
        Column("date_basis", 'Hvor datoen kommer fra.', 'Where the date comes from.'),
        Column("updated", 'Sist oppdatert, om oppgitt.', 'Last updated, if given.', form="date"),
        Column("language", 'Språkkode: nb, nn eller en.', 'Language code: nb, nn or en.', header=True),
        Column("author", 'Forfatter, om oppgitt.', 'Author, if given.'),
        Column("file", 'Filnavn eller nettadresse til kilden.', 'File name or web address of the source.'),
        Column("note", 'Merknad.', 'Note.'),
    ),
    "background": (
        Column("source", 'Id til den som har rollen.', 'Id of who holds the role.', header=True, value=True),
        Column("target", 'Id til der rollen holdes.', 'Id of where the role is held.', header=True, value=True),
        Column("relation", 'Rollen (se listen).', 'The role (see the list).', header=True, value=True, vocabulary="relation"),
        Column("basis", 'Hvor kunnskapen kommer fra (ingen av kildene sier det).', 'Where the knowledge comes from (none of the sources states it).'),
        Column("start", 'Når det begynte (ÅÅÅÅ-MM-DD).', 'When it began (YYYY-MM-DD).', form="date"),
        Column("end", 'Når det sluttet.', 'When it ended.', form="date"),
        Column("note", 'Merknad.', 'Note.'),
    ),
}  # fmt: skip


def columns_where(table: str, **wanted: object) -> tuple[str, ...]:
    """The names of ``table``'s columns whose attributes equal ``wanted``.

    >>> columns_where("events", form="date")
    ('start', 'end')
    """
    return tuple(c.name for c in TABLE_SPEC[table] if all(getattr(c, k) == v for k, v in wanted.items()))


def split_list(value: object) -> list[str]:
    """Split a ``;``-separated cell into its non-blank, stripped parts.

    >>> split_list(" kin; nse ;;")
    ['kin', 'nse']
    """
    if not isinstance(value, str):
        return []
    return [part.strip() for part in value.split(";") if part.strip()]
