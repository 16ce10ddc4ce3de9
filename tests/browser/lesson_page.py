"""Drive the lesson's runnable blocks as a reader does (shared by the browser tests)."""

import re

from playwright.sync_api import expect

LESSON = "lessons/mlops-vs-devops/"
BLOCK_COUNT = 8
FINISHED = re.compile(r"^(Finished|Error|Stopped|Python could not start)")


def open_lesson(page, site_url):
    page.goto(site_url + LESSON)
    expect(page.locator(".runnable-block")).to_have_count(BLOCK_COUNT)
    return page


def block(page, number):
    return page.locator(".runnable-block").nth(number - 1)


def status(block_):
    return block_.locator(".runnable-status")


def output(block_):
    return block_.locator(".runnable-output")


def set_code(page, block_, code):
    block_.locator(".cm-content").click()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.insert_text(code)  # as pasted: no auto-indentation


def open_enclosing_card(block_):
    """Open the Q&A card a block sits in, as a reader would, so its buttons can be used."""
    card = block_.locator("xpath=ancestor::details[1]")
    if card.count() and card.get_attribute("open") is None:
        card.locator("summary").first.click()


def run(block_, timeout=30_000):
    open_enclosing_card(block_)
    block_.get_by_role("button", name="Run", exact=True).click()
    expect(status(block_)).to_have_text(FINISHED, timeout=timeout)
    return status(block_).inner_text()


SUMMARY = re.compile(r"^\d+ (passed|failed)")


def run_tests(block_, timeout=60_000):
    open_enclosing_card(block_)
    block_.get_by_role("button", name="Run tests").click()
    expect(status(block_)).to_have_text(
        re.compile(f"{SUMMARY.pattern}|^Stopped|^Error"), timeout=timeout
    )
    return status(block_).inner_text()
