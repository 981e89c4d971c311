"""The Textual browser, driven headlessly with Textual's pilot."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from textual.command import CommandInput
from textual.widgets import Input, OptionList, Select

from ecoqa.browse import BrowseApp
from ecoqa.corpus import load_corpus
from ecoqa.labels import label


def drive(app: BrowseApp, steps: Callable[[Any], Awaitable[None]], size: tuple[int, int] = (120, 40)) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(pilot)

    asyncio.run(main())


def shown_ids(app: BrowseApp) -> list[int]:
    return [entry.id for entry in app.shown]


def detail_text(app: BrowseApp) -> str:
    from rich.console import Console

    console = Console(width=100, color_system=None)
    with console.capture() as capture:
        console.print(app.detail_view)
    return capture.get()


def test_opens_with_every_question_and_the_first_in_detail() -> None:
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        assert shown_ids(app) == list(range(1, 25))
        assert app.current is not None and app.current.id == 1
        assert "24 van 24 vragen" in app.sub_title

    drive(app, steps)


def test_typing_a_query_reranks_the_list() -> None:
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        assert isinstance(app.focused, Input)  # the search box has the focus from the start
        await pilot.press(*"toyota")
        await pilot.pause()
        assert shown_ids(app) == [2]
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press(*"financing")
        await pilot.pause()
        assert set(shown_ids(app)[:5]) <= {8, 9, 13, 20, 22}

    drive(app, steps)


def test_enter_opens_the_highlighted_question() -> None:
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.current is not None and app.current.id == 3
        assert app.focused is not None and app.focused.id == "detail-pane"
        assert "tijdelijk eigenaarschap" in detail_text(app)

    drive(app, steps)


def test_language_toggle_switches_text_and_keeps_the_question() -> None:
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "Vraag 2" in detail_text(app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.lang == "en"
        text = detail_text(app)
        assert "Question 2" in text and "Toyota model" in text
        assert label("en", "translation") in text

    drive(app, steps)


def test_escape_clears_then_leaves_the_search_box_and_tab_moves_between_panes() -> None:
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        await pilot.press(*"mkb")
        await pilot.press("escape")
        assert isinstance(app.focused, Input)
        assert app.query_one("#query", Input).value == ""
        await pilot.press("escape")
        assert isinstance(app.focused, OptionList)
        await pilot.press("tab")
        assert not isinstance(app.focused, OptionList)

    drive(app, steps)


def test_typing_anywhere_searches_and_letters_are_never_commands() -> None:
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        await pilot.press("escape")  # focus on the result list
        assert isinstance(app.focused, OptionList)
        await pilot.press(*"leadership quality")  # an "l" and a "q" inside words
        await pilot.pause()
        assert app.is_running
        assert app.lang == "nl"
        assert isinstance(app.focused, Input)
        assert app.query_one("#query", Input).value == "leadership quality"
        assert 10 in shown_ids(app)[:3]

    drive(app, steps)


def test_ctrl_c_quits() -> None:
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        await pilot.press(*"abc")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running

    drive(app, steps)


def test_language_switch_relabels_the_topic_selector() -> None:
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        select = app.query_one("#topic", Select)
        assert any("Financiering" in str(prompt) for prompt, _ in select._options)
        await pilot.press("ctrl+l")
        await pilot.pause()
        prompts = [str(prompt) for prompt, _ in select._options]
        assert any("Financing" in p for p in prompts), prompts
        assert not any("Financiering (" in p for p in prompts), prompts
        assert app.query_one("#query", Input).placeholder.startswith("Type to search")

    drive(app, steps)


def test_topic_filter_and_preselected_topic() -> None:
    app = BrowseApp(load_corpus(), ["mkb"], "en")

    async def steps(pilot: Any) -> None:
        assert shown_ids(app) == [12]
        assert app.query_one("#topic", Select).value == "mkb"
        app.query_one("#topic", Select).value = "financiering"
        await pilot.pause()
        assert shown_ids(app) == [8, 9, 13, 18, 20, 22]

    drive(app, steps)


def test_no_matches_and_quit() -> None:
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        await pilot.press(*"zzzzqqq")
        await pilot.pause()
        assert shown_ids(app) == []
        assert "Geen resultaten." in detail_text(app)
        assert app.is_running  # the q's were text
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running

    drive(app, steps)


def test_small_terminal() -> None:
    app = BrowseApp(load_corpus(), [], "en")

    async def steps(pilot: Any) -> None:
        assert app.current is not None
        await pilot.press("down")
        assert app.current.id == 2

    drive(app, steps, size=(80, 24))


def test_hostile_corpus_opens_and_searches(corpus_file: Any, tmp_path: Any) -> None:
    path = corpus_file(
        tmp_path / "h.json",
        [
            {
                "id": 1,
                "question": "[/] vraag \x1b[31m [bold]?",
                "answer": "[link=http://x]a[/link] \u202e",
                "topics": ["t"],
            },
            {"id": 2, "question": "b", "answer": "c"},
        ],
        topics=[{"id": "t", "label": "[/] [bold]x", "aliases": []}],
    )
    app = BrowseApp(load_corpus(path), ["t"], "nl")

    async def steps(pilot: Any) -> None:
        assert shown_ids(app) == [1]
        await pilot.press(*"vraag")
        await pilot.pause()
        assert shown_ids(app) == [1]
        assert "[/] vraag \\x1b[31m [bold]?" in detail_text(app)

    drive(app, steps, size=(80, 24))


def styled_words(renderable: Any, style_part: str) -> set[str]:
    """The words drawn in a style that contains *style_part* (e.g. the search-match colour)."""
    from rich.console import Console

    console = Console(width=100, color_system="truecolor", force_terminal=True)
    found: set[str] = set()
    for segment in console.render(renderable):
        if segment.style is not None and style_part in str(segment.style):
            found.update(segment.text.split())
    return found


def test_a_newly_selected_question_opens_at_its_top() -> None:
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        from textual.containers import VerticalScroll

        pane = app.query_one("#detail-pane", VerticalScroll)
        await pilot.press(*"financing")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.focused is pane
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert pane.scroll_y > 0
        app.query_one("#results", OptionList).focus()
        await pilot.press("down")
        await pilot.pause()
        assert pane.scroll_y == 0
        pane.focus()
        await pilot.press("down", "down", "down", "escape")
        await pilot.pause()
        assert pane.scroll_y == 0

    drive(app, steps, size=(100, 30))


def test_every_pane_shows_when_it_has_the_focus() -> None:
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        from textual.containers import VerticalScroll

        pane = app.query_one("#detail-pane", VerticalScroll)
        results = app.query_one("#results", OptionList)
        unfocused = (pane.styles.border_top, results.styles.border_top)
        pane.focus()
        await pilot.pause()
        assert pane.styles.border_top != unfocused[0]
        results.focus()
        await pilot.pause()
        assert results.styles.border_top != unfocused[1] and pane.styles.border_top == unfocused[0]

    drive(app, steps, size=(100, 30))


def test_matches_are_highlighted_in_the_list_and_the_detail() -> None:
    from ecoqa.render import STYLES

    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        await pilot.press(*"Mazucato")
        await pilot.pause()
        assert app.current is not None
        results = app.query_one("#results", OptionList)
        row = results.get_option_at_index(0).prompt
        match_style = str(STYLES["match"])
        assert any("Mazzucato" in word for word in styled_words(row, match_style))
        assert any("Mazzucato" in word for word in styled_words(app.detail_view, match_style))

    drive(app, steps, size=(100, 30))


def test_narrow_screens_stack_the_panes() -> None:
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        from textual.containers import VerticalScroll

        # the header is hidden: the list's border says how many questions it shows
        assert app.query_one("#results", OptionList).border_title == "24 van 24 vragen"

        results = app.query_one("#results", OptionList)
        pane = app.query_one("#detail-pane", VerticalScroll)
        assert app.screen.has_class("-narrow")
        assert results.region.width >= 36 and pane.region.width >= 36
        assert pane.region.y > results.region.y and results.region.height >= 3 and pane.region.height >= 5
        await pilot.press(*"toyota")
        await pilot.pause()
        assert shown_ids(app) == [2]
        assert app.query_one("#results", OptionList).border_title == "1 van 24 vragen"

    drive(app, steps, size=(40, 20))
    wide = BrowseApp(load_corpus(), [], "nl")

    async def side_by_side(pilot: Any) -> None:
        assert not wide.screen.has_class("-narrow")
        assert not wide.query_one("#results", OptionList).border_title  # the header says it

    drive(wide, side_by_side, size=(100, 30))


def test_the_footer_keeps_every_key_at_40_columns() -> None:
    """At 40x20 the footer shows tab, ^Q, ^L and Esc side by side, none cut at the screen's edge."""
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        from itertools import pairwise

        from textual.widgets import Footer
        from textual.widgets._footer import FooterKey

        keys = [key for key in app.query_one(Footer).query(FooterKey) if key.display]
        assert {key.key_display for key in keys} >= {"tab", "^Q", "^L", "Esc"}
        spans = sorted((key.region.x, key.region.right) for key in keys)
        assert all(right <= 40 for _, right in spans), spans
        assert all(end <= start for (_, end), (start, _) in pairwise(spans)), spans

    drive(app, steps, size=(40, 20))


def test_the_footer_and_the_command_palette_speak_the_interface_language() -> None:
    """A Dutch screen has Dutch keys and commands; Ctrl-L switches them with the rest."""
    app = BrowseApp(load_corpus(), [], "nl")

    def footer() -> set[str]:
        return {binding.description for _, binding in app._bindings if binding.show}

    async def steps(pilot: Any) -> None:
        assert {"Wissen", "Volgend paneel", "Stoppen"} <= footer()
        commands = [command.title for command in app.get_system_commands(app.screen)]
        assert commands == ["Stoppen", "Toetsen", "English"]
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert {"Clear", "Next pane", "Quit"} <= footer() and "Stoppen" not in footer()
        assert [command.title for command in app.get_system_commands(app.screen)][:2] == ["Quit", "Keys"]

    drive(app, steps)


def test_an_english_corpus_in_dutch_notes_the_originals_once(corpus_file: Any, tmp_path: Any) -> None:
    path = corpus_file(
        tmp_path / "faq.json", [{"id": 1, "question": "Who?", "answer": "Us."}], webinar={"language": "en"}
    )
    app = BrowseApp(load_corpus(path), [], "nl")

    async def steps(pilot: Any) -> None:
        assert "geen Nederlandse vertaling" in app.sub_title
        assert "vertaling" not in detail_text(app)
        await pilot.resize_terminal(40, 30)  # no header below 60 columns: the detail says it, once
        await pilot.pause()
        await pilot.pause()
        assert detail_text(app).count("geen Nederlandse vertaling") == 1

    drive(app, steps)


def test_a_query_the_search_refuses_says_why() -> None:
    """A query of only common words gives the search's one-line message in the detail pane, as
    ``ecoqa search`` gives it on stderr, not an empty list that looks like "no matches"."""
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        await pilot.press(*"hoe")
        await pilot.pause()
        assert shown_ids(app) == []
        text = " ".join(detail_text(app).split())
        assert "only common words (hoe)" in text
        assert "Geen resultaten." not in text
        await pilot.press("space", *"financiering")
        await pilot.pause()
        assert shown_ids(app) and "common words" not in detail_text(app)

    drive(app, steps)


def test_a_damaged_index_while_browsing_is_shown(monkeypatch: Any) -> None:
    """An index found damaged mid-search (removed, run again) is said in one line, not hidden as an
    empty list."""
    import ecoqa.browse
    from ecoqa.errors import IndexDamaged

    def damaged(*args: Any, **kwargs: Any) -> Any:
        raise IndexDamaged("/cache/ecoqa-x.sqlite3", "bad checksum")

    monkeypatch.setattr(ecoqa.browse, "search", damaged)
    app = BrowseApp(load_corpus(), [], "en")

    async def steps(pilot: Any) -> None:
        await pilot.press(*"financing")
        await pilot.pause()
        assert shown_ids(app) == []
        text = " ".join(detail_text(app).split())
        assert "the search index /cache/ecoqa-x.sqlite3 is damaged (bad checksum)" in text

    drive(app, steps)


def test_the_search_box_names_the_languages_the_corpus_is_searched_in() -> None:
    """A Dutch corpus is found with Dutch or English words (its term table); an English one with English."""
    import json

    from ecoqa.corpus import parse_corpus

    english = {
        "schema_version": 2,
        "collection": {"kind": "faq", "language": "en"},
        "questions": [{"id": 1, "question": "Can I pay later?", "answer": "Yes, within 30 days."}],
    }
    hints = {}
    for name, corpus, lang in (
        ("bundled nl", load_corpus(), "nl"),
        ("bundled en", load_corpus(), "en"),
        ("faq en", parse_corpus(json.dumps(english).encode(), "faq.json"), "en"),
        ("faq nl", parse_corpus(json.dumps(english).encode(), "faq.json"), "nl"),
    ):
        app = BrowseApp(corpus, [], lang)

        async def steps(pilot: Any, name: str = name, app: BrowseApp = app) -> None:
            hints[name] = app.query_one("#query", Input).placeholder

        drive(app, steps)
    assert hints == {
        "bundled nl": "Typ om te zoeken (Nederlands of Engels)…",
        "bundled en": "Type to search (Dutch or English)…",
        "faq en": "Type to search (English)…",
        "faq nl": "Typ om te zoeken (Engels)…",
    }


def test_the_command_palette_s_search_box_and_footer_key_speak_the_interface_language() -> None:
    """Ctrl-P on a Dutch screen: not Textual's 'Search for commands…' and '^p palette'."""
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        described = {binding.action: binding.description for _, binding in app._bindings}
        assert described["command_palette"] == "opdrachten"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "Zoek een opdracht…"

    drive(app, steps, size=(80, 24))


def header_line(app: BrowseApp) -> str:
    """The header's one line as the terminal shows it (the title and the sub-title)."""
    from textual.widgets._header import HeaderTitle

    title = app.screen.query_one(HeaderTitle)
    return "".join(segment.text for segment in title.render_line(0)).strip()


def test_a_long_header_is_cut_at_a_word(corpus_file: Any, tmp_path: Any) -> None:
    """At 80 columns the note on an English corpus shown in Dutch does not fit the header: its short
    form does, not the long one cut mid-word ("… geen Nederlandse vertali…"); at 200 it is whole,
    and where not even the short one fits it ends at a whole word with "…"."""
    path = corpus_file(
        tmp_path / "faq.json", [{"id": 1, "question": "Who?", "answer": "Us."}], webinar={"language": "en"}
    )
    app = BrowseApp(load_corpus(path), [], "nl")

    async def steps(pilot: Any) -> None:
        assert header_line(app) == "ecoqa browse — 1 van 1 vragen · nl · origineel, niet vertaald"
        await pilot.resize_terminal(200, 24)
        await pilot.pause()
        assert header_line(app).endswith("geen Nederlandse vertaling in dit corpus; het origineel wordt getoond")
        await pilot.resize_terminal(75, 24)
        await pilot.pause()
        assert header_line(app) == "ecoqa browse — 1 van 1 vragen · origineel, niet vertaald"
        await pilot.resize_terminal(62, 24)
        await pilot.pause()
        line = header_line(app)
        words = ["1", "van", "vragen", "nl", "origineel", "niet", "vertaald"]
        assert line.endswith("…") and line.rstrip("…").split()[-1].rstrip(",") in words, line

    drive(app, steps, size=(80, 24))


def test_a_corpus_without_topics_has_no_topic_selector(corpus_file: Any, tmp_path: Any) -> None:
    """An empty 'All topics' selector offers nothing to choose: it is not shown, and the search box
    takes the row; a corpus with topics keeps it."""
    path = corpus_file(tmp_path / "faq.json", [{"id": 1, "question": "Who?", "answer": "Us."}])
    app = BrowseApp(load_corpus(path), [], "en")

    async def steps(pilot: Any) -> None:
        assert not app.query_one("#topic", Select).display
        assert app.query_one("#query", Input).size.width > 100
        await pilot.press("ctrl+l")  # switching the language does not bring it back
        await pilot.pause()
        assert not app.query_one("#topic", Select).display

    drive(app, steps)
    bundled = BrowseApp(load_corpus(), [], "en")

    async def shown(pilot: Any) -> None:
        assert bundled.query_one("#topic", Select).display

    drive(bundled, shown)


def test_the_search_hint_fits_a_narrow_screen() -> None:
    """At 40 columns the hint naming the languages a query may be in does not fit: the short one
    is shown whole, not 'Typ om te zoeken (Nederlands of' cut at the box's edge."""
    app = BrowseApp(load_corpus(), [], "nl")

    async def steps(pilot: Any) -> None:
        assert app.query_one("#query", Input).placeholder == "Typ om te zoeken…"
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        await pilot.pause()
        assert app.query_one("#query", Input).placeholder == "Typ om te zoeken (Nederlands of Engels)…"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.query_one("#query", Input).placeholder == "Type to search (Dutch or English)…"

    drive(app, steps, size=(40, 24))


def test_the_detail_is_laid_out_for_the_width_it_gets(corpus_file: Any, tmp_path: Any) -> None:
    """The detail's panels are chosen for the pane's width, at start and after a resize: shrunk
    from 160 to 70 columns, the closing 'Source' goes above its text instead of beside it (the
    view laid out for the old width lost its last line in the pane)."""
    path = corpus_file(
        tmp_path / "faq.json",
        [{"id": 1, "question": "Who?", "answer": "Us.", "source": {"file": "faq.html"}}],
        schema_version=2,
        collection={"kind": "faq", "title": "Innovation vouchers: frequently asked questions", "language": "en"},
    )
    app = BrowseApp(load_corpus(path), [], "en")

    def closing() -> list[str]:
        return [line.strip() for line in detail_text(app).splitlines() if line.startswith("Source")]

    async def steps(pilot: Any) -> None:
        assert closing() == ["Source  “Innovation vouchers: frequently asked questions”, faq.html"]
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        await pilot.pause()
        assert closing() == ["Source"]

    drive(app, steps, size=(160, 30))


def test_matches_in_code_are_highlighted_too(corpus_file: Any, tmp_path: Any) -> None:
    """A word found in an answer's code block is highlighted there, as in its paragraphs."""
    from ecoqa.render import STYLES

    answer = "Add this to tox.ini:\n\n```\n[testenv]\npassenv = HOME\n```\n\nThen run it."
    path = corpus_file(tmp_path / "faq.json", [{"id": 1, "question": "Is tox supported?", "answer": answer}])
    app = BrowseApp(load_corpus(path), [], "en")

    async def steps(pilot: Any) -> None:
        await pilot.press(*"passenv")
        await pilot.pause()
        assert app.current is not None and app.current.id == 1
        assert "passenv" in styled_words(app.detail_view, str(STYLES["match"]))

    drive(app, steps, size=(100, 30))
