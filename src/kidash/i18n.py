"""Every UI string of kidash in Norwegian bokmål (nb) and English (en), and dates and numbers as each writes them.

The catalogue is sorted by key, so each page's or job's strings (``network.*``,
``col.*`` …) stand together; ``tests/unit/test_i18n.py`` keeps it so.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from babel import Locale, dates, numbers

from kidash.safety import escape_html, escape_markdown

__all__ = [
    "LANGUAGES", "DEFAULT_LANGUAGE", "STRINGS", "VOCABULARY", "t", "md", "html", "label", "format_date", "format_number",
    "in_norwegian", "has", "format_datetime",
]  # fmt: skip

LANGUAGES: tuple[str, ...] = ("nb", "en")
DEFAULT_LANGUAGE = "nb"

# key -> (nb, en). Placeholders use str.format names.
STRINGS: dict[str, tuple[str, str]] = {
    "access.not_found": (
        "Det finnes ikke noe kart med den adressen som du kan se.",
        "There is no map at that address that you may see.",
    ),
    "access.not_member": (
        "Du er ikke medlem av dette kartet; eieren kan gi deg en rolle.",
        "You are not a member of this map; its owner can give you a role.",
    ),
    "access.owner_only": ("Bare kartets eiere kan gjøre dette.", "Only the map's owners may do this."),
    "access.read_only_server": (
        "Alle kart er bare til lesing på denne serveren, for den har ikke innlogging slått på.",
        "Every map is read only on this server: it has no sign-in turned on.",
    ),
    "access.sign_in": ("Logg inn for å endre kart.", "Sign in to change maps."),
    "access.sign_in_to_see": (
        "Kartet her er for innloggede brukere. Logg inn for å se det.",
        "The map here is for signed-in users. Sign in to see it.",
    ),
    "access.viewer_only": (
        "Du kan se dette kartet, men ikke endre det (rollen din er «leser»). Eieren kan gjøre deg til redaktør.",
        "You may view this map but not change it (your role is «viewer»). Its owner can make you an editor.",
    ),
    # analysis.*
    "analysis.brokers": ("Brobyggere som holder nettverket sammen", "Brokers who hold the network together"),
    "analysis.brokers.help": (
        "Aktører som, om de ble fjernet, ville dele nettverket i flere biter. «Nye biter» sier hvor mange.",
        "Actors whose removal would split the network. «New pieces» says into how many more.",
    ),
    "analysis.brokers.none": ("Ingen enkeltaktør deler nettverket.", "No single actor splits the network."),
    "analysis.centrality": ("Sentralitet", "Centrality"),
    "analysis.communities": ("Grupper (Louvain)", "Communities (Louvain)"),
    "analysis.communities.help": (
        "Grupper av aktører som er tettere koblet seg imellom enn til resten (Louvain, fast frø). Nettverkssiden kan farge etter gruppe.",
        "Groups of actors more tightly linked among themselves than to the rest (Louvain, fixed seed). The network page can colour by community.",
    ),
    "analysis.community": (
        "Gruppe {number} ({size} ⟨size|aktør|aktører⟩)",
        "Community {number} ({size} ⟨size|actor|actors⟩)",
    ),
    "analysis.eigenvector_undefined": (
        "Egenvektorsentralitet er ikke definert for dette utvalget.",
        "Eigenvector centrality is not defined for this selection.",
    ),
    "analysis.explain.betweenness": (
        "Mellomliggende sentralitet: hvor ofte aktøren ligger på korteste vei mellom to andre.",
        "Betweenness: how often the actor lies on the shortest path between two others.",
    ),
    "analysis.explain.closeness": (
        "Nærhetssentralitet: hvor kort vei aktøren i snitt har til alle den kan nå.",
        "Closeness: how short, on average, the actor's paths are to everyone it can reach.",
    ),
    "analysis.explain.degree": (
        "Gradsentralitet: hvor stor andel av de andre aktørene en aktør er direkte koblet til.",
        "Degree: the share of the other actors an actor is directly linked to.",
    ),
    "analysis.explain.eigenvector": (
        "Egenvektorsentralitet: høy når aktøren er koblet til andre sentrale aktører. Bare definert i den største sammenhengende delen; tomt ellers.",
        "Eigenvector: high when the actor is linked to other central actors. Only defined in the largest connected part; empty elsewhere.",
    ),
    "analysis.from": ("Fra", "From"),
    "analysis.heading": ("Hvem står sentralt, og hvem binder sammen", "Who is central, and who holds it together"),
    "analysis.intro": (
        "Målene regnes på nettverket slik filtrene viser det, med lenker i begge retninger.",
        "The measures are computed on the network as the filters show it, counting links both ways.",
    ),
    "analysis.measure": ("Mål for stolpediagrammet", "Measure for the bar chart"),
    "analysis.no_path": (
        "Det finnes ingen vei mellom dem i dette utvalget.",
        "There is no path between them in this selection.",
    ),
    "analysis.outside_filters": (
        "Skjult av filtrene: {names}. Velg aktører som vises, eller endre filtrene.",
        "Hidden by the filters: {names}. Choose actors that are shown, or change the filters.",
    ),
    "analysis.path": ("Vei {number}", "Path {number}"),
    "analysis.paths": ("Hvordan henger A og B sammen?", "How are A and B connected?"),
    "analysis.pick_two": ("Velg to ulike aktører.", "Choose two different actors."),
    "analysis.to": ("Til", "To"),
    # app.*
    "app.title": ("kidash – KI-styring i helsesektoren", "kidash – AI governance in Norwegian health"),
    "auth.sign_in": ("Logg inn", "Sign in"),
    "auth.sign_out": ("Logg ut", "Sign out"),
    "auth.signed_in_as": ("Innlogget som {name}", "Signed in as {name}"),
    # centrality.*
    "centrality.betweenness": ("Mellomliggende sentralitet", "Betweenness centrality"),
    "centrality.closeness": ("Nærhetssentralitet", "Closeness centrality"),
    "centrality.degree": ("Gradsentralitet", "Degree centrality"),
    "centrality.eigenvector": ("Egenvektorsentralitet", "Eigenvector centrality"),
    # changes.*
    "changes.actor.appeared": ("Ny aktør", "New actor"),
    "changes.actor.ended": ("Aktør borte", "Actor gone"),
    "changes.background": ("Bakgrunnskunnskap", "Background knowledge"),
    "changes.empty": ("Ingen endringer mellom {start} og {end}.", "No changes between {start} and {end}."),
    "changes.heading": ("Hva endret seg", "What changed"),
    "changes.intro": (
        "Velg en dato å sammenligne med. Kartet per den datoen settes mot kartet per {end} ({basis}); "
        "hver endring står med kilden og datoen som plasserer den i tid.",
        "Choose a date to compare with. The map as of that date is set against the map as of {end} ({basis}); "
        "each change is listed with its source and the date that places it in time.",
    ),
    "changes.relation.appeared": ("Ny rolle", "New role"),
    "changes.relation.ended": ("Rolle avsluttet", "Role ended"),
    "changes.since": ("Sammenlign med kartet per", "Compare with the map as of"),
    "changes.summary": (
        "Fra {start} til {end}: **{relation_appeared}** ⟨relation_appeared|ny rolle|nye roller⟩, **{relation_ended}** ⟨relation_ended|avsluttet|avsluttede⟩, **{actor_appeared}** ⟨actor_appeared|ny aktør|nye aktører⟩ og **{actor_ended}** borte.",
        "From {start} to {end}: **{relation_appeared}** new ⟨relation_appeared|role|roles⟩, **{relation_ended}** ended, **{actor_appeared}** new ⟨actor_appeared|actor|actors⟩ and **{actor_ended}** gone.",
    ),
    "changes.today": ("i dag", "today"),
    "changes.undated": ("udatert", "undated"),
    # cli.*
    "cli.invalid": (
        "{count} ⟨count|problem|problemer⟩ i {directory}:",
        "{count} ⟨count|problem|problems⟩ in {directory}:",
    ),
    "cli.suggest.count": ("{count} forslag fra {file}.", "{count} ⟨count|candidate|candidates⟩ from {file}."),
    "cli.suggest.events": (
        "{count} ⟨count|hendelse|hendelser⟩ til tidslinjen fra {file}.",
        "{count} ⟨count|event|events⟩ for the timeline from {file}.",
    ),
    "cli.suggest.no_events": (
        "Leseren fant ingen daterte hendelser i {file}.",
        "The reader found no dated events in {file}.",
    ),
    "cli.suggest.none": ("Leseren fant ingen roller i {file}.", "The reader found no roles in {file}."),
    "cli.valid": (
        "Gyldig: {actors} ⟨actors|aktør|aktører⟩, {relations} ⟨relations|relasjon|relasjoner⟩, {events} ⟨events|hendelse|hendelser⟩, {documents} ⟨documents|kilde|kilder⟩ i {directory}",
        "Valid: {actors} ⟨actors|actor|actors⟩, {relations} ⟨relations|relation|relations⟩, {events} ⟨events|event|events⟩, {documents} ⟨documents|document|documents⟩ in {directory}",
    ),
    # col.*
    "col.actors_mentioned": ("Aktører nevnt", "Actors mentioned"),
    "col.background": ("Bakgrunn", "Background"),
    "col.basis": ("Grunnlag", "Basis"),
    "col.change": ("Endring", "Change"),
    "col.column": ("Kolonne", "Column"),
    "col.count": ("Antall", "Count"),
    "col.date": ("Dato", "Date"),
    "col.document": ("Dokument", "Document"),
    "col.event": ("Hendelse", "Event"),
    "col.events": ("Hendelser", "Events"),
    "col.extra_pieces": ("Nye biter", "New pieces"),
    "col.file": ("Fil eller ark", "File or sheet"),
    "col.group": ("Initiativ", "Initiative"),
    "col.holder": ("Hvem", "Who"),
    "col.holders": ("Aktører med roller i det", "Actors holding roles in it"),
    "col.id": ("Id", "Id"),
    "col.inferred": ("Utledet", "Inferred"),
    "col.initiative": ("Initiativ", "Initiative"),
    "col.kind": ("Art", "Kind"),
    "col.language": ("Språk", "Language"),
    "col.links": ("Lenker", "Links"),
    "col.name": ("Navn", "Name"),
    "col.organisation": ("Organisasjon", "Organisation"),
    "col.partner": ("Samarbeider med", "Works with"),
    "col.problem": ("Problem", "Problem"),
    "col.published": ("Publisert", "Published"),
    "col.publisher": ("Utgiver", "Publisher"),
    "col.read_as": ("Lest som", "Read as"),
    "col.region": ("Region", "Region"),
    "col.relations": ("Relasjoner", "Relations"),
    "col.role": ("Rolle", "Role"),
    "col.row": ("Rad", "Row"),
    "col.rows": ("Rader", "Rows"),
    "col.shared": ("Felles initiativer", "Shared initiatives"),
    "col.source": ("Kilde", "Source"),
    "col.stated": ("Oppgitt", "Stated"),
    "col.target": ("Hvor", "Where"),
    "col.title": ("Tittel", "Title"),
    "col.total": ("I alt", "Total"),
    "col.type": ("Type", "Type"),
    "col.via": ("Gjennom", "Through"),
    "col.what": ("Hva", "What"),
    "col.when": ("Når", "When"),
    # data.*
    "data.back": ("Tilbake til kidash-dataene", "Back to the kidash data"),
    "data.banner": (
        "Du ser på dine egne data fra «{label}»: {actors} ⟨actors|aktør|aktører⟩ og {relations} ⟨relations|relasjon|relasjoner⟩. De finnes bare i denne fanen til du laster siden på nytt.",
        "You are looking at your own data from «{label}»: {actors} ⟨actors|actor|actors⟩ and {relations} ⟨relations|relation|relations⟩. It exists only in this tab until you reload it.",
    ),
    "data.documents_heading": ("Kildedokumentene", "The source documents"),
    "data.download_again": ("Last ned dataene som vises", "Download the data shown"),
    "data.download_rfc4180": ("CSV med komma (ZIP)", "CSV with commas (ZIP)"),
    "data.download_xlsx": ("Excel-arbeidsbok (samme oppsett som malen)", "Excel workbook (the template's layout)"),
    "data.download_zip": ("CSV for Excel (semikolon, ZIP)", "CSV for Excel (semicolon, ZIP)"),
    "data.error.title": (
        "Dataene kan ikke lastes. Rett problemene under og last inn siden på nytt.",
        "The data cannot be loaded. Fix the problems below and reload the page.",
    ),
    "data.files_read": ("Slik ble filene lest", "How the files were read"),
    "data.heading": ("Dataene bak kartet – og dine egne", "The data behind the map – and your own"),
    "data.intro": (
        "Her ser du tabellene kartet bygger på og hvor godt de er dokumentert. Du kan også laste opp "
        "egne data i samme format og utforske dem på alle sidene. Opplastede data finnes bare i denne "
        "fanen til du laster siden på nytt eller lukker den: de lagres ikke på serveren, og ingen andre ser dem.",
        "Here are the tables the map is built from and how well they are sourced. You can also upload "
        "your own data in the same format and explore it on every page. Uploaded data exists only in "
        "this tab until you reload or close it: it is not stored on the server and nobody else sees it.",
    ),
    "data.quality.inferred": ("Oppgitt eller utledet", "Stated or inferred"),
    "data.quality.kinds": ("Aktører per art", "Actors by kind"),
    "data.quality.leaderless": ("Initiativer uten leder ({count})", "Initiatives with no leader ({count})"),
    "data.quality.leaderless.help": (
        "Ingen leder eller eier disse initiativene (relasjonen «leder» eller «eier»). Delprosjekter og "
        "grupper ledes ofte gjennom initiativet de er del av; se etter om kilden nevner en leder.",
        "Nobody leads or owns these initiatives (relation «leads» or «owner»). Subprojects and groups "
        "are often led through the initiative they are part of; check whether the source names a leader.",
    ),
    "data.quality.leaderless.none": ("Alle initiativer har en leder.", "Every initiative has a leader."),
    "data.quality.missing_regions": ("Regioner uten aktører: {regions}.", "Regions with no actors: {regions}."),
    "data.quality.per_document": ("Per kildedokument", "Per source document"),
    "data.quality.regions": ("Aktører per region", "Actors by region"),
    "data.quality.types": ("Aktører per type", "Actors by type"),
    "data.quality.unconnected": ("Aktører uten relasjoner ({count})", "Actors with no relation ({count})"),
    "data.quality.unconnected.none": ("Alle aktører har minst én relasjon.", "Every actor has at least one relation."),
    "data.quality_heading": ("Datakvalitet", "Data quality"),
    "data.rows_shown": (
        "Viser {shown} av {total} rader. Klikk en kolonneoverskrift for å sortere.",
        "Showing {shown} of {total} rows. Click a column heading to sort.",
    ),
    "data.search": ("Søk i tabellen", "Search the table"),
    "data.search.help": ("Viser rader der en celle inneholder teksten.", "Shows rows where a cell contains the text."),
    "data.shown": ("Viser data: {label}", "Showing data: {label}"),
    "data.shown_heading": ("Dataene som vises", "The data shown"),
    "data.shown_shipped": (
        "Du ser på kidash-dataene: {actors} ⟨actors|aktør|aktører⟩ og {relations} ⟨relations|relasjon|relasjoner⟩ ({background} av dem bakgrunnskunnskap) fra {documents} offentlige ⟨documents|dokument|dokumenter⟩.",
        "You are looking at the kidash data: {actors} ⟨actors|actor|actors⟩ and {relations} ⟨relations|relation|relations⟩ ({background} of them background knowledge) from {documents} public ⟨documents|document|documents⟩.",
    ),
    "data.table": ("Tabell", "Table"),
    "data.tables_heading": ("Tabellene", "The tables"),
    "data.template": ("Last ned malen (Excel)", "Download the template (Excel)"),
    "data.upload_heading": ("Last opp egne data", "Upload your own data"),
    "data.upload_ok": (
        "«{label}» er lastet inn: {actors} ⟨actors|aktør|aktører⟩ og {relations} ⟨relations|relasjon|relasjoner⟩. Alle sidene viser nå disse dataene.",
        "«{label}» is loaded: {actors} ⟨actors|actor|actors⟩ and {relations} ⟨relations|relation|relations⟩. Every page now shows this data.",
    ),
    "data.upload_problems": (
        "«{files}» kan ikke lastes: {count} ⟨count|problem|problemer⟩. Rett filen og last den opp igjen: den erstatter den samme filen her. Dataene som vises er uendret.",
        "«{files}» cannot be loaded: {count} ⟨count|problem|problems⟩. Fix the file and upload it again: it replaces the same file here. The data shown is unchanged.",
    ),
    "data.upload_steps": (
        "1. Last ned malen og fyll inn arkene **actors**, **relations**, **events** og **documents** "
        "(arket «forklaring» forklarer hver kolonne, og nedtrekkslistene viser tillatte verdier).\n"
        "2. Last opp arbeidsboken (.xlsx) – eller de fire CSV-filene (actors.csv, relations.csv, events.csv, "
        "documents.csv), gjerne som Excel lagrer dem med semikolon – eller en ZIP med dem.\n"
        "3. Finnes det feil, får du alle i én tabell med ark, rad og kolonne. Ingenting lastes før alt er "
        "riktig, og filen din endres aldri.",
        "1. Download the template and fill in the sheets **actors**, **relations**, **events** and "
        "**documents** (the «forklaring» sheet explains every column, and the dropdowns show allowed values).\n"
        "2. Upload the workbook (.xlsx) – or the four CSV files (actors.csv, relations.csv, events.csv, "
        "documents.csv), also as Excel saves them with semicolons – or a ZIP of them.\n"
        "3. If anything is wrong you get every problem in one table with sheet, row and column. Nothing "
        "loads until all is right, and your file is never changed.",
    ),
    "data.uploader": ("Velg filer å laste opp", "Choose files to upload"),
    "data.uploader.help": (
        "Én .xlsx-arbeidsbok, én .zip eller de fire .csv-filene; høyst {limit} MB til sammen.",
        "One .xlsx workbook, one .zip or the four .csv files; at most {limit} MB in total.",
    ),
    "date.bad": (
        "«{text}» er ikke en dato. Skriv for eksempel 15.06.2021 eller 15. juni 2021.",
        "«{text}» is not a date. Type for example 15.06.2021 or 15 June 2021.",
    ),
    "date.placeholder": ("dd.mm.åååå", "dd.mm.yyyy"),
    "document.heading": (
        "Legg til dokument",
        "Add a document",
    ),
    "document.intro": (
        "Lim inn eller last opp et dokument: en pressemelding, en nettside, en plan eller en rapport. Leseren foreslår rollene og hendelsene det nevner, hver med ordene som sier det, merket i teksten. Du godtar, endrer eller avviser hvert forslag. Det du godtar, lagres med dokumentet og ordene i historikken, med deg som forfatter; ingenting lagres før du godtar noe.",
        "Paste or upload a document: a press release, a web page, a plan or a report. The reader proposes the roles and events it mentions, each with the words that state it, marked in the text. You accept, change or reject each proposal. What you accept is saved with the document and its words in the history, with you as its author; nothing is saved before you accept something.",
    ),
    "edit.author": ("Navnet ditt i historikken", "Your name in the history"),
    "edit.author.help": ("Endringene dine lagres under dette navnet.", "Your changes are kept under this name."),
    "edit.bad_date": (
        "«{field}» er ikke en dato: skriv den som 15.06.2021 eller 2021-06-15.",
        "«{field}» is not a date: write it as 15.06.2021 or 2021-06-15.",
    ),
    "edit.changed_meanwhile": (
        "Noen har endret denne raden siden du åpnet den. Lagrer du, får du se endringen deres ved siden av din.",
        "Someone changed this row since you opened it. If you save, you will see their change beside yours.",
    ),
    "edit.choose": ("Velg", "Choose"),
    "edit.closed": (
        "Redigering er ikke slått på her: på denne serveren er alle kart bare til lesing. Den er på når kidash kjører på din egen maskin («make run»); på en server slår den som driver den på innlogging (se docs/DEPLOY.md, «Innlogging»), så bestemmer hvert karts eiere hvem som kan endre.",
        "Editing is not on here: on this server every map is read only. It is on when kidash runs on your own machine («make run»); on a server, whoever runs it turns on sign-in (see docs/DEPLOY.md, «Sign-in»), and then each map's owners decide who may change it.",
    ),
    "edit.conflict": (
        "Ikke lagret: **{who}** endret raden {when} («{why}»). Her er endringen deres ved siden av din.",
        "Not saved: **{who}** changed the row {when} («{why}»). Here is their change beside yours.",
    ),
    "edit.conflict.gone": (
        "Ikke lagret: raden er fjernet siden du åpnet den.",
        "Not saved: the row was removed since you opened it.",
    ),
    "edit.conflict.theirs": ("Deres endring", "Their change"),
    "edit.conflict.was": ("Før", "Before"),
    "edit.conflict.yours": ("Din endring", "Your change"),
    "edit.date.placeholder": ("f.eks. 15.06.2021", "e.g. 2021-06-15"),
    "edit.find": ("Finn raden (skriv et ord fra den)", "Find the row (type a word from it)"),
    "edit.heading": ("Rediger kartet", "Edit the map"),
    "edit.id_stable": (
        "Id-en står fast: andre rader og lenker viser til den.",
        "The id stays: other rows and links refer to it.",
    ),
    "edit.intro": (
        "Legg til eller rett en aktør, en rolle, en hendelse, et kildedokument eller et bakgrunnsfaktum. Hver endring lagres med hvem, når og hvorfor, og kan angres på **Historikk**. En rolle som er oppgitt i kilden, lagres med kildens ord; finnes ordene ikke i dokumentet, lagres den som utledet med en begrunnelse.",
        "Add or correct an actor, a role, an event, a source document or a background fact. Every change is kept with who, when and why, and can be undone on **History**. A role stated in a source is saved with the source's words; where the words are not in the document, it is saved as inferred with a reason.",
    ),
    "edit.keep_mine": ("Lagre min endring over deres", "Save my change over theirs"),
    "edit.keep_mine.help": (
        "Feltene du ikke har endret, får deres verdi; bare det du selv endret, går over deres. Trykk «Lagre» etterpå.",
        "The fields you did not change take their value; only what you changed goes over theirs. Press «Save» afterwards.",
    ),
    "edit.map": ("Du redigerer **{name}** som **{who}**.", "You are editing **{name}** as **{who}**."),
    "edit.near": (
        "Finnes aktøren alt? Nesten samme navn: {names}.",
        "Is the actor already here? Nearly the same name: {names}.",
    ),
    "edit.new.actors": ("Ny aktør", "New actor"),
    "edit.new.background": ("Nytt bakgrunnsfaktum", "New background fact"),
    "edit.new.documents": ("Nytt kildedokument", "New source document"),
    "edit.new.events": ("Ny hendelse", "New event"),
    "edit.new.relations": ("Ny rolle", "New role"),
    "edit.own_data": (
        "Du ser dine egne data, som bare finnes i denne økten. Behold dem som et kart på **Kart**-siden for å redigere dem.",
        "You are looking at your own data, which lives in this session only. Keep it as a map on the **Maps** page to edit it.",
    ),
    "edit.past": (
        "Du ser kartet slik det var etter en tidligere endring. Gå tilbake til kartet i dag for å redigere.",
        "You are looking at the map as it was after an earlier change. Go back to today's map to edit.",
    ),
    "edit.refused": (
        "Ikke lagret: endringen har feil. Ingenting er skrevet; rett dette og lagre igjen:",
        "Not saved: the change has problems. Nothing was written; fix these and save again:",
    ),
    "edit.remove": ("Fjern raden", "Remove the row"),
    "edit.remove.help.actors": (
        "Bare en aktør ingen rad viser til. En aktør som har sluttet, får heller en sluttdato.",
        "Only an actor no row refers to. An actor that has ended gets an end date instead.",
    ),
    "edit.remove.help.background": ("For et bakgrunnsfaktum som er feil.", "For a background fact that is wrong."),
    "edit.remove.help.documents": ("Bare et dokument ingen rad viser til.", "Only a document no row refers to."),
    "edit.remove.help.events": ("For en hendelse som er registrert feil.", "For an event recorded wrongly."),
    "edit.remove.help.relations": (
        "For en rolle som er registrert feil. En rolle som har sluttet, får heller en sluttdato.",
        "For a role recorded wrongly. A role that has ended gets an end date instead.",
    ),
    "edit.remove.sure": ("Ja, fjern den", "Yes, remove it"),
    "edit.removed": (
        "Fjernet (endring {change}). Den kan hentes tilbake på **Historikk**.",
        "Removed (change {change}). It can be brought back on **History**.",
    ),
    "edit.row": ("Hva vil du endre?", "What do you want to change?"),
    "edit.row.help": (
        "Velg en rad for å endre den, eller la feltet stå tomt for å legge til en ny.",
        "Choose a row to change it, or leave the field empty to add a new one.",
    ),
    "edit.row.new": ("Ny rad", "New row"),
    "edit.row_missing": (
        "Kartet har ingen rad «{row}»; her kan du legge til en ny.",
        "The map has no row «{row}»; here you can add a new one.",
    ),
    "edit.save": ("Lagre", "Save"),
    "edit.saved": ("Lagret (endring {change}).", "Saved (change {change})."),
    "edit.table": ("Tabell", "Table"),
    "edit.tables.actors": ("Aktører", "Actors"),
    "edit.tables.background": ("Bakgrunn", "Background"),
    "edit.tables.documents": ("Dokumenter", "Documents"),
    "edit.tables.events": ("Hendelser", "Events"),
    "edit.tables.relations": ("Roller", "Roles"),
    "edit.tables_all.actors": ("Aktører", "Actors"),
    "edit.tables_all.all": ("Alle", "All"),
    "edit.tables_all.background": ("Bakgrunn", "Background"),
    "edit.tables_all.documents": ("Dokumenter", "Documents"),
    "edit.tables_all.events": ("Hendelser", "Events"),
    "edit.tables_all.relations": ("Roller", "Roles"),
    "edit.take_theirs": ("Forkast min og vis deres", "Discard mine and show theirs"),
    "edit.text.again": (
        "Teksten som er lagret, står. Last opp eller lim inn en ny lesning bare om den skal erstattes; sitatene rollene viser til, må stå i den nye også.",
        "The stored text stays. Upload or paste a new reading only to replace it; the quotes the roles rest on must be in the new one too.",
    ),
    "edit.text.file": (
        "eller last opp filen (nettside, PDF eller tekst)",
        "or upload the file (web page, PDF or text)",
    ),
    "edit.text.file.help": (
        "Høyst 20 MB. E-postadresser og telefonnumre i teksten lagres ikke.",
        "At most 20 MB. E-mail addresses and phone numbers in the text are not kept.",
    ),
    "edit.text.heading": ("Dokumentets tekst", "The document's text"),
    "edit.text.new": (
        "Et nytt dokument trenger teksten sin: roller fra det lagres med ord som står i den.",
        "A new document needs its text: roles from it are saved with words found in it.",
    ),
    "edit.text.paste": ("Lim inn teksten", "Paste the text"),
    "edit.to_history": ("Historikken til denne raden", "This row's history"),
    "edit.to_profile": ("Aktørens profil", "The actor's profile"),
    "edit.to_reader": (
        "Forslag fra leseren for dette dokumentet",
        "The reader's proposals for this document",
    ),
    "edit.why": ("Hvorfor? (kreves)", "Why? (required)"),
    "edit.why.help": (
        "Én setning om hva endringen bygger på: står i historikken.",
        "One sentence on what the change rests on: kept in the history.",
    ),
    "edit.why_missing": (
        "Skriv kort hvorfor: endringen lagres med grunnen.",
        "Say briefly why: the change is kept with its reason.",
    ),
    "export.about_focus": ("fokus på {name}", "focus on {name}"),
    # export.*
    "export.actors_notes": (
        "De best koblede aktørene i utvalget først; alle står i dataeksporten (CSV, Excel).",
        "The best-linked actors in view first; all of them are in the data export (CSV, Excel).",
    ),
    "export.actors_slide": ("Aktørene i utvalget ({shown} av {total})", "The actors in view ({shown} of {total})"),
    "export.chart": ("Diagram", "Chart"),
    "export.context.date": ("Dato: {date}", "Date: {date}"),
    "export.context.filters": ("Filtre: {filters}", "Filters: {filters}"),
    "export.context.language": ("Språk: {language}", "Language: {language}"),
    "export.csv": ("Tabellene (CSV for Excel, semikolon, i ZIP)", "The tables (CSV for Excel, semicolon, in ZIP)"),
    "export.csv.help": (
        "Skilt med semikolon, slik norsk Excel åpner CSV-filer. Alle felt står i anførselstegn.",
        "Separated by semicolons, as Excel with Norwegian settings opens CSV files. Every field is quoted.",
    ),
    "export.data": ("Data", "Data"),
    "export.deck": ("Presentasjon (PowerPoint)", "Presentation (PowerPoint)"),
    "export.deck_all": ("Presentasjon av hele kartet (PowerPoint)", "Presentation of the whole map (PowerPoint)"),
    "export.footnote": ("Kilder: {titles}", "Sources: {titles}"),
    "export.gexf": ("Nettverket (GEXF for Gephi)", "The network (GEXF for Gephi)"),
    "export.graphml": ("Nettverket (GraphML)", "The network (GraphML)"),
    "export.heading": ("Eksport: bilder, presentasjon og data", "Export: pictures, slides and data"),
    "export.kumu": ("Nettverket (Kumu-arbeidsbok)", "The network (Kumu workbook)"),
    "export.network_title": ("Nettverket av roller", "The network of roles"),
    "export.no_browser": (
        "Bilder lages med Chrome eller Chromium, og ingen ble funnet på serveren. Installer Google Chrome "
        "(Windows) eller pakken «chromium» (Linux), eller bruk kameraknappen over hvert diagram.",
        "Pictures are made with Chrome or Chromium, and none was found on the server. Install Google Chrome "
        "(Windows) or the «chromium» package (Linux), or use the camera button above each chart.",
    ),
    "export.no_filters": ("ingen (hele kartet)", "none (the whole map)"),
    "export.no_picture": ("Bildet kunne ikke lages ({reason}).", "The picture could not be made ({reason})."),
    "export.pdf": ("PDF", "PDF"),
    "export.people_hidden": ("personer skjult", "people hidden"),
    "export.pictures": ("Bilder", "Pictures"),
    "export.pictures_elsewhere": (
        "Hver side har sine egne bilder; her får du hele kartet som én presentasjon.",
        "Each page offers its own pictures; here you get the whole map as one presentation.",
    ),
    "export.png": ("PNG (1920×1080)", "PNG (1920×1080)"),
    "export.rfc4180": ("Tabellene (CSV med komma, i ZIP)", "The tables (CSV with commas, in ZIP)"),
    "export.rfc4180.help": (
        "Skilt med komma (RFC 4180), for andre verktøy enn Excel, som R, Python og Gephi.",
        "Separated by commas (RFC 4180), for tools other than Excel, such as R, Python and Gephi.",
    ),
    "export.sources_slide": ("Kilder", "Sources"),
    "export.svg": ("SVG", "SVG"),
    "export.template": ("Egen PowerPoint-mal (.pptx eller .potx)", "Your own PowerPoint template (.pptx or .potx)"),
    "export.template.bad": (
        "Malen «{name}» kunne ikke brukes ({reason}); presentasjonen bruker den innebygde utformingen.",
        "The template «{name}» could not be used ({reason}); the deck uses the built-in design.",
    ),
    "export.template.help": (
        "Presentasjonen bruker malens lysbildemaster, skrifter og farger. Malen blir bare i denne økten.",
        "The deck uses the template's slide master, fonts and colours. The template stays in this session only.",
    ),
    "export.template.too_big": ("større enn {mb} MB", "larger than {mb} MB"),
    "export.whole_map": ("hele kartet", "the whole map"),
    "export.xlsx": ("Tabellene (Excel)", "The tables (Excel)"),
    "field.actors": ("Aktører", "Actors"),
    "field.aliases": ("Andre skrivemåter", "Other spellings"),
    "field.author": ("Forfatter", "Author"),
    "field.basis": ("Grunnlag", "Basis"),
    "field.category": ("Kategori", "Category"),
    "field.date_basis": ("Datoene er", "The dates are"),
    "field.date_precision": ("Datoen gjelder", "The date is to the"),
    "field.description": ("Beskrivelse", "Description"),
    "field.discrepancy": ("Avvik", "Discrepancy"),
    "field.document": ("Kilde", "Source"),
    "field.documents": ("Kilder som nevner den", "Sources that mention it"),
    "field.end": ("Slutt", "End"),
    "field.file": ("Fil eller nettadresse", "File or web address"),
    "field.id": ("Id", "Id"),
    "field.inferred": ("Utledet (kilden bare antyder det)", "Inferred (the source only implies it)"),
    "field.kind": ("Art", "Kind"),
    "field.language": ("Språk", "Language"),
    "field.main_initiative": ("Et av initiativene kartet handler om", "One of the initiatives the map is about"),
    "field.name": ("Navn", "Name"),
    "field.name_en": ("Engelsk navn", "English name"),
    "field.note": ("Merknad", "Note"),
    "field.published": ("Publisert", "Published"),
    "field.publisher": ("Utgiver", "Publisher"),
    "field.publisher_basis": ("Utgiveren er", "The publisher is"),
    "field.quote": ("Kildens ord (ordrett fra dokumentet)", "The source's words (word for word from the document)"),
    "field.quote.help": (
        "Lim inn setningen eller delen av den som sier dette. Den må stå ordrett i dokumentets tekst; én per linje om flere.",
        "Paste the sentence, or the part of it, that says so. It must be word for word in the document's text; one per line for several.",
    ),
    "field.region": ("Region", "Region"),
    "field.region_basis": ("Regionen er", "The region is"),
    "field.relation": ("Rolle", "Role"),
    "field.relations.document": ("Kilden som sier det", "The source that says so"),
    "field.relations.source": ("Hvem har rollen", "Who holds the role"),
    "field.relations.target": ("Hvor rollen holdes", "Where the role is held"),
    "field.remark": (
        "Merknad (for en utledet rolle: hvordan den er utledet)",
        "Note (for an inferred role: how it was inferred)",
    ),
    "field.role_title": ("Stillingstittel", "Job title"),
    "field.short_name": ("Kort navn", "Short name"),
    "field.short_name_en": ("Kort engelsk navn", "Short English name"),
    "field.source": ("Hvem", "Who"),
    "field.start": ("Start", "Start"),
    "field.target": ("Hvor", "Where"),
    "field.time": ("Klokkeslett", "Time"),
    "field.title": ("Tittel", "Title"),
    "field.title_en": ("Engelsk tittel", "English title"),
    "field.type": ("Type", "Type"),
    "field.updated": ("Oppdatert", "Updated"),
    # fig.*
    "fig.breakdown.region": (
        "Organisasjoner per region i hvert initiativ",
        "Organisations by region in each initiative",
    ),
    "fig.breakdown.type": ("Organisasjoner per type i hvert initiativ", "Organisations by type in each initiative"),
    "fig.bridges": ("Organisasjoner i flere initiativer", "Organisations in several initiatives"),
    "fig.centrality": ("Aktørene med høyest {measure}", "Actors with the highest {measure}"),
    "fig.date": ("Dato", "Date"),
    "fig.inferred_date": ("utledet dato", "inferred date"),
    "fig.inferred_date_key": ("Dato utledet (kilden antyder den)", "Date inferred (the source implies it)"),
    "fig.initiatives_count": ("Antall initiativer", "Number of initiatives"),
    "fig.organisations": ("Organisasjoner", "Organisations"),
    "fig.overlap": ("Felles organisasjoner mellom initiativene", "Organisations shared between initiatives"),
    "fig.period": ("Periode", "Period"),
    "fig.role_matrix": ("Roller per organisasjon og initiativ", "Roles by organisation and initiative"),
    "fig.roles_time": ("Rollene til {name} over tid", "The roles of {name} over time"),
    "fig.roles_time.as_of": ("Kartet per {date}", "The map as of {date}"),
    "fig.roles_time.discrepancy": (
        "Nevnt etter at aktøren var avsluttet (avvik)",
        "Named after the actor had ended (discrepancy)",
    ),
    "fig.roles_time.ended": ("Avsluttet (sluttdato eller aktørens slutt)", "Ended (end date or the actor's end)"),
    "fig.roles_time.known": ("Kjent fra kildens dato", "Known from the source's date"),
    "fig.roles_time.open": ("Ingen sluttdato i kildene", "No end date in the sources"),
    "fig.roles_time.start": ("Startdato oppgitt", "Start date given"),
    "fig.stated_date": ("Dato oppgitt i kilden", "Date stated in the source"),
    "fig.timeline": ("Tidslinje {years}", "Timeline {years}"),
    # filters.*
    "filters.all": ("Alle", "All"),
    "filters.as_of": ("Kartet per dato", "The map as of"),
    "filters.as_of.clear": ("Hele kartet (i dag)", "The whole map (today)"),
    "filters.as_of.help": (
        "Skriv en dato (15.06.2021 eller 15. juni 2021) og trykk Enter, eller gå mellom kartets datoer med knappene. Tomt: alt kildene sier, fram til i dag. Med en dato: bare det som hørte til kartet da.",
        "Type a date (15.06.2021 or 15 June 2021) and press Enter, or step through the map's dates with the buttons. Empty: everything the sources say, up to today. With a date: only what belonged to the map then.",
    ),
    "filters.as_of.label": ("Kartet {when}", "The map {when}"),
    "filters.as_of.next": ("Neste dato", "Next date"),
    "filters.as_of.play": ("Spill av datoene", "Play the dates"),
    "filters.as_of.play_help": (
        "Går gjennom kartets datoer (publiseringer, starter og slutter) med {seconds} sekunders mellomrom, på alle "
        "sidene som følger filtrene. Nettverket beholder plasseringene, så det som endrer seg, er det som beveger seg.",
        "Steps through the map's dates (publications, starts and ends), one every {seconds} seconds, on every page "
        "that follows the filters. The network keeps its places, so what changes is what moves.",
    ),
    "filters.as_of.prev": ("Forrige dato", "Previous date"),
    "filters.as_of.step_help": ("Kartet per {date}", "The map as of {date}"),
    "filters.as_of.stop": ("Stopp avspillingen", "Stop playing"),
    "filters.as_of.today": ("Kartet per dato: i dag", "The map as of: today"),
    "filters.heading": ("Filtre", "Filters"),
    "filters.initiative": ("Initiativ", "Initiative"),
    "filters.kind": ("Vis bare", "Show only"),
    "filters.more": ("Flere filtre", "More filters"),
    "filters.not_applied": (
        "Filtrene i sidepanelet gjelder ikke denne siden: den viser alle dataene.",
        "The sidebar filters do not apply to this page: it shows all the data.",
    ),
    "filters.not_applied.profile": (
        "Filtrene i sidepanelet gjelder ikke profilen: den viser alle rollene til aktøren.",
        "The sidebar filters do not apply to the profile: it shows every role of the actor.",
    ),
    "filters.people": ("Vis personer", "Show people"),
    "filters.people.help": (
        "Skjul personer for å se organisasjonene koblet gjennom rollene deres folk har.",
        "Hide people to see organisations linked through the roles their people hold.",
    ),
    "filters.region": ("Region", "Region"),
    "filters.relation": ("Relasjoner", "Relations"),
    "filters.reset": ("Nullstill filtre", "Reset filters"),
    "filters.time_basis": ("Per dato betyr", "As of means"),
    "filters.time_basis.help": (
        "«Sagt av kildene»: rollene som et dokument publisert innen datoen nevner (eller som startet innen da). "
        "«Gjaldt da»: rollene som hadde begynt og ikke sluttet; uten startdato regnes rollen fra "
        "dokumentets dato, og aktører som var nedlagt eller ikke opprettet, er borte.",
        "«Stated by the sources»: the roles a document published by that date names (or that had begun "
        "by then). «In force then»: the roles that had begun and not ended; a role without a start date "
        "counts from its document's date, and actors that had closed or not yet opened are gone.",
    ),
    "filters.time_basis.in_force": ("Gjaldt da", "In force then"),
    "filters.time_basis.in_force.short": ("gjeldende per {date}", "in force on {date}"),
    "filters.time_basis.stated": ("Sagt av kildene innen da", "Stated by the sources by then"),
    "filters.time_basis.stated.short": ("slik kildene sa det per {date}", "as stated by {date}"),
    "filters.type": ("Type organisasjon", "Kind of organisation"),
    "history.action.archive": ("arkiverte kartet", "archived the map"),
    "history.action.create": ("la til", "added"),
    "history.action.create_map": ("laget kartet", "made the map"),
    "history.action.delete": ("fjernet", "removed"),
    "history.action.import": ("leste inn kartet", "imported the map"),
    "history.action.members": ("endret en rolle", "changed a role"),
    "history.action.rename": ("ga kartet nytt navn", "renamed the map"),
    "history.action.revert": ("angret", "undid"),
    "history.action.unarchive": ("hentet kartet fra arkivet", "restored the map"),
    "history.action.update": ("endret", "changed"),
    "history.action.visibility": ("endret hvem som ser kartet", "changed who sees the map"),
    "history.actor": ("Om aktøren", "About the actor"),
    "history.actor.anyone": ("Alle aktører", "Every actor"),
    "history.after": ("Etter", "After"),
    "history.author": ("Av", "By"),
    "history.author.anyone": ("Alle", "Anyone"),
    "history.back_to_today": ("Tilbake til kartet i dag", "Back to today's map"),
    "history.before": ("Før", "Before"),
    "history.card": (
        "**Endring {change}** · {when} · **{who}** {action} {what}: {label}",
        "**Change {change}** · {when} · **{who}** {action} {what}: {label}",
    ),
    "history.card.map": (
        "**Endring {change}** · {when} · **{who}** {action} {name}",
        "**Change {change}** · {when} · **{who}** {action} {name}",
    ),
    "history.change_not_found": (
        "Kartet har ingen endring «{change}»; viser kartet i dag.",
        "The map has no change «{change}»; showing today's map.",
    ),
    "history.closed": (
        "Historikken finnes for kart som er lagret her, ikke for filer eller egne data.",
        "The history is there for maps kept here, not for files or your own data.",
    ),
    "history.count": (
        "⟨count|1 endring|{count} endringer⟩; viser de {shown} nyeste.",
        "⟨count|1 change|{count} changes⟩; showing the newest {shown}.",
    ),
    "history.count.all": ("⟨count|1 endring|{count} endringer⟩.", "⟨count|1 change|{count} changes⟩."),
    "history.detail.members": ("{who}: {before} → {after}", "{who}: {before} → {after}"),
    "history.detail.visibility": ("Hvem ser det: {before} → {after}", "Who sees it: {before} → {after}"),
    "history.download": ("Last ned historikken (CSV)", "Download the history (CSV)"),
    "history.heading": ("Historikk", "History"),
    "history.intro": (
        "Hver endring av kartet, nyeste først: hvem, når, hvorfor og på hvilken kilde. Se kartet slik det var etter en endring, eller angre en endring (angringen blir en ny endring).",
        "Every change to the map, newest first: who, when, why and on which source. See the map as it was after a change, or undo a change (the undoing is a new change).",
    ),
    "history.more": ("Vis flere", "Show more"),
    "history.past_banner": (
        "Du ser kartet slik det var etter **endring {change}** ({when}, {who}). Alle sidene viser det slik; ingenting kan endres her.",
        "You are looking at the map as it was after **change {change}** ({when}, {who}). Every page shows it so; nothing can be changed here.",
    ),
    "history.reverts": ("Angrer endring {change}.", "Undoes change {change}."),
    "history.see_map": ("Se kartet slik det var etter denne", "See the map as it was after this"),
    "history.since_last": (
        "⟨count|1 endring|{count} endringer⟩ siden du sist så historikken (merket 🆕).",
        "⟨count|1 change|{count} changes⟩ since you last looked at the history (marked 🆕).",
    ),
    "history.source": ("Kilde: {document}", "Source: {document}"),
    "history.table": ("Hva", "What"),
    "history.undo": ("Angre", "Undo"),
    "history.undo.confirm": ("Angre endringen", "Undo the change"),
    "history.undo.conflict": (
        "Endring {change} er ikke angret: raden er endret igjen siden (sist av {who}). Angre den siste endringen først, eller rett raden på **Rediger**.",
        "Change {change} was not undone: the row changed again since (last by {who}). Undo the latest change first, or correct the row on **Edit**.",
    ),
    "history.undo.done": (
        "Endring {change} er angret (ny endring {new}).",
        "Change {change} is undone (new change {new}).",
    ),
    "history.undo.refused": (
        "Endring {change} er ikke angret: kartet ville fått feil. Ingenting er skrevet:",
        "Change {change} was not undone: the map would have problems. Nothing was written:",
    ),
    "history.why": ("Hvorfor: {why}", "Why: {why}"),
    # home.*
    "home.basis_table": ("Oppgitt og utledet", "Stated and inferred"),
    "home.count_of": ("{shown} av {total}", "{shown} of {total}"),
    "home.counts": ("Kartet i tall", "The map in numbers"),
    "home.counts.filtered": ("Utvalget i tall (filtrene gjelder)", "The selection in numbers (filters applied)"),
    "home.documents": ("Kildene", "The sources"),
    "home.events": ("Daterte hendelser", "Dated events"),
    "home.heading": (
        "Hvem leder, deltar og observerer i KI-styring i helsesektoren",
        "Who leads, takes part and observes in health-sector AI governance",
    ),
    "home.initiatives": ("Initiativer og arrangementer", "Initiatives and events"),
    "home.intro": (
        "kidash kartlegger aktørene i norsk KI-styring i helsesektoren: KIN-nettverket, "
        "det nasjonale koordineringsprosjektet «Bedre bruk av kunstig intelligens», "
        "arbeidsgruppen for KI-standardisering, Helse Vests tiltak for bruk av KI og "
        "debatten arrangert av NTNU NorwAI og Hemit. Hvert faktum kommer fra en av de "
        "fem offentlige kildene under.",
        "kidash maps the actors in Norwegian health-sector AI governance: the KIN network, "
        "the national coordination project «Bedre bruk av kunstig intelligens», the working "
        "group for AI standardisation, Helse Vest's measure for the use of AI and the debate "
        "organised by NTNU NorwAI and Hemit. Every fact comes from one of the five public "
        "sources below.",
    ),
    "home.intro.own": (
        "Kartet viser nå dine egne data fra «{label}», med de samme sidene, filtrene og eksportene. "
        "Kildene er dokumentene i dataene dine, listet under.",
        "The map now shows your own data from «{label}», with the same pages, filters and exports. "
        "The sources are the documents in your data, listed below.",
    ),
    "home.main_initiatives": ("Initiativene kartet handler om", "The initiatives the map covers"),
    "home.main_initiatives.caption": (
        "En aktør med roller i flere initiativer telles i hvert av dem, så summen er større enn antallet aktører.",
        "An actor with roles in several initiatives counts in each, so the sum is more than the number of actors.",
    ),
    "home.method": ("Slik er dataene bygget", "How the data was built"),
    "home.method.text": (
        "Hver relasjon og hendelse viser til kilden den kommer fra. Det kilden sier direkte, "
        "er merket som oppgitt; det kilden bare antyder (et år ut fra en ukedag, et departement "
        "ut fra en statsrådstittel, en tilknytning ut fra et e-postdomene) er merket som utledet. "
        "Bakgrunnskunnskap som ingen kilde sier (for eksempel hvem som eier et helseforetak) "
        "holdes utenfor relasjonene. Telefonnumre og e-postadresser lagres ikke.",
        "Every relation and event cites the source it comes from. What a source says directly "
        "is marked stated; what it only implies (a year from a weekday, a ministry from a "
        "minister's title, an affiliation from an e-mail domain) is marked inferred. Background "
        "knowledge that no source states (such as who owns a hospital trust) is kept out of the "
        "relations. No phone numbers or e-mail addresses are stored.",
    ),
    "home.organisations": ("Organisasjoner", "Organisations"),
    "home.page.actor": (
        "Aktørprofil: alt om én aktør, med kilder",
        "Actor profile: everything about one actor, with sources",
    ),
    "home.page.analysis": (
        "Analyse: sentralitet, brobyggere, grupper, veier mellom to aktører",
        "Analysis: centrality, brokers, communities, paths between two actors",
    ),
    "home.page.data": (
        "Data: tabellene, datakvaliteten og dine egne data",
        "Data: the tables, data quality and your own data",
    ),
    "home.page.document": (
        "Legg til dokument: les et nytt dokument og godta rollene det foreslår",
        "Add a document: read a new document and accept the roles it proposes",
    ),
    "home.page.edit": (
        "Rediger: legg til eller rett aktører, roller og kilder, med hvem og hvorfor",
        "Edit: add or correct actors, roles and sources, with who and why",
    ),
    "home.page.history": (
        "Historikk: hver endring, hvem som gjorde den og hvorfor; angre",
        "History: every change, who made it and why; undo",
    ),
    "home.page.initiatives": (
        "Initiativer: hvem leder, deltar og observerer",
        "Initiatives: who leads, takes part and observes",
    ),
    "home.page.maps": (
        "Kart: de lagrede kartene, et nytt eget kart",
        "Maps: the maps kept here, a new one of your own",
    ),
    "home.page.network": (
        "Utforsk nettverket av roller og samarbeid",
        "Explore the network of roles and collaboration",
    ),
    "home.page.timeline": ("Tidslinje: slik vokste landskapet", "Timeline: how the landscape grew"),
    "home.pages": ("Sidene", "The pages"),
    "home.people": ("Personer", "People"),
    "home.relations": ("Relasjoner", "Relations"),
    "home.relations.help": (
        "Relasjonene i kartet: {stated} fra kildene og {background} ⟨background|bakgrunnsfakta|bakgrunnsfakta⟩ som hører til hvert kart (hvordan en aktør sluttet, f.eks. en sammenslåing).",
        "The relations in the map: {stated} from the sources and {background} ⟨background|background fact|background facts⟩ every map holds (how an actor ended, e.g. a merger).",
    ),
    # initiatives.*
    "initiatives.breakdown": ("Regioner og typer per initiativ", "Regions and kinds per initiative"),
    "initiatives.bridges": ("Brobyggere", "Bridges"),
    "initiatives.bridges.none": (
        "Ingen organisasjon er med i mer enn ett initiativ her.",
        "No organisation takes part in more than one initiative here.",
    ),
    "initiatives.choose": ("Initiativ", "Initiative"),
    "initiatives.heading": ("Hvem leder, deltar og observerer", "Who leads, takes part and observes"),
    "initiatives.intro": (
        "Velg et initiativ for å se hvem som har hvilken rolle i det og delene av det, med kilde. "
        "Under står rollene på tvers av initiativene, hvem som bygger bro, og hvilke regioner og typer som er med.",
        "Choose an initiative to see who holds which role in it and its parts, with the source. "
        "Below are the roles across initiatives, who bridges them, and which regions and kinds take part.",
    ),
    "initiatives.matrix": ("Rollematrise", "Role matrix"),
    "initiatives.matrix.help": (
        "Hver celle er den sterkeste rollen organisasjonen har i initiativet eller en del av det, direkte eller gjennom sine folk. "
        "Organisasjonene i flest initiativer står øverst.",
        "Each cell is the strongest role the organisation holds in the initiative or a part of it, directly or through its people. "
        "Organisations in the most initiatives come first.",
    ),
    "initiatives.missing": ("Ikke med i {name}: {regions}.", "Not in {name}: {regions}."),
    "initiatives.none": ("Ingen med roller her passer filtrene.", "No one with a role here matches the filters."),
    "initiatives.overlap": ("Overlapp mellom initiativene", "Overlap between initiatives"),
    "initiatives.roster": ("Roller i {name}", "Roles in {name}"),
    "initiatives.summary": ("**{role}:** {names}", "**{role}:** {names}"),
    "initiatives.takeaway.bridge": (
        "{name} har roller i {count} av de {total} initiativene kartet handler om.",
        "{name} holds roles in {count} of the {total} initiatives the map covers.",
    ),
    # kind.*
    "kind.group": ("Gruppe", "Group"),
    # lang.*
    "lang.en": ("engelsk", "English"),
    "lang.nb": ("bokmål", "Norwegian Bokmål"),
    "lang.nn": ("nynorsk", "Norwegian Nynorsk"),
    # legend.*
    "legend.alone": ("Uten gruppe", "In no group"),
    "legend.colour_by.community": ("Farge: gruppe (Louvain)", "Colour: community (Louvain)"),
    "legend.colour_by.initiative": ("Farge: initiativ", "Colour: initiative"),
    "legend.colour_by.region": ("Farge: region", "Colour: region"),
    "legend.colour_by.type": ("Farge: type", "Colour: type"),
    "legend.continued": ("forts.", "cont."),
    "legend.group_links": ("Relasjoner mellom grupper (tykkere = flere)", "Relations between groups (thicker = more)"),
    "legend.line": ("Linje: relasjon (pil fra den som har rollen)", "Line: relation (arrow from who holds the role)"),
    "legend.line_short": ("Linje: relasjon", "Line: relation"),
    "legend.line_undirected": ("Linje", "Line"),
    "legend.mark.ended": ("Avsluttet siden {date} (blek)", "Ended since {date} (faint)"),
    "legend.mark.new": ("Ny siden {date} (tykk kant)", "New since {date} (thick border)"),
    "legend.marks": ("Endringer", "Changes"),
    "legend.none": ("Ingen av initiativene", "None of the initiatives"),
    "legend.several": ("Flere initiativer", "Several initiatives"),
    "legend.shape": ("Form: art", "Shape: kind"),
    "legend.shared_initiatives": ("Felles initiativer (tykkere = flere)", "Shared initiatives (thicker = more)"),
    "legend.title": ("Tegnforklaring", "Legend"),
    "live.changed": ("Kartet er oppdatert: {who} – {why}", "The map was updated: {who} – {why}"),
    "live.changed_here": (
        "**{who}** har nettopp endret kartet. Det du skriver her, står til du lagrer; lagrer du over en rad de endret, får du se endringen deres først.",
        "**{who}** just changed the map. What you type here stays until you save; if you save over a row they changed, you will see their change first.",
    ),
    "map.empty": (
        "Kartet er tomt ennå. Legg til de første aktørene, kildene og rollene på **Rediger**.",
        "The map is empty so far. Add its first actors, sources and roles on **Edit**.",
    ),
    "map.empty.add": ("Legg til den første aktøren", "Add the first actor"),
    "maps.all": ("Alle kart", "All maps"),
    "maps.archive": ("Arkiver kartet", "Archive the map"),
    "maps.archive.help": (
        "Kartet forsvinner fra listen, men ingenting slettes: det kan hentes tilbake.",
        "The map leaves the list, but nothing is deleted: it can be brought back.",
    ),
    "maps.archive.sure": ("Ja, arkiver det", "Yes, archive it"),
    "maps.archived": ("«{name}» er arkivert.", "«{name}» is archived."),
    "maps.archived_list": ("Arkiverte kart ({count})", "Archived maps ({count})"),
    "maps.closed": (
        "Kartene finnes når kidash bruker sitt lager; nå leser den en mappe med filer.",
        "The maps are there when kidash uses its store; now it reads a folder of files.",
    ),
    "maps.col.address": ("Adresse", "Address"),
    "maps.col.made": ("Laget", "Made"),
    "maps.col.name": ("Kart", "Map"),
    "maps.col.version": ("Versjon", "Version"),
    "maps.col.visibility": ("Hvem ser det", "Who sees it"),
    "maps.gone": (
        "Kartet «{slug}» er ikke lenger tilgjengelig for deg; viser det delte kartet.",
        "The map «{slug}» is no longer open to you; showing the shared map.",
    ),
    "maps.heading": ("Kart", "Maps"),
    "maps.intro": (
        "Kartene som er lagret her. Det delte kartet er det alle ser først; lag et eget kart for å arbeide for deg selv, tomt, som kopi av kartet du ser, eller av dine egne data.",
        "The maps kept here. The shared map is the one everyone sees first; make a map of your own to work apart, empty, as a copy of the map shown, or from your own data.",
    ),
    "maps.list": ("Kartene", "The maps"),
    "maps.made": ("«{name}» er laget, og du ser det nå.", "«{name}» is made, and you are looking at it now."),
    "maps.made.empty": ("tomt kart", "empty map"),
    "maps.made.upload": ("fra opplastede data ({label})", "from uploaded data ({label})"),
    "maps.members": ("Hvem kan se og endre kartet", "Who may see and change the map"),
    "maps.members.add": ("E-postadresse", "E-mail address"),
    "maps.members.button": ("Sett rolle", "Set role"),
    "maps.members.last_owner": (
        "Kartet må ha minst én eier; gjør en annen til eier først.",
        "The map must keep at least one owner; make someone else owner first.",
    ),
    "maps.members.role": ("Rolle", "Role"),
    "maps.members.role_col": ("Rolle", "Role"),
    "maps.members.set": ("{who}: {role}.", "{who}: {role}."),
    "maps.members.who": (
        "Skriv e-postadressen (eller identiteten) til personen.",
        "Type the person's e-mail address (or identity).",
    ),
    "maps.members.who_col": ("Person (e-post)", "Person (e-mail)"),
    "maps.name_missing": ("Gi kartet et navn.", "Give the map a name."),
    "maps.new": ("Nytt kart", "New map"),
    "maps.new.button": ("Lag kartet", "Make the map"),
    "maps.new.copy": ("En kopi av kartet du ser", "A copy of the map shown"),
    "maps.new.empty": ("Ingenting ennå", "Nothing yet"),
    "maps.new.how": ("Hva skal det holde?", "What should it hold?"),
    "maps.new.name": ("Navn", "Name"),
    "maps.new.upload": ("Dine opplastede data", "Your uploaded data"),
    "maps.not_found": (
        "Det finnes ikke noe kart «{slug}» her; viser det delte kartet.",
        "There is no map «{slug}» here; showing the shared map.",
    ),
    "maps.open": ("Åpne et annet kart", "Open another map"),
    "maps.open.button": ("Åpne", "Open"),
    "maps.rename": ("Nytt navn", "New name"),
    "maps.rename.button": ("Gi nytt navn", "Rename"),
    "maps.renamed": (
        "Kartet heter nå «{name}». Adressen er den samme, så lenker virker fortsatt.",
        "The map is now called «{name}». Its address is the same, so links still work.",
    ),
    "maps.restore": ("Hent tilbake «{name}»", "Restore «{name}»"),
    "maps.restored": ("«{name}» er hentet tilbake.", "«{name}» is restored."),
    "maps.role.editor": ("redaktør", "editor"),
    "maps.role.none": ("ikke medlem (fjern)", "not a member (remove)"),
    "maps.role.owner": ("eier", "owner"),
    "maps.role.viewer": ("leser", "viewer"),
    "maps.shown": ("Kart: **{name}**", "Map: **{name}**"),
    "maps.this": ("Kartet du ser: {name}", "The map shown: {name}"),
    "maps.visibility": ("Hvem kan se kartet", "Who may see the map"),
    "maps.visibility.button": ("Bruk", "Apply"),
    "maps.visibility.private": ("bare medlemmene", "members only"),
    "maps.visibility.public": ("alle", "everyone"),
    "maps.visibility.set": ("Nå kan {who} se kartet.", "Now {who} may see the map."),
    "maps.visibility.signed_in": ("innloggede", "signed-in users"),
    "more.count": ("{label} ({count} valgt)", "{label} ({count} set)"),
    # nav.*
    "nav.actor": ("Aktørprofil", "Actor profile"),
    "nav.analysis": ("Analyse", "Analysis"),
    "nav.data": ("Data", "Data"),
    "nav.document": (
        "Legg til dokument",
        "Add a document",
    ),
    "nav.edit": ("Rediger", "Edit"),
    "nav.history": ("Historikk", "History"),
    "nav.home": ("Oversikt", "Overview"),
    "nav.initiatives": ("Initiativer", "Initiatives"),
    "nav.maps": ("Kart", "Maps"),
    "nav.network": ("Nettverk", "Network"),
    "nav.timeline": ("Tidslinje", "Timeline"),
    # network.*
    "network.actors_table": ("Aktører", "Actors"),
    "network.aria": (
        "Nettverkstegning med {nodes} ⟨nodes|node|noder⟩ og {edges} ⟨edges|lenke|lenker⟩. Samme innhold står som tabeller under tegningen.",
        "Network drawing with {nodes} ⟨nodes|node|nodes⟩ and {edges} ⟨edges|link|links⟩. The same content is below the drawing as tables.",
    ),
    "network.card": ("Valgt aktør", "Selected actor"),
    "network.clear_selection": ("Fjern valget", "Clear the selection"),
    "network.close": ("Lukk", "Close"),
    "network.colour.community": ("Gruppe (Louvain)", "Community (Louvain)"),
    "network.colour.initiative": ("Initiativ", "Initiative"),
    "network.colour.region": ("Region", "Region"),
    "network.colour.type": ("Type", "Type"),
    "network.colour_by": ("Farge etter", "Colour by"),
    "network.counts": (
        "Viser **{nodes}** ⟨nodes|node|noder⟩ og **{edges}** ⟨edges|lenke|lenker⟩.",
        "Showing **{nodes}** ⟨nodes|node|nodes⟩ and **{edges}** ⟨edges|link|links⟩.",
    ),
    "network.depth": ("Avstand", "Depth"),
    "network.download_html": (
        "Last ned nettverket (HTML, virker uten nett)",
        "Download the network (HTML, works offline)",
    ),
    "network.empty": (
        "Ingenting passer filtrene. Prøv «Nullstill filtre».",
        "Nothing matches the filters. Try «Reset filters».",
    ),
    "network.fit_button": ("Vis alt", "Fit to view"),
    "network.focus": ("Fokus på aktør", "Focus on actor"),
    "network.focus.none": ("Hele kartet", "The whole map"),
    "network.focus.outside": (
        "{name} er skjult av filtrene; viser nabolaget i hele kartet.",
        "{name} is hidden by the filters; showing its neighbourhood in the whole map.",
    ),
    "network.focus_button": ("Fokuser her", "Focus here"),
    "network.found": ("{count} treff", "{count} found"),
    "network.group_close": ("Tilbake til alle gruppene", "Back to all groups"),
    "network.group_cut": (
        "Gruppen har {members} aktører, flere enn grensen på {limit}: de {limit} med flest lenker vises.",
        "The group has {members} actors, more than the limit of {limit}: the {limit} with most links are shown.",
    ),
    "network.group_open": (
        "Åpen gruppe: **{name}** ({members} ⟨members|aktør|aktører⟩); de andre gruppene vises samlet.",
        "Open group: **{name}** ({members} ⟨members|actor|actors⟩); the other groups are shown gathered.",
    ),
    "network.grouped": (
        "{nodes} aktører er flere enn en nettleser tegner greit (grense {limit}), så kartet viser **grupper** "
        "(organisasjonstype × region; personer hos organisasjonen sin). Klikk en gruppe for å åpne den.",
        "{nodes} actors are more than a browser draws well (limit {limit}), so the map shows **groups** "
        "(organisation type × region; people with their organisation). Click a group to open it.",
    ),
    "network.heading": ("Nettverket av roller og samarbeid", "The network of roles and collaboration"),
    "network.intro": (
        "Piler går fra den som har rollen til der rollen holdes. Klikk en node for kortet med alle roller og "
        "kilder (Esc lukker), dobbeltklikk for å fokusere, eller finn en aktør med søket; dra for å flytte, rull "
        "for å zoome. Hver node har fast plass, så den står stille når du filtrerer. Det samme innholdet står "
        "som tabeller under tegningen («Det som vises, som tabeller»).",
        "Arrows run from who holds a role to where it is held. Click a node for its card with every role and "
        "source (Esc closes it), double-click to focus, or find an actor with the search; drag to move, scroll "
        "to zoom. Every node has a fixed place, so it stays put when you filter. The same content is below the "
        "drawing as tables («What is shown, as tables»).",
    ),
    "network.marks": ("Marker endringer siden forrige dato", "Mark changes since the previous date"),
    "network.marks.help": (
        "Sammenligner kartet med kartet per datoen før (kartets egne datoer: publiseringer, starter og slutter). "
        "Det som er nytt siden da, får tykk mørk kant; det som er avsluttet siden da, står blekt på sin plass.",
        "Compares the map with the map as of the date before (the map's own dates: publications, starts and ends). "
        "What is new since then gets a thick dark border; what ended since then stays faint in its place.",
    ),
    "network.marks.none": (
        "Kartet har ingen tidligere dato å sammenligne med.",
        "The map has no earlier date to compare with.",
    ),
    "network.marks.roles_only": (
        "Endringer merkes i rollevisningen (og ikke når kartet vises som grupper).",
        "Changes are marked in the roles view (and not when the map is shown as groups).",
    ),
    "network.marks.summary": (
        "Sammenlignet med **{since}**: {actor_new} ⟨actor_new|ny aktør|nye aktører⟩ og {relation_new} ⟨relation_new|ny rolle|nye roller⟩ (tykk kant), {actor_ended} ⟨actor_ended|aktør|aktører⟩ og {relation_ended} ⟨relation_ended|rolle|roller⟩ avsluttet (blekt).",
        "Compared with **{since}**: {actor_new} new ⟨actor_new|actor|actors⟩ and {relation_new} new ⟨relation_new|role|roles⟩ (thick border), {actor_ended} ⟨actor_ended|actor|actors⟩ and {relation_ended} ⟨relation_ended|role|roles⟩ ended (faint).",
    ),
    "network.more": ("Tegnevalg", "Drawing options"),
    "network.not_found": ("Ingen treff", "Nothing found"),
    "network.physics": ("Fysikk (nodene finner plassen sin)", "Physics (nodes find their place)"),
    "network.physics.help": (
        "Av: hver node har sin faste plass i hele kartet. På: nodene trekkes og skyves til en ny plassering i et "
        "par sekunder og stopper (opptil 400 noder).",
        "Off: every node has its fixed place in the whole map. On: nodes pull and push into a fresh arrangement "
        "for a couple of seconds, then stop (up to 400 nodes).",
    ),
    "network.png_button": ("Last ned PNG (lysbilde)", "Download PNG (slide)"),
    "network.profile": ("Åpne profilen", "Open the profile"),
    "network.relations_table": ("Relasjoner", "Relations"),
    "network.search": ("Finn aktør", "Find actor"),
    "network.search_placeholder": ("Navn, kortnavn eller annet navn", "Name, short name or other name"),
    "network.selected": ("Valgt i kartet: **{name}**", "Selected in the map: **{name}**"),
    "network.settling": ("Plasserer nodene …", "Placing the nodes …"),
    "network.size.betweenness": ("Mellomliggende sentralitet", "Betweenness"),
    "network.size.degree": ("Antall lenker", "Number of links"),
    "network.size.initiatives": ("Antall initiativer", "Number of initiatives"),
    "network.size_by": ("Størrelse etter", "Size by"),
    "network.tables": ("Det som vises, som tabeller", "What is shown, as tables"),
    "network.view": ("Visning", "View"),
    "network.view.collaboration": ("Samarbeid", "Collaboration"),
    "network.view.roles": ("Roller", "Roles"),
    "network.zoom_in": ("Zoom inn", "Zoom in"),
    "network.zoom_out": ("Zoom ut", "Zoom out"),
    "notes.breakdown.region": (
        "Organisasjonene med en rolle i hvert initiativ, etter helseregion (regionen står i aktørtabellen med grunnlag).",
        "The organisations with a role in each initiative, by health region (the actors table gives each region's basis).",
    ),
    "notes.breakdown.type": (
        "Organisasjonene med en rolle i hvert initiativ, etter type organisasjon.",
        "The organisations with a role in each initiative, by kind of organisation.",
    ),
    "notes.bridges": (
        "Organisasjoner med en rolle i minst to initiativer, talt per initiativ (deler av et initiativ teller som det).",
        "Organisations with a role in at least two initiatives, counted per initiative (its parts count as it).",
    ),
    "notes.centrality.betweenness": (
        "Mellomhet: hvor ofte en aktør ligger på de korteste veiene mellom andre (networkx betweenness_centrality, normert).",
        "Betweenness: how often an actor lies on the shortest paths between others (networkx betweenness_centrality, normalised).",
    ),
    "notes.centrality.closeness": (
        "Nærhet: hvor kort veien er fra aktøren til alle andre den når (networkx closeness_centrality).",
        "Closeness: how short the paths are from the actor to all others it reaches (networkx closeness_centrality).",
    ),
    "notes.centrality.degree": (
        "Grad: andelen av de andre aktørene i utvalget en aktør er direkte koblet til (networkx degree_centrality).",
        "Degree: the share of the other actors in view an actor is linked to directly (networkx degree_centrality).",
    ),
    "notes.centrality.eigenvector": (
        "Egenvektor: høy når aktøren er koblet til andre godt koblede aktører (networkx eigenvector_centrality, i den største sammenhengende delen).",
        "Eigenvector: high when the actor is linked to other well-linked actors (networkx eigenvector_centrality, in the largest connected piece).",
    ),
    "notes.network": (
        "Pil fra den som har rollen til det rollen gjelder; plasseringen er den samme i alle utvalg av kartet.",
        "Arrow from who holds the role to what it is held in; every actor keeps its place in every view of the map.",
    ),
    "notes.overlap": (
        "Hver celle teller organisasjonene med en rolle i begge initiativene; diagonalen er initiativets egne.",
        "Each cell counts the organisations with a role in both initiatives; the diagonal is the initiative's own.",
    ),
    "notes.role_matrix": (
        "Hver markør er en rolle en organisasjon har i et initiativ eller en del av det, slik kildene sier; "
        "organisasjonene med roller i flest initiativer står øverst.",
        "Each marker is a role an organisation holds in an initiative or a part of it, as the sources state; "
        "the organisations with roles in the most initiatives come first.",
    ),
    "notes.roles_time": (
        "Hver linje er én rolle. Den begynner på startdatoen kilden oppgir (fylt punkt), ellers på datoen til "
        "dokumentet som først nevner rollen (åpent punkt): da var rollen i det minste kjent. Den slutter på "
        "sluttdatoen kilden oppgir eller da en av de to aktørene ble avsluttet (heltrukket), ellers går den til i "
        "dag (prikket): ingen kilde sier at den er over. Et kryss er en rolle en kilde nevner etter at aktøren var "
        "avsluttet (avvik).",
        "Each line is one role. It begins at the start date its source gives (filled marker), else at the date "
        "of the document that first names it (hollow marker): by then the role was at least known. It ends at "
        "the end date its source gives or when one of its two actors ended (solid), else it runs to today "
        "(dotted): no source says it is over. A cross is a role a source names after its actor had ended "
        "(discrepancy).",
    ),
    "notes.timeline": (
        "Perioder og daterte hendelser slik kildene daterer dem; hule punkter er datoer kildene bare antyder.",
        "Periods and dated events as the sources date them; hollow points are dates the sources only imply.",
    ),
    # path.*
    "path.affiliated_with": ("{a} er tilknyttet {b}", "{a} works at {b}"),
    "path.contact": ("{a} er kontakt for {b}", "{a} is a contact for {b}"),
    "path.heads": ("{a} leder {b}", "{a} heads {b}"),
    "path.involved": ("{a} er involvert i {b}", "{a} is involved in {b}"),
    "path.leads": ("{a} leder {b}", "{a} leads {b}"),
    "path.member": ("{a} er medlem av {b}", "{a} is a member of {b}"),
    "path.merged_into": ("{a} ble slått sammen inn i {b}", "{a} was merged into {b}"),
    "path.moderator": ("{a} er ordstyrer i {b}", "{a} moderates {b}"),
    "path.observer": ("{a} er observatør i {b}", "{a} observes {b}"),
    "path.organiser": ("{a} arrangerer {b}", "{a} organises {b}"),
    "path.owner": ("{a} eier {b}", "{a} owns {b}"),
    "path.part_of": ("{a} er en del av {b}", "{a} is part of {b}"),
    "path.publishes": ("{a} utgir {b}", "{a} publishes {b}"),
    "path.renamed_as": ("{a} fikk nytt navn: {b}", "{a} was renamed {b}"),
    "path.secretariat": ("{a} sitter i sekretariatet i {b}", "{a} is in the {b} secretariat"),
    "path.source": ("(kilde: {title})", "(source: {title})"),
    "path.source_inferred": ("(utledet av: {title})", "(inferred from: {title})"),
    "path.speaker": ("{a} medvirker i {b}", "{a} speaks at {b}"),
    "path.through": ("gjennom {person}", "through {person}"),
    "picker.find": ("{label}: finn i navnene", "{label}: find by name"),
    "picker.find.help": (
        "Kartet har {total} aktører. Listen viser de {shown} best koblede, eller dem som har det du skriver i navnet.",
        "The map has {total} actors. The list shows the {shown} best linked, or those whose names hold what you type.",
    ),
    "picker.find.placeholder": ("Skriv en del av et navn", "Type part of a name"),
    # problem.*
    "problem.after_end": (
        "rollen begynner {start}, men {actor} sluttet {end}",
        "the role begins {start}, but {actor} ended {end}",
    ),
    "problem.bad_bool": ("«{value}» skal være true eller false", "«{value}» must be true or false"),
    "problem.bad_date": (
        "«{value}» er ikke en dato på formen ÅÅÅÅ-MM-DD",
        "«{value}» is not a date of the form YYYY-MM-DD",
    ),
    "problem.bad_id": (
        "id «{value}» kan ikke inneholde mellomrom eller semikolon",
        "id «{value}» cannot contain spaces or semicolons",
    ),
    "problem.bad_vocab": (
        "«{value}» er ikke en tillatt verdi. Tillatt: {allowed}",
        "«{value}» is not an allowed value. Allowed: {allowed}",
    ),
    "problem.binary": ("filen ser ut som en binærfil, ikke CSV", "the file looks binary, not CSV"),
    "problem.blank": ("verdien mangler", "the value is missing"),
    "problem.blank_header": (
        "kolonne {letter} har data, men ingen overskrift (sammenslåtte celler?); "
        "del opp sammenslåtte celler og skriv kolonnenavnet",
        "column {letter} has data but no header (merged cells?); unmerge the cells and type the column name",
    ),
    "problem.cannot_revert": (
        "en endring av typen «{action}» kan ikke angres her",
        "a change of the kind «{action}» cannot be undone here",
    ),
    "problem.cell_error": (
        "cellen viser en Excel-feil (som #REF!); skriv inn verdien",
        "the cell shows an Excel error (such as #REF!); type the value",
    ),
    "problem.cell_outside_header": (
        "raden har verdier i kolonner uten overskrift; flytt dem eller gi kolonnen et navn",
        "the row has values in columns without a header; move them or name the column",
    ),
    "problem.cell_too_big": (
        "en celle er over grensen på {limit} tegn (eller et anførselstegn mangler sin partner)",
        "a cell is over the limit of {limit} characters (or a quote mark has no partner)",
    ),
    "problem.column": ("kolonne «{column}»", "column «{column}»"),
    "problem.control_char": (
        "cellen inneholder et usynlig kontrolltegn ({code}); skriv verdien inn på nytt",
        "the cell holds an invisible control character ({code}); type the value again",
    ),
    "problem.document_binary": (
        "filen ser ut som en binærfil, ikke tekst, HTML eller PDF",
        "the file looks binary, not text, HTML or PDF",
    ),
    "problem.document_too_big": (
        "filen er {size} MB, grensen er {limit} MB",
        "the file is {size} MB; the limit is {limit} MB",
    ),
    "problem.document_without_text": (
        "dokumentet «{document}» har ingen lagret tekst; legg det til med teksten (lim inn eller last opp)",
        "the document «{document}» has no stored text; add it with its text (paste or upload)",
    ),
    "problem.duplicate_column": ("kolonnenavnet står to ganger", "the column name appears twice"),
    "problem.duplicate_id": ("id «{value}» er brukt før, i rad {first}", "id «{value}» is already used in row {first}"),
    "problem.duplicate_relation": (
        "samme relasjon står allerede i rad {first}",
        "the same relation is already in row {first}",
    ),
    "problem.empty_document": ("dokumentet har ingen tekst å lese", "the document has no text to read"),
    "problem.empty_file": (
        "filen er tom; første rad skal være kolonnenavnene",
        "the file is empty; the first row must hold the column names",
    ),
    "problem.empty_sheet": (
        "arket er tomt; første rad skal være kolonnenavnene (se malen)",
        "the sheet is empty; its first row must hold the column names (see the template)",
    ),
    "problem.end_before_start": ("slutt {end} er før start {start}", "end {end} is before start {start}"),
    "problem.formula": (
        "cellen inneholder en formel; erstatt den med verdien (Kopier → Lim inn verdier)",
        "the cell holds a formula; replace it with its value (Copy → Paste values)",
    ),
    "problem.id_is_stable": (
        "id-en «{value}» kan ikke endres (lenker og relasjoner bruker den)",
        "the id «{value}» cannot be changed (links and relations use it)",
    ),
    "problem.id_taken": ("id «{value}» er allerede brukt i kartet", "id «{value}» is already used in the map"),
    "problem.inferred_needs_reason": (
        "en utledet rolle trenger en begrunnelse i merknaden: hva i kilden antyder den?",
        "an inferred role needs a reason in the note: what in the source implies it?",
    ),
    "problem.missing_column": ("kolonnen mangler i overskriften", "the column is missing from the header"),
    "problem.missing_file": ("filen mangler", "the file is missing"),
    "problem.missing_sheet": (
        "arket «{sheet}» finnes ikke (arbeidsboken har: {sheets}); gi arket dette navnet eller bruk malen",
        "there is no sheet «{sheet}» (the workbook has: {sheets}); give the sheet this name or use the template",
    ),
    "problem.needs_date_basis": (
        "{dates} er gitt: skriv i date_basis hvordan datoen er kjent (stated, inferred eller background)",
        "{dates} given: say in date_basis how the date is known (stated, inferred or background)",
    ),
    "problem.needs_discrepancy": (
        "kilden er publisert {published}, etter at {actor} sluttet {end}: skriv i discrepancy hva som ikke stemmer",
        "the source was published {published}, after {actor} ended {end}: say in discrepancy what does not add up",
    ),
    "problem.no_actors": (
        "tabellen har ingen aktører; legg inn minst én rad under overskriften",
        "the table has no actors; add at least one row below the header",
    ),
    "problem.no_directory": ("mappen finnes ikke", "the folder does not exist"),
    "problem.no_files": ("ingen filer er lastet opp", "no files were uploaded"),
    "problem.no_such_date": ("datoen «{value}» finnes ikke", "the date «{value}» does not exist"),
    "problem.no_tables_in_zip": (
        "ZIP-filen har ingen CSV-filer; den skal inneholde actors.csv, relations.csv, events.csv og documents.csv",
        "the ZIP file has no CSV files; it should hold actors.csv, relations.csv, events.csv and documents.csv",
    ),
    "problem.not_norwegian": (
        "teksten ser ikke ut til å være norsk (bokmål eller nynorsk); leseren foreslår ingenting",
        "the text does not look Norwegian (bokmål or nynorsk); the reader proposes nothing",
    ),
    "problem.not_utf8": (
        "filen er ikke UTF-8 (feil ved byte {position}); lagre den som «CSV UTF-8»",
        "the file is not UTF-8 (error at byte {position}); save it as «CSV UTF-8»",
    ),
    "problem.not_xlsx": (
        "filen er ikke en Excel-arbeidsbok (.xlsx), selv om navnet sier det; lagre den på nytt i Excel som .xlsx",
        "the file is not an Excel workbook (.xlsx) although its name says so; save it again from Excel as .xlsx",
    ),
    "problem.not_zip": (
        "filen er ikke en gyldig ZIP-fil; last opp CSV-filene hver for seg",
        "the file is not a valid ZIP file; upload the CSV files one by one",
    ),
    "problem.old_excel": (
        "gammelt Excel-format (.xls); velg Lagre som → «Excel-arbeidsbok (.xlsx)»",
        "old Excel format (.xls); use Save as → «Excel Workbook (.xlsx)»",
    ),
    "problem.one_workbook": (
        "last opp én arbeidsbok (eller én ZIP) alene, eller bare CSV-filer",
        "upload one workbook (or one ZIP) on its own, or only CSV files",
    ),
    "problem.pdf_without_text": (
        "PDF-en har ingen tekst (trolig et skannet bilde); lim inn teksten eller bruk en PDF med tekst",
        "the PDF has no text (probably a scanned image); paste the text or use a PDF with text",
    ),
    "problem.personal_contact": (
        "cellen ser ut til å inneholde en e-postadresse eller et telefonnummer; slike lagres ikke",
        "the cell seems to hold an e-mail address or phone number; these are not stored",
    ),
    "problem.quote_missing": (
        "en rolle som er oppgitt i kilden, trenger kildens ord: lim inn ordene fra «{document}» som sier det, eller lagre rollen som utledet med en begrunnelse",
        "a role stated in the source needs the source's words: paste the words from «{document}» that say so, or save the role as inferred with a reason",
    ),
    "problem.quote_not_in_document": (
        "«{quote}» står ikke ordrett i den lagrede teksten til «{document}»; rett sitatet, eller lagre rollen som utledet med en begrunnelse",
        "«{quote}» is not word for word in the stored text of «{document}»; correct the quote, or save the role as inferred with a reason",
    ),
    "problem.rename_sheet": (
        "arket «{sheet}» finnes ikke; gi arket «{found}» navnet «{sheet}»",
        "there is no sheet «{sheet}»; rename the sheet «{found}» to «{sheet}»",
    ),
    "problem.row": ("rad {row}", "row {row}"),
    "problem.row_length": (
        "raden har {found} felt, men overskriften har {expected}; sjekk komma og anførselstegn",
        "the row has {found} fields but the header has {expected}; check commas and quotes",
    ),
    "problem.same_table_twice": (
        "samme tabell som {other}; last opp én fil per tabell",
        "the same table as {other}; upload one file per table",
    ),
    "problem.self_loop": ("«{value}» peker på seg selv", "«{value}» points to itself"),
    "problem.suggestion": ("Mente du «{suggestion}»?", "Did you mean «{suggestion}»?"),
    "problem.too_long": (
        "cellen har {length} tegn, grensen er {limit}",
        "the cell has {length} characters; the limit is {limit}",
    ),
    "problem.too_many_columns": (
        "overskriften har {found} kolonner, over grensen på {limit}; slett tomme kolonner til høyre",
        "the header has {found} columns, over the limit of {limit}; delete empty columns on the right",
    ),
    "problem.too_many_rows": (
        "tabellen har {rows} rader, over grensen på {limit}",
        "the table has {rows} rows, over the limit of {limit}",
    ),
    "problem.type_kind": (
        "typen «{value}» passer ikke til arten «{kind}». Tillatt for {kind}: {allowed}",
        "type «{value}» does not fit kind «{kind}». Allowed for {kind}: {allowed}",
    ),
    "problem.unknown_encoding": (
        "tegnkodingen er ukjent (byte {position}); lagre filen i Excel som «CSV UTF-8 (kommadelt)»",
        "unknown character encoding (byte {position}); save the file in Excel as «CSV UTF-8 (Comma delimited)»",
    ),
    "problem.unknown_file_type": (
        "ukjent filtype; last opp en Excel-arbeidsbok (.xlsx), CSV-filer eller en ZIP med CSV-filer",
        "unknown file type; upload an Excel workbook (.xlsx), CSV files or a ZIP of CSV files",
    ),
    "problem.unknown_ref": ("«{value}» finnes ikke i {target}", "«{value}» is not in {target}"),
    "problem.unknown_table": (
        "filnavnet passer ikke til noen tabell; kall filene {names}",
        "the file name matches no table; name the files {names}",
    ),
    "problem.unparseable": ("filen kan ikke tolkes som CSV ({detail})", "the file cannot be parsed as CSV ({detail})"),
    "problem.unreadable": ("filen kan ikke leses ({detail})", "the file cannot be read ({detail})"),
    "problem.upload_too_big": (
        "opplastingen er {size} MB, grensen er {limit} MB; del opp dataene eller fjern kolonner",
        "the upload is {size} MB; the limit is {limit} MB; split the data or remove columns",
    ),
    "problem.wrong_end": (
        "«{value}» er {kind}, men «{relation}» krever {allowed} her",
        "«{value}» is a {kind}, but «{relation}» needs {allowed} here",
    ),
    "problem.zip_bomb": (
        "filen pakkes ut til minst {found} MB, over grensen på {limit} MB, og avvises; last opp en mindre fil",
        "the file unpacks to at least {found} MB, over the limit of {limit} MB, and is refused; upload a smaller file",
    ),
    "problem.zip_too_many_files": (
        "arkivet har {found} filer, over grensen på {limit}; legg bare de fire tabellene (CSV) i ZIP-filen",
        "the archive holds {found} files, over the limit of {limit}; put only the four tables (CSV) in the ZIP",
    ),
    # profile.*
    "profile.aliases": ("Andre navn i kildene", "Other names in the sources"),
    "profile.choose": ("Aktør", "Actor"),
    "profile.choose.help": ("Skriv for å søke.", "Type to search."),
    "profile.description": ("Beskrivelse", "Description"),
    "profile.edit": ("Endre aktøren", "Edit the actor"),
    "profile.ego": ("Nabolaget", "The neighbourhood"),
    "profile.end": ("Slutt", "End"),
    "profile.events": ("Hendelser", "Events"),
    "profile.fact": ("Opplysning", "Fact"),
    "profile.heading": ("Aktørprofil", "Actor profile"),
    "profile.held": ("Roller {name} har", "Roles {name} holds"),
    "profile.history": ("Historikken om aktøren", "The actor's history"),
    "profile.name_en": ("Engelsk navn", "English name"),
    "profile.name_nb": ("Norsk navn", "Norwegian name"),
    "profile.neighbours": ("Direkte koblet til", "Directly linked to"),
    "profile.none": ("Ingen.", "None."),
    "profile.note": ("Merknad", "Note"),
    "profile.organisations": ("Organisasjon", "Organisation"),
    "profile.people": ("Folk", "People"),
    "profile.pick": ("Velg en aktør for å se profilen.", "Choose an actor to see the profile."),
    "profile.received": ("Roller andre har i {name}", "Roles others hold in {name}"),
    "profile.start": ("Start", "Start"),
    "profile.time": ("Roller over tid", "Roles over time"),
    "profile.value": ("Verdi", "Value"),
    "reader.accept": (
        "Godta",
        "Accept",
    ),
    "reader.accept_event": (
        "Godta til tidslinjen",
        "Accept for the timeline",
    ),
    "reader.accept_sure": (
        "Godta alle sikre forslag ({count})",
        "Accept every sure proposal ({count})",
    ),
    "reader.accept_sure.help": (
        "Forslag som ordene sier (ikke utledet) med sikkerhet 0,7 eller mer, lagret i én endring. Les dem først.",
        "Proposals the words state (not inferred) with confidence 0.7 or more, saved in one change. Read them first.",
    ),
    "reader.accepted": (
        "Lagret i endring {change}: {count} ⟨count|rad|rader⟩.",
        "Saved in change {change}: {count} ⟨count|row|rows⟩.",
    ),
    "reader.accepted_all": (
        "Lagret i endring {change}: {count} ⟨count|rad|rader⟩.",
        "Saved in change {change}: {count} ⟨count|row|rows⟩.",
    ),
    "reader.accepted_event": (
        "Hendelsen er lagret i endring {change}.",
        "The event is saved in change {change}.",
    ),
    "reader.actor_note": (
        "Foreslått av leseren fra ordene «{quote}».",
        "Proposed by the reader from the words «{quote}».",
    ),
    "reader.all_decided": (
        "Alt leseren foreslo fra dette dokumentet er avgjort: det er på kartet eller avvist.",
        "Everything the reader proposed from this document is decided: it is on the map or rejected.",
    ),
    "reader.already": (
        "Denne teksten er allerede et dokument på kartet: «{title}». Forslagene gjelder det.",
        "This text is already a document on the map: «{title}». The proposals are for it.",
    ),
    "reader.another": (
        "Et annet dokument",
        "Another document",
    ),
    "reader.basis.day": (
        "dagen står i ordene",
        "the day is in the words",
    ),
    "reader.basis.month": (
        "måneden står i ordene",
        "the month is in the words",
    ),
    "reader.basis.season": (
        "årstiden står i ordene",
        "the season is in the words",
    ),
    "reader.basis.year": (
        "året står i ordene",
        "the year is in the words",
    ),
    "reader.card": (
        "**{number}** · **{source}** — {relation} → **{target}**",
        "**{number}** · **{source}** — {relation} → **{target}**",
    ),
    "reader.change": (
        "Endre",
        "Change",
    ),
    "reader.comment": (
        "Godtatt fra leseren: dokumentet «{document}»",
        "Accepted from the reader: the document «{document}»",
    ),
    "reader.confidence": (
        "sikkerhet {confidence}",
        "confidence {confidence}",
    ),
    "reader.document": (
        "Dokumentet",
        "The document",
    ),
    "reader.document_note": (
        "Lagt til gjennom leseren.",
        "Added through the reader.",
    ),
    "reader.event_card": (
        "**{number}** · {when}: **{title}**",
        "**{number}** · {when}: **{title}**",
    ),
    "reader.event_note": (
        "Foreslått av leseren fra ordene «{quote}».",
        "Proposed by the reader from the words «{quote}».",
    ),
    "reader.events": (
        "Hendelser til tidslinjen",
        "Events for the timeline",
    ),
    "reader.file": (
        "… eller last opp en fil (nettside, PDF eller tekst)",
        "… or upload a file (web page, PDF or text)",
    ),
    "reader.found": (
        "Leseren fant {found} ⟨found|rolle|roller⟩ i teksten; {count} er igjen å avgjøre (ikke på kartet og ikke avvist). {events} ⟨events|hendelse|hendelser⟩ til tidslinjen. Dokumentet handler mest om **{subject}**.",
        "The reader found {found} ⟨found|role|roles⟩ in the text; {count} left to decide (neither on the map nor rejected). {events} ⟨events|event|events⟩ for the timeline. The document is mostly about **{subject}**.",
    ),
    "reader.inferred": (
        "utledet, ikke sagt: {why}",
        "inferred, not stated: {why}",
    ),
    "reader.language.en": (
        "engelsk",
        "English",
    ),
    "reader.language.nb": (
        "bokmål",
        "Bokmål",
    ),
    "reader.language.nn": (
        "nynorsk",
        "Nynorsk",
    ),
    "reader.more": (
        "Vis flere forslag ({count})",
        "Show more proposals ({count})",
    ),
    "reader.needs_fields": (
        "Dokumentet trenger tittel og publiseringsdato før noe kan lagres.",
        "The document needs a title and a publication date before anything can be saved.",
    ),
    "reader.new_end": (
        "ny aktør: {name} ({kind}, {type})",
        "new actor: {name} ({kind}, {type})",
    ),
    "reader.new_source": (
        "Ny aktør (den som har rollen): **{name}**",
        "New actor (who holds the role): **{name}**",
    ),
    "reader.new_target": (
        "Ny aktør (der rollen holdes): **{name}**",
        "New actor (where the role is held): **{name}**",
    ),
    "reader.none": (
        "Leseren fant ingen roller i teksten. Den kjenner igjen roller som «leder», «er medlem av», «observatør», «samarbeid mellom» og lister under slike ord.",
        "The reader found no roles in the text. It recognises roles such as «leder», «er medlem av», «observatør», «samarbeid mellom» and lists under such words.",
    ),
    "reader.not_norwegian": (
        "{file}: teksten ser ikke ut til å være norsk (bokmål eller nynorsk), så leseren foreslår ingenting. Ingenting er lagret.",
        "{file}: the text does not look Norwegian (Bokmål or Nynorsk), so the reader proposes nothing. Nothing is saved.",
    ),
    "reader.only_implied": (
        "Ordene sier det ikke rett ut (lagres som utledet)",
        "The words do not say it outright (saved as inferred)",
    ),
    "reader.paste": (
        "Lim inn teksten",
        "Paste the text",
    ),
    "reader.paste.help": (
        "Hele teksten, slik den står. Telefonnumre og e-postadresser tas ut før noe lagres.",
        "The whole text as it stands. Phone numbers and e-mail addresses are taken out before anything is saved.",
    ),
    "reader.proposals": (
        "Forslag fra leseren",
        "The reader's proposals",
    ),
    "reader.propose_again": (
        "Foreslå igjen",
        "Propose again",
    ),
    "reader.reason.group_of_subject": (
        "Gruppen nevnes bare med fellesnavnet sitt i et dokument om initiativet; at den hører til initiativet, er utledet.",
        "The group is named only by its common noun in a document about the initiative; that it belongs to the initiative is inferred.",
    ),
    "reader.reason.minister": (
        "Utledet av statsrådens tittel: ministeren leder departementet.",
        "Inferred from the minister's title: the minister heads the ministry.",
    ),
    "reader.reason.name": (
        "Utledet av navnet: det begynner med navnet på den andre aktøren.",
        "Inferred from the name: it begins with the other actor's name.",
    ),
    "reader.reason.person": (
        "Utledet av den som la det inn, fra ordene:",
        "Inferred by the person who entered it, from the words:",
    ),
    "reader.reason.publisher": (
        "Utledet: personen har en tittel, men ingen virksomhet nevnes, på en side virksomheten har publisert.",
        "Inferred: the person has a title but no organisation is named, on a page the organisation published.",
    ),
    "reader.reason.publisher_plan": (
        "Utledet: planen står på en side virksomheten har publisert.",
        "Inferred: the plan stands on a page the organisation published.",
    ),
    "reader.reason.section": (
        "Utledet av sidens oppbygning: det nevnes under overskriften til delprosjektet.",
        "Inferred from the page's layout: it is named under the subproject's heading.",
    ),
    "reader.reason.we": (
        "Utledet: siden sier «vi inviterer til …», og «vi» er det siden handler om.",
        "Inferred: the page says «vi inviterer til …», and «vi» is what the page is about.",
    ),
    "reader.refused": (
        "Forslaget kan ikke lagres slik det er (ingenting er lagret):",
        "The proposal cannot be saved as it is (nothing is saved):",
    ),
    "reader.region_unknown": (
        "Kilden sier ikke hvilken region; kontroller regionen.",
        "The source does not say which region; check the region.",
    ),
    "reader.reject": ("Avvis", "Reject"),
    # row.*
    "reader.rejected": (
        "Avvist: {what}. Det foreslås ikke igjen for dette dokumentet.",
        "Rejected: {what}. It is not proposed again for this document.",
    ),
    "reader.rejected_by": (
        "{what} — avvist av {who}, {when}",
        "{what} — rejected by {who}, {when}",
    ),
    "reader.rejected_list": (
        "Avviste forslag ({count})",
        "Rejected proposals ({count})",
    ),
    "reader.save_changed": (
        "Lagre slik",
        "Save like this",
    ),
    "reader.see_network": ("Se det på nettverket", "See it on the network"),
    "reader.see_profile": ("Se {name} i aktørprofilen", "See {name} in the actor profile"),
    "reader.start": (
        "fra {start} ({basis})",
        "from {start} ({basis})",
    ),
    "reader.stored": (
        "Leser dokumentet **{title}** slik kartet har det.",
        "Reading the document **{title}** as the map has it.",
    ),
    "reader.text_label": (
        "Dokumentets tekst med forslagene merket",
        "The document's text with the proposals marked",
    ),
    "reader.untitled": (
        "Dokument uten tittel",
        "Untitled document",
    ),
    "row.actors": ("Aktører", "Actors"),
    "row.events": ("Hendelser", "Events"),
    "row.relations": ("Relasjoner", "Relations"),
    # sidebar.*
    "sidebar.language": ("Språk / Language", "Språk / Language"),
    "slides.cut": (
        "Viser de {shown} første av {total} radene (alle står i tabellen og i dataeksporten).",
        "Shows the first {shown} of {total} rows (all of them are in the table and the data export).",
    ),
    "slides.labels": (
        "Navn vist for {shown} av {total} (de best koblede; alle står i tabellen).",
        "Names shown for {shown} of {total} (the best-linked; all of them are in the table).",
    ),
    # story.*
    "story.button": ("Last ned historien som lysbilder (.pptx)", "Download the story as slides (.pptx)"),
    "story.deck_title": ("kidash – Historien: {span}", "kidash – The story: {span}"),
    "story.file": ("historien", "the story"),
    "story.first": (
        "Kartet per {date}: {nodes} ⟨nodes|aktør|aktører⟩ og {edges} ⟨edges|rolle|roller⟩.",
        "The map as of {date}: {nodes} ⟨nodes|actor|actors⟩ and {edges} ⟨edges|role|roles⟩.",
    ),
    "story.help": (
        "Ett lysbilde per dato fra datoen du sammenligner med til kartets dato (kartets egne datoer imellom, "
        "høyst 10): nettverket da, på de samme plassene, og hva som endret seg siden forrige lysbilde.",
        "One slide per date from the date you compare with to the map's date (the map's own dates between, "
        "at most 10): the network then, at the same places, and what changed since the slide before.",
    ),
    "story.notes": ("Endringer siden forrige lysbilde, med kilder:", "Changes since the slide before, with sources:"),
    "story.sources": ("Kilder: {sources}.", "Sources: {sources}."),
    "story.step": (
        "{date}: {relation_appeared} ⟨relation_appeared|ny rolle|nye roller⟩ og {actor_appeared} ⟨actor_appeared|ny aktør|nye aktører⟩ siden {since}; {relation_ended} ⟨relation_ended|rolle|roller⟩ avsluttet og {actor_ended} ⟨actor_ended|aktør|aktører⟩ borte.",
        "{date}: {relation_appeared} new ⟨relation_appeared|role|roles⟩ and {actor_appeared} new ⟨actor_appeared|actor|actors⟩ since {since}; {relation_ended} ⟨relation_ended|role|roles⟩ ended and {actor_ended} ⟨actor_ended|actor|actors⟩ gone.",
    ),
    "story.title": ("Kartet per {date}", "The map as of {date}"),
    "streamlit.app_pages": ("Sidene", "App pages"),
    "streamlit.clear_all": ("Fjern alle", "Clear all"),
    "streamlit.collapse_sidebar": ("Skjul sidepanelet", "Collapse sidebar"),
    "streamlit.drag_drop": ("Dra og slipp filer her", "Drag and drop files here"),
    "streamlit.expand_sidebar": ("Vis sidepanelet", "Expand sidebar"),
    "streamlit.file_upload": ("Filopplasting", "File upload"),
    "streamlit.help_for": ("Hjelp: {label}", "Help for {label}"),
    "streamlit.limit": ("Høyst {size} MB per fil • {types}", "{size}MB per file • {types}"),
    "streamlit.link_to_heading": ("Lenke til overskriften", "Link to heading"),
    "streamlit.open": ("Åpne", "Open"),
    "streamlit.press_enter": ("Trykk Enter for å bruke", "Press Enter to apply"),
    "streamlit.sidebar": ("Sidepanel", "Sidebar"),
    "streamlit.upload": ("Last opp", "Upload"),
    # table.*
    "table.actors": ("Aktører (actors)", "Actors (actors)"),
    "table.background": ("Bakgrunn (background)", "Background (background)"),
    "table.documents": ("Dokumenter (documents)", "Documents (documents)"),
    "table.events": ("Hendelser (events)", "Events (events)"),
    "table.relations": ("Relasjoner (relations)", "Relations (relations)"),
    # takeaway.*
    "takeaway.all_regions": (
        "Alle de fire helseregionene er med i hvert initiativ.",
        "All four health regions take part in every initiative.",
    ),
    "takeaway.bridges": (
        "{count} ⟨count|organisasjon er|organisasjoner er⟩ med i to eller flere av de {total} initiativene kartet handler om.",
        "{count} ⟨count|organisation takes|organisations take⟩ part in two or more of the {total} initiatives the map covers.",
    ),
    "takeaway.centrality": ("{name} har høyest {measure} ({value}).", "{name} has the highest {measure} ({value})."),
    "takeaway.network": (
        "{nodes} ⟨nodes|aktør|aktører⟩ og {edges} ⟨edges|relasjon|relasjoner⟩ i utvalget.",
        "{nodes} ⟨nodes|actor|actors⟩ and {edges} ⟨edges|relation|relations⟩ in view.",
    ),
    "takeaway.overlap": (
        "{a} og {b} deler flest organisasjoner ({count}).",
        "{a} and {b} share the most organisations ({count}).",
    ),
    "takeaway.roles_time": (
        "{name}: {count} ⟨count|rolle|roller⟩ med dato fra {first}; {open} av dem har ingen slutt i kildene.",
        "{name}: {count} dated ⟨count|role|roles⟩ from {first}; {open} of them ⟨open|has|have⟩ no end in the sources.",
    ),
    "takeaway.timeline": (
        "{count} ⟨count|datert hendelse|daterte hendelser⟩ fra {first} til {last}.",
        "{count} dated ⟨count|event|events⟩ from {first} to {last}.",
    ),
    "takeaway.types": ("Den vanligste typen er {type} ({count}).", "The most common kind is {type} ({count})."),
    "takeaway.whole_map": ("I hele kartet: {sentence}", "In the whole map: {sentence}"),
    # text.*
    "text.in_norwegian": ("på norsk", "in Norwegian"),
    # timeline.*
    "time.notice.in_force": (
        "Kartet slik det gjaldt **{date}**: roller som ennå ikke hadde begynt (uten startdato: før dokumentet "
        "ble publisert) eller hadde sluttet, og aktører som ikke fantes da, er ikke med.",
        "The map as it stood on **{date}**: roles that had not yet begun (without a start date: before their "
        "document was published) or had ended, and actors that did not exist then, are left out.",
    ),
    "time.notice.stated": (
        "Kartet slik kildene hadde beskrevet det per **{date}**: roller fra dokumenter publisert senere er ikke med.",
        "The map as the sources had described it by **{date}**: roles from documents published later are left out.",
    ),
    "timeline.empty": ("Ingen daterte hendelser passer filtrene.", "No dated events match the filters."),
    "timeline.heading": ("Slik vokste landskapet", "How the landscape grew"),
    "timeline.intro": (
        "Perioder er stolper, hendelser er punkter. Åpne punkter er datoer kildene bare antyder. Tidslinjen følger filtrene.",
        "Periods are bars, events are points. Hollow points are dates the sources only imply. The timeline follows the filters.",
    ),
    "timeline.other": ("Annet", "Other"),
    "timeline.table": ("Hendelsene som tabell", "The events as a table"),
    # tip.*
    "tip.background": ("Bakgrunnskunnskap, ikke fra en kilde", "Background knowledge, not from a source"),
    "tip.background_short": ("bakgrunnskunnskap", "background knowledge"),
    "tip.discrepancy": ("Avvik", "Discrepancy"),
    "tip.group_links": ("{count} ⟨count|relasjon|relasjoner⟩", "{count} ⟨count|relation|relations⟩"),
    "tip.group_members": ("{count} ⟨count|aktør|aktører⟩", "{count} ⟨count|actor|actors⟩"),
    "tip.group_open": ("Klikk for å åpne gruppen", "Click to open the group"),
    "tip.held": ("Roller aktøren har", "Roles held"),
    "tip.inferred": ("Utledet", "Inferred"),
    "tip.initiatives": ("Initiativer", "Initiatives"),
    "tip.mark.ended": ("Avsluttet siden {date}", "Ended since {date}"),
    "tip.mark.new": ("Ny siden {date}", "New since {date}"),
    "tip.received": ("Roller andre har her", "Roles others hold here"),
    "tip.role_title": ("Stilling", "Position"),
    "tip.roles": ("Roller", "Roles"),
    "tip.shared": (
        "{count} ⟨count|felles initiativ|felles initiativer⟩",
        "{count} shared ⟨count|initiative|initiatives⟩",
    ),
    "tip.sources": ("Kilder", "Sources"),
    "tip.via": ("via", "through"),
    # url.*
    "url.own_data_lost": (
        "Lenken viste data som var lastet opp i en annen økt, eller i en økt som er avsluttet (for eksempel fordi "
        "serveren ble startet på nytt). Opplastede data blir bare i økten som lastet dem opp, så du ser nå de "
        "leverte dataene. Last opp filene på nytt under Data for å fortsette med dem.",
        "The link showed data uploaded in another session, or in one that has ended (for example because the "
        "server restarted). Uploaded data stays only in the session that uploaded it, so you now see the shipped "
        "data. Upload the files again on the Data page to go on with them.",
    ),
    "url.rejected": (
        "Lenken inneholdt verdier som ikke finnes i dataene, og de er erstattet med standardvalget: {values}",
        "The link held values that are not in the data; they were replaced by the default: {values}",
    ),
}

VOCABULARY: dict[str, dict[str, tuple[str, str]]] = {
    "kind": {
        "organisation": ("Organisasjon", "Organisation"),
        "person": ("Person", "Person"),
        "initiative": ("Initiativ", "Initiative"),
        "event": ("Arrangement", "Event"),
        "document": ("Dokument", "Document"),
    },
    "type": {
        "regional_health_authority": ("Regionalt helseforetak", "Regional health authority"),
        "health_trust": ("Helseforetak", "Health trust"),
        "health_it_company": ("IKT-selskap i helseregion", "Regional health IT company"),
        "directorate": ("Direktorat", "Directorate"),
        "government_agency": ("Statlig etat", "Government agency"),
        "ministry": ("Departement", "Ministry"),
        "municipal_organisation": ("Kommunesektorens organisasjon", "Municipal organisation"),
        "university": ("Universitet", "University"),
        "university_college": ("Høgskole", "University college"),
        "research_centre": ("Forskningssenter", "Research centre"),
        "health_registry": ("Helseregister", "Health registry"),
        "company": ("Selskap", "Company"),
        "standards_body": ("Standardiseringsorgan", "Standards body"),
        "programme": ("Program", "Programme"),
        "eu_institution": ("EU-institusjon", "EU institution"),
        "other_organisation": ("Annen organisasjon", "Other organisation"),
        "person": ("Person", "Person"),
        "network": ("Nettverk", "Network"),
        "project": ("Prosjekt", "Project"),
        "subproject": ("Delprosjekt", "Subproject"),
        "working_group": ("Arbeidsgruppe", "Working group"),
        "committee": ("Komité eller gruppe", "Committee or group"),
        "action_plan": ("Tiltaksplan", "Action plan"),
        "measure": ("Tiltak", "Measure"),
        "plan": ("Plan", "Plan"),
        "survey": ("Spørreundersøkelse", "Survey"),
        "debate": ("Debatt", "Debate"),
        "conference": ("Konferanse", "Conference"),
        "workshop": ("Workshop", "Workshop"),
        "meeting": ("Møte", "Meeting"),
        "report": ("Rapport", "Report"),
        "regulation": ("Forordning", "Regulation"),
        "article": ("Artikkel", "Article"),
    },
    "region": {
        "Helse Nord": ("Helse Nord", "Helse Nord (Northern Norway)"),
        "Helse Midt-Norge": ("Helse Midt-Norge", "Helse Midt-Norge (Central Norway)"),
        "Helse Vest": ("Helse Vest", "Helse Vest (Western Norway)"),
        "Helse Sør-Øst": ("Helse Sør-Øst", "Helse Sør-Øst (South-Eastern Norway)"),
        "Nasjonal": ("Nasjonal", "National"),
        "Internasjonal": ("Internasjonal", "International"),
    },
    "relation": {
        "leads": ("leder", "leads"),
        "member": ("medlem", "member"),
        "observer": ("observatør", "observer"),
        "secretariat": ("sekretariat", "secretariat"),
        "organiser": ("arrangør", "organiser"),
        "moderator": ("ordstyrer", "moderator"),
        "speaker": ("medvirkende", "speaker"),
        "owner": ("eier", "owner"),
        "involved": ("involvert", "involved"),
        "part_of": ("del av", "part of"),
        "affiliated_with": ("tilknyttet", "affiliated with"),
        "heads": ("leder av", "heads"),
        "contact": ("kontakt", "contact"),
        "publishes": ("utgir", "publishes"),
        "merged_into": ("slått sammen inn i", "merged into"),
        "renamed_as": ("fikk nytt navn som", "renamed as"),
    },
    "basis": {
        "stated": ("oppgitt", "stated"),
        "inferred": ("utledet", "inferred"),
        "background": ("bakgrunn", "background"),
    },
    "precision": {
        "day": ("dag", "day"),
        "month": ("måned", "month"),
        "year": ("år", "year"),
    },
}

# The CLDR locales behind each language's dates and numbers (Babel): Norwegian Bokmål, British English.
LOCALES = {"nb": "nb_NO", "en": "en_GB"}
_DATE_PATTERNS = {"day": "long", "month": "MMMM y", "year": "y"}


def _index(lang: str) -> int:
    return 1 if lang == "en" else 0


# A word that follows a number in the string: «⟨count|aktør|aktører⟩» is «aktør» when ``count`` is
# one and «aktører» otherwise, by the language's plural rules (CLDR, through Babel).
_PLURAL = re.compile(r"⟨(\w+)\|([^|⟩]*)\|([^⟩]*)⟩")


def _count(value: object) -> float:
    """The number a value shows («1 234» and «1,5» as written in Norwegian, too)."""
    if isinstance(value, int | float):
        return value
    text = str(value).replace("\u00a0", "").replace(" ", "").replace("\\", "").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return 0


def _plurals(text: str, lang: str, values: dict) -> str:
    rule = _plural_rule(lang)
    return _PLURAL.sub(lambda m: m[2] if rule(_count(values.get(m[1], 0))) == "one" else m[3], text)


@lru_cache(maxsize=4)
def _plural_rule(lang: str):
    return Locale.parse(LOCALES.get(lang, LOCALES[DEFAULT_LANGUAGE])).plural_form


def has(key: str) -> bool:
    """Whether the catalogue holds ``key``."""
    return key in STRINGS


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The UI string ``key`` in ``lang``, with ``values`` filled in, and the words after numbers
    in the number's form (1 aktør, 2 aktører).

    >>> t("home.people", "en"), t("tip.group_members", "nb", count=1), t("tip.group_members", "en", count=3)
    ('People', '1 aktør', '3 actors')
    """
    text = STRINGS[key][_index(lang)]
    if "⟨" in text:
        text = _plurals(text, lang, values)
    return text.format(**values) if values else text


def md(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The UI string ``key`` as Markdown, every value filled in shown literally.

    Use this, not :func:`t`, wherever the text goes to Markdown (``st.markdown``,
    ``st.info``, headers …) with values from data: a name such as
    ``[x](http://…)`` or ``**x**`` stays text, never a link or emphasis.

    >>> md("network.focus.outside", "en", name="**x**")
    '\\\\*\\\\*x\\\\*\\\\* is hidden by the filters; showing its neighbourhood in the whole map.'
    """
    return t(key, lang, **{name: escape_markdown(value) for name, value in values.items()})


def html(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The UI string ``key`` as HTML that shows every value filled in as its characters: for data
    shown as text where Markdown is not needed (a name copied from the page is the name in the data).
    The string's own ``**bold**`` is kept as bold.

    >>> html("network.selected", "en", name="Workshop: <b>KI</b> & co")
    'Selected in the map: <strong>Workshop: &lt;b&gt;KI&lt;/b&gt; &amp; co</strong>'
    """
    text = STRINGS[key][_index(lang)]
    text = escape_html(_plurals(text, lang, values) if "⟨" in text else text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    return text.format(**{name: escape_html(value) for name, value in values.items()})


def in_norwegian(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The heading ``key`` of a text that exists only in Norwegian (a description, a note, a title,
    a quote from a source), marked as such in English rather than mixed in silently.

    >>> in_norwegian("profile.description", "en"), in_norwegian("profile.description", "nb")
    ('Description (in Norwegian)', 'Beskrivelse')
    """
    heading = t(key, lang)
    return f"{heading} ({t('text.in_norwegian', lang)})" if lang == "en" else heading


def label(vocabulary: str, value: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """A vocabulary value (kind, type, region, relation, basis) in ``lang``.

    Unknown values come back unchanged.

    >>> label("relation", "observer", "nb")
    'observatør'
    """
    pair = VOCABULARY.get(vocabulary, {}).get(str(value))
    return pair[_index(lang)] if pair else str(value)


def format_date(value: object, lang: str = DEFAULT_LANGUAGE, precision: str = "day") -> str:
    """A date as people write it (CLDR through Babel): «15. juni 2021» / «15 June 2021».

    ``precision`` ``month`` gives «juni 2021», ``year`` «2021». Blanks and NaT give "".

    >>> from datetime import date
    >>> format_date(date(2021, 6, 15), "nb"), format_date(date(2021, 6, 15), "en")
    ('15. juni 2021', '15 June 2021')
    >>> format_date(date(2021, 6, 15), "nb", "month")
    'juni 2021'
    """
    try:
        day, month, year = value.day, value.month, value.year
    except (AttributeError, ValueError):
        return ""
    if year != year:  # NaT
        return ""
    return _format_date(int(year), int(month), int(day), lang if lang in LOCALES else DEFAULT_LANGUAGE, precision)


@lru_cache(maxsize=8192)
def _format_date(year: int, month: int, day: int, lang: str, precision: str) -> str:
    return dates.format_date(dt.date(year, month, day), _DATE_PATTERNS[precision], locale=LOCALES[lang])


def _local_zone():
    """Norway's time (Europe/Oslo), where the people who edit the maps are; UTC where the zone
    database is missing (Windows without tzdata)."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Oslo")
    except Exception:  # noqa: BLE001 - ZoneInfoNotFoundError, or no zone data at all
        return dt.UTC


def format_datetime(value: dt.datetime, lang: str = DEFAULT_LANGUAGE) -> str:
    """A moment in Norway's time as people write it: «4. desember 2026 kl. 19:05» / «4 December 2026, 19:05».

    >>> format_datetime(dt.datetime(2026, 12, 4, 18, 5, tzinfo=dt.UTC), "nb")
    '4. desember 2026 kl. 19:05'
    >>> format_datetime(dt.datetime(2026, 12, 4, 18, 5, tzinfo=dt.UTC), "en")
    '4 December 2026, 19:05'
    """
    local = value.astimezone(_local_zone())
    day = format_date(local, lang)
    return f"{day} kl. {local:%H:%M}" if lang == "nb" else f"{day}, {local:%H:%M}"


def format_number(value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """A number with the language's separators (CLDR through Babel): «1 234,5» / «1,234.5».

    >>> format_number(1234.5, "nb", 1)
    '1\\xa0234,5'
    >>> format_number(1234.5, "en", 1)
    '1,234.5'
    """
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    locale = LOCALES.get(lang, LOCALES[DEFAULT_LANGUAGE])
    return numbers.format_decimal(value, format=pattern, locale=locale, decimal_quantization=True)
