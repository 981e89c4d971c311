"""``ecoqa browse``: a full-screen Textual app over the same search and panels as the CLI.

Loaded only by the ``browse`` command, so Textual never slows down the other commands.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from ecoqa.errors import EcoqaError
from ecoqa.models import Corpus, Entry
from ecoqa.render import entry_view
from ecoqa.search import Index, build_index, search
from ecoqa.text import one_line

#: Rows shown in the result list; more would only slow the list down on large corpora.
MAX_ROWS = 300


class Results(OptionList):
    """The result list; Enter opens the highlighted question in the detail pane."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open", show=True)]


class BrowseApp(App[None]):
    """Search box, topic filter, result list and a detail pane with the whole Q&A."""

    TITLE = "ecoqa browse"
    CSS = """
    #bar { height: 3; }
    #query { width: 2fr; }
    #topic { width: 1fr; }
    #results { width: 2fr; height: 1fr; }
    #detail-pane { width: 3fr; height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", key_display="/"),
        Binding("escape", "leave_search", "Leave search", key_display="Esc"),
        Binding("l", "toggle_lang", "Language"),
        Binding("q", "quit", "Quit"),
        Binding("tab", "focus_next", "Next pane", show=True, priority=True),
    ]

    def __init__(self, corpus: Corpus, topics: Sequence[str], lang: str, index: Index | None = None) -> None:
        """*topics*: topic ids from ``--topic``; the first sets the topic filter, the rest narrow it."""
        super().__init__()
        self.corpus = corpus
        self.lang = lang
        self.topic: str | None = topics[0] if topics else None
        self.fixed_ids = (
            {e.id for e in corpus.entries if all(t in e.topics for t in topics[1:])} if topics[1:] else None
        )
        self.index = index
        self.shown: list[Entry] = []
        self.current: Entry | None = None
        self.detail_view: RenderableType = Text("")

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="bar"):
            yield Input(placeholder="Search (Dutch or English)…", id="query")
            topics = [(Text(f"{t.name(self.lang)} ({t.id})"), t.id) for t in self.corpus.topics]  # data as Text
            yield Select(topics, prompt="All topics", id="topic", value=self.topic if self.topic else Select.NULL)
        with Horizontal():
            yield Results(id="results")
            with VerticalScroll(id="detail-pane"):
                yield Static(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_results()
        self.query_one("#results", OptionList).focus()

    # ------------------------------------------------------------------ results

    def allowed(self) -> set[int] | None:
        ids = self.fixed_ids
        if self.topic is not None:
            topical = {e.id for e in self.corpus.entries if self.topic in e.topics}
            ids = topical if ids is None else ids & topical
        return ids

    def matching(self, query: str) -> list[Entry]:
        allowed = self.allowed()
        if not query.strip():
            return list(islice((e for e in self.corpus.entries if allowed is None or e.id in allowed), MAX_ROWS))
        if self.index is None:
            self.index = build_index(self.corpus)
        try:
            result = search(
                self.corpus,
                query,
                limit=MAX_ROWS,
                allowed_ids=allowed,
                lang=self.lang,
                index=self.index,
                snippets=False,
            )
        except EcoqaError:  # a query with no words shows an empty list, not an error
            return []
        return [hit.entry for hit in result.hits]

    def refresh_results(self) -> None:
        query = self.query_one("#query", Input).value
        self.shown = self.matching(query)
        self.sub_title = f"{len(self.shown)} of {len(self.corpus.entries)} questions · {self.lang}"
        results = self.query_one("#results", OptionList)
        results.set_options(
            Option(Text.assemble((f"{e.id:>3} ", "bold cyan"), one_line(e.text(self.lang)[0], 200)), id=str(e.id))
            for e in self.shown
        )
        if self.shown:
            results.highlighted = 0
            self.show_entry(self.shown[0])
        else:
            self.current = None
            self.set_detail(Text("No matches." if query.strip() else "No questions."))

    def show_entry(self, entry: Entry) -> None:
        self.current = entry
        self.set_detail(entry_view(entry, self.corpus, self.lang, self.corpus.related(entry)))

    def set_detail(self, view: RenderableType) -> None:
        self.detail_view = view  # kept for tests and for re-rendering
        self.query_one("#detail", Static).update(view)

    # ------------------------------------------------------------------ events

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_results()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#results", OptionList).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.topic = None if event.value is Select.NULL else str(event.value)
        self.refresh_results()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index < len(self.shown):
            self.show_entry(self.shown[event.option_index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_index < len(self.shown):
            self.show_entry(self.shown[event.option_index])
        self.query_one("#detail-pane", VerticalScroll).focus()

    # ------------------------------------------------------------------ actions

    def action_focus_search(self) -> None:
        self.query_one("#query", Input).focus()

    def action_leave_search(self) -> None:
        self.query_one("#results", OptionList).focus()

    def action_toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "nl" else "nl"
        selected = self.current
        self.refresh_results()
        if selected is not None and selected in self.shown:
            index = self.shown.index(selected)
            self.query_one("#results", OptionList).highlighted = index
            self.show_entry(selected)


def run(corpus: Corpus, topics: Sequence[str], lang: str, index: Index | None = None) -> None:
    BrowseApp(corpus, topics, lang, index).run()
