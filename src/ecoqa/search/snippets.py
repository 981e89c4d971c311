"""Snippets: the sentence of a hit that carries the most matched weight, with the matched spans."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ecoqa.models import Entry, Snippet
from ecoqa.search.analysis import TOPIC_PREFIX, index_words, terms_of, tokens
from ecoqa.search.expand import Concept
from ecoqa.search.index import Index

SNIPPET_CONTEXT = 120
#: A sentence ends at ".", "!" or "?" before a space or a line's end: the dots inside an address, a
#: name or a number ('info@club.nl', 'ARGV.inspect', 'Video.js', '3.27.1') are part of it.
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?]+(?![\s.!?]|$))+(?:[.!?]+|$)", re.MULTILINE)


def matched_terms(index: Index, found: Sequence[Concept]) -> dict[str, tuple[int, float]]:
    """Term -> (concept number, weight), to score sentences for snippets."""
    weights: dict[str, tuple[int, float]] = {}
    for number, concept in enumerate(found):
        for variant in concept.variants:
            for term in variant.terms:
                value = variant.weight * index.idf(term)
                if term not in weights or weights[term][1] < value:
                    weights[term] = (number, value)
    return weights


def make_snippet(
    entry: Entry,
    weights: dict[str, tuple[int, float]],
    lang: str,
    topic_names: Mapping[str, tuple[str, ...]] | None = None,
    original: str = "nl",
) -> Snippet:
    """The sentence that carries the most matched weight, preferring the language asked for."""
    best: tuple[float, str, str, list[tuple[int, int]]] | None = None  # (value, field, sentence, spans)
    texts = {
        "question": entry.question,
        "answer": entry.answer,
        "key_points": "\n".join(entry.key_points),
        "question_en": entry.question_en,
        "answer_en": entry.answer_en,
        "key_points_en": "\n".join(entry.key_points_en),
    }
    for name, text in texts.items():
        spec_lang = "en" if name.endswith("_en") else original
        if not text or not any(t in weights for w in index_words(text) for t in terms_of(w, (spec_lang,))):
            continue
        # The asked-for language first, and the source text before derived key points.
        preference = (1.0 if spec_lang == lang else 0.6) * (0.8 if name.startswith("key_points") else 1.0)
        for found in _SENTENCE.finditer(text):
            sentence = found.group()
            spans, value = _sentence_matches(sentence, spec_lang, weights)
            value *= preference
            if value > 0 and (best is None or value > best[0]):
                best = (value, name, sentence, spans)
    if best is None:
        return _topic_snippet(entry, weights, topic_names or {}, (original, "en"))
    _, name, sentence, spans = best
    return _trim(name, sentence, spans)


def _topic_snippet(
    entry: Entry,
    weights: dict[str, tuple[int, float]],
    names: Mapping[str, tuple[str, ...]],
    languages: tuple[str, ...],
) -> Snippet:
    """Matched only through topics (an alias, a label): name those topics (shown name first)."""
    matched = [
        topic
        for topic in entry.topics
        if TOPIC_PREFIX + topic in weights
        or any(t in weights for name in names.get(topic, ()) for w in index_words(name) for t in terms_of(w, languages))
    ]
    return Snippet("topics", ", ".join(names.get(t, (t,))[0] for t in matched or entry.topics))


def _sentence_matches(
    sentence: str, lang: str, weights: dict[str, tuple[int, float]]
) -> tuple[list[tuple[int, int]], float]:
    """Spans of matched words, and the sentence's value: the best match per query concept, summed."""
    spans: list[tuple[int, int]] = []
    per_concept: dict[int, float] = {}
    for token in tokens(sentence):
        hit = [weights[t] for t in terms_of(token.word, (lang,)) if t in weights]
        if hit:
            spans.append((token.start, token.end))
            for concept, value in hit:
                per_concept[concept] = max(per_concept.get(concept, 0.0), value)
    return _merge(spans), sum(per_concept.values())


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _trim(name: str, sentence: str, spans: list[tuple[int, int]]) -> Snippet:
    """Cut a long sentence to about ``SNIPPET_CONTEXT`` characters around its first match."""
    lead = len(sentence) - len(sentence.lstrip())
    text = sentence.strip()
    spans = [(s - lead, e - lead) for s, e in spans]
    start, end = 0, len(text)
    if spans and len(text) > 2 * SNIPPET_CONTEXT:
        start = max(0, spans[0][0] - SNIPPET_CONTEXT // 2)
        end = min(len(text), start + 2 * SNIPPET_CONTEXT)
    cut = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    kept = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Snippet(name, prefix + cut + suffix, kept)
