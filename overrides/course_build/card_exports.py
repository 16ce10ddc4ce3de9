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

CARDS_FILE = "cards.json"
ANKI_TEXT_FILE = "mlops-interview-cards.txt"
ANKI_PACKAGE_FILE = "mlops-interview-cards.apkg"
DECK_NAME = "MLOps interview drill"
# Fixed ids: a re-import updates the same Anki deck and note type instead of adding new ones.
ANKI_DECK_ID = 1_734_510_021
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
    """Anki's plain-text import (2.1.54+): the card id first, so re-imports update notes."""
    header = [
        "#separator:tab",
        "#html:true",
        f"#deck:{DECK_NAME}",
        "#notetype:Basic",
        "#columns:id\tquestion\tanswer\ttags",
        "#guid column:1",
        "#tags column:4",
    ]
    rows = [
        "\t".join([card.id, one_line(front(card)), one_line(card.answer_html), " ".join(card.tags)])
        for card in cards
    ]
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


ANKI_MODEL = genanki.Model(
    ANKI_MODEL_ID,
    "MLOps interview card",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Difficulty"}],
    templates=[{
        "name": "Question -> Answer",
        "qfmt": "{{Question}}",
        "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}<p><small>{{Difficulty}}</small></p>",
    }],
)  # fmt: skip


def anki_package(cards):
    deck = genanki.Deck(ANKI_DECK_ID, DECK_NAME)
    for card in cards:
        deck.add_note(genanki.Note(
            model=ANKI_MODEL,
            fields=[front(card), card.answer_html, card.difficulty],
            tags=card.tags,
            guid=note_guid(card.id),
        ))  # fmt: skip
    return genanki.Package(deck)


def note_guid(card_id):
    """Stable per card id, so an edited answer updates the Anki note instead of duplicating it."""
    return hashlib.sha256(card_id.encode()).hexdigest()[:16]
