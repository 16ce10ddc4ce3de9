"""Runnable Python blocks in Chromium against the built site: Pyodide in a worker, for real."""

import re
import time

import pytest
from playwright.sync_api import expect

LESSON = "lessons/mlops-vs-devops/"
FINISHED = re.compile(r"^(Finished|Error|Stopped|Python could not start)")
PYTHON_FILES = "/assets/vendor/pyodide/"

# What each runnable block of the lesson prints, in page order.
BLOCK_OUTPUTS = [
    "add(2, 3) called 1000 times -> distinct results: {5}",
    "test_add and test_api passed",
    "Data quality passed on 60 rows: ages 18-66, mean 38.4, no nulls",
    "Validation accuracy 1.000 on 30 reviews (threshold 0.90, previous release 0.967)",
    "0.889  This movie is grate!\nInvariance test passed",
    "Directional and minimum-functionality tests passed",
    "-> P(positive) = 0.960",
    "accuracy=1.000  predict('great')=0.889  predict('bad')=0.167  predict('grate')=0.889",
]


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


def python_requests(page):
    return [url for url in page.requests.urls if PYTHON_FILES in url]


@pytest.fixture
def lesson(page, site_url):
    page.goto(site_url + LESSON)
    expect(page.locator(".runnable-block")).to_have_count(len(BLOCK_OUTPUTS))
    return page


def test_no_python_is_downloaded_before_intent(lesson):
    lesson.wait_for_load_state("networkidle")
    lesson.wait_for_timeout(500)
    assert python_requests(lesson) == []


def test_pointing_at_a_block_starts_loading_python(lesson):
    lesson.wait_for_load_state("networkidle")
    block(lesson, 3).hover()
    for _ in range(50):
        if any(url.endswith("pyodide.asm.wasm") for url in python_requests(lesson)):
            return
        lesson.wait_for_timeout(100)
    pytest.fail(f"hovering did not start the download: {python_requests(lesson)}")


def test_every_block_runs_and_prints_its_expected_output(lesson):
    for number, expected in enumerate(BLOCK_OUTPUTS, start=1):
        assert run(block(lesson, number)).startswith("Finished in"), number
        assert expected in output(block(lesson, number)).inner_text(), number


def test_an_edit_changes_the_output_and_reset_restores_the_code(lesson):
    first = block(lesson, 1)
    original = first.locator(".cm-content").inner_text()
    set_code(lesson, first, "print(sum(range(5)))")
    run(first)
    expect(output(first)).to_have_text("10\n")
    first.get_by_role("button", name="Reset").click()
    expect(status(first)).to_have_text("Code reset to the original.")
    assert first.locator(".cm-content").inner_text() == original
    run(first)
    expect(output(first)).to_contain_text("distinct results: {5}")


def test_edits_persist_across_reloads_until_reset(lesson):
    set_code(lesson, block(lesson, 2), "print('kept')")
    lesson.reload()
    expect(block(lesson, 2).locator(".cm-content")).to_have_text("print('kept')")
    block(lesson, 2).get_by_role("button", name="Reset").click()
    lesson.reload()
    expect(block(lesson, 2).locator(".cm-content")).to_contain_text("def test_api")


def test_traceback_is_shown_and_trimmed_to_the_readers_code(lesson):
    first = block(lesson, 1)
    set_code(lesson, first, "def ratio(a, b):\n    return a / b\n\nprint(ratio(1, 0))")
    assert re.fullmatch(
        r"Error: ZeroDivisionError: division by zero \(after \d+ ms\)\.", run(first)
    )
    text = output(first).inner_text()
    assert 'File "<code block 1>", line 4, in <module>' in text
    assert 'File "<code block 1>", line 2, in ratio' in text
    assert "run_block" not in text and "exec(" not in text


def test_output_is_text_never_html(lesson):
    first = block(lesson, 1)
    set_code(lesson, first, "print('<img src=x onerror=alert(1)><b>bold</b>')")
    run(first)
    expect(output(first)).to_have_text("<img src=x onerror=alert(1)><b>bold</b>\n")
    assert output(first).locator("img, b").count() == 0


def test_huge_output_is_capped_with_a_notice(lesson):
    first = block(lesson, 1)
    set_code(lesson, first, "for i in range(300_000):\n    print(i)")
    run(first, timeout=60_000)
    expect(output(first)).to_contain_text("… 299,000 more lines")
    assert output(first).inner_text().count("\n") < 1_010


def run_forever(page, block_):
    set_code(page, block_, "counter = 41\nwhile True:\n    pass")
    block_.get_by_role("button", name="Run", exact=True).click()
    expect(status(block_)).to_have_text("Running…", timeout=30_000)
    page.wait_for_timeout(1_500)  # the loop is running now


def assert_page_responsive(page):
    started = time.perf_counter()
    assert page.evaluate("() => 6 * 7") == 42
    assert time.perf_counter() - started < 0.2


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
    """Start an endless loop in block 1, check the page stays responsive, Stop it within 1 s."""
    first = block(page, 1)
    run_forever(page, first)
    assert_page_responsive(page)
    assert stop_within_one_second(first) < 1
    return first


def test_stop_interrupts_in_place_and_keeps_state_when_isolated(lesson):
    assert lesson.evaluate("crossOriginIsolated") is True
    first = loop_then_stop(lesson)
    expect(status(first)).to_have_text("Stopped.")
    expect(output(first)).to_contain_text("KeyboardInterrupt")
    set_code(lesson, first, "print(counter + 1)")
    run(first)
    expect(output(first)).to_have_text("42\n")


def test_stop_replaces_the_session_when_not_isolated(page, site_url_without_isolation):
    page.requests.origin = site_url_without_isolation.rstrip("/")
    page.goto(site_url_without_isolation + LESSON)
    assert page.evaluate("crossOriginIsolated") is False
    first = loop_then_stop(page)
    expect(status(first)).to_have_text("Stopped. The Python session was reset.")
    expect(output(first)).to_contain_text("The Python session was reset")
    set_code(page, first, "print('fresh session:', 'counter' in globals())")
    run(first)
    expect(output(first)).to_have_text("fresh session: False\n")


def test_instant_navigation_keeps_the_python_session(lesson, site_url):
    first = block(lesson, 1)
    set_code(lesson, first, "remembered = 'still here'")
    run(first)
    lesson.evaluate("window.__notReloaded = true")
    lesson.get_by_role("link", name="Cheatsheet").first.click()
    expect(lesson).to_have_url(site_url + "cheatsheets/mlops-vs-devops/")
    lesson.get_by_role("link", name="Lesson 2: MLOps vs DevOps").first.click()
    expect(lesson).to_have_url(site_url + LESSON)
    first = block(lesson, 1)
    set_code(lesson, first, "print(remembered)")
    run(first)
    expect(output(first)).to_have_text("still here\n")
    assert lesson.evaluate("window.__notReloaded") is True
    downloads = [url for url in lesson.requests.finished if url.endswith("pyodide.asm.wasm")]
    assert len(downloads) == 1


def test_a_run_driven_by_keyboard_only(lesson):
    for _ in range(300):  # Tab from the top of the page to the first editor
        lesson.keyboard.press("Tab")
        if lesson.evaluate("document.activeElement.classList.contains('cm-content')"):
            break
    else:
        pytest.fail("Tab never reached an editor")
    lesson.keyboard.press("ControlOrMeta+Enter")
    first = block(lesson, 1)
    expect(status(first)).to_have_text(FINISHED, timeout=30_000)
    expect(output(first)).to_contain_text("distinct results: {5}")
    lesson.keyboard.press("Escape")
    lesson.keyboard.press("Tab")
    assert not lesson.evaluate("document.activeElement.classList.contains('cm-content')")
    lesson.keyboard.press("Shift+Tab")  # back into the editor, then run with Shift+Enter
    assert lesson.evaluate("document.activeElement.classList.contains('cm-content')")
    first.get_by_role("button", name="Reset").focus()
    lesson.keyboard.press("Enter")
    expect(status(first)).to_have_text("Code reset to the original.")


def test_copy_puts_the_current_code_on_the_clipboard(lesson):
    lesson.context.grant_permissions(["clipboard-read", "clipboard-write"])
    first = block(lesson, 1)
    set_code(lesson, first, "print('copied')")
    first.get_by_role("button", name="Copy").click()
    expect(status(first)).to_have_text("Code copied to the clipboard.")
    assert lesson.evaluate("navigator.clipboard.readText()") == "print('copied')"


def test_editor_follows_the_palette_live(lesson):
    editor = block(lesson, 1).locator(".cm-editor")
    background = editor.evaluate("e => getComputedStyle(e).backgroundColor")
    lesson.locator("label.md-header__button[for^='__palette']:visible").click()
    expect(editor).not_to_have_css("background-color", background)


# --- Run tests: real pytest in the page -------------------------------------------------------

SUMMARY = re.compile(r"^\d+ (passed|failed)")


def run_tests(block_, timeout=60_000):
    open_enclosing_card(block_)
    block_.get_by_role("button", name="Run tests").click()
    expect(status(block_)).to_have_text(
        re.compile(f"{SUMMARY.pattern}|^Stopped|^Error"), timeout=timeout
    )
    return status(block_).inner_text()


def original_code(block_):
    return block_.evaluate(
        "b => b.previousElementSibling.querySelector('code').textContent"
    ).rstrip("\n")


TEST_BLOCKS = {2: 2, 3: 1, 4: 1, 5: 1, 6: 2, 7: 1, 8: 1}  # block number: number of tests


def test_only_blocks_with_tests_offer_run_tests(lesson):
    with_button = [
        number
        for number in range(1, len(BLOCK_OUTPUTS) + 1)
        if block(lesson, number).locator("button.runnable-test").count()  # also in closed cards
    ]
    assert with_button == list(TEST_BLOCKS)


def test_every_test_block_passes_its_tests(lesson):
    for number, count in TEST_BLOCKS.items():
        summary = run_tests(block(lesson, number))
        assert re.fullmatch(rf"{count} passed in \d+\.\d\ds", summary), (number, summary)
        items = block(lesson, number).locator(".runnable-tests li")
        expect(items).to_have_count(count)
        for index in range(count):
            expect(items.nth(index)).to_have_attribute("data-outcome", "passed")
            expect(items.nth(index)).to_contain_text(": passed (")


def test_breaking_an_assertion_shows_pytests_explanation_then_fixing_passes(lesson):
    traditional = block(lesson, 2)
    code = original_code(traditional)
    set_code(lesson, traditional, code.replace("assert add(2, 3) == 5", "assert add(2, 3) == 6"))
    assert run_tests(traditional).startswith("1 failed, 1 passed in ")
    failed = traditional.locator(".runnable-tests li[data-outcome='failed']")
    expect(failed).to_contain_text("test_add: failed")
    expect(failed.locator(".runnable-test-details")).to_contain_text("assert 5 == 6")
    expect(failed.locator(".runnable-test-details")).to_contain_text("where 5 = add(2, 3)")
    expect(output(traditional)).to_contain_text("1 failed, 1 passed")
    set_code(lesson, traditional, code)  # fixed: the edited module must not be cached
    assert run_tests(traditional).startswith("2 passed in ")


def test_a_test_stuck_in_a_loop_can_be_stopped(lesson):
    traditional = block(lesson, 2)
    set_code(lesson, traditional, "def test_forever():\n    while True:\n        pass\n")
    traditional.get_by_role("button", name="Run tests").click()
    expect(status(traditional)).to_have_text("Running tests…", timeout=60_000)
    lesson.wait_for_timeout(1_000)
    assert_page_responsive(lesson)
    assert stop_within_one_second(traditional) < 1
    set_code(lesson, traditional, "def test_quick():\n    assert 1 + 1 == 2\n")
    assert run_tests(traditional).startswith("1 passed in ")
