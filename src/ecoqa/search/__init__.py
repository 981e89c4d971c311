"""Search over the corpus, by concern: ``analysis`` (words and stems), ``index`` (postings),
``expand`` (query words to weighted corpus terms), ``rank`` (scores), ``snippets`` and ``engine``
(the search itself, corrections, suggestions).

Nothing is imported here, so a command that needs only the index loads only the index.
"""
