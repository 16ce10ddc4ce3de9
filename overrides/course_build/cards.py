"""What an interview drill card is: the one home of its fields, kinds and rules.
interview_cards.py collects cards, card_sources.py makes them from tables and lists,
card_exports.py writes them out.

The rules a drilled card keeps (minimum information: one idea, an answer you can grade
yourself honestly), checked on flashcards and facts, never on interview questions (their long
model answers are rehearsal outlines for the mock interview) nor on exercises:
- its answer holds at most WORD_LIMIT words (`answer_words`: the answer's text as the reader
  sees it, code included, split at white space; a token counts if it has a letter or a digit,
  so "→", "+" and "-" do not);
- its question does not hold its answer (`gives_answer_away`): the answer's words, in order,
  do not appear in the question, and no more than half of the answer's content words (three
  letters or more, common words left out, a plural counted as its singular) appear in it.
"""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

# question: one of the seven interview prompts, answered aloud (mock interview, not the daily
# queue); flashcard: one idea, authored; fact: made from a marked table, definition list,
# sections or list; exercise: code to write and Check.
KINDS = ("question", "flashcard", "fact", "exercise")
CHECKED_KINDS = ("flashcard", "fact")  # the kinds the rules above apply to
DIFFICULTIES = ("easy", "medium", "hard")
CARD_ID = re.compile(r"card-[a-z0-9]+(-[a-z0-9]+)*")
TAG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
WORD_LIMIT = 30


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
    section: str = ""  # the id of the h2 the card sits under in its page ("" above the first)
    words: int = 0  # how many words its answer holds (answer_words)
    starter_html: str = ""  # exercises: the starter code, highlighted (Anki's front)


def slug(text):
    """'Weights & Biases' -> 'weights-biases', "doesn't" -> 'doesnt': the stable part of a
    generated card's id."""
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", text.lower())).strip("-")


def text_of(html):
    return BeautifulSoup(html, "html.parser").get_text(" ")


def answer_words(answer_html):
    """The number of words of an answer, as the reader sees it."""
    return sum(1 for token in text_of(answer_html).split() if re.search(r"\w", token))


# Words that carry no content of their own: sharing them says nothing about giving away.
COMMON_WORDS = set(
    "the and for are but not you your with that this what which when why how does did has have "
    "was were its from into than then there their they them can could should would will one all "
    "any each only also more most other some such about after before over under between same "
    "very just out own our who where while both too yet isnt doesnt dont cant".split()
)


def normalised_words(text):
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("'", "").replace("’", "")).split()


def content_words(text):
    """The distinct words that carry content, plurals folded: 'Models degrade' -> {model,
    degrade}."""
    words = (word for word in normalised_words(text) if len(word) >= 3)
    return {singular(word) for word in words if word not in COMMON_WORDS}


def singular(word):
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def gives_answer_away(question, answer_html):
    """Why the question holds its own answer (see the module's rules), or None."""
    answer = " ".join(normalised_words(text_of(answer_html)))
    if answer and f" {answer} " in f" {' '.join(normalised_words(question))} ":
        return "its question contains its whole answer"
    answer_content = content_words(answer)
    shared = answer_content & content_words(question)
    if answer_content and len(shared) * 2 > len(answer_content):
        return (f"its question holds most of its answer ({len(shared)} of the answer's "
                f"{len(answer_content)} content words: {', '.join(sorted(shared))})")  # fmt: skip
    return None


def rule_problems(card):
    """What a flashcard or fact breaks of the rules above, in words a contributor can act on."""
    if card.kind not in CHECKED_KINDS:
        return []
    problems = []
    if card.words > WORD_LIMIT:
        problems.append(f"its answer has {card.words} words, over the limit of {WORD_LIMIT}: "
                        "keep one idea (split an enumeration into cards)")  # fmt: skip
    given_away = gives_answer_away(card.question, card.answer_html)
    if given_away:
        problems.append(f"{given_away}: ask so that the answer must be recalled")
    return problems
