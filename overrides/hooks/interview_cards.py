"""Collect every interview Q&A card of the site; fail the build on a malformed one.

A card is written in Markdown as a `/// details` block of type `question` (see the contributing
page). This hook checks each card where it is written (reporting `docs/<page>.md:<line>`),
takes its rendered answer from the page's HTML, adds a "Drill this card" link to it, and after
the build writes the drill's card data and the Anki exports into site/drill/.
"""

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import genanki
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

DIFFICULTIES = ("easy", "medium", "hard")
CARD_ID = re.compile(r"card-[a-z0-9]+(-[a-z0-9]+)*")
TAG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
BLOCK_START = re.compile(r"^/// (?P<name>[\w-]+)(\s*\|\s*(?P<title>.*))?$")
BLOCK_END = "///"
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
DRILL_PAGE = "drill/"
DECK_NAME = "MLOps interview drill"
# Fixed ids: a re-import updates the same Anki deck and note type instead of adding new ones.
ANKI_DECK_ID = 1_734_510_021
ANKI_MODEL_ID = 1_734_510_022


@dataclass
class Card:
    id: str
    question: str
    difficulty: str
    tags: list
    source: str  # docs/<page>.md:<line>, for error messages
    page_url: str = ""
    answer_html: str = ""


def find_cards(text, source_name):
    """Yield (line number, title, options dict, body text) for each `/// details` question card."""
    lines = text.splitlines()
    for start, line in outside_code_fences(lines):
        match = BLOCK_START.match(line)
        if not match or match["name"] != "details":
            continue
        options, body_start = read_options(lines, start + 1)
        if options.get("type") != "question":
            continue
        body = read_body(lines, body_start, f"{source_name}:{start + 1}")
        yield start + 1, (match["title"] or "").strip(), options, body


def outside_code_fences(lines):
    """(index, line) of the lines that are not inside a fenced code block (examples of cards)."""
    fence = None
    for index, line in enumerate(lines):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match[1]
        elif fence and match and match[1][0] == fence[0] and len(match[1]) >= len(fence):
            fence = None
        elif fence is None:
            yield index, line


def read_options(lines, index):
    """The indented YAML options under a block's first line, and where its body starts."""
    option_lines = []
    while index < len(lines) and lines[index].startswith("    ") and lines[index].strip():
        option_lines.append(lines[index][4:])
        index += 1
    try:
        options = yaml.safe_load("\n".join(option_lines)) or {}
    except yaml.YAMLError as error:
        raise PluginError(f"card options are not valid YAML: {error}") from error
    return (options if isinstance(options, dict) else {}), index


def read_body(lines, index, where):
    depth = 1
    body = []
    for line in lines[index:]:
        if BLOCK_START.match(line):
            depth += 1
        elif line.strip() == BLOCK_END:
            depth -= 1
            if depth == 0:
                return "\n".join(body)
        body.append(line)
    raise PluginError(f"{where}: card block is never closed with '///'")


def card_from_block(line, title, options, body, source_name):
    """A Card, or PluginError naming the file, line and what is wrong."""
    where = f"{source_name}:{line}"
    attrs = options.get("attrs") or {}
    card_id = str(attrs.get("id", ""))
    problems = []
    if not card_id:
        problems.append("has no id (attrs: {id: card-...})")
    elif not CARD_ID.fullmatch(card_id):
        problems.append(f"id {card_id!r} must look like card-lower-case-words")
    if not title:
        problems.append("has no question (/// details | Q: ...)")
    difficulty = attrs.get("data-difficulty")
    if difficulty not in DIFFICULTIES:
        problems.append(f"difficulty {difficulty!r} is not one of {', '.join(DIFFICULTIES)}")
    tags = str(attrs.get("data-tags", "")).split()
    if not tags or not all(TAG.fullmatch(tag) for tag in tags):
        problems.append(
            f"tags {attrs.get('data-tags')!r} must be lower-case words, space-separated"
        )
    if not body.strip():
        problems.append("has an empty answer")
    if problems:
        raise PluginError(f"{where}: interview card {card_id or '(no id)'} " + "; ".join(problems))
    question = re.sub(r'^Q:\s*"?|"$', "", title)
    return Card(card_id, question, difficulty, tags, where)


class CardCollection:
    """All cards of one build, keyed by id; a duplicate id names both places."""

    def __init__(self):
        self.cards = {}

    def add(self, card):
        if card.id in self.cards:
            first = self.cards[card.id].source
            raise PluginError(
                f"{card.source}: interview card id {card.id} is already used at {first}"
            )
        self.cards[card.id] = card


collection = CardCollection()


def on_pre_build(config):
    global collection
    collection = CardCollection()


def on_page_content(html, page, config, files):
    """Take each card's rendered answer, and add a "Drill this card" link to it."""
    cards = [card for card in collection.cards.values() if card.page_url == page.url]
    if not cards:
        return html
    soup = BeautifulSoup(html, "html.parser")
    drill_url = get_relative_url(DRILL_PAGE, page.url)
    for card in cards:
        details = soup.find("details", id=card.id)
        answer = [
            str(node) for node in details.children if getattr(node, "name", None) != "summary"
        ]
        card.answer_html = "".join(answer).strip()
        link = soup.new_tag("a", href=f"{drill_url}#{card.id}", attrs={"class": "drill-link"})
        link.string = "Drill this card"
        paragraph = soup.new_tag("p")
        paragraph.append(link)
        details.append(paragraph)
    return str(soup)


def on_post_page(output, page, config):
    """On the drill page, list every card (readable without JavaScript; the ids make
    `drill/#card-id` links land on the card)."""
    if page.url != DRILL_PAGE:
        return output
    soup = BeautifulSoup(output, "html.parser")
    app = soup.find(id="drill-app")
    if app is None:
        raise PluginError(f'docs/{page.file.src_uri}: the drill page needs <div id="drill-app">')
    listing = soup.new_tag("ul", attrs={"class": "drill-card-list"})
    for card in collection.cards.values():
        item = soup.new_tag("li", id=card.id)
        link = soup.new_tag("a", href=f"{get_relative_url(card.page_url, page.url)}#{card.id}")
        link.string = card.question
        item.append(link)
        item.append(f" ({card.difficulty}; {', '.join(card.tags)})")
        listing.append(item)
    app.append(listing)
    return str(soup)


def on_post_build(config):
    drill_dir = Path(config["site_dir"]) / "drill"
    drill_dir.mkdir(parents=True, exist_ok=True)
    cards = list(collection.cards.values())
    (drill_dir / "cards.json").write_text(json.dumps(cards_json(cards)), encoding="utf-8")
    (drill_dir / "mlops-interview-cards.txt").write_text(anki_text(cards), encoding="utf-8")
    anki_package(cards).write_to_file(drill_dir / "mlops-interview-cards.apkg")


def cards_json(cards):
    fields = ("id", "question", "difficulty", "tags", "page_url", "answer_html")
    return {"version": 1, "cards": [{key: asdict(card)[key] for key in fields} for card in cards]}


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


def on_page_markdown(markdown, page, config, files):
    if not page.file.src_uri.endswith(".md"):
        return markdown
    source_name = f"docs/{page.file.src_uri}"
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    for line, title, options, body in find_cards(text, source_name):
        card = card_from_block(line, title, options, body, source_name)
        card.page_url = page.url
        collection.add(card)
    return markdown
