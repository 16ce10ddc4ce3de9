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


def editor(block_):
    """The block's editor, created (as for a reader) by scrolling the block into view."""
    block_.scroll_into_view_if_needed()
    return block_.locator(".cm-content")


def set_code(page, block_, code):
    editor(block_).click()
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


# --- Runaway code: a responsive page and a quick Stop ----------------------------------------

# A heartbeat on the main thread: the longest gap between two timer ticks is the longest time
# the page could not have handled a click or a key. (Chromium's Long Tasks API stops reporting
# once a page has a worker sharing its memory, so it cannot be used here.)
WATCH_MAIN_THREAD = """() => {
  const beat = (window.__heartbeat = { last: performance.now(), longestGap: 0 });
  const tick = () => {
    const now = performance.now();
    beat.longestGap = Math.max(beat.longestGap, now - beat.last);
    beat.last = now;
    setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
}"""
BUSY_MAIN_THREAD = "ms => { const end = performance.now() + ms; while (performance.now() < end); }"
LONGEST_TASK_ALLOWED_MS = 200


def watch_main_thread(page):
    """Start the heartbeat, after proving that it notices a busy main thread."""
    if not page.evaluate("'__heartbeat' in window"):
        page.evaluate(WATCH_MAIN_THREAD)
    page.evaluate(BUSY_MAIN_THREAD, 250)
    page.wait_for_function("() => window.__heartbeat.longestGap >= 250")
    page.evaluate("() => { window.__heartbeat.longestGap = 0; }")


def longest_main_thread_task_ms(page):
    return page.evaluate("window.__heartbeat.longestGap")


def run_and_expect_recovery(page, block_):
    """After a hostile run, the block still runs ordinary code."""
    set_code(page, block_, "print('still works')")
    assert run(block_).startswith("Finished in")
    expect(output(block_)).to_have_text("still works\n")


def run_forever(page, block_):
    run_and_expect_recovery(page, block_)  # Python has started: Stop will meet the loop
    # Let the work a first start sets off (diagrams that waited for it, caching) finish: on two
    # busy cores an in-place interrupt can miss its 900 ms grace and fall back to a reset, which
    # the tests without isolation cover.
    page.wait_for_timeout(1_500)
    set_code(page, block_, "counter = 41\nwhile True:\n    pass")
    block_.get_by_role("button", name="Run", exact=True).click()
    expect(status(block_)).to_have_text("Running…", timeout=30_000)
    watch_main_thread(page)
    page.wait_for_timeout(1_500)  # the loop spins meanwhile


# Times Stop in the page itself, from the click event to the "Stopped" status, so the test
# harness's own latency (actionability checks, polling) on a loaded machine is not counted.
STOP_CLOCK = """status => {
  window.__stop = {};
  const clickAt = () => { window.__stop.click ??= performance.now(); };
  document.addEventListener("click", clickAt, { capture: true, once: true });
  new MutationObserver(() => {
    if (/^Stopped/.test(status.textContent)) window.__stop.done ??= performance.now();
  }).observe(status, { childList: true, characterData: true, subtree: true });
}"""


def stop_within_one_second(block_):
    """Click Stop; return the seconds from the click to "Stopped" (measured in the page)."""
    status(block_).evaluate(STOP_CLOCK)
    block_.get_by_role("button", name="Stop").click()
    block_.page.wait_for_function("() => window.__stop.done", timeout=5_000)
    return block_.page.evaluate("() => (window.__stop.done - window.__stop.click) / 1000")


def loop_then_stop(page):
    """Start an endless loop in block 1: no main-thread task over 200 ms meanwhile, and Stop
    ends it within 1 s."""
    first = block(page, 1)
    run_forever(page, first)
    assert longest_main_thread_task_ms(page) < LONGEST_TASK_ALLOWED_MS
    assert stop_within_one_second(first) < 1
    return first
