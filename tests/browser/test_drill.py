"""The interview drill in Chromium: sessions, saved progress, bad storage, files, keyboard."""

import json
import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from course_content import built_cards, drill_page
from playwright.sync_api import expect

DRILL = drill_page().url
STORAGE_KEY = "mlops-course:drill"


@pytest.fixture(scope="module")
def cards(built_site):
    """The cards the build collected, in the order the drill reviews them."""
    return built_cards(built_site)


@pytest.fixture
def card_count(cards):
    return len(cards)


@pytest.fixture
def drill(page, site_url, card_count):
    page.goto(site_url + DRILL)
    expect(due_count(page)).to_have_text(re.compile(rf"of {card_count} cards due now"))
    return page


def answer_start(card):
    """The first words of a card's answer, as the page shows them."""
    return " ".join(BeautifulSoup(card["answer_html"], "html.parser").get_text().split()[:6])


def due_count(page):
    return page.locator(".drill-due")


def status(page):
    return page.locator(".drill-status")


def start_review(page):
    page.get_by_role("button", name="Review due cards").click()
    expect(page.locator(".drill-question")).to_be_visible()


def grade(page, name):
    page.get_by_role("button", name=re.compile(f"^{name} ")).click()


def stored_progress(page):
    return page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")


def test_a_session_reveals_grades_and_keeps_progress_across_reloads(drill, cards, card_count):
    expect(due_count(drill)).to_have_text(f"{card_count} of {card_count} cards due now")
    start_review(drill)
    expect(drill.locator(".drill-question")).to_have_text(cards[0]["question"])
    expect(drill.locator(".drill-answer")).to_have_count(0)  # the question alone first
    drill.get_by_role("button", name="Show answer").click()
    expect(drill.locator(".drill-answer")).to_contain_text(answer_start(cards[0]))
    grade(drill, "Easy")
    expect(status(drill)).to_contain_text("Graded Easy; next review in")
    drill.reload()
    expect(due_count(drill)).to_have_text(f"{card_count - 1} of {card_count} cards due now")
    assert cards[0]["id"] in json.loads(stored_progress(drill))["cards"]


def test_corrupt_storage_falls_back_to_memory_with_a_notice_and_keeps_the_data(drill):
    drill.evaluate(f"localStorage.setItem('{STORAGE_KEY}', '{{not json')")
    drill.reload()
    expect(drill.locator(".drill-notice")).to_contain_text("Saved progress could not be read")
    start_review(drill)
    drill.get_by_role("button", name="Show answer").click()
    grade(drill, "Good")
    expect(drill.locator(".drill-question")).to_be_visible()  # the drill goes on, in memory
    assert stored_progress(drill) == "{not json"


def test_progress_exports_and_imports_as_a_json_file(drill, tmp_path, card_count):
    start_review(drill)
    drill.get_by_role("button", name="Show answer").click()
    grade(drill, "Easy")
    drill.reload()
    with drill.expect_download() as download:
        drill.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text())["format"] == "mlops-course-drill-progress"
    drill.evaluate("localStorage.clear()")
    drill.reload()
    expect(due_count(drill)).to_have_text(f"{card_count} of {card_count} cards due now")
    drill.locator("input.drill-import").set_input_files(exported)
    expect(status(drill)).to_have_text("Progress imported: 1 cards.")
    expect(due_count(drill)).to_have_text(f"{card_count - 1} of {card_count} cards due now")


def test_a_bad_import_file_is_rejected_and_changes_nothing(drill, tmp_path, card_count):
    start_review(drill)
    drill.get_by_role("button", name="Show answer").click()
    grade(drill, "Easy")
    drill.reload()
    before = stored_progress(drill)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "something-else", "cards": {}}))
    drill.locator("input.drill-import").set_input_files(bad)
    expect(status(drill)).to_contain_text("Import rejected, nothing changed")
    assert stored_progress(drill) == before
    expect(due_count(drill)).to_have_text(f"{card_count - 1} of {card_count} cards due now")


def test_a_keyboard_only_session(drill, card_count):
    drill.get_by_role("button", name="Review due cards").focus()
    drill.keyboard.press("Enter")
    expect(drill.locator(".drill-question")).to_be_focused()
    drill.keyboard.press(" ")  # shows the answer
    expect(drill.locator(".drill-answer")).to_be_focused()
    drill.keyboard.press("3")  # Good
    expect(drill.locator(".drill-progress")).to_have_text(f"Question 2 of {card_count}")
    expect(status(drill)).to_contain_text("Graded Good")
    drill.keyboard.press("Tab")  # Tab still moves between controls
    expect(drill.get_by_role("button", name="Show answer")).to_be_focused()


def test_shortcuts_do_nothing_outside_the_drill(drill):
    start_review(drill)
    drill.locator("h1").click()  # focus leaves the drill
    drill.keyboard.press(" ")
    expect(drill.locator(".drill-answer")).to_have_count(0)


def test_drill_this_card_opens_that_card_and_links_back(page, site_url, cards):
    card = [card for card in cards if card["kind"] == "question"][-1]  # authored cards link
    in_lesson = urljoin(site_url + DRILL, card["url"])
    page.goto(in_lesson)
    page.locator(f"#{card['id']}").get_by_role("link", name="Drill this card").click()
    expect(page.locator(".drill-question")).to_have_text(card["question"])
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("link", name="Read this answer in the lesson").click()
    expect(page).to_have_url(in_lesson)


def test_a_mock_interview_ends_with_weak_topics_linking_to_the_lesson(drill, site_url, cards):
    drill.get_by_label("Kind").select_option("question")  # answered aloud, then revealed
    drill.get_by_label("Mock interview questions").fill("2")
    drill.get_by_role("button", name="Start mock interview").click()
    expect(drill.locator(".drill-timer")).to_contain_text("left for this answer")
    for name in ["Again", "Good"]:
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
    tags = sorted({tag for card in cards for tag in card["tags"]})
    tag = min(tags, key=lambda t: sum(t in card["tags"] for card in cards))  # the rarest
    tagged = [card for card in cards if tag in card["tags"]]
    drill.get_by_label("Topic").select_option(tag)
    drill.get_by_role("button", name="Review due cards").click()
    expect(drill.locator(".drill-progress")).to_have_text(f"Question 1 of {len(tagged)}")
    expect(drill.locator(".drill-question")).to_have_text(tagged[0]["question"])


def test_full_storage_keeps_the_session_in_memory_with_a_notice(drill, card_count):
    full = "() => { throw new DOMException('full', 'QuotaExceededError'); }"
    drill.evaluate(f"() => {{ Storage.prototype.setItem = {full}; }}")
    start_review(drill)
    drill.get_by_role("button", name="Show answer").click()
    grade(drill, "Easy")
    expect(drill.locator(".drill-notice")).to_contain_text("Progress could not be saved")
    expect(drill.locator(".drill-progress")).to_have_text(f"Question 2 of {card_count}")
