"""Collect every interview drill card of the site from the rendered pages; fail the build on a
malformed one.

Four kinds of card (cards.py), in the markup the drill and the lesson's review prompts read:
- a flashcard: a `/// details` block of type `flashcard`, its summary the question, its body the
  answer (one idea, at most cards.WORD_LIMIT words); rendered by pymdownx.blocks as
  `<details class="flashcard" id=... data-tags=...>` (`data-difficulty` optional: easy). At the
  end of a lesson section, a few of them, one after another, are its inline review prompts;
- an interview question: a `/// details` block of type `question`, rendered as
  `<details class="question" id=... data-difficulty=... data-tags=...>`: a long model answer,
  rehearsed in the mock interview;
- an exercise: a `/// details` block of type `exercise` (exercises.py): reviewed in the drill
  with its editor and Check;
- a fact, made from a table, definition list, sections or list marked with data-cards
  (card_sources.py).

Once every page is rendered and before any is written (MkDocs' `env` event), its hook reads the
cards from that HTML in page order, checks them (reporting docs/<page>.md:<line>, the line of the
card's `/// details`, or of the data-cards element), gives each card's element a
`data-section="<id of the h2 it sits under>"`, adds a "Drill this card" link to each question
and exercise (flashcards are reviewed where they stand), lists every card on the drill page
(readable without JavaScript), and writes the drill's files next to it (card_exports.py). An
`.exercise-tally` element on any page (the home page's) is given the course's exercise ids, in
`data-exercises`, for the page to count those solved.
Everything it needs comes from the pages MkDocs hands it: no state is kept between events.
"""

import re
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from course_build.card_exports import ANKI_PACKAGE_FILE, ANKI_TEXT_FILE, CARDS_FILE, write_exports
from course_build.card_sources import generated_cards
from course_build.cards import CARD_ID, DIFFICULTIES, TAG, Card, answer_words, rule_problems
from course_build.pages import PageSource, page_source
from course_build.problems import fail_on

QUESTION_QUOTES = re.compile(r'^Q:\s*"?|"$')
EXERCISE_LABEL = re.compile(r"^Exercise:\s*")
DRILL_ROOT = "drill-app"  # the element the drill page carries: <div id="drill-app">
EXERCISE_TALLY = "exercise-tally"  # "n of 5 exercises solved" (drill/course-progress.js)
NOT_IN_A_SUMMARY = ["a", "button", "h1", "h2", "h3", "h4", "h5", "h6"]
AUTHORED = ("question", "flashcard", "exercise")  # the `/// details` types that are cards
DEFAULT_DIFFICULTY = {"flashcard": "easy"}  # the kinds whose difficulty may be left out
LINKED_TO_DRILL = ("question", "exercise")  # flashcards are reviewed where they stand


def card_problems(details, kind):
    """What is wrong with one rendered card, in words a contributor can act on."""
    card_id = details.get("id", "")
    problems = []
    if not card_id:
        problems.append("has no id (attrs: {id: card-...})")
    elif not CARD_ID.fullmatch(card_id):
        problems.append(f"id {card_id!r} must look like card-lower-case-words")
    summary = details.find("summary", recursive=False)
    if summary is None or not summary.get_text(strip=True):
        problems.append("has no question (/// details | Q: ...)")
    elif summary.find(NOT_IN_A_SUMMARY):
        problems.append("has a link, button or heading in its question (screen readers)")
    difficulty = details.get("data-difficulty", DEFAULT_DIFFICULTY.get(kind))
    if difficulty not in DIFFICULTIES:
        problems.append(f"difficulty {difficulty!r} is not one of {', '.join(DIFFICULTIES)}")
    tags = details.get("data-tags", "").split()
    if not tags or not all(TAG.fullmatch(tag) for tag in tags):
        tags_text = details.get("data-tags")
        problems.append(f"tags {tags_text!r} must be lower-case words, space-separated")
    if not answer_html(details):
        problems.append("has an empty answer")
    outer = details.find_parent("details", class_=AUTHORED)
    if outer is not None:
        problems.append(f"is inside card {outer.get('id')}: close that card with /// first")
    return problems


def answer_html(details):
    parts = [str(node) for node in details.children if getattr(node, "name", None) != "summary"]
    return "".join(parts).strip()


# In an exercise, what the prompt is not: its editor, its hints and the build's solution.
NOT_THE_PROMPT = ("runnable", "hint", "exercise-solution")


def exercise_parts(details):
    """(prompt HTML, starter code HTML, reference solution HTML) of a rendered exercise."""
    prompt = [
        str(node)
        for node in details.children
        if getattr(node, "name", None) != "summary"
        and not set(getattr(node, "attrs", {}).get("class", [])) & set(NOT_THE_PROMPT)
    ]
    starter = details.select_one("div.runnable.exercise")
    solution = details.find("details", class_="exercise-solution")
    code = "".join(str(node) for node in solution.children if node.name != "summary")
    return "".join(prompt).strip(), str(starter), code.strip()


def authored_card(details, kind, source):
    """The Card for a rendered `details.question`, `details.flashcard` or `details.exercise`."""
    title = " ".join(details.summary.get_text().split())
    tags = details["data-tags"].split()
    difficulty = details.get("data-difficulty", DEFAULT_DIFFICULTY.get(kind))
    if kind != "exercise":
        return Card(details["id"], kind, QUESTION_QUOTES.sub("", title), difficulty, tags, source,
                    answer_html=answer_html(details))  # fmt: skip
    prompt, starter, solution = exercise_parts(details)
    task = EXERCISE_LABEL.sub("", title)
    files = details.select_one("div.runnable[data-exercise]")["data-exercise"]
    return Card(details["id"], kind, task[:1].upper() + task[1:], difficulty, tags, source,
                answer_html=f"<p>A reference solution:</p>{solution}", prompt_html=prompt,
                starter_html=starter, exercise=files)  # fmt: skip


def authored_cards(source, soup):
    """([(element, card)], problems) of the `/// details` cards of one rendered page; the n-th
    rendered card of a kind is the n-th block of that kind in the source, whose line it names."""
    cards, problems = [], []
    for kind in AUTHORED:
        lines = [block.line for block in source.details(kind)]
        for index, details in enumerate(soup.select(f"details.{kind}")):
            where = f"{source.name}:{lines[index]}" if index < len(lines) else source.name
            found = card_problems(details, kind)
            if found:
                card_id = details.get("id") or "(no id)"
                problems.append(f"{where}: interview card {card_id} " + "; ".join(found))
            else:
                cards.append((details, authored_card(details, kind, where)))
    return cards, problems


def page_cards(source, soup):
    """(cards, problems) of one rendered page, the cards in page order; each card names its line
    in its PageSource, and it and its element know the h2 section they sit under."""
    authored, problems = authored_cards(source, soup)
    facts, fact_problems = generated_cards(soup, source)
    position = {id(element): index for index, element in enumerate(soup.find_all(True))}
    in_order = sorted(authored + facts, key=lambda pair: position[id(pair[0])])
    for element, card in in_order:
        card.section = element["data-section"] = section_of(element)
        card.words = answer_words(card.answer_html)
        problems += [
            f"{card.source}: interview card {card.id}: {why}" for why in rule_problems(card)
        ]
    return [card for _, card in in_order], problems + fact_problems


def section_of(element):
    """The id of the h2 an element sits under, "" above the first."""
    heading = element.find_previous("h2")
    return heading.get("id", "") if heading is not None else ""


def duplicate_problems(cards):
    """A card id used twice: the later card is blamed, and told where the first one is."""
    first_seen, problems = {}, []
    for card in cards:
        if card.id in first_seen:
            first = first_seen[card.id]
            why = f"interview card id {card.id} is already used at {first}"
            problems.append(f"{card.source}: {why}")
        first_seen.setdefault(card.id, card.source)
    return problems


def link_to_drill(soup, cards, page, drill_page):
    """Each card's URL relative to the drill; questions and exercises get a "Drill this card"
    link."""
    drill_url = get_relative_url(drill_page.url, page.url)
    page_from_drill = get_relative_url(page.url, drill_page.url)
    for card in cards:
        card.url = f"{page_from_drill}#{card.anchor or card.id}"
        if card.exercise:
            card.exercise = get_relative_url(page.url + card.exercise, drill_page.url)
        if card.kind not in LINKED_TO_DRILL:
            continue
        link = soup.new_tag("a", href=f"{drill_url}#{card.id}", attrs={"class": "drill-link"})
        link.string = "Drill this card"
        paragraph = soup.new_tag("p")
        paragraph.append(link)
        soup.find("details", id=card.id).append(paragraph)


def fill_drill_page(soup, cards):
    """The drill's data attribute, and every card as a link to its answer: what a reader
    without JavaScript gets, and what `drill/#card-id` links land on."""
    app = soup.find(id=DRILL_ROOT)
    app["data-cards-file"] = CARDS_FILE
    listing = soup.new_tag("ul", attrs={"class": "drill-card-list"})
    for card in cards:
        item = soup.new_tag("li", id=card.id)
        link = soup.new_tag("a", href=card.url)
        link.string = card.question
        item.append(link)
        item.append(f" ({card.difficulty}; {', '.join(card.tags)})")
        listing.append(item)
    app.append(listing)
    anki = soup.new_tag("p", attrs={"class": "drill-anki"})
    anki.append("Anki: ")
    for index, (href, text) in enumerate(
        [(ANKI_PACKAGE_FILE, "deck (.apkg)"), (ANKI_TEXT_FILE, "text file to import")]
    ):
        link = soup.new_tag("a", href=href, download="")
        link.string = text
        anki.append(" or " if index else "")
        anki.append(link)
    app.append(anki)


def fill_exercise_tallies(rendered, cards):
    """Every `.exercise-tally` lists the course's exercises, in page order."""
    exercise_ids = " ".join(card.id for card in cards if card.kind == "exercise")
    for page, soup in rendered:
        tallies = soup.select(f".{EXERCISE_TALLY}")
        for tally in tallies:
            tally["data-exercises"] = exercise_ids
        if tallies:
            page.content = str(soup)


def find_drill_page(rendered):
    """(page, soup) of the one page that holds the drill, or None."""
    with_drill = [(page, soup) for page, soup in rendered if soup.find(id=DRILL_ROOT)]
    if len(with_drill) > 1:
        names = ", ".join(f"docs/{page.file.src_uri}" for page, _ in with_drill)
        raise PluginError(f'only one page may hold <div id="{DRILL_ROOT}">: {names}')
    return with_drill[0] if with_drill else (None, None)


def collect_into_drill(pages, site_dir):
    """Read and check every card of the rendered `pages` (in navigation order: "later" in an
    error means later in it), link each to the drill, list them all on the drill page and write
    the drill's files beside it. Changes the pages' content."""
    rendered = [(page, BeautifulSoup(page.content, "html.parser")) for page in pages]
    drill_page, drill_soup = find_drill_page(rendered)
    cards, problems = [], []
    for page, soup in rendered:
        source = page_source(page) or PageSource(f"docs/{page.file.src_uri}", "")  # a notebook
        found, page_problems = page_cards(source, soup)
        problems += page_problems
        if found and drill_page is None:
            problems.append(f"{source.name}: has cards, but no page has a drill")
        elif found:
            link_to_drill(soup, found, page, drill_page)
            page.content = str(soup)
        cards += found
    fail_on(problems + duplicate_problems(cards), "Interview card problem(s)")
    fill_exercise_tallies(rendered, cards)
    if drill_page is not None:
        fill_drill_page(drill_soup, cards)
        drill_page.content = str(drill_soup)
        write_exports(cards, site_dir / Path(drill_page.file.dest_path).parent, DIFFICULTIES)
