"""What an interview drill card is: the one home of its fields, kinds and rules.
interview_cards.py collects cards, card_sources.py makes them from tables and lists,
card_exports.py writes them out."""

import re
from dataclasses import dataclass

KINDS = ("question", "exercise", "fact")  # Q&A card, exercise, made from a marked table or list
DIFFICULTIES = ("easy", "medium", "hard")
CARD_ID = re.compile(r"card-[a-z0-9]+(-[a-z0-9]+)*")
TAG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass
class Card:
    id: str
    kind: str
    question: str
    difficulty: str
    tags: list
    source: str  # docs/<page>.md:<line>, for error messages
    url: str = ""  # the card in its page, relative to the drill page
    answer_html: str = ""
    prompt_html: str = ""  # exercises: the task, shown above the editor in the drill
    exercise: str = ""  # exercises: their files (starter, solution, checks), relative to the drill
    anchor: str = ""  # the id, in its page, of the element the card links to (default: its id)


def slug(text):
    """'Weights & Biases' -> 'weights-biases', "doesn't" -> 'doesnt': the stable part of a
    generated card's id."""
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", text.lower())).strip("-")
