"""What a page states about itself: what it is, its date, the speakers, the organisers.

Only what the text says, in the words it uses: a date written in the page, speakers named after
the word "spreker(s)"/"speaker(s)" with the role in brackets, organisers named in a closing
credit line. Nothing is looked up or guessed beyond splitting those phrases.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from ecoqa.models import kind_named_in

_MONTHS = {
    **dict.fromkeys(("januari", "january", "jan"), 1),
    **dict.fromkeys(("februari", "february", "feb"), 2),
    **dict.fromkeys(("maart", "march", "mrt", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("augustus", "august", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATES = (
    (re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b", re.I)),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I)),
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
)
_UPPER = "A-ZÀ-ÖØ-Þ"
_PARTICLE = r"(?:van|de|der|den|ten|ter|te|von|da|di|du|le|la|'t)"
_NAME_WORD = rf"(?:(?:[{_UPPER}]\.)+|[{_UPPER}][\w'’-]*)"  # "J.P." or "Balkenende"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,3}}"
_SPEAKER = re.compile(rf"(?P<name>{_NAME})(?:\s*\((?P<role>[^()]{{1,80}})\))?")
_SPEAKERS_WORD = re.compile(r"\b(?:sprekers?|speakers?|panelleden|panellists?|panelists?)\s*:?\s+", re.I)
_JOIN = re.compile(r"^\s*(?:,|;|&|\ben\b|\band\b)\s*", re.I)
_ORGANISED_BY = re.compile(r"\b(?:georganiseerd|organi[sz]ed|hosted)\s+(?:door|by)\s+(?P<rest>.+?)[.!]?$", re.I)
_ORGANISER_SPLIT = re.compile(
    r"\s*(?:,|\bin samenwerking met\b|\bsamen met\b|\bin (?:collaboration|cooperation|partnership) with\b"
    r"|\btogether with\b|\bwith\b|\ben\b|\band\b|&)\s*",
    re.I,
)


def kind(title: str | None, intro: str, *, markup: bool, speakers: bool) -> str:
    """What the page says it is: a kind its title names, else one its introduction names, else
    "qa" for schema.org Q&A markup, "event" for a page that names its speakers, else ""."""
    return kind_named_in(title or "") or kind_named_in(intro) or ("qa" if markup else "event" if speakers else "")


def find_date(text: str) -> str | None:
    """The first date the text writes out, as YYYY-MM-DD."""
    best: tuple[int, str] | None = None
    for pattern in _DATES:
        for found in pattern.finditer(text):
            month = found.group("m").rstrip(".").lower()
            number = _MONTHS.get(month) or (int(month) if month.isdigit() else 0)
            try:
                day = datetime.date(int(found.group("y")), number, int(found.group("d")))
            except ValueError:
                continue
            if best is None or found.start() < best[0]:
                best = (found.start(), day.isoformat())
            break
    return best[1] if best else None


def find_speakers(text: str) -> list[tuple[str, str | None]]:
    """(name, role as written) for the people named right after "sprekers"/"speakers"."""
    speakers: list[tuple[str, str | None]] = []
    for word in _SPEAKERS_WORD.finditer(text):
        rest = text[word.end() :]
        while True:
            found = _SPEAKER.match(rest)
            if not found:
                break
            speakers.append((found.group("name"), found.group("role")))
            rest = rest[found.end() :]
            joined = _JOIN.match(rest)
            if not joined:
                break
            rest = rest[joined.end() :]
        if speakers:
            break
    return speakers


def organisers(closing: str | None) -> list[str]:
    """The organisers a credit line names: "georganiseerd door A in samenwerking met B" -> [A, B]."""
    found = _ORGANISED_BY.search(closing or "")
    if not found:
        return []
    names = [" ".join(n.split()) for n in _ORGANISER_SPLIT.split(found.group("rest"))]
    return [n for n in names if n]


def split_role(role: str | None, organisations: list[str]) -> tuple[str | None, str | None]:
    """("marktdirecteur", "TNO") from "marktdirecteur TNO" when TNO is a known organiser."""
    if not role:
        return None, None
    for name in organisations:
        if role.endswith(" " + name) and len(role) > len(name) + 1:
            return role[: -len(name) - 1].rstrip(" ,"), name
    return role, None


def slug(text: str) -> str:
    """An id from a label: Latin letters without accents, else the label's own letters ("使用问题")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    latin = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    if latin:
        return latin
    return "-".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())) or "x"


def unique_ids(labels: Iterable[str]) -> dict[str, str]:
    """Each label's id, in order; labels whose slugs are the same get -2, -3 ... so ids never collide."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for label in labels:
        if label in ids:
            continue
        base = candidate = slug(label)
        number = 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        ids[label] = candidate
        taken.add(candidate)
    return ids


_NL = frozenset("de het een en van is dat niet op te met voor zijn ook als wat hoe bij".split())
_EN = frozenset("the a an and of is that not on to with for are also as what how at".split())
#: The commonest words of languages written in Latin letters. Dutch and English are the corpus
#: languages; the others are there so that a French or German text is not taken for either.
_COMMON_WORDS = {
    "nl": _NL,
    "en": _EN,
    "de": frozenset("der die das und ist nicht ein eine zu mit für auf sie es den dem wie auch wird kann ich".split()),
    "fr": frozenset("le la les et est un une des du pour pas que qui dans sur vous il au avec ce".split()),
    "es": frozenset("el la los las y es un una del que en por para con no se su como lo".split()),
    "it": frozenset("il lo la gli le e è un una di del della che per non con si come anche sono".split()),
    "pt": frozenset("o os as e é um uma do da que em para com não se como mais por".split()),
    "ro": frozenset("și în la de pe cu nu este un o care pentru sau mai se ce să".split()),
    "pl": frozenset("i w nie na się z że do jest to jak co są od po czy oraz dla".split()),
    "tr": frozenset("ve bir bu için ile ne mi nasıl olarak daha çok var veya gibi değil olan ama kadar lütfen".split()),
    "id": frozenset(
        "yang dan di ke dari untuk dengan ini itu tidak ada apa bagaimana saya anda adalah dalam atau".split()
    ),
    "vi": frozenset("và của là có không được các cho trong một những với để khi này người bạn tôi".split()),
}
#: The commonest words of languages written in Cyrillic letters, told apart the same way.
_CYRILLIC_WORDS = {
    "ru": frozenset("и в не на что с по это как я для к он от то же или вы мы".split()),
    "uk": frozenset("і в не на що з та це як для до у ви ми або але від".split()),
    "bg": frozenset("и в на за е се от да не че са по как това или ще".split()),
    "sr": frozenset("и у на је да се за од не су као што или али".split()),
}
#: Cyrillic letters only one of those languages writes (Russian "ы", Ukrainian "ї" ...): one of
#: them in every few hundred letters names the language better than its words in a short text.
_CYRILLIC_LETTERS = {"ru": "ыэ", "uk": "іїєґ", "sr": "ђћј", "mk": "ѓќѕ", "mn": "өү", "": "әғқңһұҗҳӣӯ"}
#: Letters of Kazakh, Kyrgyz, Tatar, Tajik … (the "" entry): their languages are not told apart here.
#: How often a language's own letters must come (a share of all Cyrillic letters) to name it.
_OWN_LETTERS = 0.005
#: in how many of the lists each word is (a word several languages share says less of each)
_LATIN_SHARED = Counter(word for words in _COMMON_WORDS.values() for word in words)
_CYRILLIC_SHARED = Counter(word for words in _CYRILLIC_WORDS.values() for word in words)
#: Scripts that name their language: (code, letter ranges, at least 1/share of all letters).
_SCRIPTS = (
    ("ja", ((0x3040, 0x30FF),), 10),  # kana: Japanese also writes Chinese characters
    ("ko", ((0xAC00, 0xD7AF), (0x1100, 0x11FF)), 4),
    ("zh", ((0x4E00, 0x9FFF), (0x3400, 0x4DBF)), 4),
    ("th", ((0x0E00, 0x0E7F),), 2),
    ("el", ((0x0370, 0x03FF), (0x1F00, 0x1FFF)), 2),
)
#: What a corpus records when its language cannot be told (BCP 47's "undetermined").
UNDETERMINED = "und"


def language(text: str) -> str:
    """The language of *text* as a code: "nl" or "en" by which language's common words it uses
    more; other languages written in Latin or Cyrillic letters by their common words ("de", "tr",
    "ru", "uk" ...), some by their script ("zh", "ja", "el" ...); "und" (undetermined) when it is
    none of those, never a guess."""
    sample = text[:200_000]
    letters = [ord(ch) for ch in sample if ch.isalpha()]
    if not letters:
        return UNDETERMINED
    for code, ranges, share in _SCRIPTS:
        if sum(1 for o in letters if any(low <= o <= high for low, high in ranges)) * share >= len(letters):
            return code
    words = re.findall(r"[^\W\d_]+", sample.lower())
    cyrillic = sum(1 for o in letters if 0x400 <= o <= 0x4FF)
    if cyrillic * 2 >= len(letters):
        return _by_cyrillic_letters(sample.lower(), cyrillic) or _by_common_words(
            [w for w in words if _cyrillic(w)], _CYRILLIC_WORDS, _CYRILLIC_SHARED
        )
    if sum(1 for o in letters if o < 0x250 or 0x1E00 <= o <= 0x1EFF) * 2 < len(letters):
        return UNDETERMINED  # Arabic, Hebrew, Devanagari ...: not told apart here
    return _by_common_words(words, _COMMON_WORDS, _LATIN_SHARED)


def _cyrillic(word: str) -> bool:
    return "\u0400" <= word[0] <= "\u04ff"


def _by_cyrillic_letters(text: str, cyrillic: int) -> str | None:
    """The one Cyrillic language whose own letters the text writes often enough; "und" when the
    letters of several, or of a language not told apart, are written; None when none's are."""
    named = {
        code
        for code, own in _CYRILLIC_LETTERS.items()
        if sum(text.count(letter) for letter in own) >= _OWN_LETTERS * cyrillic
    }
    if "mn" in named:
        named.discard("ru")  # Mongolian writes "ы" and "э" too
    if not named:
        return None
    code = named.pop() if len(named) == 1 else ""
    return code or UNDETERMINED


def _by_common_words(words: list[str], lists: dict[str, frozenset[str]], shared: Counter[str]) -> str:
    """The language whose common words *words* use clearly more than any other's, else "und"."""
    hits = {code: sum(1 / shared[w] for w in words if w in common) for code, common in lists.items()}
    if len(words) >= 40:  # enough text that its language shows several of its common words
        hits = {code: n if len(set(words) & lists[code]) >= 3 else 0.0 for code, n in hits.items()}
    best, second = sorted(hits, key=lambda code: hits[code], reverse=True)[:2]
    if not hits[best] or hits[best] * 25 < len(words):
        return UNDETERMINED  # too few of any list's words: a language not listed
    if {best, second} == {"nl", "en"}:
        return "en" if hits["en"] > hits["nl"] else "nl"
    return best if hits[best] >= 1.5 * hits[second] else UNDETERMINED
