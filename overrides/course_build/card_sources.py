"""Drill cards made from the lesson's own structure, with no new prose to write.

A contributor marks a table, a definition list, a run of `###` sections or a list as a card
source by wrapping it in one element with one attribute (the contributing page shows it):

    <div data-cards="compare | How does {key} differ between DevOps and MLOps?" markdown>

Each table row, term, section or list item becomes a card: its key (the first cell, the term,
the heading or the item's bold first words, less a leading "Challenge 1:" or "1.") fills the
question, its own content is the answer, and its id, derived from the source's name and the key,
stays the same as long as the key does. The row, term, section or item gets that id as an
anchor, so the card links back to its place.
"""

import copy
import html
import re

from bs4 import BeautifulSoup

from course_build.cards import Card, slug

LEADING_LABEL = re.compile(r"^(?:[A-Z][\w-]* \d+:|\d+\.)\s*")
FACT_DIFFICULTY = "easy"


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


def items_of(source):
    """(key, answer HTML, element to anchor) for each entry of a card source."""
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
    header = table.find("thead")
    items = []
    for row in table.find("tbody").find_all("tr", recursive=False):
        answer = copy.copy(table)
        answer.tbody.clear()
        answer.tbody.append(copy.copy(row))
        answer.attrs = {}
        items.append((key_of(row.find(["td", "th"])), str(answer) if header else str(row), row))
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
            items.append((key_of(names[0]), answer, names[0]))
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
        items.append((key_of(heading), without_tabs("".join(content)), heading))
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
        items.append((key_of(head), rest.strip(), item))
    return items


def generated_cards(soup, page):
    """(cards, problems) from the card sources of a rendered page (its PageSource `page`); each
    anchors its entries."""
    cards, problems = [], []
    for source in soup.select("[data-cards]"):
        line = source_line(page.lines, source["data-cards"])
        where = f"{page.name}:{line}" if line else page.name
        problem = card_source_problems(source)
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        name, _, template = (part.strip() for part in source["data-cards"].partition("|"))
        for key, answer, anchor in items_of(source):
            card_id = f"card-{slug(name)}-{slug(key)}"
            anchor["id"] = anchor.get("id") or card_id
            question = template.replace("{key}", key)
            card = Card(card_id, "fact", question, FACT_DIFFICULTY, [slug(name)], where)
            card.answer_html, card.anchor = answer, anchor["id"]
            cards.append(card)
    return cards, problems


def source_line(lines, value):
    marker = f'data-cards="{value}"'
    return next((n for n, line in enumerate(lines, start=1) if marker in line), None)
