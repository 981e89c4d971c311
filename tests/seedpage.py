"""Parse the Q&A part of the source page (tests/data/seed_page.txt).

Kept independent of ecoqa's own code so the corpus is checked against the page, not against itself.
"""

from __future__ import annotations

import re
from pathlib import Path

SEED = Path(__file__).parent / "data" / "seed_page.txt"
QUESTION_LINE = re.compile(r"^\s*1\.\s+(\d+)\.\s+(.*\S)\s*$")
BULLET = re.compile(r"^\s*•\s*")
END_MARK = "Dit webinar werd georganiseerd"


def parse_questions(text: str) -> list[dict[str, object]]:
    """Return [{"id", "question", "answer"}] with the answer's paragraphs and bullets kept.

    Paragraphs are separated by a blank line, bullets become "- " lines; the page's own
    words and spelling are left untouched.
    """
    body = text.split("\nQ&A\n", 1)[1].split(END_MARK, 1)[0]
    entries: list[dict[str, object]] = []
    for line in body.splitlines():
        match = QUESTION_LINE.match(line)
        if match:
            entries.append({"id": int(match[1]), "question": match[2], "lines": []})
        elif entries:
            entries[-1]["lines"].append(line)  # type: ignore[union-attr]
    for entry in entries:
        entry["answer"] = _blocks(entry.pop("lines"))  # type: ignore[arg-type]
    return entries


def _blocks(lines: list[str]) -> str:
    blocks: list[str] = []
    bullets: list[str] = []
    for raw in lines:
        line = raw.strip()
        if BULLET.match(raw):
            bullets.append("- " + BULLET.sub("", raw).strip())
            continue
        if bullets:
            blocks.append("\n".join(bullets))
            bullets = []
        if line:
            blocks.append(line)
    if bullets:
        blocks.append("\n".join(bullets))
    return "\n\n".join(blocks)


def words(text: str) -> list[str]:
    """Words in order, ignoring whitespace and bullet marks."""
    return [w for w in re.split(r"\s+", text.replace("•", " ")) if w and w != "-"]


def seed_questions() -> list[dict[str, object]]:
    return parse_questions(SEED.read_text(encoding="utf-8"))
