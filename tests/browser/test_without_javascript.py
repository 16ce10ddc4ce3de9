"""With JavaScript off, every page is complete and readable: the code of runnable blocks is
shown as highlighted code, Q&A answers and review prompts open as native <details>, the drill
lists its questions, and no progress line shows half-made."""

from urllib.parse import urljoin

import pytest
from course_content import (
    built_cards,
    drill_page,
    markdown_pages,
    nav_pages,
    page_source,
    pages_with_runnable_blocks,
    question_card_ids_in_sources,
    runnable_blocks,
)
from lesson_page import LESSON, LESSON_PAGE
from playwright.sync_api import expect


@pytest.fixture
def static_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def open_every_card(page):
    """Open each <details> the way a keyboard reader does: Enter on its summary (the browser's
    own toggle, no script involved). Not a click: jumping down a long page lays out the code
    listings above the card as it goes (content-visibility), and under load a click can land
    where the card was a frame before."""
    cards = page.locator("article details")
    for index in range(cards.count()):
        if cards.nth(index).get_attribute("open") is None:  # exercises come open
            cards.nth(index).locator("summary").first.press("Enter")
        expect(cards.nth(index)).to_have_js_property("open", True)
    return cards


def select_enclosing_tab(element):
    """Content tabs work without script (radio buttons and labels): click the element's tab."""
    tab_number = element.evaluate(
        """e => {
          const block = e.closest(".tabbed-block");
          return block ? [...block.parentElement.children].indexOf(block) + 1 : 0;
        }"""
    )
    if tab_number:
        tab_set = element.locator("xpath=ancestor::div[contains(@class, 'tabbed-set')][1]")
        tab_set.locator(f".tabbed-labels > label:nth-child({tab_number})").click()


@pytest.mark.parametrize("nav_page", nav_pages(), ids=lambda page: page.source)
def test_every_page_shows_its_content_and_every_code_listing(static_page, site_url, nav_page):
    static_page.goto(site_url + nav_page.url)
    expect(static_page.locator("article h1")).to_be_visible()
    open_every_card(static_page)
    listings = static_page.locator("article pre")
    for index in range(listings.count()):
        select_enclosing_tab(listings.nth(index))
        expect(listings.nth(index)).to_be_visible()
    assert static_page.locator(".runnable-block").count() == 0  # no script ran


@pytest.mark.parametrize("nav_page", pages_with_runnable_blocks(), ids=lambda page: page.source)
def test_runnable_blocks_read_as_plain_highlighted_code(static_page, site_url, nav_page):
    static_page.goto(site_url + nav_page.url)
    blocks = runnable_blocks(nav_page)
    sources = static_page.locator("div.runnable pre code")
    expect(sources).to_have_count(len(blocks))
    first_line = next(line for line in blocks[0].code.splitlines() if line.strip())
    expect(sources.first).to_contain_text(first_line.strip())
    expect(static_page.locator("div.runnable").first).not_to_have_attribute("hidden", "")


PAGES_WITH_CARDS = [page for page in markdown_pages() if question_card_ids_in_sources(page)]


@pytest.mark.parametrize("nav_page", PAGES_WITH_CARDS, ids=lambda page: page.source)
def test_every_interview_answer_opens_natively(static_page, site_url, nav_page):
    static_page.goto(site_url + nav_page.url)
    cards = open_every_card(static_page).and_(static_page.locator("details.question"))
    expect(cards).to_have_count(len(question_card_ids_in_sources(nav_page)))
    for index in range(cards.count()):
        answer = cards.nth(index).locator("> :not(summary)").first
        expect(answer).to_be_visible()


def test_the_drill_lists_every_question_with_a_link_to_its_answer(
    static_page, site_url, built_site
):
    cards = built_cards(built_site)
    static_page.goto(site_url + drill_page().url)
    expect(static_page.get_by_text("The drill needs JavaScript")).to_be_visible()
    questions = static_page.locator(".drill-card-list a")
    expect(questions).to_have_count(len(cards))
    questions.first.click()
    expect(static_page).to_have_url(urljoin(site_url + drill_page().url, cards[0]["url"]))


def test_review_prompts_are_questions_with_answers_that_open_natively(static_page, site_url):
    static_page.goto(site_url + LESSON)
    prompts = static_page.locator("details.flashcard")  # the lesson's review prompts
    expect(prompts).to_have_count(len(page_source(LESSON_PAGE).details("flashcard")))
    first = prompts.first
    expect(first.locator("> :not(summary)").first).to_be_hidden()
    first.locator("summary").click()
    expect(first.locator("> :not(summary)").first).to_be_visible()
    expect(first.get_by_role("button")).to_have_count(0)  # grades need JavaScript


def test_progress_shows_nothing_without_javascript(static_page, site_url):
    static_page.goto(site_url)
    tally = static_page.locator(".exercise-tally")
    expect(tally).to_be_attached()
    expect(tally).to_be_hidden()
    expect(tally).to_have_text("")
    static_page.goto(site_url + LESSON)
    expect(static_page.locator(".lesson-progress")).to_have_count(0)
