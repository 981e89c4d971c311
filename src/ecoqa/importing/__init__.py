"""``ecoqa import``: Q&A pages, FAQ markup, Markdown notes and spreadsheets into a corpus.

A pipeline read top to bottom: ``decode`` turns bytes into text; ``sources`` tells the kind of
document by its content and hands it to its reader (``html``, ``markdown``, ``rst``, ``table``,
or plain text through ``blocks``), which makes a flat list of blocks; ``structure`` chooses the
structure that holds the questions, judged by how well each explains the page, and ``pairs``
cuts the answers along it; ``build`` merges the sources into one checked corpus document.
Nothing here is imported by the other commands, so their start-up does not pay for the parsers.
"""
