"""The files the interview drill serves next to its page: the card data the drill reads, and the
two Anki exports. Written by interview_cards.py; the one place their names
and Anki's fixed ids live.
"""

import hashlib
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
CARDS_FORMAT_VERSION = 3  # 2: card links relative to the drill page; 3: exercises and facts
CARD_FIELDS = ("id", "kind", "question", "difficulty", "tags", "url", "answer_html",
               "prompt_html", "exercise")  # fmt: skip


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
        "\t".join(
            [card.id, one_line(card.question), one_line(card.answer_html), " ".join(card.tags)]
        )
        for card in cards
    ]
    return "\n".join(header + rows) + "\n"


def one_line(html):
    """Tabs and newlines separate fields and notes. Inside a field a newline becomes a character
    reference: still a line break inside <pre> code, plain white space elsewhere."""
    return html.replace("\t", "&#9;").replace("\r", "").replace("\n", "&#10;")


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
            fields=[card.question, card.answer_html, card.difficulty],
            tags=card.tags,
            guid=note_guid(card.id),
        ))  # fmt: skip
    return genanki.Package(deck)


def note_guid(card_id):
    """Stable per card id, so an edited answer updates the Anki note instead of duplicating it."""
    return hashlib.sha256(card_id.encode()).hexdigest()[:16]
