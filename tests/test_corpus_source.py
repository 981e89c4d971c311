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
        assert 1 <= len(q["key_points"]) <= 3, q["id"]
        assert len(q["key_points"]) == len(q["key_points_en"]), q["id"]
        assert q["answer"].count("\n\n") == q["answer_en"].count("\n\n"), q["id"]


def test_question_12_is_about_mkb(doc: dict[str, Any]) -> None:
    assert "mkb" in doc["questions"][11]["topics"]


def test_topic_and_principle_references_resolve(doc: dict[str, Any]) -> None:
    topics = {t["id"] for t in doc["topics"]}
    principles = {p["id"] for p in doc["principles"]}
    people = {p["id"] for p in doc["people"]}
    assert 10 <= len(topics) <= 20 and 8 <= len(principles) <= 15
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
    assert missing == {4, 17, 20}


def test_speakers_and_webinar_facts(doc: dict[str, Any]) -> None:
    webinar = doc["webinar"]
    assert webinar["date"] == "2021-02-17" and webinar["language"] == "nl"
    assert webinar["organizers"] == ["TNO", "InnovationQuarter"]
    assert len(webinar["interests"]) == 3 and len(webinar["related"]) == 3
    assert webinar["contact"]["name"] == "Lotte de Groen, MSc"
    assert [(s["name"], s["role"], s["organization"]) for s in doc["speakers"]] == [
        ("Maxine Tillij", "marktdirecteur", "TNO"),
        ("Rinke Zonneveld", "directeur", "InnovationQuarter"),
    ]
    page = seedpage.SEED.read_text(encoding="utf-8")
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
    from ecoqa.search import build_index, index_words, stem

    index = build_index(load_corpus(QA_JSON))
    for term in doc["glossary"]:
        for word in index_words(term["nl"]):
            assert stem(word, "nl") in index.postings or stem(word, "en") in index.postings, term
        assert term["en"], term
