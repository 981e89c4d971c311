"""``ecoqa import``: Q&A pages, FAQ markup, Markdown notes and spreadsheets into a corpus.

``read_source`` reads one file (``decode`` for its encoding, then the front-end for its kind:
``html``, ``markdown``, ``table`` or plain text through ``blocks``), ``pairs`` finds the
questions, and ``build`` merges the sources into one checked corpus document. Nothing here is
imported by the other commands, so their start-up does not pay for the HTML parser.
"""
