"""The files the interview drill serves next to its page: the card data the drill reads, and the
two Anki exports. Written by interview_cards.py; the one place their names
and Anki's fixed ids live.

cards.json (format version CARDS_FORMAT_VERSION) is {"version", "difficulties", "cards"}, the
cards in page order (navigation order, then position in the page: the order new cards are
introduced), each a record of CARD_FIELDS:
- id: `card-...`, stable: progress is kept under it; also the element's id in its page
  (a fact's is its row, term, section or item);
- kind: `question` (an interview prompt with a long model answer: the mock interview, not the
  daily queue), `flashcard` (one idea, answer of at most cards.WORD_LIMIT words), `fact` (made
  from a marked table, glossary or list; same limit) or `exercise` (code to write and Check);
- question: the question's text; difficulty: easy, medium or hard; tags: a list of words;
- url: the card in its page, relative to the drill page;
- answer_html: the answer as rendered (an exercise's: its reference solution);
- prompt_html, exercise: an exercise's task and its files' JSON (starter, solution, checks,
  hints), relative to the drill page ("" for other kinds);
- section: the id of the h2 the card sits under in its page ("" above the first), the same as
  its element's `data-section`;
- words: the number of words of its answer (cards.answer_words).
"""

import hashlib
import html
import json
from dataclasses import asdict

import genanki
from pygments.formatters import HtmlFormatter

CARDS_FILE = "cards.json"
ANKI_TEXT_FILE = "mlops-interview-cards.txt"
ANKI_PACKAGE_FILE = "mlops-interview-cards.apkg"
# In Anki, two sibling decks under one parent: the daily one (flashcards, facts, exercises), and
# the interview questions, whose long model answers are rehearsed aloud on purpose. Studying a
# deck in Anki includes its sub-decks: the daily deck must not be the rehearsal's parent.
DECK_NAME = "MLOps interview drill"
FLASHCARDS_DECK = f"{DECK_NAME}::Flashcards"
REHEARSAL_DECK = f"{DECK_NAME}::Interview rehearsal"
# Fixed ids: a re-import updates the same Anki decks and note type instead of adding new ones.
ANKI_DECK_IDS = {DECK_NAME: 1_734_510_021, FLASHCARDS_DECK: 1_734_510_024,
                 REHEARSAL_DECK: 1_734_510_023}  # fmt: skip
ANKI_MODEL_ID = 1_734_510_022
# 2: card links relative to the drill page; 3: exercises and facts; 4: flashcards, page order,
# section and words
CARDS_FORMAT_VERSION = 4
CARD_FIELDS = ("id", "kind", "question", "difficulty", "tags", "url", "answer_html",
               "prompt_html", "exercise", "section", "words")  # fmt: skip


def write_exports(cards, folder, difficulties):
    """Write cards.json and both Anki exports into `folder` (the drill page's own folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = cards_json(cards, difficulties)
    (folder / CARDS_FILE).write_text(json.dumps(data), encoding="utf-8")
    (folder / ANKI_TEXT_FILE).write_text(anki_text(cards), encoding="utf-8")
    anki_package(cards).write_to_file(folder / ANKI_PACKAGE_FILE)


def cards_json(cards, difficulties):
    records = [{key: asdict(card)[key] for key in CARD_FIELDS} for card in cards]
    return {"version": CARDS_FORMAT_VERSION, "difficulties": list(difficulties), "cards": records}


def anki_text(cards):
    """Anki's plain-text import (2.1.54+): the card id first, so re-imports update notes; each
    card's deck last (deck_name)."""
    header = [
        "#separator:tab",
        "#html:true",
        f"#deck:{FLASHCARDS_DECK}",  # for a row without a deck; every row names one
        "#notetype:Basic",
        # Named as Basic's fields: Anki fills a note type's fields from the columns so named.
        "#columns:id\tFront\tBack\ttags\tdeck",
        "#guid column:1",
        "#tags column:4",
        "#deck column:5",
    ]
    rows = [
        "\t".join([card.id, one_line(front(card)), one_line(card.answer_html), " ".join(card.tags),
                   deck_name(card)])
        for card in cards
    ]  # fmt: skip
    return "\n".join(header + rows) + "\n"


def front(card):
    """What Anki shows before the answer: the question; an exercise's task and starter too, so
    that it can be worked before the solution is revealed."""
    if card.kind != "exercise":
        return card.question
    return (
        f"<p><strong>{html.escape(card.question)}</strong></p>{card.prompt_html}{card.starter_html}"
    )


def one_line(field):
    """Tabs and newlines separate fields and notes. Inside a field a newline becomes a character
    reference: still a line break inside <pre> code, plain white space elsewhere."""
    return field.replace("\t", "&#9;").replace("\r", "").replace("\n", "&#10;")


# The note type's look. Answers are the site's own HTML: tables, code highlighted by Pygments
# (its `highlight` class and token classes), inline code, abbreviations. Anki marks night mode
# with `.nightMode` (and `.night_mode` before 2.1.50) on the card, so each colour has a night twin.
ANKI_BASE_CSS = """
.card { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 18px;
  line-height: 1.5; text-align: left; color: #1f2328; background: #ffffff; }
.card > * { max-width: 44rem; margin-left: auto; margin-right: auto; }
table { border-collapse: collapse; margin: 0.6em auto; }
th, td { border: 1px solid #8c959f; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono",
  monospace; font-size: 0.85em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0.6em 0.8em; border-radius: 4px;
  border: 1px solid #d0d7de; }
:not(pre) > code { background: #eff1f3; padding: 0.1em 0.3em; border-radius: 3px; }
pre code { font-size: inherit; }
hr#answer { border: none; border-top: 1px solid #d0d7de; }
abbr { text-decoration: none; }
.difficulty { color: #59636e; font-size: 0.8em; }
.card.nightMode, .card.night_mode { color: #e6edf3; background: #1e2228; }
.nightMode th, .night_mode th { background: #2d333b; }
.nightMode th, .nightMode td, .night_mode th, .night_mode td { border-color: #6e7681; }
.nightMode pre, .night_mode pre, .nightMode hr#answer, .night_mode hr#answer {
  border-color: #444c56; }
.nightMode :not(pre) > code, .night_mode :not(pre) > code { background: #2d333b; }
.nightMode .difficulty, .night_mode .difficulty { color: #9198a1; }
"""
NIGHT = [".nightMode .highlight", ".night_mode .highlight"]
ANKI_CSS = "\n".join([
    ANKI_BASE_CSS,
    HtmlFormatter(style="default").get_style_defs(".highlight"),
    HtmlFormatter(style="github-dark").get_style_defs(NIGHT),
])  # fmt: skip

# The fields keep their names and number, so a deck imported before this note type had its
# styles is updated in place, not duplicated.
ANKI_MODEL = genanki.Model(
    ANKI_MODEL_ID,
    "MLOps interview card",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Difficulty"}],
    templates=[{
        "name": "Question -> Answer",
        "qfmt": "{{Question}}",
        "afmt": '{{FrontSide}}<hr id=answer>{{Answer}}<p class="difficulty">{{Difficulty}}</p>',
    }],
    css=ANKI_CSS,
)  # fmt: skip


def deck_name(card):
    """Interview questions go to the rehearsal deck, every other card to the daily one."""
    return REHEARSAL_DECK if card.kind == "question" else FLASHCARDS_DECK


def anki_package(cards):
    decks = {name: genanki.Deck(deck_id, name) for name, deck_id in ANKI_DECK_IDS.items()}
    for card in cards:
        decks[deck_name(card)].add_note(genanki.Note(
            model=ANKI_MODEL,
            fields=[front(card), card.answer_html, card.difficulty],
            tags=card.tags,
            guid=note_guid(card.id),
        ))  # fmt: skip
    return genanki.Package(list(decks.values()))


def note_guid(card_id):
    """Stable per card id, so an edited answer updates the Anki note instead of duplicating it."""
    return hashlib.sha256(card_id.encode()).hexdigest()[:16]
