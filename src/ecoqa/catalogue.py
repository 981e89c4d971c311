"""The Dutch of every message ecoqa writes for a user, keyed by its English template (see ``messages``).

Each Dutch text has the same ``{placeholders}`` as its English key (tests check both). Names of files,
options, commands and settings stay as typed: ``--force``, ``ecoqa validate``, ``lang``.
"""

from __future__ import annotations

#: English template -> Dutch template
DUTCH: dict[str, str] = {
    # ---------------------------------------------------------------- the command line
    "warning: {message}": "waarschuwing: {message}",
    "internal error ({kind}: {error}); set ECOQA_DEBUG=1 for details and please report it.": (
        "interne fout ({kind}: {error}); zet ECOQA_DEBUG=1 voor details en meld het alstublieft."
    ),
    "cannot write output ({reason}).": "kan de uitvoer niet schrijven ({reason}).",
    "stopped by {signal}.": "gestopt door {signal}.",
    "cannot write output: standard output is closed.": "kan de uitvoer niet schrijven: standaarduitvoer is gesloten.",
    "--{one} and --{other} cannot be combined; choose one.": "--{one} en --{other} gaan niet samen; kies er één.",
    "browse needs an interactive terminal; in scripts use '{prefix} search' or '{prefix} list'.": (
        "browse heeft een interactieve terminal nodig; gebruik in scripts '{prefix} search' of '{prefix} list'."
    ),
    "no command {name}; see 'ecoqa --help'.": "geen opdracht {name}; zie 'ecoqa --help'.",
    # the command line's own mistakes (Click's errors, see cli.usage)
    "{problem}; see '{command} --help'.": "{problem}; zie '{command} --help'.",
    "{problem}; did you mean {names}?": "{problem}; bedoelt u {names}?",
    "{problem}.": "{problem}.",
    "'{command}' has no option {option}": "'{command}' kent geen optie {option}",
    "{option} goes after the command, e.g. 'ecoqa show 10 {option}'": (
        "{option} hoort na de opdracht, bijvoorbeeld 'ecoqa show 10 {option}'"
    ),
    "no command {name}": "geen opdracht {name}",
    "unexpected argument": "onverwacht argument",
    "unexpected arguments": "onverwachte argumenten",
    "{what} {names}": "{what} {names}",
    "missing argument {name}": "argument {name} ontbreekt",
    "missing option {name}": "optie {name} ontbreekt",
    "invalid value for {name}: {reason}": "ongeldige waarde voor {name}: {reason}",
    "{value} is not a whole number": "{value} is geen geheel getal",
    "{option} takes no value": "{option} neemt geen waarde",
    "{option} needs a value": "{option} heeft een waarde nodig",
    "must be 1 or more.": "moet 1 of meer zijn.",
    "{value} is not a format ecoqa writes; choose markdown (md), html or json": (
        "{value} is geen formaat dat ecoqa schrijft; kies markdown (md), html of json"
    ),
    # ids, topics, principles
    "no question {id}; valid ids are {ids}.": "geen vraag {id}; geldige nummers zijn {ids}.",
    "no question {id}; valid ids are {ids}. (to search, use: {prefix} search {id})": (
        "geen vraag {id}; geldige nummers zijn {ids}. (zoeken doet u met: {prefix} search {id})"
    ),
    "unknown topic {name}; {hint}": "onbekend onderwerp {name}; {hint}",
    "this corpus has no topics; {hint}": "dit corpus heeft geen onderwerpen; {hint}",
    "this corpus has no principles; {hint}": "dit corpus heeft geen principes; {hint}",
    "unknown principle {name}; {hint}": "onbekend principe {name}; {hint}",
    "no principle number {name}; valid numbers are {valid}.": (
        "geen principe met nummer {name}; geldige nummers zijn {valid}."
    ),
    "did you mean {names}?": "bedoelt u {names}?",
    " or ": " of ",
    " and ": " en ",
    "see '{prefix} {listing}'.": "zie '{prefix} {listing}'.",
    "topic {name}": "onderwerp {name}",
    "principle {name}": "principe {name}",
    "no question has {filter}.": "geen enkele vraag heeft {filter}.",
    # search
    "empty query": "lege zoekvraag",
    "the query has no words": "de zoekvraag bevat geen woorden",
    "{what}; give a word to search for.": "{what}; geef een woord om op te zoeken.",
    "{what}; give a word to search for, e.g. '{example}'.": (
        "{what}; geef een woord om op te zoeken, bijv. '{example}'."
    ),
    "empty query; give a word to search for, e.g. 'ecoqa search financing'.": (
        "lege zoekvraag; geef een woord om op te zoeken, bijv. 'ecoqa search financiering'."
    ),
    "the query has no words to search for; try a word such as 'financiering'.": (
        "de zoekvraag bevat geen woorden om op te zoeken; probeer een woord als 'financiering'."
    ),
    "the query has only common words ({words}); add a word that says what you look for.": (
        "de zoekvraag bevat alleen veelvoorkomende woorden ({words}); voeg een woord toe dat zegt wat u zoekt."
    ),
    "no matches for {query}; try other words.": "niets gevonden voor {query}; probeer andere woorden.",
    "no matches for {query}; did you mean: {words}?": "niets gevonden voor {query}; bedoelt u: {words}?",
    "no matches for {query} with {filter}; {total} without the filter.": (
        "niets gevonden voor {query} met {filter}; {total} zonder dat filter."
    ),
    "no matches for {query}; showing results for {corrected}.": (
        "niets gevonden voor {query}; dit zijn de resultaten voor {corrected}."
    ),
    "built the search index in {seconds} s ({took}); later commands use it.": (
        "zoekindex gebouwd in {seconds} s ({took}); volgende opdrachten gebruiken hem."
    ),
    # the stages of building the index (progress bar, and the note after it)
    "indexing": "indexeren",
    "validating": "controleren",
    "checking and indexing": "controleren en indexeren",
    "saving the index": "index bewaren",
    # export, import: what was written
    "{n} question": "{n} vraag",
    "{n} questions": "{n} vragen",
    "wrote {count} ({format}) to {path}": "{count} ({format}) geschreven naar {path}",
    "wrote {count} to {path}": "{count} geschreven naar {path}",
    "wrote {count} to {path}; try: {command}": "{count} geschreven naar {path}; probeer: {command}",
    "to keep this document, write it to a file with -o FILE.": (
        "wilt u dit document bewaren, schrijf het dan naar een bestand met -o BESTAND."
    ),
    "say where to write the corpus with -o FILE ('-' for stdout), or look first with --dry-run.": (
        "geef met -o BESTAND aan waar het corpus heen moet ('-' voor stdout), of kijk eerst met --dry-run."
    ),
    "--base-url takes a web address (http:// or https://), not '{url}'.": (
        "--base-url verwacht een webadres (http:// of https://), niet '{url}'."
    ),
    "{option} names a column of a CSV/TSV table, and no source is one ({sources}).": (
        "{option} noemt een kolom van een CSV/TSV-tabel, en geen van de bronnen is er een ({sources})."
    ),
    "{name}: {kind}": "{name}: {kind}",
    "--lang takes a language code such as nl, en or de, not '{value}'.": (
        "--lang verwacht een taalcode zoals nl, en of de, niet '{value}'."
    ),
    # config
    "{key} saved in {path}": "{key} bewaard in {path}",
    "{key} removed from {path}": "{key} verwijderd uit {path}",
    "{key} is not set in {path}": "{key} staat niet in {path}",
    "exists": "bestaat",
    "not created yet": "nog niet aangemaakt",
    "default": "standaard",
    "option": "optie",
    "unknown setting {key}; settings are {keys}.": "onbekende instelling {key}; de instellingen zijn {keys}.",
    "give the setting to remove, e.g. 'ecoqa config --unset lang'.": (
        "geef de instelling om te verwijderen, bijv. 'ecoqa config --unset lang'."
    ),
    "{key} must be one of {allowed}, not {value}.": "{key} moet een van {allowed} zijn, niet {value}.",
    "{path}:{line}: expected 'key = value' with a key out of {keys}.": (
        "{path}:{line}: verwacht 'sleutel = waarde' met een sleutel uit {keys}."
    ),
    "{path}: the config file is not a regular file (a device or pipe cannot be one).": (
        "{path}: het configuratiebestand is geen gewoon bestand (een apparaat of pipe kan dat niet zijn)."
    ),
    "{path}: cannot read the config file ({reason}).": "{path}: kan het configuratiebestand niet lezen ({reason}).",
    "{path}: the config file is larger than {limit} KB; it cannot be one.": (
        "{path}: het bestand is groter dan {limit} KB; zo groot is een configuratiebestand nooit."
    ),
    "{path}: the config file is not valid UTF-8 (byte {byte}).": (
        "{path}: het configuratiebestand is geen geldige UTF-8 (byte {byte})."
    ),
    "{problem}; using the defaults.": "{problem}; de standaardinstellingen worden gebruikt.",
    # files written
    "cannot write {path}: {reason}.": "kan {path} niet schrijven: {reason}.",
    "cannot write {path}: no program is reading that pipe.": (
        "kan {path} niet schrijven: geen programma leest die pipe."
    ),
    "{path} is the corpus being read; write the output to another file.": (
        "{path} is het corpus dat gelezen wordt; schrijf de uitvoer naar een ander bestand."
    ),
    "{path} belongs to the installed ecoqa; write the output to another file.": (
        "{path} hoort bij de geïnstalleerde ecoqa; schrijf de uitvoer naar een ander bestand."
    ),
    "{path} is a directory; give a file name.": "{path} is een map; geef een bestandsnaam.",
    "{path} names a folder; give a file name.": "{path} is de naam van een map; geef een bestandsnaam.",
    "-o needs a file name ('-' for stdout).": "-o heeft een bestandsnaam nodig ('-' voor standaarduitvoer).",
    "{path} is a block device; give a file name.": "{path} is een blokapparaat; geef een bestandsnaam.",
    "{path} exists; pass --force to replace it.": "{path} bestaat al; geef --force om het te vervangen.",
    "{path} changed into a file while ecoqa was writing; nothing was written.": (
        "{path} werd een bestand terwijl ecoqa schreef; er is niets geschreven."
    ),
    # ---------------------------------------------------------------- reading a corpus
    "Bundled corpus not found; reinstall ecoqa or pass --data FILE.": (
        "Meegeleverd corpus niet gevonden; installeer ecoqa opnieuw of geef --data BESTAND."
    ),
    "{path}: cannot read ({reason}).": "{path}: niet te lezen ({reason}).",
    # the system's reasons (messages.system_reason): its English words, said in Dutch
    "Permission denied": "geen toestemming",
    "No such file or directory": "bestand of map bestaat niet",
    "Operation not permitted": "bewerking niet toegestaan",
    "Is a directory": "is een map",
    "Not a directory": "is geen map",
    "No space left on device": "geen ruimte meer op het apparaat",
    "Read-only file system": "alleen-lezen bestandssysteem",
    "File exists": "bestand bestaat al",
    "Too many levels of symbolic links": "te veel niveaus van symbolische koppelingen",
    "Input/output error": "invoer-/uitvoerfout",
    "File name too long": "bestandsnaam te lang",
    "Disk quota exceeded": "schijfquotum overschreden",
    "Device or resource busy": "apparaat of bron bezet",
    "Text file busy": "bestand in gebruik",
    "Bad file descriptor": "ongeldige bestandsdescriptor",
    "Broken pipe": "verbroken pijp",
    "No such device or address": "apparaat of adres bestaat niet",
    "Invalid argument": "ongeldig argument",
    "File too large": "bestand te groot",
    "Too many open files": "te veel open bestanden",
    "Directory not empty": "map is niet leeg",
    "Invalid cross-device link": "koppeling tussen apparaten ongeldig",
    "a corpus file": "een corpusbestand",
    "{path}: larger than the {limit} MB limit for {what}.": "{path}: groter dan de grens van {limit} MB voor {what}.",
    "{path}: is a directory, not a corpus file.": "{path}: is een map, geen corpusbestand.",
    "{path}: not a regular file (a device or pipe cannot be a corpus).": (
        "{path}: geen gewoon bestand (een apparaat of pipe kan geen corpus zijn)."
    ),
    "{path}: file not found; check the path given with {option}.": (
        "{path}: bestand niet gevonden; controleer het pad dat u gaf met {option}."
    ),
    "--data or ECOQA_DATA": "--data of ECOQA_DATA",
    "the command line": "de opdrachtregel",
    "{path}: too many levels of symbolic links (a link that points to itself?).": (
        "{path}: te veel niveaus van symbolische links (een link die naar zichzelf wijst?)."
    ),
    "{path}: the file changed while ecoqa read it; run the command again.": (
        "{path}: het bestand veranderde terwijl ecoqa het las; voer de opdracht opnieuw uit."
    ),
    "{source}: not valid UTF-8 (byte {byte}); save the file as UTF-8.": (
        "{source}: geen geldige UTF-8 (byte {byte}); sla het bestand op als UTF-8."
    ),
    "{source}: the file is empty; a corpus is a JSON object with a 'questions' list.": (
        "{source}: het bestand is leeg; een corpus is een JSON-object met een lijst 'questions'."
    ),
    "{source}: JSON nested too deeply to be a corpus.": "{source}: JSON te diep genest voor een corpus.",
    "a number has too many digits": "een getal heeft te veel cijfers",
    "{source}: {detail}; a corpus has ids up to 2147483647.": (
        "{source}: {detail}; een corpus heeft ids tot 2147483647."
    ),
    "{source}:{line}:{column}: {what}": "{source}:{line}:{column}: {what}",
    "{source}:{line}:{column}: {what}; the file ends before its JSON does (is it cut off?)": (
        "{source}:{line}:{column}: {what}; het bestand houdt op voordat de JSON af is (is het afgebroken?)"
    ),
    "a string is never closed": "een string wordt nergens gesloten",
    "a control character inside a string (write a line break as \\n, a tab as \\t)": (
        "een stuurteken in een string (schrijf een regeleinde als \\n, een tab als \\t)"
    ),
    # Python's own JSON messages (see corpus.syntax_error)
    "Expecting value": "waarde verwacht",
    "Expecting ',' delimiter": "scheidingsteken ',' verwacht",
    "Expecting ':' delimiter": "scheidingsteken ':' verwacht",
    "Expecting property name enclosed in double quotes": "veldnaam tussen dubbele aanhalingstekens verwacht",
    "Extra data": "meer gegevens na het einde",
    "Invalid \\escape": "ongeldige \\escape",
    "Invalid \\uXXXX escape": "ongeldige \\uXXXX-escape",
    "Illegal trailing comma before end of object": "komma voor het einde van een object niet toegestaan",
    "Illegal trailing comma before end of array": "komma voor het einde van een lijst niet toegestaan",
    "{problem}; run 'ecoqa validate {source}' for the full list.": (
        "{problem}; voer 'ecoqa validate {source}' uit voor de hele lijst."
    ),
    "{problem} (and {more} more); run 'ecoqa validate {source}' for the full list.": (
        "{problem} (en nog {more}); voer 'ecoqa validate {source}' uit voor de hele lijst."
    ),
    "{source}: not a corpus; run 'ecoqa validate {source}' for the full list.": (
        "{source}: geen corpus; voer 'ecoqa validate {source}' uit voor de hele lijst."
    ),
    # the search index (a cache)
    "the search index {path} is damaged ({reason}); it has been removed: run the command again.": (
        "de zoekindex {path} is beschadigd ({reason}); hij is verwijderd: voer de opdracht opnieuw uit."
    ),
    "the search index {path} is not a regular file; rebuilding it.": (
        "de zoekindex {path} is geen gewoon bestand; hij wordt opnieuw gebouwd."
    ),
    "the search index {path} is unusable ({reason}); rebuilding it.": (
        "de zoekindex {path} is onbruikbaar ({reason}); hij wordt opnieuw gebouwd."
    ),
    "cannot save the search index in {folder} ({reason}); searching without it costs time, not results.": (
        "kan de zoekindex niet bewaren in {folder} ({reason}); zoeken zonder index kost tijd, maar geen resultaten."
    ),
    "it belongs to another corpus or version": "hij hoort bij een ander corpus of een andere versie",
    "its header does not match this ecoqa": "zijn kop past niet bij deze ecoqa",
    # ---------------------------------------------------------------- import
    "cannot read {path}: {reason}.": "kan {path} niet lezen: {reason}.",
    "{name}: an ecoqa corpus is imported alone, not merged with other sources.": (
        "{name}: een ecoqa-corpus wordt alleen geïmporteerd, niet samengevoegd met andere bronnen."
    ),
    "{name}: elements nested more than {depth} deep; not a page ecoqa can read.": (
        "{name}: elementen meer dan {depth} diep genest; geen pagina die ecoqa kan lezen."
    ),
    "{name}: a binary file, not a web page, Markdown or a table; ecoqa recognises {recognised}.": (
        "{name}: een binair bestand, geen webpagina, Markdown of tabel; ecoqa herkent {recognised}."
    ),
    "{name}: no questions and answers found in this {kind} ({seen}); ecoqa recognises {recognised}.": (
        "{name}: geen vragen en antwoorden gevonden in dit bestand ({kind}; {seen}); ecoqa herkent {recognised}."
    ),
    "questions as headings, numbered (1., 1), 1.1) or labelled (Vraag:/Antwoord:, Q:/A:), lines ending in '?', "
    "schema.org FAQPage/QAPage markup, <dl>/<details> lists, or a CSV/TSV table with question and answer columns": (
        "vragen als kopjes, genummerd (1., 1), 1.1) of met een label (Vraag:/Antwoord:, Q:/A:), regels die op '?'"
        " eindigen, schema.org-opmaak FAQPage/QAPage, <dl>/<details>-lijsten, of een CSV/TSV-tabel met kolommen"
        " voor vraag en antwoord"
    ),
    "HTML page": "HTML-pagina",
    "Markdown document": "Markdown-document",
    "reStructuredText document": "reStructuredText-document",
    "Org document": "Org-document",
    "AsciiDoc document": "AsciiDoc-document",
    "POD document": "POD-document",
    "MediaWiki page": "MediaWiki-pagina",
    "Creole/DokuWiki page": "Creole/DokuWiki-pagina",
    "CSV/TSV table": "CSV/TSV-tabel",
    "text page": "tekstpagina",
    "ecoqa corpus": "ecoqa-corpus",
    "found {blocks}": "gevonden: {blocks}",
    # the structure a source's questions were found in (the dry run; the corpus's provenance keeps the English)
    "level-{rank} headings": "kopjes van niveau {rank}",
    "lines in bold": "vetgedrukte regels",
    "the question the title asks": "de vraag die de titel stelt",
    "the deepest headings": "de diepste kopjes",
    "headings ending in '?'": "kopjes die op '?' eindigen",
    "numbered questions": "genummerde vragen",
    "labelled questions": "vragen met een label",
    "paragraphs ending in '?'": "alinea's die op '?' eindigen",
    "list items followed by text": "lijstpunten met tekst erna",
    "question-and-answer lists (<dl>, <details>)": "lijsten van vragen en antwoorden (<dl>, <details>)",
    "a table with question and answer columns": "een tabel met kolommen voor vraag en antwoord",
    "a table without names: the column that asks, and the longest one": (
        "een tabel zonder kolomnamen: de kolom die vraagt, en de langste"
    ),
    "{count} with more cells than the table has columns, the cells beyond them left out (line {lines})": (
        "{count} met meer cellen dan de tabel kolommen heeft, de cellen daarna weggelaten (regel {lines})"
    ),
    "{rows} above the header row left out (line {lines})": "{rows} boven de kopregel weggelaten (regel {lines})",
    "{count} repeating an earlier row cell for cell, left out (line {lines})": (
        "{count} die een eerdere rij cel voor cel herhalen, weggelaten (regel {lines})"
    ),
    "{n} row": "{n} rij",
    "{n} byte": "{n} byte",
    "{n} bytes": "{n} bytes",
    "{n} rows": "{n} rijen",
    "a table without names: a column of short titles, and the longest one": (
        "een tabel zonder kolomnamen: een kolom korte titels, en de langste"
    ),
    "{n} heading": "{n} kopje",
    "{n} headings": "{n} kopjes",
    "{n} paragraph": "{n} alinea",
    "{n} paragraphs": "{n} alinea's",
    "{n} list item": "{n} lijstpunt",
    "{n} list items": "{n} lijstpunten",
    "{n} numbered item": "{n} genummerd punt",
    "{n} numbered items": "{n} genummerde punten",
    ", ": ", ",
    "no text": "geen tekst",
    "it is empty": "hij is leeg",
    "unreadable as CSV ({reason})": "onleesbaar als CSV ({reason})",
    "a quoted cell opened on line {line} is never closed": (
        "een cel tussen aanhalingstekens die op regel {line} begint, wordt nooit gesloten"
    ),
    "its columns are: {header}; a question column is named {questions} (or with a language, as q_en, vraag_nl), "
    "an answer column {answers}; or name them with --question-column and --answer-column": (
        "de kolommen zijn: {header}; een vraagkolom heet {questions} (of met een taal, zoals q_en, vraag_nl), een"
        " antwoordkolom {answers}; of noem ze met --question-column en --answer-column"
    ),
    "{name}: is a directory; give the files in it.": "{name}: is een map; geef de bestanden erin.",
    "{name}: a device, not a web page, Markdown or a table.": (
        "{name}: een apparaat, geen webpagina, Markdown of tabel."
    ),
    "an import source": "een importbron",
    "none of the {n} sources could be read: {problem}; nothing written.": (
        "geen van de {n} bronnen kon worden gelezen: {problem}; er is niets geschreven."
    ),
    "{problem}; {others} cannot be read either": "{problem}; ook {others} zijn niet te lezen",
    "skipped: {problem}": "overgeslagen: {problem}",
    "{problem}; pass --skip-unreadable to import the others.": (
        "{problem}; geef --skip-unreadable om de andere te importeren."
    ),
    "no column '{name}' for --{column}-column; the header has: {header}.": (
        "geen kolom '{name}' voor --{column}-column; de kop bevat: {header}."
    ),
    "nothing": "niets",
    "{path}: a binary file; a term list is a table of Dutch and English terms.": (
        "{path}: een binair bestand; een termenlijst is een tabel met Nederlandse en Engelse termen."
    ),
    "{path}: no term pairs found; write one Dutch term and its English words per row.": (
        "{path}: geen termparen gevonden; schrijf per regel een Nederlandse term en de Engelse woorden ervoor."
    ),
    "{n} source": "{n} bron",
    "{n} sources": "{n} bronnen",
    "questions renumbered 1 to {n} in the order of the sources": (
        "vragen opnieuw genummerd van 1 tot {n} in de volgorde van de bronnen"
    ),
    "{name}: {links} could not be resolved (the page does not say its address); "
    "pass --base-url URL to keep them as references": (
        "{name}: {links} niet op te lossen (de pagina noemt haar adres niet); geef --base-url URL om ze als"
        " verwijzingen te bewaren"
    ),
    "{n} relative link": "{n} relatieve link",
    "{n} relative links": "{n} relatieve links",
    "{name}: version 1 written as version 2 ('webinar' is now 'collection')": (
        "{name}: versie 1 geschreven als versie 2 ('webinar' heet nu 'collection')"
    ),
    "no title the sources share: the overview calls it '{named}'; give one with --title TEXT": (
        "geen titel die de bronnen delen: het overzicht noemt het '{named}'; geef er een met --title TEKST"
    ),
    "no title in the source: give one with --title TEXT (the overview shows it)": (
        "geen titel in de bron: geef er een met --title TEKST (het overzicht toont hem)"
    ),
    "question {id} ({name}) repeats question {first} ({where})": "vraag {id} ({name}) herhaalt vraag {first} ({where})",
    "question {id} repeats question {first} ({where})": "vraag {id} herhaalt vraag {first} ({where})",
    "{count} repeat an earlier question, kept: {repeats}{more}": (
        "{count} herhalen een eerdere vraag, behouden: {repeats}{more}"
    ),
    "{id} repeats {first}": "{id} herhaalt {first}",
    "{id} ({name}) repeats {first} ({where})": "{id} ({name}) herhaalt {first} ({where})",
    "{name}: {kind}, {questions}": "{name}: {kind}, {questions}",
    "left out: {note}": "weggelaten: {note}",
    "{name}: UTF-8 with {bytes} of Windows-1252 among it, read as such. Check accented letters in the output.": (
        "{name}: UTF-8 met {bytes} Windows-1252 ertussen, zo gelezen. Controleer letters met accenten in het resultaat."
    ),
    "{name}: not UTF-8; read as {encoding} (detected). Check accented letters in the output.": (
        "{name}: geen UTF-8; gelezen als {encoding} (herkend). Controleer letters met accenten in het resultaat."
    ),
    "{headings} above the first question: the title and introduction": (
        "{headings} boven de eerste vraag: de titel en inleiding"
    ),
    "{headings} between questions taken as sections (topics), not questions": (
        "{headings} tussen de vragen gelezen als secties (onderwerpen), niet als vragen"
    ),
    "{headings} kept inside answers": "{headings} binnen de antwoorden gehouden",
    "{n} sub-heading": "{n} tussenkopje",
    "{n} sub-headings": "{n} tussenkopjes",
    "{name}: question without an answer skipped: {question}": (
        "{name}: vraag zonder antwoord overgeslagen: {question}"
    ),
    "{name}: {warning}": "{name}: {warning}",
    "columns in {languages}: read the '{chosen}' ones (choose with --lang)": (
        "kolommen in {languages}: de '{chosen}'-kolommen gelezen (kies met --lang)"
    ),
    "no answer column named: read '{name}' as the answers (name another with --answer-column)": (
        "geen antwoordkolom genoemd: '{name}' gelezen als de antwoorden (noem een andere met --answer-column)"
    ),
    "no question column named: read '{name}' as the questions (name another with --question-column)": (
        "geen vragenkolom genoemd: '{name}' gelezen als de vragen (noem een andere met --question-column)"
    ),
    "no column names: read column {question} as the questions and columns {lead} and {answer} "
    "as the answers (name others with --question-column/--answer-column)": (
        "geen kolomnamen: kolom {question} gelezen als de vragen en kolommen {lead} en {answer} als de antwoorden"
        " (noem andere met --question-column/--answer-column)"
    ),
    "no column names: read column {question} as the questions and column {answer} as the answers "
    "(name others with --question-column/--answer-column)": (
        "geen kolomnamen: kolom {question} gelezen als de vragen en kolom {answer} als de antwoorden"
        " (noem andere met --question-column/--answer-column)"
    ),
    "{count} without an answer, skipped (line {lines})": "{count} zonder antwoord, overgeslagen (regel {lines})",
    "{count} without a question, skipped (line {lines})": "{count} zonder vraag, overgeslagen (regel {lines})",
    "no question": "geen vraag",
    "no answer": "geen antwoord",
    "line {line}: {missing}; skipped": "regel {line}: {missing}; overgeslagen",
    "{path}: row {number} has no Dutch term or no English word; skipped": (
        "{path}: rij {number} heeft geen Nederlandse term of geen Engels woord; overgeslagen"
    ),
    # ---------------------------------------------------------------- validate: problems in a corpus
    "{path}: valid": "{path}: geldig",
    "{where}: {problem}": "{where}: {problem}",
    " (version 1; it reads as before; 'ecoqa --data {path} export -f json -o NEW.json' writes it as version 2)": (
        " (versie 1; het wordt gelezen als voorheen; 'ecoqa --data {path} export -f json -o NIEUW.json'"
        " schrijft het als versie 2)"
    ),
    "must be a string, not {kind}": "moet een string zijn, niet {kind}",
    "must not be empty": "mag niet leeg zijn",
    "must be a string or null, not {kind}": "moet een string of null zijn, niet {kind}",
    "must be an http:// or https:// address without spaces or control characters": (
        "moet een http://- of https://-adres zijn zonder spaties of stuurtekens"
    ),
    "must be true or false, not {kind}": "moet true of false zijn, niet {kind}",
    "NaN and Infinity are not allowed": "NaN en Infinity zijn niet toegestaan",
    "must be a whole number, not {kind}": "moet een geheel getal zijn, niet {kind}",
    "must be a whole number from 0 to {max}": "moet een geheel getal van 0 tot {max} zijn",
    "unsupported value {value}; this ecoqa reads versions 1 and 2": (
        "niet-ondersteunde waarde {value}; deze ecoqa leest versie 1 en 2"
    ),
    "must be a list of {items}, not {kind}": "moet een lijst van {items} zijn, niet {kind}",
    "must be an object, not {kind}": "moet een object zijn, niet {kind}",
    "must be a list of objects, not {kind}": "moet een lijst van objecten zijn, niet {kind}",
    "duplicate key {key}": "dubbele sleutel {key}",
    "unknown field {name}": "onbekend veld {name}",
    "unknown field {name}; did you mean '{close}'?": "onbekend veld {name}; bedoelt u '{close}'?",
    "missing required field '{key}'": "verplicht veld '{key}' ontbreekt",
    "missing required field 'questions' (a list of {id, question, answer})": (
        "verplicht veld 'questions' ontbreekt (een lijst van {id, question, answer})"
    ),
    "the list is empty; a corpus needs at least one question": "de lijst is leeg; een corpus heeft minstens één vraag",
    "duplicate id {id}, first used at {where}": "dubbel id {id}, eerder gebruikt bij {where}",
    "duplicate {what} id {id}": "{what}-id {id} komt dubbel voor",
    "unknown {what} {name}": "{what} {name} bestaat niet",
    "no question with id {id}": "geen vraag met id {id}",
    "not found verbatim in the answer of question {id}": "niet letterlijk gevonden in het antwoord op vraag {id}",
    "version 2 describes the corpus in 'collection' only; remove 'webinar'": (
        "versie 2 beschrijft het corpus alleen in 'collection'; verwijder 'webinar'"
    ),
    "version 2 calls this block 'collection' (with a 'kind'); rename it": (
        "versie 2 noemt dit blok 'collection' (met een 'kind'); hernoem het"
    ),
    "'collection' needs schema_version 2": "'collection' vraagt om schema_version 2",
    # kinds of JSON value, and what a corpus lists
    "an object": "een object",
    "a list": "een lijst",
    "a string": "een string",
    "a boolean": "een boolean",
    "a number": "een getal",
    "null": "null",
    "NaN/Infinity": "NaN/Infinity",
    "a {type}": "een {type}",
    "values": "waarden",
    "strings": "strings",
    "whole numbers": "gehele getallen",
    "objects": "objecten",
    "topic": "onderwerp",
    "principle": "principe",
    "person": "persoon",
    "speaker": "spreker",
}
