"""The drill's card data and Anki exports, read back and checked against the cards of every
built page."""

import json
import sqlite3
import zipfile
from contextlib import closing
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from course_build.card_exports import (
    ANKI_DECK_IDS,
    ANKI_MODEL_ID,
    ANKI_PACKAGE_FILE,
    ANKI_TEXT_FILE,
    CARDS_FILE,
    CARDS_FORMAT_VERSION,
    FLASHCARDS_DECK,
    REHEARSAL_DECK,
    note_guid,
)
from course_build.cards import answer_words
from course_build.interview_cards import (
    AUTHORED,
    DEFAULT_DIFFICULTY,
    DIFFICULTIES,
    EXERCISE_TALLY,
)
from course_content import built_cards, drill_page, nav_pages

AUTHORED_CARDS = ", ".join(f"details.{kind}" for kind in AUTHORED)


def built_pages(site):
    """(page URL, parsed page) of every built page."""
    for path in sorted(site.rglob("*.html")):
        url = path.relative_to(site).as_posix().removesuffix("index.html")
        yield url, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_cards(site):
    """{card id: (page URL, <details>)} of every authored card on every built page."""
    return {
        details["id"]: (url, details)
        for url, soup in built_pages(site)
        for details in soup.select(AUTHORED_CARDS)
    }


def entries_of(source):
    """How many cards a data-cards element should give: rows, terms, sections or items."""
    table, terms = source.find("table"), source.find("dl")
    if table is not None:
        return len(table.tbody.find_all("tr", recursive=False))
    if terms is not None:
        return len(terms.find_all("dd", recursive=False))
    headings = source.find_all("h3")
    return len(headings) or len(source.find(["ul", "ol"]).find_all("li", recursive=False))


def fact_sources(site):
    """{page URL: [data-cards elements]} of every built page that has some."""
    found = {url: soup.select("[data-cards]") for url, soup in built_pages(site)}
    return {url: sources for url, sources in found.items() if sources}


def assert_anki_front(shown, card, site):
    """Anki's front of a card (of cards.json): its question; an exercise's task and starter."""
    if card["kind"] != "exercise":
        assert shown == card["question"]
        return
    files_url = urljoin(f"https://site/{drill_page().url}", card["exercise"])
    files = json.loads((site / files_url.removeprefix("https://site/")).read_text())
    text = " ".join(BeautifulSoup(shown, "html.parser").get_text().split())
    assert card["question"] in text and card["prompt_html"] in shown
    assert " ".join(files["starter"].split()) in text


def drill_file(site, name):
    return site / drill_page().url / name


def test_cards_json_has_every_card_of_the_site_with_its_rendered_answer(built_site):
    data = json.loads(drill_file(built_site, CARDS_FILE).read_text(encoding="utf-8"))
    assert data["version"] == CARDS_FORMAT_VERSION
    assert data["difficulties"] == list(DIFFICULTIES)
    cards = {card["id"]: card for card in data["cards"]}
    expected = page_cards(built_site)
    assert {i for i, card in cards.items() if card["kind"] != "fact"} == expected.keys()
    for card_id, (url, details) in expected.items():
        card = cards[card_id]
        assert card["kind"] == details["class"][0]  # question, flashcard or exercise
        title = " ".join(details.summary.get_text().split())
        # A question's title is `Q: "..."`, an exercise's `Exercise: ...`, a flashcard's itself.
        assert title.lower().removesuffix('"').endswith(card["question"].lower())
        default = DEFAULT_DIFFICULTY.get(card["kind"])
        assert card["difficulty"] == details.get("data-difficulty", default)
        assert card["tags"] == details["data-tags"].split()
        # Relative to the drill page, so the drill finds the answer wherever the site is hosted.
        assert urljoin(f"https://site/{drill_page().url}", card["url"]) == (
            f"https://site/{url}#{card_id}"
        )
        assert "Drill this card" not in card["answer_html"]


def test_every_exercise_card_carries_its_prompt_and_files_and_its_solution_as_answer(built_site):
    for card in built_cards(built_site):
        if card["kind"] != "exercise":
            continue
        files_url = urljoin(f"https://site/{drill_page().url}", card["exercise"])
        files = json.loads((built_site / files_url.removeprefix("https://site/")).read_text())
        assert set(files) >= {"starter", "solution", "checks", "hints"}
        assert card["prompt_html"] and card["prompt_html"] not in card["answer_html"]
        first_line = files["solution"].strip().splitlines()[0]
        answer_text = BeautifulSoup(card["answer_html"], "html.parser").get_text()
        assert first_line in answer_text  # Anki shows the reference solution


def test_every_marked_table_list_or_section_gives_one_fact_card_per_entry(built_site):
    facts = [card for card in built_cards(built_site) if card["kind"] == "fact"]
    for url, sources in fact_sources(built_site).items():
        in_page = [c for c in facts if urljoin(f"https://site/{drill_page().url}", c["url"])
                   .removeprefix("https://site/").startswith(url + "#")]  # fmt: skip
        assert len(in_page) == sum(entries_of(source) for source in sources), url
        soup = dict(built_pages(built_site))[url]
        for card in in_page:
            anchor = soup.find(id=card["url"].split("#", 1)[1])
            assert anchor is not None and anchor.find_parent(attrs={"data-cards": True}), card["id"]
            assert card["answer_html"].strip(), card["id"]


def test_cards_come_in_page_order_each_with_its_section_and_answer_length(built_site):
    """Navigation order, then position in the page: the order the drill introduces new cards.
    Each card's element carries the section (the h2) it sits under, as its record does."""
    by_page = {}
    for card in built_cards(built_site):
        url, anchor = urljoin(f"https://site/{drill_page().url}", card["url"]).split("#")
        by_page.setdefault(url.removeprefix("https://site/"), []).append((card, anchor))
    assert list(by_page) == [page.url for page in nav_pages() if page.url in by_page]
    pages = dict(built_pages(built_site))
    for url, in_order in by_page.items():
        elements = [pages[url].find(id=anchor) for _, anchor in in_order]
        wanted = {id(element) for element in elements}
        assert [e for e in pages[url].find_all(True) if id(e) in wanted] == elements, url
        for (card, _), element in zip(in_order, elements, strict=True):
            heading = element.find_previous("h2")
            section = heading["id"] if heading is not None else ""  # above the first h2
            assert card["section"] == element["data-section"] == section, card["id"]
            assert card["words"] == answer_words(card["answer_html"]), card["id"]


def test_every_question_and_exercise_links_to_the_drill_and_back(built_site):
    for card_id, (url, details) in page_cards(built_site).items():
        if "flashcard" in details["class"]:
            continue  # reviewed where it stands
        link = urljoin(f"https://site/{url}", details.select_one("a.drill-link")["href"])
        assert link == f"https://site/{drill_page().url}#{card_id}"


def test_anki_text_file_imports_one_note_per_card_keyed_by_id(built_site):
    lines = drill_file(built_site, ANKI_TEXT_FILE).read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert header[:3] == ["#separator:tab", "#html:true", f"#deck:{FLASHCARDS_DECK}"]
    assert {"#guid column:1", "#tags column:4", "#deck column:5"} <= set(header)
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    cards = {card["id"]: card for card in built_cards(built_site)}
    assert [row[0] for row in rows] == list(cards)
    for card_id, question, answer, tags, deck in rows:
        shown = question.replace("&#10;", "\n").replace("&#9;", "\t")
        assert_anki_front(shown, cards[card_id], built_site)
        assert answer.replace("&#10;", "\n").replace("&#9;", "\t") == cards[card_id]["answer_html"]
        assert tags.split() == cards[card_id]["tags"]
        assert deck == (REHEARSAL_DECK if cards[card_id]["kind"] == "question" else FLASHCARDS_DECK)


def test_anki_package_is_a_deck_with_stable_ids(built_site, tmp_path):
    with zipfile.ZipFile(drill_file(built_site, ANKI_PACKAGE_FILE)) as package:
        package.extract("collection.anki2", tmp_path)
    with closing(sqlite3.connect(tmp_path / "collection.anki2")) as database:
        notes = database.execute("SELECT guid, mid, flds, tags FROM notes").fetchall()
        decks = json.loads(database.execute("SELECT decks FROM col").fetchone()[0])
    cards = built_cards(built_site)
    assert len(notes) == len(cards)
    by_guid = {
        guid: (model, fields.split("\x1f"), tags.split()) for guid, model, fields, tags in notes
    }
    for card in cards:
        model, fields, tags = by_guid[note_guid(card["id"])]
        assert model == ANKI_MODEL_ID
        assert_anki_front(fields[0], card, built_site)
        assert fields[1:] == [card["answer_html"], card["difficulty"]]
        assert tags == card["tags"]
    assert {name: decks[str(deck_id)]["name"] for name, deck_id in ANKI_DECK_IDS.items()} == {
        name: name for name in ANKI_DECK_IDS
    }


def test_drill_page_lists_every_card_and_the_downloads_without_javascript(built_site):
    html = (built_site / drill_page().url / "index.html").read_text(encoding="utf-8")
    drill = BeautifulSoup(html, "html.parser")
    items = drill.select("#drill-app ul.drill-card-list li")
    assert [item["id"] for item in items] == [card["id"] for card in built_cards(built_site)]
    for item, card in zip(items, built_cards(built_site), strict=True):
        assert item.a["href"] == card["url"]
        assert item.a.get_text() == card["question"]
    downloads = [a["href"] for a in drill.select("#drill-app .drill-anki a[download]")]
    assert downloads == [ANKI_PACKAGE_FILE, ANKI_TEXT_FILE]
    assert drill.select_one("#drill-app")["data-cards-file"] == CARDS_FILE


def test_every_exercise_tally_lists_the_courses_exercises_and_is_empty_until_counted(built_site):
    exercise_ids = [card["id"] for card in built_cards(built_site) if card["kind"] == "exercise"]
    pages = [soup for _, soup in built_pages(built_site)]
    tallies = [tally for soup in pages for tally in soup.select(f".{EXERCISE_TALLY}")]
    assert tallies, "the home page has an exercise tally"
    for tally in tallies:
        assert tally["data-exercises"].split() == exercise_ids
        assert tally.has_attr("hidden") and tally.get_text(strip=True) == ""  # without JavaScript
