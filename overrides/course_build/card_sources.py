"""Drill cards made from the lesson's own structure, with no new prose to write.

A contributor marks a table, a definition list, a run of `###` sections or a list as a card
source by wrapping it in one element with one attribute (the contributing page shows it):

    <div data-cards="compare | How does {key} differ between DevOps and MLOps?" markdown>

Each table row, term, section or list item becomes a card (kind `fact`): its key (the first
cell, the term, the heading or the item's bold first words, less a leading "Challenge 1:" or
"1.") fills the question, its own content is the answer, and its id, derived from the source's
name and the key (its first six words), stays the same as long as they do. The row, term,
section or item gets that id as an anchor, so the card links back to its place.

An entry may ask its own question instead of the template's, so that look-alike entries each
get a cue of their own: attr_list's `{ data-question="..." }` right after its key (after the
first cell's text or its `**bold**`, the term, the heading, the item's bold title). It is
invisible on the page. A table row's answer is the row without its key cell, under the header.
"""

import copy
import html
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

from course_build.cards import Card, slug

LEADING_LABEL = re.compile(r"^(?:[A-Z][\w-]* \d+:|\d+\.)\s*")
FACT_DIFFICULTY = "easy"
OWN_QUESTION = "data-question"
ID_WORDS = 6


def card_source_problems(source):
    """Why a `data-cards` element cannot make cards, or None."""
    name, separator, template = source["data-cards"].partition("|")
    if not separator or not slug(name):
        return 'data-cards must be "name | question with {key}"'
    if "{key}" not in template:
        return "the question of data-cards must contain {key}"
    if not items_of(source):
        return "data-cards wraps no table, definition list, ### sections or list"
    return None


@dataclass
class Entry:
    key: str
    key_element: object  # the element that holds the key (and may carry data-question)
    answer_html: str
    anchor: object  # the element the card links to

    @property
    def own_question(self):
        """The entry's data-question, on its key element or on an element inside it."""
        if self.key_element.get(OWN_QUESTION):
            return self.key_element[OWN_QUESTION]
        inner = self.key_element.find(attrs={OWN_QUESTION: True})
        return inner[OWN_QUESTION] if inner is not None else None


def items_of(source):
    """The Entry of each row, term, section or item of a card source."""
    table = source.find("table")
    if table is not None:
        return table_items(table)
    terms = source.find("dl")
    if terms is not None:
        return term_items(terms)
    headings = source.find_all("h3")
    if headings:
        return section_items(headings)
    listing = source.find(["ul", "ol"])
    return list_items(listing) if listing is not None else []


def key_of(element):
    text = " ".join(element.get_text(" ").replace("¶", "").split())
    return LEADING_LABEL.sub("", text).strip()


def table_items(table):
    """A row's answer: its other cells, under the header's (the question names the key)."""
    items = []
    for row in table.find("tbody").find_all("tr", recursive=False):
        answer = copy.copy(table)
        answer.attrs = {}
        answer.tbody.clear()
        answer.tbody.append(copy.copy(row))
        for answer_row in answer.find_all("tr"):
            answer_row.find(["td", "th"]).decompose()
        key_cell = row.find(["td", "th"])
        items.append(Entry(key_of(key_cell), key_cell, str(answer), row))
    return items


def term_items(terms):
    items, names = [], []
    for child in terms.find_all(["dt", "dd"], recursive=False):
        if child.name == "dt":
            names.append(child)
        elif names:
            also = [key_of(name) for name in names[1:]]
            answer = "".join(str(node) for node in child.contents).strip()
            if not child.find(["p", "ul", "ol", "div", "table"]):
                answer = f"<p>{answer}</p>"
            if also:
                answer += f"<p>Also called: {html.escape(', '.join(also))}.</p>"
            items.append(Entry(key_of(names[0]), names[0], answer, names[0]))
            names = []
    return items


def section_items(headings):
    items = []
    for heading in headings:
        content = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h1", "h2", "h3"):
                break
            content.append(str(sibling))
        items.append(Entry(key_of(heading), heading, without_tabs("".join(content)), heading))
    return items


def without_tabs(html):
    """Content tabs need the page's own script and styles: outside it (the drill, Anki), each
    tab's label and content follow one another."""
    soup = BeautifulSoup(html, "html.parser")
    for tabs in soup.select("div.tabbed-set"):
        flat = soup.new_tag("div")
        labels = tabs.select(".tabbed-labels > label")
        contents = tabs.select(".tabbed-content > .tabbed-block")
        for label, block in zip(labels, contents, strict=True):
            title = soup.new_tag("p")
            strong = soup.new_tag("strong")
            strong.string = label.get_text()
            title.append(strong)
            flat.append(title)
            flat.extend(list(block.contents))
        tabs.replace_with(flat)
    return str(soup)


def list_items(listing):
    """Each item's first element (its bold title) is the key; what follows is the answer."""
    items = []
    for item in listing.find_all("li", recursive=False):
        head = next((child for child in item.children if getattr(child, "name", None)), None)
        if head is None:
            continue
        rest = "".join(str(node) for node in head.find_next_siblings())
        items.append(Entry(key_of(head), head, rest.strip(), item))
    return items


def generated_cards(soup, page):
    """([(element, card)], problems) from the card sources of a rendered page (its PageSource
    `page`): each card with the element it anchors, its row, term, section or item."""
    cards, problems = [], []
    for source in soup.select("[data-cards]"):
        line = source_line(page.lines, source["data-cards"])
        where = f"{page.name}:{line}" if line else page.name
        problem = card_source_problems(source)
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        name, _, template = (part.strip() for part in source["data-cards"].partition("|"))
        for entry in items_of(source):
            card_id = f"card-{slug(name)}-{key_slug(entry.key)}"
            anchor = entry.anchor
            anchor["id"] = anchor.get("id") or card_id
            question = entry.own_question or template.replace("{key}", entry.key)
            card = Card(card_id, "fact", question, FACT_DIFFICULTY, [slug(name)], where,
                        answer_html=entry.answer_html, anchor=anchor["id"])  # fmt: skip
            cards.append((anchor, card))
    return cards, problems


def key_slug(key):
    """The first ID_WORDS words of the key, as a slug: an id short enough for a link, and kept
    when a long key's tail is reworded."""
    return "-".join(slug(key).split("-")[:ID_WORDS])


def source_line(lines, value):
    marker = f'data-cards="{value}"'
    return next((n for n, line in enumerate(lines, start=1) if marker in line), None)
