"""data/qa.json against the source page: word for word, complete, consistent, stable."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
QA_JSON = ROOT / "data" / "qa.json"


def _seedpage() -> Any:
    spec = importlib.util.spec_from_file_location("seedpage", Path(__file__).with_name("seedpage.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["seedpage"] = module
    spec.loader.exec_module(module)
    return module


seedpage = _seedpage()


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(QA_JSON.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def seed() -> dict[int, dict[str, Any]]:
    return {int(e["id"]): e for e in seedpage.seed_questions()}


def test_seed_page_has_24_numbered_questions(seed: dict[int, dict[str, Any]]) -> None:
    assert sorted(seed) == list(range(1, 25))


def test_questions_are_numbered_1_to_24(doc: dict[str, Any]) -> None:
    assert [q["id"] for q in doc["questions"]] == list(range(1, 25))


@pytest.mark.parametrize("number", range(1, 25))
def test_question_and_answer_are_word_for_word(
    doc: dict[str, Any], seed: dict[int, dict[str, Any]], number: int
) -> None:
    entry = doc["questions"][number - 1]
    assert seedpage.words(entry["question"]) == seedpage.words(seed[number]["question"])
    assert seedpage.words(entry["answer"]) == seedpage.words(seed[number]["answer"])


def test_word_check_notices_a_changed_word(seed: dict[int, dict[str, Any]]) -> None:
    """The comparison itself can fail: a corrected typo counts as a difference."""
    answer = str(seed[19]["answer"])
    assert "waanneer" in answer
    assert seedpage.words(answer.replace("waanneer", "wanneer")) != seedpage.words(answer)


def test_paragraphs_and_lists_are_kept(doc: dict[str, Any]) -> None:
    q8, q12 = doc["questions"][7], doc["questions"][11]
    assert len(q8["answer"].split("\n\n")) == 2
    bullets = [line for line in q12["answer"].splitlines() if line.startswith("- ")]
    assert len(bullets) == 4
    assert bullets[0] == "- kennisdeling via bijvoorbeeld webinars"


def test_every_question_has_english_topics_and_key_points(doc: dict[str, Any]) -> None:
    for q in doc["questions"]:
        assert q["question_en"].strip() and q["answer_en"].strip(), q["id"]
        assert q["topics"], q["id"]
        assert 1 <= len(q["key_points"]) <= 4, q["id"]
        assert len(q["key_points"]) == len(q["key_points_en"]), q["id"]
        assert q["answer"].count("\n\n") == q["answer_en"].count("\n\n"), q["id"]


def test_question_12_is_about_mkb(doc: dict[str, Any]) -> None:
    assert "mkb" in doc["questions"][11]["topics"]


def test_topic_and_principle_references_resolve(doc: dict[str, Any]) -> None:
    topics = {t["id"] for t in doc["topics"]}
    principles = {p["id"] for p in doc["principles"]}
    people = {p["id"] for p in doc["people"]}
    assert 10 <= len(topics) <= 20 and 8 <= len(principles) <= 20
    for q in doc["questions"]:
        assert set(q["topics"]) <= topics, q["id"]
        assert set(q["principles"]) <= principles, q["id"]
        assert set(q["people"]) <= people, q["id"]


def test_topic_ids_are_lowercase_slugs_with_aliases(doc: dict[str, Any]) -> None:
    for topic in doc["topics"]:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", topic["id"]), topic["id"]
        assert topic["label"] and topic["label_en"] and topic["aliases"]
    mkb = next(t for t in doc["topics"] if t["id"] == "mkb")
    assert {"sme", "smes", "midden- en kleinbedrijf"} <= set(mkb["aliases"])


def test_evidence_quotes_stand_verbatim_in_their_answer(doc: dict[str, Any]) -> None:
    answers = {q["id"]: q["answer"] for q in doc["questions"]}
    for principle in doc["principles"]:
        assert principle["evidence"], principle["id"]
        for evidence in principle["evidence"]:
            assert len(evidence["quote"].split()) >= 2
            assert evidence["quote"] in answers[evidence["question"]], (principle["id"], evidence)


def test_question_principles_match_their_evidence(doc: dict[str, Any]) -> None:
    cited = {(e["question"], p["id"]) for p in doc["principles"] for e in p["evidence"]}
    listed = {(q["id"], p) for q in doc["questions"] for p in q["principles"]}
    assert listed == cited


def test_people_are_mentioned_in_their_questions(doc: dict[str, Any]) -> None:
    texts = {q["id"]: q["question"] + q["answer"] for q in doc["questions"]}
    for person in doc["people"]:
        surname = person["name"].split()[-1]
        for number in person["questions"]:
            assert surname in texts[number], (person["id"], number)


def test_no_link_is_invented(doc: dict[str, Any]) -> None:
    text = QA_JSON.read_text(encoding="utf-8")
    assert "http" not in text and "www." not in text
    missing = {q["id"] for q in doc["questions"] for r in q["references"] if r["link_missing"]}
    assert missing == {4, 15, 17, 20, 21}


def test_speakers_and_webinar_facts(doc: dict[str, Any]) -> None:
    webinar = doc["collection"]
    assert webinar["date"] == "2021-02-17" and webinar["language"] == "nl"
    assert webinar["organizers"] == ["TNO", "InnovationQuarter"]
    assert len(webinar["interests"]) == 3 and len(webinar["related"]) == 3
    assert webinar["contact"]["name"] == "Lotte de Groen, MSc"
    assert [(s["name"], s["role"], s["organization"]) for s in doc["speakers"]] == [
        ("Maxine Tillij", "marktdirecteur", "TNO"),
        ("Rinke Zonneveld", "Directeur", "InnovationQuarter"),
    ]
    page = seedpage.SEED.read_text(encoding="utf-8")
    for speaker in doc["speakers"]:  # name and role as the page writes them
        assert f"{speaker['name']} ({speaker['role']} {speaker['organization']})" in page
    assert webinar["opening"] in page and webinar["organizer_line"] in page
    assert webinar["audience"] in page
    for interest in webinar["interests"]:
        assert interest in page
    for item in webinar["related"]:
        assert item["title"] in page and item["summary"] in page


def test_no_answer_is_attributed_to_a_speaker(doc: dict[str, Any]) -> None:
    for q in doc["questions"]:
        assert "speaker" not in q and "speakers" not in q


def test_file_is_pretty_stable_utf8(doc: dict[str, Any]) -> None:
    raw = QA_JSON.read_bytes()
    assert raw.decode("utf-8") == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def test_glossary_dutch_terms_occur_in_the_corpus(doc: dict[str, Any]) -> None:
    """A glossary entry translates words the corpus uses; it never adds vocabulary of its own."""
    from ecoqa.corpus import load_corpus
    from ecoqa.search.analysis import index_words, stem
    from ecoqa.search.index import build_index

    index = build_index(load_corpus(QA_JSON))
    for term in doc["glossary"]:
        for word in index_words(term["nl"]):
            assert stem(word, "nl") in index.postings or stem(word, "en") in index.postings, term
        assert term["en"], term


# ---------------------------------------------------------------------------- the audit's classes of error

#: Phrases with which the page points the reader to something (a sentence that starts "Zie" or "Lees",
#: "vind je hier", "ontdek", "verwijzen we je"); "zie je dat" inside a sentence is no pointer.
POINTERS = re.compile(r"(?:^|[.!?]\s)(?:zie|lees)\b|vind je hier|\bontdek|verwijzen we je", re.IGNORECASE)
#: The page's own typos: kept in quotations, never repeated in derived text.
TYPOS = ("Entrepeneurship", "waanneer", "electrolyzers", "teveel", "bezig houden", "kennis maakt", "voor welke sector")


def derived_texts(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, text) for every field the compilers wrote, not the page."""
    found: list[tuple[str, str]] = []
    for q in doc["questions"]:
        for key in ("question_en", "answer_en"):
            found.append((f"q{q['id']}.{key}", q[key]))
        for key in ("key_points", "key_points_en"):
            found += [(f"q{q['id']}.{key}", p) for p in q[key]]
        for r in q["references"]:
            found += [(f"q{q['id']}.reference", r.get(k, "")) for k in ("name", "note", "note_en")]
    for p in doc["principles"]:
        found += [(f"principle {p['id']}", p[k]) for k in ("title", "title_en", "summary", "summary_en")]
    for t in doc["topics"]:
        found += [(f"topic {t['id']}", t[k]) for k in ("label", "label_en")]
    found += [(f"organization {o['name']}", o["name"]) for o in doc["organizations"]]
    found += [(f"person {p['id']}", p[k]) for p in doc["people"] for k in ("note", "note_en")]
    return found


def test_every_pointer_without_a_link_is_flagged(doc: dict[str, Any]) -> None:
    """An answer that points the reader somewhere ("vind je hier", "zie", "ontdek") has link_missing references."""
    pointing = set()
    for q in doc["questions"]:
        pointers = len(POINTERS.findall(q["answer"]))
        flagged = [r for r in q["references"] if r["link_missing"]]
        assert len(flagged) >= pointers, (q["id"], pointers, flagged)
        if pointers:
            pointing.add(q["id"])
    assert pointing == {15, 17, 20, 21}  # and question 4: "schreef recent over haar eigen ervaring"


def test_flags_and_notes_agree(doc: dict[str, Any]) -> None:
    """A note that says the link is missing goes with the flag, and the flag with such a note."""
    for q in doc["questions"]:
        for r in q["references"]:
            says_missing = "staat niet in de bron" in r.get("note", "") or "geen link" in r.get("note", "")
            assert says_missing == r["link_missing"], (q["id"], r["name"])
            assert r["url"] is None  # the page links nothing, so no URL is ever written


def test_derived_text_repeats_no_typo_of_the_page(doc: dict[str, Any]) -> None:
    for where, text in derived_texts(doc):
        for typo in TYPOS:
            if typo in text:
                # a note may quote the page's spelling, marked as the page's
                assert f"'{typo}'" in text or f"the page spells it '{typo}'" in text, (where, typo)


def test_typo_check_can_fail(doc: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(doc))
    broken["questions"][14]["key_points_en"][0] += " (Erasmus Centre for Entrepeneurship)"
    with pytest.raises(AssertionError):
        test_derived_text_repeats_no_typo_of_the_page(broken)


def test_every_principle_tag_is_quoted_from_its_question(doc: dict[str, Any]) -> None:
    answers = {q["id"]: q["answer"] for q in doc["questions"]}
    tags = {(q["id"], p) for q in doc["questions"] for p in q["principles"]}
    for principle in doc["principles"]:
        for evidence in principle["evidence"]:
            assert evidence["quote"] in answers[evidence["question"]]
            assert (evidence["question"], principle["id"]) in tags, (principle["id"], evidence["question"])


def test_topic_aliases_are_distinct_words(doc: dict[str, Any]) -> None:
    """Aliases have three letters or more, are no everyday Dutch function word, and name one topic only."""
    from ecoqa.names import name_key
    from ecoqa.search.analysis import DUTCH_STOP_WORDS

    owner: dict[str, str] = {}
    for topic in doc["topics"]:
        for name in (topic["id"], topic["label"], topic["label_en"], *topic["aliases"]):
            key = name_key(name)
            assert len(key.replace(" ", "")) >= 3, (topic["id"], name)
            assert key not in DUTCH_STOP_WORDS, (topic["id"], name)
            assert owner.setdefault(key, topic["id"]) == topic["id"], (name, owner[key], topic["id"])
    for everyday in ("staat", "vraag"):  # found by the audit: common words that are not topics
        assert everyday not in owner


def test_attribution_quotes_the_page(doc: dict[str, Any]) -> None:
    """What provenance says about who answered rests on quotes that stand in the answers."""
    answers = " ".join(q["answer"] for q in doc["questions"])
    quoted = re.findall("\u2018([^\u2019]+)\u2019", doc["provenance"]["attribution"])
    assert quoted
    for fragment in quoted:
        assert fragment in answers, fragment
    assert "samen" not in doc["provenance"]["attribution"].split("vraag 13")[0]  # no joint authorship claimed


def test_no_fact_from_outside_the_page(doc: dict[str, Any]) -> None:
    """The audit's cases: a book title, a fund's full name, a university, a country's agreement."""
    text = json.dumps(doc, ensure_ascii=False)
    for outside in (
        "Nationaal Groeifonds",
        "National Growth Fund",
        "Utrecht University",
        "Universiteit Utrecht",
        "(Dutch) Climate Agreement",
        "The Entrepreneurial State",
        "Boek ",
    ):
        assert outside not in text, outside
