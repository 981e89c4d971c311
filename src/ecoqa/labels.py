"""Every word of ecoqa's own interface, in Dutch and English: one table for terminal, export and browser."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecoqa.models import Corpus

#: key -> (Dutch, English)
LABELS: dict[str, tuple[str, str]] = {
    # sections of one Q&A
    "question": ("Vraag", "Question"),
    "answer": ("Antwoord", "Answer"),
    "key_points": ("Kernpunten", "Key points"),
    "principles": ("Principes", "Principles"),
    "topics": ("Onderwerpen", "Topics"),
    "people": ("Genoemde personen", "People mentioned"),
    "references": ("Verwijzingen", "References"),
    "related": ("Gerelateerde vragen", "Related questions"),
    "more_ids": ("… ({total} in totaal)", "… ({total} in all)"),
    "source": ("Bron", "Source"),
    "evidence": ("Citaten", "Quotes"),
    # provenance markers
    "derived": ("afgeleid, geen citaat", "derived, not a quote"),
    "derived_short": ("afgeleid", "derived"),
    "translation": ("", "English translation of the Dutch original (derived)"),
    "translation_short": ("", "translation (derived)"),
    "translation_header": ("", "English translation, derived"),
    "no_translation": (
        "geen Nederlandse vertaling in dit corpus; het origineel wordt getoond",
        "no English translation in this corpus; the original is shown",
    ),
    "no_translation_short": ("origineel, niet vertaald", "original, not translated"),
    "principle_note": (
        "principes afgeleid; citaten letterlijk",
        "principles derived; quotes verbatim from the Dutch answer",
    ),
    "principle_note_short": ("citaten letterlijk", "quotes verbatim"),
    "derived_title": ("titel afgeleid, niet letterlijk van de pagina", "title derived, not verbatim from the page"),
    "verbatim": ("letterlijk", "verbatim"),
    "link_missing": ("link staat niet in de bron", "the link is not in the source"),
    "no_link": ("geen link in de bron", "no link in the source"),
    # where a search matched
    "field_question": ("vraag", "question"),
    "field_answer": ("antwoord", "answer"),
    "field_key_points": ("kernpunt (afgeleid)", "key point (derived)"),
    "field_question_en": ("vraag (Engelse vertaling)", "question (translation)"),
    "field_answer_en": ("antwoord (Engelse vertaling)", "answer (translation)"),
    "field_key_points_en": ("kernpunt (Engels, afgeleid)", "key point (translation)"),
    "field_topics": ("onderwerp", "topic"),
    # table headers
    "col_id": ("#", "#"),
    "col_key": ("Id", "Id"),
    "col_score": ("score", "score"),
    # how a query word matched, as --explain says it (the JSON keeps the English kinds)
    "match_exact": ("exact", "exact"),
    "match_alias": ("alias", "alias"),
    "match_loose alias": ("ruime alias", "loose alias"),
    "match_prefix": ("prefix", "prefix"),
    "match_typo1": ("1 tikfout", "typo1"),
    "match_typo2": ("2 tikfouten", "typo2"),
    "match_family": ("woordfamilie", "family"),
    "match_compound": ("samenstelling", "compound"),
    "match_part": ("woorddeel", "part"),
    "match_topic": ("onderwerp", "topic"),
    "col_match": ("Vraag en passage", "Question and passage"),
    "col_label": ("Naam", "Name"),
    "col_questions": ("Vragen", "Questions"),
    "col_aliases": ("Ook gezocht als", "Also found as"),
    "col_name": ("Naam", "Name"),
    "col_role": ("Functie", "Role"),
    "col_organization": ("Organisatie", "Organisation"),
    "col_note": ("Toelichting", "Note"),
    "col_title": ("Principe", "Principle"),
    "col_summary": ("Samenvatting", "Summary"),
    "speakers": ("Sprekers", "Speakers"),
    "contributors": ("Betrokkenen", "Contributors"),
    # what a collection is (its "kind"); an unknown kind is shown as the corpus writes it
    "kind_webinar": ("Webinar", "Webinar"),
    "kind_faq": ("FAQ", "FAQ"),
    "kind_interview": ("Interview", "Interview"),
    "kind_notes": ("Notities", "Notes"),
    "kind_qa": ("Vragen en antwoorden", "Q&A"),
    "kind_seminar": ("Seminar", "Seminar"),
    "kind_conference": ("Congres", "Conference"),
    "kind_lecture": ("Lezing", "Lecture"),
    "kind_workshop": ("Workshop", "Workshop"),
    "kind_meeting": ("Bijeenkomst", "Meeting"),
    "kind_event": ("Bijeenkomst", "Event"),
    "kind_talk": ("Lezing", "Talk"),
    "kind_panel": ("Panel", "Panel"),
    # info rows
    "title": ("titel", "title"),
    "kind": ("soort", "kind"),
    "date": ("datum", "date"),
    "organizers": ("organisatie", "organised by"),
    "summary": ("samenvatting", "summary"),
    "recording": ("opname", "recording"),
    "audience": ("voor wie", "audience"),
    "interests": ("interessant als", "of interest for"),
    "related_items": ("gerelateerd", "related"),
    "contact": ("contact", "contact"),
    "language": ("taal", "language"),
    "corpus": ("corpus", "corpus"),
    "file": ("bestand", "file"),
    "translated": ("", "(translated)"),
    # counts and messages
    # counts: singular|plural
    "n_questions": ("{n} vraag|{n} vragen", "{n} question|{n} questions"),
    "n_topics": ("{n} onderwerp|{n} onderwerpen", "{n} topic|{n} topics"),
    "n_principles": ("{n} principe|{n} principes", "{n} principle|{n} principles"),
    "n_sources": ("{n} bron|{n} bronnen", "{n} source|{n} sources"),
    "n_people": ("{n} genoemde persoon|{n} genoemde personen", "{n} person mentioned|{n} people mentioned"),
    "shown_of": ("{shown} van {total}; meer met --limit", "{shown} of {total}; see more with --limit"),
    "try": ("Probeer:", "Try:"),
    "all_commands": ("Alle opdrachten: ", "All commands: "),
    "example_search": ("Engelse woorden vinden Nederlandse antwoorden", "English words find Dutch answers"),
    "example_search_own": ("zoekt in vragen en antwoorden", "searches questions and answers"),
    "example_show": ("één vraag en antwoord als panelen", "one Q&A as panels"),
    "example_list": ("vragen over een onderwerp", "questions on a topic"),
    "none_topics": ("Dit corpus heeft geen onderwerpen.", "This corpus has no topics."),
    "none_principles": ("Dit corpus heeft geen principes.", "This corpus has no principles."),
    "none_speakers": ("Dit corpus noemt geen sprekers of personen.", "This corpus names no speakers or people."),
    "none_contributors": ("Dit corpus noemt geen personen.", "This corpus names no people."),
    "export_of": ("Vragen en antwoorden", "Questions and answers"),
    "contents": ("Inhoud", "Contents"),
    "about_export": ("Over dit document", "About this document"),
    "generated": ("Gemaakt met ecoqa {version} op {date}.", "Made with ecoqa {version} on {date}."),
    "topic_filter": ("onderwerp: {names}", "topic: {names}"),
    "principle_filter": ("principe: {names}", "principle: {names}"),
    "selection": ("selectie: vragen {ids}", "selection: questions {ids}"),
    "selection_one": ("selectie: vraag {ids}", "selection: question {ids}"),
}


def counted(lang: str, key: str, n: int) -> str:
    """A count with its noun in the right number: "1 vraag", "2 vragen"."""
    one, many = label(lang, key).split("|")
    return (one if n == 1 else many).format(n=n)


def corpus_name(lang: str, corpus: Corpus) -> str:
    """What a corpus is called: its own title; a corpus merged from several sources without one,
    "3 sources"; else the name of its file."""
    own = corpus.own_title(lang)
    if own:
        return own
    sources = corpus.source_count()
    return counted(lang, "n_sources", sources) if sources > 1 else corpus.title(lang)


def kind_name(lang: str, kind: str) -> str:
    """What a collection is, in *lang*: "FAQ", "Webinar"; an unknown kind as the corpus writes it."""
    key = "kind_" + kind.casefold()
    return label(lang, key) if key in LABELS else kind[:1].upper() + kind[1:]


def label(lang: str, key: str, **values: object) -> str:
    """The interface text *key* in *lang* ("en", else Dutch), with ``{placeholders}`` filled in."""
    dutch, english = LABELS[key]
    text = english if lang == "en" else dutch
    return text.format(**values) if values else text
