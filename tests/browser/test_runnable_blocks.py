"""Runnable Python blocks in Chromium against the built site: Pyodide in a worker, for real."""

import re

import pytest
from lesson_page import (
    BLOCK_COUNT,
    FINISHED,
    LESSON,
    block,
    editor,
    open_lesson,
    output,
    run,
    run_tests,
    set_code,
    status,
)
from playwright.sync_api import expect

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


def python_requests(page):
    return [url for url in page.requests.urls if PYTHON_FILES in url]


def test_no_python_is_downloaded_before_intent(lesson):
    lesson.wait_for_load_state("networkidle")
    lesson.wait_for_timeout(500)
    assert python_requests(lesson) == []


def test_editors_are_created_as_the_reader_nears_a_block_not_ahead(lesson):
    # Nothing creates editors behind the reader's back, not even while the page is idle.
    lesson.wait_for_load_state("networkidle")
    lesson.wait_for_timeout(2000)
    editors = lesson.locator(".cm-editor")
    assert editors.count() == 0, "the lesson's first block is far below the fold"
    editor(block(lesson, 5))
    expect(block(lesson, 5).locator(".cm-editor")).to_have_count(1)
    assert editors.count() < BLOCK_COUNT


# Once the parser is done, records each block element added to or removed from the article or a
# card (the parser's own insertions come before).
BLOCKS_MOVED_IN_THE_ARTICLE = """
window.__blocksMoved = [];
const isBlock = (node) => node.matches?.("div.runnable, .runnable-block");
const watch = new MutationObserver((records) => {
  for (const { target, addedNodes, removedNodes } of records) {
    const moved = [...addedNodes, ...removedNodes].some(isBlock);
    if (moved && target.matches?.("article, details")) window.__blocksMoved.push(target.tagName);
  }
});
document.addEventListener("readystatechange", () => {
  if (document.readyState === "interactive") {
    watch.observe(document, { childList: true, subtree: true });
  }
});
"""


def test_blocks_are_built_in_place_so_the_article_is_not_restyled(page, site_url):
    # Adding or removing a child of the article restyled all of it (1,617 elements on the lesson).
    page.add_init_script(BLOCKS_MOVED_IN_THE_ARTICLE)
    open_lesson(page, site_url)
    expect(page.locator("div.runnable.runnable-block")).to_have_count(BLOCK_COUNT)
    assert page.evaluate("window.__blocksMoved") == []


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
    original = editor(first).inner_text()
    set_code(lesson, first, "print(sum(range(5)))")
    run(first)
    expect(output(first)).to_have_text("10\n")
    first.get_by_role("button", name="Reset").click()
    expect(status(first)).to_have_text("Code reset to the original.")
    assert editor(first).inner_text() == original
    run(first)
    expect(output(first)).to_contain_text("distinct results: {5}")


def test_edits_persist_across_reloads_until_reset(lesson):
    set_code(lesson, block(lesson, 2), "print('kept')")
    lesson.reload()
    expect(editor(block(lesson, 2))).to_have_text("print('kept')")
    block(lesson, 2).get_by_role("button", name="Reset").click()
    lesson.reload()
    expect(editor(block(lesson, 2))).to_contain_text("def test_api")


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
    editor(block(lesson, 1))
    editor_box = block(lesson, 1).locator(".cm-editor")
    background = editor_box.evaluate("e => getComputedStyle(e).backgroundColor")
    lesson.locator("label.md-header__button[for^='__palette']:visible").click()
    expect(editor_box).not_to_have_css("background-color", background)


# --- Run tests: real pytest in the page -------------------------------------------------------


def original_code(block_):
    return block_.evaluate("b => b.querySelector('div.runnable code').textContent").rstrip("\n")


TEST_BLOCKS = {2: 2, 3: 1, 4: 1, 5: 1, 6: 2, 7: 1, 8: 1}  # block number: number of tests


def test_only_blocks_with_tests_offer_run_tests(lesson):
    with_button = [
        number
        for number in range(1, BLOCK_COUNT + 1)
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
