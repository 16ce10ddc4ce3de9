"""The interview drill in Chromium: a first session that fits (due cards, then at most a day's
limit of new cards, in lesson order, short ones first, no interview question), the mock
interview, saved progress, bad storage, files, keyboard. What the queue holds is computed here
from the built cards.json, by the rule the drill page states."""

import json
import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from course_content import built_cards, drill_page
from drill_store import (
    NEW_PER_DAY,
    STORAGE_KEY,
    make_every_card_due,
    stored_cards,
    stored_progress,
)
from playwright.sync_api import expect

DRILL = drill_page().url
COUNTS = re.compile(r"^\d+ due · \d+ new today$")


@pytest.fixture(scope="module")
def cards(built_site):
    """The cards the build collected, in lesson order (the order new cards come in)."""
    return built_cards(built_site)


def daily(cards):
    """The cards of the daily review: all but the interview questions (the mock interview's)."""
    return [card for card in cards if card["kind"] != "question"]


def new_cards_in_order(cards):
    """The daily cards as they are introduced: lesson order, the shortest answers first within
    a section (of a page)."""
    sections = {}
    for card in daily(cards):
        sections.setdefault((card["url"].split("#")[0], card["section"]), []).append(card)
    return [card for section in sections.values() for card in sorted(section, key=words)]


def words(card):
    return card["words"]


@pytest.fixture
def first_session(cards):
    """What a new reader's first review holds: the first day's new cards."""
    return new_cards_in_order(cards)[:NEW_PER_DAY]


@pytest.fixture
def drill(page, site_url):
    page.goto(site_url + DRILL)
    expect(due_count(page)).to_have_text(COUNTS)
    return page


def answer_start(card):
    """The first words of a card's answer, as the page shows them."""
    return " ".join(BeautifulSoup(card["answer_html"], "html.parser").get_text().split()[:6])


def due_count(page):
    return page.locator(".drill-due")


def status(page):
    return page.locator(".drill-status")


def start_review(page):
    page.get_by_role("button", name="Review today's cards").click()
    expect(page.locator(".drill-question")).to_be_visible()


def grade(page, name):
    page.get_by_role("button", name=re.compile(f"^{name} ")).click()


def review_one_card_and_reload(page):
    """A first card graded Easy, then the page reloaded once the grade is stored (it says
    "Graded Easy": the scheduler's module loads first)."""
    start_review(page)
    page.get_by_role("button", name="Show answer").click()
    grade(page, "Easy")
    expect(status(page)).to_contain_text("Graded Easy")
    page.reload()


def counts(due, new):
    return f"{due} due · {new} new today"


def test_a_session_reveals_grades_and_keeps_progress_across_reloads(drill, first_session):
    expect(due_count(drill)).to_have_text(counts(0, len(first_session)))
    start_review(drill)
    first = first_session[0]
    expect(drill.locator(".drill-question")).to_have_text(first["question"])
    expect(drill.locator(".drill-answer")).to_have_count(0)  # the question alone first
    drill.get_by_role("button", name="Show answer").click()
    expect(drill.locator(".drill-answer")).to_contain_text(answer_start(first))
    grade(drill, "Easy")
    expect(status(drill)).to_contain_text("Graded Easy; next review in")
    drill.reload()
    expect(due_count(drill)).to_have_text(counts(0, len(first_session) - 1))  # one introduced
    assert first["id"] in stored_cards(drill)


def test_corrupt_storage_falls_back_to_memory_with_a_notice_and_keeps_the_data(drill):
    drill.evaluate(f"localStorage.setItem('{STORAGE_KEY}', '{{not json')")
    drill.reload()
    expect(drill.locator(".drill-notice")).to_contain_text("Saved progress could not be read")
    start_review(drill)
    drill.get_by_role("button", name="Show answer").click()
    grade(drill, "Good")
    expect(drill.locator(".drill-question")).to_be_visible()  # the drill goes on, in memory
    assert stored_progress(drill) == "{not json"


def test_progress_exports_and_imports_as_a_json_file(drill, tmp_path, first_session):
    review_one_card_and_reload(drill)
    with drill.expect_download() as download:
        drill.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text())["format"] == "mlops-course-drill-progress"
    drill.evaluate("localStorage.clear()")
    drill.reload()
    expect(due_count(drill)).to_have_text(counts(0, len(first_session)))
    drill.locator("input.drill-import").set_input_files(exported)
    expect(status(drill)).to_have_text("Progress imported: 1 cards.")
    expect(due_count(drill)).to_have_text(counts(0, len(first_session) - 1))


def test_a_bad_import_file_is_rejected_and_changes_nothing(drill, tmp_path, first_session):
    review_one_card_and_reload(drill)
    before = stored_progress(drill)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "something-else", "cards": {}}))
    drill.locator("input.drill-import").set_input_files(bad)
    expect(status(drill)).to_contain_text("Import rejected, nothing changed")
    assert stored_progress(drill) == before
    expect(due_count(drill)).to_have_text(counts(0, len(first_session) - 1))


def test_a_keyboard_only_session(drill, first_session):
    drill.get_by_role("button", name="Review today's cards").focus()
    drill.keyboard.press("Enter")
    expect(drill.locator(".drill-question")).to_be_focused()
    drill.keyboard.press(" ")  # shows the answer
    expect(drill.locator(".drill-answer")).to_be_focused()
    drill.keyboard.press("3")  # Good
    expect(drill.locator(".drill-progress")).to_have_text(f"Question 2 of {len(first_session)}")
    expect(status(drill)).to_contain_text("Graded Good")
    drill.keyboard.press("Tab")  # Tab still moves between controls
    expect(drill.get_by_role("button", name="Show answer")).to_be_focused()


def test_shortcuts_do_nothing_outside_the_drill(drill):
    start_review(drill)
    drill.locator("h1").click()  # focus leaves the drill
    drill.keyboard.press(" ")
    expect(drill.locator(".drill-answer")).to_have_count(0)


def test_a_link_to_a_card_from_the_drill_page_itself_opens_it(drill, site_url, cards):
    # The page is not loaded again for a link within it: the drill follows the address.
    card = cards[-1]
    drill.goto(site_url + DRILL + f"#{card['id']}")
    expect(drill.locator(".drill-question")).to_have_text(card["question"])


def test_drill_this_card_opens_that_card_and_links_back(page, site_url, cards):
    card = [card for card in cards if card["kind"] == "question"][-1]  # authored cards link
    in_lesson = urljoin(site_url + DRILL, card["url"])
    page.goto(in_lesson)
    page.locator(f"#{card['id']}").get_by_role("link", name="Drill this card").click()
    expect(page.locator(".drill-question")).to_have_text(card["question"])
    page.get_by_role("button", name="Show answer").click()
    expect(page.locator(".drill-timer")).to_be_visible()  # a question is a mock interview's
    page.get_by_role("link", name="Read this answer in the lesson").click()
    expect(page).to_have_url(in_lesson)


def test_a_mock_interview_ends_with_weak_topics_linking_to_the_lesson(drill, site_url, cards):
    drill.get_by_label("Kind").select_option("question")  # answered aloud, then revealed
    drill.get_by_label("Mock interview questions").fill("2")
    drill.get_by_role("button", name="Start mock interview").click()
    expect(drill.locator(".drill-timer")).to_contain_text("left for this answer")
    questions = [card["question"] for card in cards if card["kind"] == "question"]
    for name in ["Again", "Good"]:
        assert drill.locator(".drill-question").inner_text() in questions
        drill.get_by_role("button", name="Show answer").click()
        grade(drill, name)
    summary = drill.locator(".drill-summary")
    expect(summary).to_contain_text("Mock interview summary")
    expect(summary).to_contain_text("2 cards: 1 Again, 0 Hard, 1 Good, 0 Easy.")
    expect(summary).to_contain_text("Weak topics:")
    link = summary.locator("li a")
    expect(link).to_have_count(1)
    lessons = {urljoin(site_url + DRILL, card["url"]) for card in cards}
    assert link.get_attribute("href") in lessons


def test_the_mastery_table_reads_as_a_table(drill):
    # Its cells ran together ("CardsMastered") when no style reached the table.
    headers = drill.locator("table.drill-mastery thead th")
    expect(headers).to_have_text(["Topic", "Cards", "Mastered"])
    text_gaps = drill.evaluate(
        """() => [...document.querySelectorAll("table.drill-mastery thead th")].map((th) => {
          const range = document.createRange();
          range.selectNodeContents(th);
          return range.getBoundingClientRect();
        }).map((r, i, all) => (i ? r.left - all[i - 1].right : null)).slice(1)"""
    )
    assert min(text_gaps) >= 8, text_gaps  # pixels between one header's text and the next


def test_filters_limit_a_session_to_a_topic(drill, cards):
    tags = sorted({tag for card in daily(cards) for tag in card["tags"]})
    tag = min(tags, key=lambda t: sum(t in card["tags"] for card in daily(cards)))  # the rarest
    tagged = [card for card in new_cards_in_order(cards) if tag in card["tags"]][:NEW_PER_DAY]
    drill.get_by_label("Topic").select_option(tag)
    start_review(drill)
    expect(drill.locator(".drill-progress")).to_have_text(f"Question 1 of {len(tagged)}")
    expect(drill.locator(".drill-question")).to_have_text(tagged[0]["question"])


def test_full_storage_keeps_the_session_in_memory_with_a_notice(drill, first_session):
    full = "() => { throw new DOMException('full', 'QuotaExceededError'); }"
    drill.evaluate(f"() => {{ Storage.prototype.setItem = {full}; }}")
    start_review(drill)
    drill.get_by_role("button", name="Show answer").click()
    grade(drill, "Easy")
    expect(drill.locator(".drill-notice")).to_contain_text("Progress could not be saved")
    expect(drill.locator(".drill-progress")).to_have_text(f"Question 2 of {len(first_session)}")


def test_a_new_readers_first_session_fits_and_starts_in_lesson_order_short_first(
    drill, cards, first_session
):
    assert 0 < len(first_session) <= NEW_PER_DAY
    unseen = len(daily(cards))
    expect(due_count(drill)).to_have_text(counts(0, len(first_session)))
    expect(drill.locator(".drill-deck")).to_contain_text(
        f"The daily review: {unseen} cards, {unseen} not seen yet"
    )
    start_review(drill)
    interview_questions = {card["question"] for card in cards if card["kind"] == "question"}
    for number, card in enumerate(first_session[:5], start=1):
        expect(drill.locator(".drill-progress")).to_have_text(
            f"Question {number} of {len(first_session)}"
        )
        expect(drill.locator(".drill-question")).to_have_text(card["question"])
        assert card["question"] not in interview_questions
        drill.keyboard.press(" ")  # shows the answer
        drill.keyboard.press("3")  # Good
    expect(drill.locator(".drill-progress")).to_have_text(f"Question 6 of {len(first_session)}")


def test_the_limit_of_new_cards_a_day_is_the_readers_to_set(drill, first_session):
    limit = drill.get_by_label("New cards a day")
    expect(limit).to_have_value(str(NEW_PER_DAY))
    limit.click()
    drill.keyboard.press("ControlOrMeta+A")
    drill.keyboard.type("5")
    drill.keyboard.press("Tab")
    expect(due_count(drill)).to_have_text(counts(0, 5))
    expect(status(drill)).to_contain_text("5 new cards a day")
    drill.reload()
    expect(drill.get_by_label("New cards a day")).to_have_value("5")
    start_review(drill)
    expect(drill.locator(".drill-progress")).to_have_text("Question 1 of 5")


def test_a_card_due_again_comes_back_first_and_counts_as_due(drill, first_session):
    start_review(drill)
    drill.get_by_role("button", name="Show answer").click()
    grade(drill, "Good")
    expect(status(drill)).to_contain_text("Graded Good")
    make_every_card_due(drill)  # a month later
    drill.reload()
    expect(due_count(drill)).to_have_text(counts(1, len(first_session) - 1))
    start_review(drill)
    expect(drill.locator(".drill-progress")).to_have_text(f"Question 1 of {len(first_session)}")
    expect(drill.locator(".drill-question")).to_have_text(first_session[0]["question"])


def test_a_mock_interview_asks_interview_questions_and_exercises_not_flashcards(drill, cards):
    asked = {card["question"] for card in cards if card["kind"] in ("question", "exercise")}
    drill.get_by_role("button", name="Start mock interview").click()
    expect(drill.locator(".drill-timer")).to_be_visible()
    assert drill.locator(".drill-question").inner_text() in asked
