"""The bundled corpus's derived layer says only what the page says, with the page's hedges and conditions.

Each rule names a structure the whole layer shares, so it holds for any entry written later:

- a key point that restates an answer sentence keeps that sentence's hedge ("In zekere zin",
  "zou", "waarschijnlijk" …), frequency ("vaak", "soms", "meestal") and aim ("als doel", "proberen");
- a principle's summary keeps the hedge of each evidence quote it rests on;
- an evidence quote does not stop just before the bracketed qualifier of its sentence;
- a key point names no organisation its answer does not name (the page attributes no answer).

The corpus is read through ecoqa's own loader, so the rules follow the file whatever its layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

import pytest

from ecoqa.corpus import load_corpus
from ecoqa.models import Corpus, Entry

#: Qualifiers a restating sentence must keep: each group is (markers in the source, words that keep it).
#: Left out on purpose: "kan"/"kunnen"/"can" and "mogelijk", which the page mostly uses for ability and
#: possibility ("om te kunnen zien", "maatregelen mogelijk", "can be found"), not to hedge a claim.
HEDGES_NL: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "in zekere zin": (("in zekere zin",), ("in zekere zin", "in zekere mate")),
    "zou": (("zou", "zouden"), ("zou", "zouden")),
    "lijkt": (("lijkt", "lijken"), ("lijkt", "lijken")),
    "waarschijnlijk": (("waarschijnlijk",), ("waarschijnlijk",)),
    "wellicht": (("wellicht", "misschien"), ("wellicht", "misschien")),
    "in beginsel": (("in beginsel",), ("in beginsel",)),
    "min of meer": (("min of meer",), ("min of meer",)),
    "doorgaans": (("doorgaans", "meestal"), ("doorgaans", "meestal")),
    "vaak": (("vaak",), ("vaak",)),
    "soms": (("soms",), ("soms",)),
    "aim": (("als doel", "het doel", "proberen", "probeer", "probeert"), ("doel", "proberen", "probeer", "probeert")),
}
HEDGES_EN: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "in a sense": (("in a sense",), ("in a sense", "to some extent")),
    "would": (("would",), ("would",)),
    "might": (("might", "may", "could", "perhaps"), ("might", "may", "could", "perhaps")),
    "seems": (("seems", "seem"), ("seems", "seem")),
    "probably": (("probably",), ("probably",)),
    "in principle": (("in principle",), ("in principle",)),
    "more or less": (("more or less",), ("more or less",)),
    "usually": (("usually", "generally"), ("usually", "generally")),
    "often": (("often",), ("often",)),
    "sometimes": (("sometimes",), ("sometimes",)),
    "aim": (
        ("aim", "aims", "the goal", "intended", "try", "tries", "trying"),
        ("aim", "aims", "goal", "intended", "try", "tries", "trying"),
    ),
}
#: Epistemic hedges only: a principle generalises over several answers, so frequency and aim may go.
EPISTEMIC = ("in zekere zin", "zou", "lijkt", "waarschijnlijk", "wellicht", "in beginsel", "min of meer")

_STOP = frozenset(
    "de het een en van in op te dat die is zijn er met voor om aan als ook maar niet naar bij door over wat "
    "wij we je ze dan dus nog wel meer zo etc the a an and of on to is are there with for as also but not by "
    "about what you they then so more it this".split()
)
RESTATES = 0.5
"""A key point restates a sentence when half the sentence's content words, or half its own, are shared."""


def _words(text: str) -> list[str]:
    return re.findall(r"[\w&'-]+", text.lower())


def _content(text: str) -> set[str]:
    """Content words, cut to six letters so that inflections meet ('gericht' ~ 'richten' does not)."""
    return {w[:6] for w in _words(text) if w not in _STOP and len(w) > 2}


def has_marker(text: str, forms: Sequence[str]) -> bool:
    padded = f" {' '.join(_words(text))} "
    return any(f" {form} " in padded for form in forms)


def sentences(text: str) -> list[str]:
    """Sentences, split at an end mark before a capital or quote ('etc. sterk' stays one sentence)."""
    return [s for s in re.split(r"(?<=[.?!:])\s+(?=[A-Z\"'‘“(])|\n+", text) if s.strip()]


def restates(point: str, sentence: str) -> bool:
    source, derived = _content(sentence), _content(point)
    shared = len(source & derived)
    return shared >= RESTATES * max(1, len(source)) or shared >= RESTATES * max(1, len(derived))


def dropped_hedges(
    answer: str, points: Sequence[str], table: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]
) -> Iterator[tuple[str, str, str]]:
    """(hedge, sentence, key point) for each hedged sentence a key point restates without its hedge."""
    for sentence in sentences(answer):
        for point in points:
            if restates(point, sentence):
                for hedge, (markers, keeps) in table.items():
                    if has_marker(sentence, markers) and not has_marker(point, keeps):
                        yield hedge, sentence, point


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def _answers(corpus: Corpus) -> dict[int, Entry]:
    return {entry.id: entry for entry in corpus.entries}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_key_points_keep_the_hedges_of_the_sentences_they_restate(corpus: Corpus, lang: str) -> None:
    table = HEDGES_NL if lang == "nl" else HEDGES_EN
    found = [
        f"question {e.id}: {hedge!r} of {sentence!r} is missing from {point!r}"
        for e in corpus.entries
        for hedge, sentence, point in dropped_hedges(
            e.answer if lang == "nl" else e.answer_en, e.key_points if lang == "nl" else e.key_points_en, table
        )
    ]
    assert found == []


def test_principle_summaries_keep_the_hedges_of_their_evidence(corpus: Corpus) -> None:
    found = [
        f"{p.id}: {hedge!r} of question {ev.question}'s {ev.quote!r}"
        for p in corpus.principles
        for ev in p.evidence
        for hedge in EPISTEMIC
        if has_marker(ev.quote, HEDGES_NL[hedge][0]) and not has_marker(p.summary, HEDGES_NL[hedge][1])
    ]
    assert found == []


def test_evidence_quotes_keep_the_bracketed_qualifier_that_follows_them(corpus: Corpus) -> None:
    answers = _answers(corpus)
    found = []
    for p in corpus.principles:
        for ev in p.evidence:
            answer = answers[ev.question].answer
            after = answer[answer.index(ev.quote) + len(ev.quote) :]
            if after.lstrip(" ").startswith("("):
                found.append(f"{p.id}: question {ev.question}'s quote stops before {after[:60]!r}")
    assert found == []


def test_key_points_name_no_organisation_their_answer_does_not(corpus: Corpus) -> None:
    found = []
    for entry in corpus.entries:
        for org in corpus.organizations:
            names = (org.name, *org.aliases)
            for point in entry.key_points:
                if has_marker(point, [n.lower() for n in names]) and not has_marker(
                    entry.answer, [n.lower() for n in names]
                ):
                    found.append(f"question {entry.id}: {org.name!r} in {point!r}")
    assert found == []


# ---------------------------------------------------------------------------- the rules can fail


def test_a_dropped_hedge_is_found_and_a_kept_one_is_not() -> None:
    answer = "In zekere zin klopt het dat de labs sterk zijn gericht op onderzoek. Dat zou pleiten voor meer geld."
    flat = ["De labs zijn sterk gericht op onderzoek.", "Dat pleit voor meer geld."]
    kept = ["In zekere zin zijn de labs sterk gericht op onderzoek.", "Dat zou pleiten voor meer geld."]
    assert [hedge for hedge, _, _ in dropped_hedges(answer, flat, HEDGES_NL)] == ["in zekere zin", "zou"]
    assert list(dropped_hedges(answer, kept, HEDGES_NL)) == []


def test_a_key_point_about_another_sentence_is_not_held_to_its_hedge() -> None:
    answer = "Het zou kunnen regenen morgen. Fietsers dragen een helm in het verkeer."
    assert list(dropped_hedges(answer, ["Fietsers dragen een helm."], HEDGES_NL)) == []


def test_an_aim_stated_as_an_effect_is_found() -> None:
    answer = "The goal of the approach is to have the right parties on board in every phase."
    found = dropped_hedges(
        answer, ["The approach makes sure the right parties are on board in every phase."], HEDGES_EN
    )
    assert [hedge for hedge, _, _ in found] == ["aim"]


def test_a_sentence_runs_past_an_abbreviation() -> None:
    assert sentences("De labs etc. zijn sterk. Dus ja.") == ["De labs etc. zijn sterk.", "Dus ja."]
