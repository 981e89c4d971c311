"""``ecoqa browse``: a full-screen Textual app over the same search and panels as the CLI.

Loaded only by the ``browse`` command, so Textual never slows down the other commands.
Typing searches at once, wherever the focus is (as fzf and gh's pickers do): every printable
key goes to the search box, so no single letter is a command. Actions use Ctrl and function
keys: Ctrl-L switches the language, Ctrl-Q or Ctrl-C quits, Esc clears the search. Results show
the matched words highlighted as ``ecoqa search`` shows them, in the list and in the detail; the
pane with the focus has a coloured border; below ``NARROW`` columns the panes are stacked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import islice
from typing import Any, ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Select, Static
from textual.widgets._header import HeaderTitle
from textual.widgets.option_list import Option

from ecoqa.errors import EcoqaError
from ecoqa.labels import label
from ecoqa.models import Corpus, Entry, Hit
from ecoqa.render import Prose, content_note, entry_view, hit_rows, source_note
from ecoqa.search.engine import search
from ecoqa.search.index import Index, build_index
from ecoqa.text import cells, cut_at_word, one_line

#: Rows shown in the result list; more would only slow the list down on large corpora.
MAX_ROWS = 300
#: Narrower screens get the search box, the list and the detail one above the other.
NARROW = 60
#: Columns of the header that are not its title: Textual's icon (8) on the left, clock space (10) on the right.
HEADER_SIDES = 18

WORDS = {
    "nl": {
        "placeholder": "Typ om te zoeken…",
        # what the search understands: a corpus's own language, and English through the term table
        "searched_nl": "Typ om te zoeken (Nederlands of Engels)…",
        "searched_en": "Typ om te zoeken (Engels)…",
        "all_topics": "Alle onderwerpen",
        "shown": "{shown} van {total} vragen",
        "none": "Geen resultaten.",
        "none_topic": "Geen resultaten in dit onderwerp; kies 'Alle onderwerpen' om overal te zoeken.",
        "empty": "Geen vragen.",
        "language": "English",
        # the footer's keys (by action) and the command palette
        "toggle_lang": "English",
        "clear_search": "Wissen",
        "focus_next": "Volgend paneel",
        "quit": "Stoppen",
        "select": "Lezen",
        "quit_help": "ecoqa browse sluiten",
        "keys": "Toetsen",
        "keys_help": "De toetsen van dit scherm tonen of verbergen",
        "language_help": "Wisselen naar het Engels",
        "command_palette": "opdrachten",
        "palette_placeholder": "Zoek een opdracht…",
        # the footer's keys below ``NARROW`` columns, where the words above do not fit
        "toggle_lang_short": "EN",
        "clear_search_short": "Wis",
        "focus_next_short": "Paneel",
        "quit_short": "Stop",
    },
    "en": {
        "placeholder": "Type to search…",
        "searched_nl": "Type to search (Dutch or English)…",
        "searched_en": "Type to search (English)…",
        "all_topics": "All topics",
        "shown": "{shown} of {total} questions",
        "none": "No matches.",
        "none_topic": "No matches in this topic; choose 'All topics' to search everywhere.",
        "empty": "No questions.",
        "language": "Nederlands",
        "toggle_lang": "Nederlands",
        "clear_search": "Clear",
        "focus_next": "Next pane",
        "quit": "Quit",
        "select": "Read",
        "quit_help": "Close ecoqa browse",
        "keys": "Keys",
        "keys_help": "Show or hide the keys of this screen",
        "language_help": "Switch to Dutch",
        "command_palette": "palette",
        "palette_placeholder": "Search for commands…",
        "toggle_lang_short": "NL",
        "clear_search_short": "Clear",
        "focus_next_short": "Pane",
        "quit_short": "Quit",
    },
}


_MOVES = {
    "down": "action_cursor_down",
    "up": "action_cursor_up",
    "pagedown": "action_page_down",
    "pageup": "action_page_up",
}


class Results(OptionList):
    """The result list; Enter moves to the detail pane of the highlighted question."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Read", show=False)]


class SearchBox(Input):
    """The search box; *fitted* chooses its hint again whenever its width changes."""

    def __init__(self, fitted: Callable[[], None], **options: Any) -> None:
        super().__init__(**options)
        self.fitted = fitted

    def on_resize(self, event: events.Resize) -> None:
        self.fitted()


class DetailPane(VerticalScroll):
    """The detail pane; *fitted* lays its content out again whenever its width changes."""

    def __init__(self, fitted: Callable[[], None], **options: Any) -> None:
        super().__init__(**options)
        self.fitted = fitted
        self.width_seen = 0

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self.width_seen:
            self.width_seen = event.size.width
            self.fitted()


class BrowseApp(App[None]):
    """Search box, topic filter, result list and a detail pane with the whole Q&A."""

    TITLE = "ecoqa browse"
    CSS = """
    #bar { height: 3; }
    #query { width: 2fr; }
    #topic { width: 1fr; }
    #results { width: 2fr; height: 1fr; border: round $panel; }
    #detail-pane { width: 3fr; height: 1fr; border: round $panel; }
    #results:focus, #detail-pane:focus { border: round $accent; }
    Screen.-narrow Header { display: none; }
    Screen.-narrow #bar { layout: vertical; height: 2; }
    Screen.-narrow #query { width: 100%; height: 1; border: none; }
    Screen.-narrow #topic { width: 100%; height: 1; }
    Screen.-narrow #topic > SelectCurrent { border: none; height: 1; padding: 0 1; }
    Screen.-narrow #main { layout: vertical; }
    Screen.-narrow #results { width: 100%; height: 2fr; }
    Screen.-narrow #detail-pane { width: 100%; height: 3fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+l", "toggle_lang", "Language", key_display="^L"),
        Binding("escape", "clear_search", "Clear", key_display="Esc"),
        Binding("tab", "focus_next", "Next pane", show=True, priority=True),
        Binding("ctrl+q", "quit", "Quit", key_display="^Q", priority=True),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        corpus: Corpus,
        topics: Sequence[str],
        lang: str,
        index: Index | None = None,
        within: Sequence[int] | None = None,
    ) -> None:
        """*topics*: topic ids from ``--topic``; the first sets the topic filter, the rest narrow it.

        *within*: entry positions the browser never leaves (from ``--principle``).
        """
        super().__init__()
        self.corpus = corpus
        self.lang = lang
        self.topic: str | None = topics[0] if topics else None
        self.fixed: set[int] | None = set(corpus.on_topics(topics[1:])) if topics[1:] else None
        if within is not None:
            self.fixed = set(within) if self.fixed is None else self.fixed & set(within)
        self.index = index
        self.shown: list[Entry] = []
        self.hits: list[Hit] = []  # of the current search; none without a query
        self.marks: dict[int, tuple[str, ...]] = {}  # entry id -> its matched words, to highlight
        self.current: Entry | None = None
        self.refused: str | None = None  # why the search refused the current query (its one-line message)
        self.detail_view: RenderableType = Text("")
        self.screen_width: int | None = None  # the screen's, as last laid out
        self.sub_titles: tuple[str, ...] = ("",)  # the header's sub-title, long and short forms

    def words(self, key: str, **values: object) -> str:
        return WORDS["en" if self.lang == "en" else "nl"][key].format(**values)

    def placeholder(self, room: int | None = None) -> str:
        """The search box's hint, naming the languages a query may be in: a Dutch corpus is also
        found with English words (its term table), an English one with English words; the short
        hint where that does not fit in *room* columns (a narrow screen)."""
        language = self.corpus.language
        named = self.words(f"searched_{language}" if language in ("nl", "en") else "placeholder")
        return named if room is None or cells(named) <= room else self.words("placeholder")

    def fit_placeholder(self) -> None:
        """The hint for the search box as laid out now."""
        search_box = self.query_one("#query", SearchBox)
        search_box.placeholder = self.placeholder(search_box.content_region.width or None)

    def relabel_keys(self) -> None:
        """The footer's key descriptions in the interface language: Textual keeps a node's bindings
        in ``_bindings`` (declared once per class, in English), so each is replaced by its translation;
        a narrow screen gets the short ones, so that every key fits in 40 columns."""
        words = WORDS["en" if self.lang == "en" else "nl"]
        short = "_short" if self.screen.has_class("-narrow") else ""
        for node in (self, self.query_one("#results", Results)):
            table = node._bindings.key_to_bindings
            for key, bindings in table.items():
                table[key] = [
                    replace(b, description=words.get(b.action + short, words.get(b.action, b.description)))
                    for b in bindings
                ]
        self.refresh_bindings()

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's line: the sub-title's longest form that fits (the note on untranslated text
        has a short one), else cut after a whole word with "…" (Textual would cut it mid-word); the
        title stays whole."""
        room = (self.screen_width or self.size.width) - HEADER_SIDES - cells(f"{title} — ")
        if sub_title == self.sub_titles[0]:  # the longest of its forms: the first that fits, else the shortest
            sub_title = next((said for said in self.sub_titles if cells(said) <= room), self.sub_titles[-1])
        return super().format_title(title, cut_at_word(sub_title, room) if room > 1 else "")

    def refit_title(self) -> None:
        """Lay the header's line out again for the screen's new width (Textual does so only when
        the title or sub-title changes)."""
        for header_title in self.screen.query(HeaderTitle):
            header_title.update(self.format_title(self.title, self.sub_title))

    def action_command_palette(self) -> None:
        """Textual's command palette (Ctrl-P), its search box hinting in the interface language."""
        if self.use_command_palette and not any(isinstance(s, CommandPalette) for s in self.screen_stack):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=self.words("palette_placeholder")))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette (Ctrl-P) in the interface language: quit, keys, language."""
        yield SystemCommand(self.words("quit"), self.words("quit_help"), self.action_quit)
        shown = bool(screen.query("HelpPanel"))
        keys = self.action_hide_help_panel if shown else self.action_show_help_panel
        yield SystemCommand(self.words("keys"), self.words("keys_help"), keys)
        yield SystemCommand(self.words("language"), self.words("language_help"), self.action_toggle_lang)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="bar"):
            yield SearchBox(self.fit_placeholder, placeholder=self.placeholder(), id="query", select_on_focus=False)
            topic = Select(
                self.topic_options(),
                prompt=self.words("all_topics"),
                id="topic",
                value=self.topic if self.topic else Select.NULL,
            )
            topic.display = bool(self.corpus.topics)  # a corpus without topics has nothing to choose
            yield topic
        with Horizontal(id="main"):
            yield Results(id="results")
            with DetailPane(self.refit_detail, id="detail-pane"):
                yield Static(id="detail")
        yield Footer()

    def topic_options(self) -> list[tuple[Text, str]]:
        return [(Text(f"{t.name(self.lang)} ({t.id})"), t.id) for t in self.corpus.topics]  # data as Text

    def on_mount(self) -> None:
        self.fit_layout(self.size.width)  # relabels the keys too
        self.refresh_results()
        self.query_one("#query", Input).focus()

    def on_resize(self, event: events.Resize) -> None:
        self.fit_layout(event.size.width)

    def refit_detail(self) -> None:
        """The shown question's panels chosen again for the detail pane's new width."""
        if self.current is not None:
            self.show_entry(self.current)

    def fit_layout(self, width: int) -> None:
        """Side by side from ``NARROW`` columns; stacked below, where side by side would crush the list
        and the footer keeps its keys by dropping its spacing and the command palette's hint."""
        self.screen_width = width
        narrow = width < NARROW
        self.screen.set_class(narrow, "-narrow")
        footer = self.query_one(Footer)
        footer.compact = narrow
        footer.show_command_palette = not narrow
        self.relabel_keys()
        self.refit_title()
        self.count_results()

    def count_results(self) -> None:
        """Below ``NARROW`` columns the header is hidden: the result list's border says how many."""
        narrow = self.screen.has_class("-narrow")
        shown = self.words("shown", shown=len(self.shown), total=len(self.corpus.entries))
        self.query_one("#results", Results).border_title = shown if narrow else None

    # ------------------------------------------------------------------ results

    def allowed(self) -> set[int] | None:
        positions = self.fixed
        if self.topic is not None:
            topical = set(self.corpus.entries.members("topic", self.topic))
            positions = topical if positions is None else positions & topical
        return positions

    def matching(self, query: str) -> list[Entry]:
        """The entries to list for *query*; a search keeps its hits (with snippets) in ``hits``, and a
        query the search refuses (only common words, a damaged index) keeps its message in ``refused``."""
        self.hits = []
        self.refused = None
        allowed = self.allowed()
        if not query.strip():
            chosen = sorted(allowed) if allowed is not None else range(len(self.corpus.entries))
            return [self.corpus.entries[p] for p in islice(chosen, MAX_ROWS)]
        if self.index is None:
            self.index = build_index(self.corpus)
        try:
            result = search(self.corpus, query, limit=MAX_ROWS, allowed=allowed, lang=self.lang, index=self.index)
        except EcoqaError as error:  # shown where the list's state is shown, as the CLI's one line
            self.refused = error.message
            return []
        self.hits = list(result.hits)
        return [hit.entry for hit in self.hits]

    def refresh_results(self) -> None:
        query = self.query_one("#query", Input).value
        self.shown = self.matching(query)
        judged = self.shown[:1] if self.corpus.in_one_language() else self.shown
        note = content_note(self.corpus, judged, self.lang)
        shown = self.words("shown", shown=len(self.shown), total=len(self.corpus.entries))
        short = label(self.lang, "no_translation_short")
        if note is None:
            self.sub_titles = (f"{shown} · {self.lang}",)
        else:  # the language code is left out first: the footer's language key says it too
            self.sub_titles = (
                f"{shown} · {self.lang} · {note.plain}",
                f"{shown} · {self.lang} · {short}",
                f"{shown} · {short}",
            )
        self.sub_title = self.sub_titles[0]
        self.count_results()
        self.marks = {hit.entry.id: matched_words(hit) for hit in self.hits}
        results = self.query_one("#results", OptionList)
        if self.hits:
            results.set_options(Option(self.hit_row(hit), id=str(hit.entry.id)) for hit in self.hits)
        else:
            results.set_options(Option(self.row(e), id=str(e.id)) for e in self.shown)
        if self.shown:
            results.highlighted = 0
            self.show_entry(self.shown[0])
        elif self.refused is not None:
            self.current = None
            self.set_detail(Text(self.refused, style="yellow"))
        else:
            self.current = None
            message = "none_topic" if self.topic and query.strip() else "none" if query.strip() else "empty"
            self.set_detail(Text(self.words(message)))

    def row(self, entry: Entry) -> Table:
        """A result row: the id, then the question with a hanging indent under it."""
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=4, justify="right", no_wrap=True, style="bold cyan")
        grid.add_column(overflow="fold")  # a word wider than the pane (an address, a line of Chinese) folds, whole
        grid.add_row(str(entry.id), Prose(one_line(entry.text(self.lang)[0], 200)))
        return grid

    def hit_row(self, hit: Hit) -> RenderableType:
        """A search result as ``ecoqa search`` shows it: the question, the passage, the matches highlighted."""
        return next(hit_rows([hit], self.lang))

    def show_entry(self, entry: Entry) -> None:
        """Show *entry* in the detail pane, from its top, with the search's matches highlighted,
        its panels chosen for the pane's width (laid out again when that changes: ``DetailPane``)."""
        self.current = entry
        pane = self.query_one("#detail-pane", VerticalScroll)
        width = pane.content_region.width or 80
        related = self.corpus.related_headings(entry)
        marks = self.marks.get(entry.id, ())
        view = entry_view(entry, self.corpus, self.lang, related, width - 1, marks=marks)
        parts = [view, source_note(self.corpus, self.lang, [entry], width - 1)]
        note = content_note(self.corpus, [entry], self.lang)
        if note is not None and self.screen.has_class("-narrow"):  # the header says it, hidden when narrow
            parts.append(note)
        self.set_detail(Group(*parts))
        pane.scroll_home(animate=False)

    def set_detail(self, view: RenderableType) -> None:
        self.detail_view = view  # kept for tests and for re-rendering
        self.query_one("#detail", Static).update(view)

    # ------------------------------------------------------------------ events

    def on_key(self, event: events.Key) -> None:
        """Type to search from anywhere: a printable key outside the search box goes into it.

        In the search box, the arrow keys move through the results (as in fzf).
        """
        search_box = self.query_one("#query", Input)
        if self.focused is search_box:
            move = _MOVES.get(event.key)
            if move:
                event.stop()
                event.prevent_default()
                getattr(self.query_one("#results", OptionList), move)()
            return
        if not event.is_printable or event.character is None:
            return
        if isinstance(self.focused, Select) and self.focused.expanded:
            return
        event.stop()
        event.prevent_default()
        search_box.focus()
        search_box.insert_text_at_cursor(event.character)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_results()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search box opens the highlighted question for reading."""
        if self.current is not None:
            self.query_one("#detail-pane", VerticalScroll).focus()

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

    def action_clear_search(self) -> None:
        """Esc empties the search box, or, when it is empty, moves to the result list."""
        search_box = self.query_one("#query", Input)
        if search_box.value:
            search_box.value = ""
            search_box.focus()
        else:
            self.query_one("#results", OptionList).focus()

    def action_toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "nl" else "nl"
        self.relabel_keys()
        selected = self.current
        self.fit_placeholder()
        topic = self.query_one("#topic", Select)
        with self.prevent(Select.Changed):
            topic.set_options(self.topic_options())
            topic.prompt = self.words("all_topics")
            topic.value = self.topic if self.topic else Select.NULL
        self.refresh_results()
        if selected is not None and selected in self.shown:
            position = self.shown.index(selected)
            self.query_one("#results", OptionList).highlighted = position
            self.show_entry(selected)


def matched_words(hit: Hit) -> tuple[str, ...]:
    """The words a hit's snippet highlights, to highlight them wherever the entry is shown."""
    if hit.snippet is None:
        return ()
    return tuple(dict.fromkeys(hit.snippet.text[start:end] for start, end in hit.snippet.spans))


def run(
    corpus: Corpus, topics: Sequence[str], lang: str, index: Index | None = None, within: Sequence[int] | None = None
) -> None:
    BrowseApp(corpus, topics, lang, index, within).run()
