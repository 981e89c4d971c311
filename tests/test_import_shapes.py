"""``ecoqa import``: shapes met in the fifth held-out set that many documents share: section titles
in scripts without Latin letters, spreadsheet columns named by what they hold rather than
"question"/"answer", a question whose answer carries the wrong label."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Invoke = Callable[..., Any]


def imported(invoke: Invoke, tmp_path: Path, name: str, text: str, *extra: str) -> dict[str, Any]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "out.json"
    result = invoke("import", str(source), "-o", str(target), *extra)
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(target.read_text(encoding="utf-8")))


def test_sections_titled_without_latin_letters_become_distinct_topics(invoke: Invoke, tmp_path: Path) -> None:
    text = (
        "# 常见问题\n\n## 使用问题\n\n### Q: 如何切换界面？\n\n**A:** 运行 `sshm config language zh`。\n\n"
        "### Q: 如何更新？\n\n**A:** 运行 `sshm config update`。\n\n"
        "## 故障排查\n\n### Q: 显示乱码？\n\n**A:** 使用 Windows Terminal。\n"
    )
    document = imported(invoke, tmp_path, "faq.md", text)
    topics = document["topics"]
    assert [t["label"] for t in topics] == ["使用问题", "故障排查"]
    assert len({t["id"] for t in topics}) == 2
    by_label = {t["label"]: t["id"] for t in topics}
    assert [q["topics"] for q in document["questions"]] == [
        [by_label["使用问题"]],
        [by_label["使用问题"]],
        [by_label["故障排查"]],
    ]


def test_sections_whose_titles_fold_to_the_same_letters_stay_apart(invoke: Invoke, tmp_path: Path) -> None:
    text = (
        "# FAQ\n\n## Général\n\n### Is it free?\n\nYes.\n\n### Is it open?\n\nYes, MIT.\n\n"
        "## General\n\n### Who made it?\n\nA team.\n\n### Since when?\n\n2020.\n"
    )
    document = imported(invoke, tmp_path, "faq.md", text)
    ids = [t["id"] for t in document["topics"]]
    assert len(ids) == len(set(ids)) == 2
    assert document["questions"][0]["topics"] != document["questions"][2]["topics"]


def test_an_answer_label_alone_in_bold_opens_the_answer_below_it(invoke: Invoke, tmp_path: Path) -> None:
    text = (
        "# FAQ\n\n## Usage\n\n### Q: How do I switch the language?\n\n**A:**\n\n"
        "```bash\nsshm config language zh\n```\n\nOr set `SSHM_LANG` for one run.\n\n---\n\n"
        "### Q: How do I update?\n\n**A:**\n\n```bash\nsshm config update\n```\n\n---\n\n"
        "### Q: What if a key was deleted?\n\n**A:** Every change is backed up first.\n"
    )
    document = imported(invoke, tmp_path, "faq.md", text)
    found = [(q["question"], q["answer"]) for q in document["questions"]]
    assert [q for q, _ in found] == ["How do I switch the language?", "How do I update?", "What if a key was deleted?"]
    assert found[0][1].startswith("```\nsshm config language zh\n```")
    assert found[0][1].endswith("for one run.")
    assert found[1][1] == "```\nsshm config update\n```"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "\ufeffID;Categorie;Onderwerp;Toelichting;Antwoord of oplossing\r\n"
            "1;Tickets;Hoe maak ik een ticket aan?;Pagina 7;Open Helpdesk en klik op nieuw.\r\n"
            "2;Tickets;Heropenen van een afgehandeld ticket;Pagina 8;Klik op Retour behandelaar.\r\n",
            [
                ("Hoe maak ik een ticket aan?", "Open Helpdesk en klik op nieuw."),
                ("Heropenen van een afgehandeld ticket", "Klik op Retour behandelaar."),
            ],
            id="a header that says answer among other words names the answer column",
        ),
        pytest.param(
            "Question ID,Question text,Answer text\n17,Is it free?,Yes.\n18,Who made it?,A team.\n",
            [("Is it free?", "Yes."), ("Who made it?", "A team.")],
            id="a question id column is not the question column",
        ),
    ],
)
def test_columns_named_by_what_they_hold_among_other_words(
    invoke: Invoke, tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    document = imported(invoke, tmp_path, "faq.csv", text)
    assert [(q["question"], q["answer"]) for q in document["questions"]] == expected


def test_with_only_the_answer_column_named_the_questions_are_the_longest_varied_column(
    invoke: Invoke, tmp_path: Path
) -> None:
    text = (
        "name,desc,answer\n"
        "midi键盘,在 REAPER 设置 midi 键盘,https://zhuanlan.zhihu.com/p/64069221\n"
        '导出MP4,REAPER 如何导出 MP4,"在Format下拉列表里选择ffmpeg格式\n此方法仅当版本号大于6.09时有效"\n'
        "怎么下载,REAPER安装包要怎么下载,官网下载页面：http://reaper.fm/download.php\n"
    )
    source = tmp_path / "faq.csv"
    source.write_text(text, encoding="utf-8")
    result = invoke("import", str(source), "-o", str(tmp_path / "out.json"))
    assert result.exit_code == 0, result.stderr
    assert "'desc'" in result.stderr and "--question-column" in result.stderr
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [q["question"] for q in document["questions"]] == [
        "在 REAPER 设置 midi 键盘",
        "REAPER 如何导出 MP4",
        "REAPER安装包要怎么下载",
    ]


def test_questions_labelled_one_after_another_share_the_answer_below_them(invoke: Invoke, tmp_path: Path) -> None:
    text = (
        "Frequently Asked Questions\n==========================\n\n"
        "Q1: Where are the logs?\n\nA1: In the logs folder of your home.\n\n\n"
        "Q2a: How do I add a shortcut on Windows?\nQ2b: How do I remove the program from Windows?\n\n"
        "A2: Open the Java Control Panel and find the program in the cache viewer.\n"
        "Install Shortcuts adds it to the desktop; Delete removes it.\n\n\n"
        "Q3: Which ports does it use?\n\nA3: Port 3307, then 3306.\n"
    )
    document = imported(invoke, tmp_path, "FAQ.txt", text)
    found = [(q["question"], q["answer"]) for q in document["questions"]]
    assert [q for q, _ in found] == [
        "Where are the logs?",
        "How do I add a shortcut on Windows?",
        "How do I remove the program from Windows?",
        "Which ports does it use?",
    ]
    assert found[1][1] == found[2][1]
    assert found[1][1].startswith("Open the Java Control Panel")
    assert found[1][1].endswith("Delete removes it.")
    assert found[3][1] == "Port 3307, then 3306."


def test_markup_that_shortens_an_answer_does_not_cut_what_the_page_shows(invoke: Invoke, tmp_path: Path) -> None:
    faq = [
        ("Is er parkeergelegenheid?", "Ja, ruim en gratis.", " Vraag bij de receptie naar een kaart."),
        ("Mogen wij eigen catering meenemen?", "Ja, de keuken is inbegrepen.", ""),
        ("Kan ik de zalen bekijken?", "Heel graag zelfs!", " Klik op 'Plan een bezichtiging' voor een afspraak."),
    ]
    marked = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a, _ in faq
        ],
    }
    shown = "".join(f"<h3>{q}</h3><p>{a}{more}</p>" for q, a, more in faq)
    page = (
        f'<html lang="nl"><head><script type="application/ld+json">{json.dumps(marked)}</script></head>'
        f"<body><h1>Veelgestelde vragen</h1>{shown}</body></html>"
    )
    document = imported(invoke, tmp_path, "faq.html", page)
    assert [q["answer"] for q in document["questions"]] == [
        "Ja, ruim en gratis. Vraag bij de receptie naar een kaart.",
        "Ja, de keuken is inbegrepen.",
        "Heel graag zelfs! Klik op 'Plan een bezichtiging' voor een afspraak.",
    ]


def test_short_lines_indented_under_an_answer_are_its_points_not_headings(invoke: Invoke, tmp_path: Path) -> None:
    text = (
        "Source Release Frequently Asked Questions\n\nBy Jason\n------------------\n\n\n"
        "Q. How do i make it less laggy?\n\n"
        "A. The biggest cause of lag is the client sending the update info to the server every frame!\n"
        "   This floods the upload stream and causes the client's connection to slow right down.\n\n\n"
        "Q. What could use improvements?\n\n"
        "A. The gamescript section could be better. Lots of variables could be added to weapons\n"
        "   to allow for more features and functionality.\n\n"
        "   Smarter AI\n\n"
        "   New front end GUI\n\n"
        "   Dedicated server\n\n"
        "   Optimize projectile system. Processing all the projectiles is the main bottleneck."
    )
    document = imported(invoke, tmp_path, "FAQ.txt", text)
    found = [(q["question"], q["answer"]) for q in document["questions"]]
    assert [q for q, _ in found] == ["How do i make it less laggy?", "What could use improvements?"]
    assert "Smarter AI" in found[1][1] and "Dedicated server" in found[1][1]
    assert found[1][1].endswith("the main bottleneck.")
