"""A lesson's review prompts in Chromium, used as a reader uses them: open a prompt at the end of
a section (its answer shows), grade it with the keyboard into the drill's one store, come back
later (stored due dates moved into the past) to see what is due where they read, and review it
in place. Which prompts there are comes from the built cards.json. Without JavaScript they are
questions with collapsible answers (test_without_javascript.py)."""

import re

import pytest
from course_content import built_cards, drill_page
from drill_store import NEW_PER_DAY, make_every_card_due, stored_cards
from lesson_page import LESSON
from playwright.sync_api import expect

GRADED = re.compile(
    r"^Graded (Again|Hard|Good|Easy): next review in \d+ (min|h|days), here or in the drill\.$"
)


@pytest.fixture(scope="module")
def cards(built_site):
    return built_cards(built_site)


@pytest.fixture(scope="module")
def prompts(cards):
    """The lesson's flashcards (its review prompts), in page order."""
    return [
        card
        for card in cards
        if card["kind"] == "flashcard" and card["url"].split("#")[0].endswith(LESSON)
    ]


def by_section(prompts):
    sections = {}
    for prompt in prompts:
        sections.setdefault(prompt["section"], []).append(prompt)
    return sections


def prompt_of(page, card):
    return page.locator(f"details#{card['id']}")


def open_prompt(page, card):
    """Open a prompt as a reader does, by its question (a link to it has opened it); return it."""
    prompt = prompt_of(page, card)
    if prompt.get_attribute("open") is None:
        prompt.locator("summary").click()
    expect(prompt).to_have_attribute("open", "")
    return prompt


def grades(prompt):
    return prompt.get_by_role("group", name="How well did you recall it?")


def grade(page, card, name):
    prompt = open_prompt(page, card)
    grades(prompt).get_by_role("button", name=name).click()
    expect(prompt.get_by_role("status")).to_have_text(GRADED)


def test_a_prompt_shows_its_answer_and_is_graded_by_keyboard_into_the_drills_store(lesson, prompts):
    first, second = prompts[0], prompts[1]
    prompt = prompt_of(lesson, first)
    prompt.locator("summary").focus()
    lesson.keyboard.press("Enter")
    expect(prompt).to_have_attribute("open", "")
    answer = " ".join(re.sub("<[^>]+>", " ", first["answer_html"]).split()[:5])
    expect(prompt).to_contain_text(answer)
    buttons = grades(prompt).get_by_role("button")
    expect(buttons).to_have_text(["Again", "Hard", "Good", "Easy"])
    for _ in range(3):  # past Again and Hard, to Good
        lesson.keyboard.press("Tab")
    good = grades(prompt).get_by_role("button", name="Good")
    expect(good).to_be_focused()
    lesson.keyboard.press("Enter")
    status = prompt.get_by_role("status")
    expect(status).to_have_text(GRADED)
    expect(status).to_contain_text("Graded Good")
    expect(good).to_be_focused()  # focus stays where the reader pressed
    expect(good).to_have_attribute("aria-pressed", "true")
    assert stored_cards(lesson)[first["id"]]["reps"] == 1
    # A slip of the finger: another grade replaces this one, it is not a second review.
    lesson.keyboard.press("Shift+Tab")
    lesson.keyboard.press("Shift+Tab")
    lesson.keyboard.press("Enter")
    expect(status).to_contain_text("Graded Again")
    expect(good).to_have_attribute("aria-pressed", "false")
    assert stored_cards(lesson)[first["id"]]["reps"] == 1
    # No trap: Tab goes on past Easy to the next prompt.
    grades(prompt).get_by_role("button", name="Easy").focus()
    lesson.keyboard.press("Tab")
    expect(prompt_of(lesson, second).locator("summary")).to_be_focused()


def test_a_graded_prompt_is_a_card_the_drill_no_longer_brings_as_new(
    lesson, site_url, cards, prompts
):
    grade(lesson, prompts[0], "Good")
    daily = [card for card in cards if card["kind"] != "question"]
    lesson.goto(site_url + drill_page().url)
    new_today = min(NEW_PER_DAY, len(daily)) - 1  # introduced today, in the lesson
    expect(lesson.locator(".drill-due")).to_have_text(f"0 due · {new_today} new today")


def test_a_returning_reader_sees_what_is_due_where_they_read_and_reviews_it_in_place(
    lesson, prompts
):
    sections = by_section(prompts)
    first_section, second_section = list(sections.values())[:2]
    graded = [first_section[0], first_section[1], second_section[0]]
    for card in graded:
        grade(lesson, card, "Good")
    line = lesson.locator(".lesson-progress")
    expect(line).not_to_contain_text("due in this lesson")  # answered minutes ago
    make_every_card_due(lesson)  # a month later
    lesson.reload()
    expect(line).to_contain_text("3 prompts due in this lesson: 2 in ")
    links = line.get_by_role("link")
    expect(links).to_have_count(2)  # a section each
    expect(links.first).to_have_attribute("href", f"#{graded[0]['id']}")
    expect(links.nth(1)).to_have_attribute("href", f"#{graded[2]['id']}")
    for card in graded:
        expect(prompt_of(lesson, card).locator("summary")).to_contain_text("due for review")
    expect(prompt_of(lesson, first_section[2]).locator("summary")).not_to_contain_text(
        "due for review"
    )
    lead = prompt_of(lesson, first_section[0]).locator("xpath=preceding-sibling::p[1]")
    expect(lead).to_contain_text(f"2 of {len(first_section)} due for review.")

    links.nth(1).click()
    expect(lesson).to_have_url(re.compile(f"#{graded[2]['id']}$"))
    grade(lesson, graded[2], "Easy")
    expect(line).to_contain_text("2 prompts due in this lesson: 2 in ")
    expect(prompt_of(lesson, graded[2]).locator("summary")).not_to_contain_text("due for review")


def test_a_prompt_reviewed_and_not_due_says_when_it_comes_back(lesson, prompts):
    grade(lesson, prompts[0], "Good")
    lesson.reload()
    prompt = open_prompt(lesson, prompts[0])
    expect(prompt.locator(".review-status")).to_have_text(
        re.compile(r"^Reviewed: next review in \d+ min\.$")
    )
    expect(grades(prompt)).to_have_count(0)


def test_the_grades_fit_a_phone(browser, site_url, prompts):
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(site_url + LESSON)
    prompt = open_prompt(page, prompts[0])
    for button in grades(prompt).get_by_role("button").all():
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
