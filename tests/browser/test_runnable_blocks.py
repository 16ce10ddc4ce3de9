"""Runnable Python blocks in Chromium against the built site: Pyodide in a worker, for real."""

import re

import pytest
from course_content import pages_with_runnable_blocks, runnable_blocks
from lesson_page import (
    BLOCK_COUNT,
    BLOCKS,
    FINISHED,
    FIRST_TEST_BLOCK,
    LESSON,
    LESSON_PAGE,
    RUNTIME,
    block,
    edit_line,
    editor,
    editor_code,
    open_lesson,
    open_page_with_blocks,
    output,
    python_requests,
    run,
    run_tests,
    run_with_the_runtime_held,
    set_code,
    status,
    stay_for_a_second_page,
    wait_for_service_worker,
)
from playwright.sync_api import expect
from stored_snapshots import STORED

PAGES_WITH_BLOCKS = pages_with_runnable_blocks()
LAB = next(page for page in PAGES_WITH_BLOCKS if page.source == "labs/model-degradation.md")


def test_no_python_is_downloaded_before_intent(lesson):
    # Everything the page sets off by itself has happened once the service worker, installed
    # for a reader who stays, is in place.
    wait_for_service_worker(stay_for_a_second_page(lesson))
    assert python_requests(lesson) == []


def test_editors_are_created_as_the_reader_nears_a_block_not_ahead(lesson):
    # Nothing creates editors behind the reader's back, not even while the page is idle.
    wait_for_service_worker(stay_for_a_second_page(lesson))
    editors = lesson.locator(".cm-editor")
    assert editors.count() == 0, "the lesson's first block is far below the fold"
    editor(block(lesson, 5))
    expect(block(lesson, 5).locator(".cm-editor")).to_have_count(1)
    assert editors.count() < BLOCK_COUNT


def test_blocks_in_view_at_load_get_no_editor_until_the_reader_scrolls(page, site_url):
    # The lab's first block is in view when it loads: a reader who only reads it must not
    # download CodeMirror (the editor bundle, 124 KiB) for it.
    lab = open_page_with_blocks(page, site_url, LAB)
    lab.wait_for_load_state("networkidle")
    lab.wait_for_timeout(1_000)  # longer than the dwell an editor waits for
    assert not [url for url in page.requests.urls if "/code-editor.bundle.js" in url]
    expect(lab.locator(".cm-editor")).to_have_count(0)
    lab.mouse.wheel(0, 200)  # the reader scrolls: blocks near the view get their editors
    expect(block(lab, 1).locator(".cm-editor")).to_have_count(1, timeout=60_000)


def test_editors_wait_while_python_starts(page, site_url):
    # A reader who scrolls to a block and clicks Run at once: the editor's work must not
    # compete with Python's start, though the click scrolled the block into view and focused
    # its Run button. The runtime's download is held until the editor's absence is seen.
    first = block(open_lesson(page, site_url), 1)
    held = run_with_the_runtime_held(page, first)
    page.wait_for_timeout(1_000)  # longer than the dwell an editor waits for
    assert held
    expect(first.locator(".cm-editor")).to_have_count(0)
    expect(first.locator("pre code")).to_be_visible()  # the page's own code stands in
    page.unroute(RUNTIME)  # lets the held request go on, and the next ones through
    expect(status(first)).to_have_text(FINISHED, timeout=60_000)
    expect(first.locator(".cm-editor")).to_have_count(1)


def test_the_status_reads_as_its_words_while_python_starts(page, site_url):
    # The hourglass before a running status is decoration: a screen reader hears the words.
    page.route(RUNTIME, lambda route: None)  # never answered: the start waits
    first = block(open_lesson(page, site_url), 1)
    first.get_by_role("button", name="Run", exact=True).click()
    expect(status(first)).to_have_text(re.compile("^(Downloading|Starting) Python"))
    spoken = status(first).aria_snapshot()
    assert re.fullmatch(r"- status: (Downloading|Starting) Python\S*( \d+%)?", spoken), spoken


def test_a_plain_start_installs_the_course_package_without_pyodides_installer(lesson):
    # Pyodide's loadPackage first imports tarfile and importlib.metadata, a quarter of a second
    # that a first Run would wait for: the course wheel is unpacked without it, and a module of
    # it that no block imported before still loads, from site-packages, without it.
    first = block(lesson, 1)
    set_code(lesson, first, "import sys, mlops_lab.retraining\n"
                    "print('installer imported:', 'tarfile' in sys.modules)\n"
                    "print(mlops_lab.retraining.__file__)")  # fmt: skip
    assert run(first).startswith("Finished in"), output(first).inner_text()
    expect(output(first)).to_contain_text("installer imported: False")
    expect(output(first)).to_contain_text("/site-packages/mlops_lab/retraining.py")


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
    with lesson.expect_request(lambda request: request.url.endswith("pyodide.asm.wasm")):
        block(lesson, 3).hover()


@pytest.mark.parametrize("nav_page", PAGES_WITH_BLOCKS, ids=lambda page: page.source)
def test_every_block_runs_and_prints_what_its_snippet_says(page, site_url, nav_page):
    open_page_with_blocks(page, site_url, nav_page)
    for expected in runnable_blocks(nav_page):
        shown = block(page, expected.number)
        assert run(shown).startswith("Finished in"), (expected.number, output(shown).inner_text())
        for line in expected.expected_output:
            expect(output(shown)).to_contain_text(line)


# What the output says (its innerText, as a reader copying it or a script reading it gets it)
# in the very task the status says "Finished", before the browser renders a frame.
WATCH_OUTPUT_AS_FINISHED = """block => { window.outputAsFinished = new Promise(resolve => {
  const status = block.querySelector('.runnable-status');
  new MutationObserver((changes, observer) => {
    if (!status.textContent.startsWith('Finished')) return;
    observer.disconnect();
    resolve(block.querySelector('.runnable-output').innerText);
  }).observe(status, { childList: true, characterData: true, subtree: true });
}) }"""


def test_the_output_reads_in_full_the_moment_a_run_finishes(lesson):
    """Output is never laid out lazily (content-visibility), which leaves it without text until
    a frame is drawn: CI once read an empty output of a run that had printed."""
    first = block(lesson, 1)
    first.evaluate(WATCH_OUTPUT_AS_FINISHED)
    run(first)
    assert lesson.evaluate("() => window.outputAsFinished").strip() == BLOCKS[0].expected_output[-1]


def test_an_edit_changes_the_output_and_reset_restores_the_code(lesson):
    first = block(lesson, 1)
    original = editor(first).inner_text()
    set_code(lesson, first, "print(sum(range(5)))")
    run(first)
    expect(output(first)).to_have_text("10\n")
    first.get_by_role("button", name="Reset").click()
    expect(status(first)).to_have_text("Code reset to the original; its output was cleared.")
    assert editor(first).inner_text() == original
    run(first)
    expect(output(first)).to_contain_text("distinct results: {5}")


def test_edits_persist_across_reloads_until_reset(lesson):
    original = original_code(block(lesson, 2))
    set_code(lesson, block(lesson, 2), "print('kept')")
    lesson.reload()
    expect(editor(block(lesson, 2))).to_have_text("print('kept')")
    block(lesson, 2).get_by_role("button", name="Reset").click()
    lesson.reload()
    assert words(editor(block(lesson, 2)).inner_text()) == words(original)


def test_traceback_is_shown_and_trimmed_to_the_readers_code(started_lesson):
    first = block(started_lesson, 1)
    set_code(started_lesson, first, "def ratio(a, b):\n    return a / b\n\nprint(ratio(1, 0))")
    assert re.fullmatch(
        r"Error: ZeroDivisionError: division by zero \(after \d+ ms\)\.", run(first)
    )
    text = output(first).inner_text()
    assert 'File "<code block 1>", line 4, in <module>' in text
    assert 'File "<code block 1>", line 2, in ratio' in text
    assert "run_block" not in text and "exec(" not in text


# What a reader sees at a point of the view: the heading itself, not the sticky header over it.
HEADING_IN_SIGHT = """(heading) => {
  const box = heading.getBoundingClientRect();
  return heading.contains(document.elementFromPoint(box.left + 1, box.top + box.height / 2));
}"""


def test_a_link_within_the_page_keeps_the_blocks_as_they_are(lesson):
    # Material's instant navigation re-renders the whole page at the first jump to one of its
    # anchors: the blocks must not be rebuilt, losing what the reader ran.
    first = block(lesson, 1)
    run(first)
    printed = output(first).inner_text()
    lesson.evaluate("window.__before = document.querySelector('article')")
    # Enter, not a click: a jump lays out the listings near the link (content-visibility), and
    # on a busy machine a click can land where the link was a frame before.
    lesson.locator("article a[href$='#5-testing-complexity']").first.press("Enter")
    heading = lesson.locator("[id='5-testing-complexity']")
    lesson.wait_for_function(HEADING_IN_SIGHT, arg=heading.element_handle())
    # Back and Forward, as the browser's buttons do; each returns once its entry is shown. Not
    # where they scroll to, nor the hash of an entry: those are Material's (it saves an entry's
    # offset 100 ms after scrolling ends, and navigation.tracking rewrites the hash as the view
    # settles), a race under load.
    lesson.go_back()
    lesson.go_forward()
    assert lesson.evaluate("window.__before === document.querySelector('article')")
    expect(output(first)).to_have_text(printed)
    expect(status(first)).to_have_text(FINISHED)


def test_instant_navigation_keeps_the_python_session(lesson, site_url):
    first = block(lesson, 1)
    set_code(lesson, first, "remembered = 'still here'")
    run(first)
    # The snapshot's own worker loads the runtime too (in this incognito context from the
    # network: the service worker's cache has not got it yet); let it finish first.
    lesson.wait_for_function(STORED, timeout=60_000)
    downloads_before = runtime_downloads(lesson)
    lesson.evaluate("window.__notReloaded = true")
    lesson.get_by_role("link", name="Cheatsheet").first.click()
    expect(lesson).to_have_url(site_url + "cheatsheets/mlops-vs-devops/")
    lesson.get_by_role("link", name=LESSON_PAGE.title).first.click()
    expect(lesson).to_have_url(site_url + LESSON)
    first = block(lesson, 1)
    set_code(lesson, first, "print(remembered)")
    run(first)
    expect(output(first)).to_have_text("still here\n")
    assert lesson.evaluate("window.__notReloaded") is True
    assert runtime_downloads(lesson) == downloads_before  # nothing more for the navigation


def runtime_downloads(page):
    return [url for url in page.requests.finished if url.endswith("pyodide.asm.wasm")]


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
    expect(status(first)).to_have_text("Code reset to the original; its output was cleared.")


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


def words(code):
    """Code compared as a reader reads it (an editor renders blank lines its own way)."""
    return code.split()


def original_code(block_):
    return block_.evaluate("b => b.querySelector('div.runnable code').textContent").rstrip("\n")


@pytest.mark.parametrize("nav_page", PAGES_WITH_BLOCKS, ids=lambda page: page.source)
def test_only_blocks_with_tests_offer_run_tests(page, site_url, nav_page):
    open_page_with_blocks(page, site_url, nav_page)
    blocks = runnable_blocks(nav_page)
    offered = [  # counted also in closed cards
        b.number for b in blocks if block(page, b.number).locator("button.runnable-test").count()
    ]
    assert offered == [b.number for b in blocks if b.test_count]


@pytest.mark.parametrize("nav_page", PAGES_WITH_BLOCKS, ids=lambda page: page.source)
def test_every_test_block_passes_its_tests(page, site_url, nav_page):
    open_page_with_blocks(page, site_url, nav_page)
    for expected in [b for b in runnable_blocks(nav_page) if b.test_count]:
        count = expected.test_count
        summary = run_tests(block(page, expected.number))
        assert re.fullmatch(rf"{count} passed in \d+\.\d\ds", summary), (expected, summary)
        items = block(page, expected.number).locator(".runnable-tests li")
        expect(items).to_have_count(count)
        for index in range(count):
            expect(items.nth(index)).to_have_attribute("data-outcome", "passed")
            expect(items.nth(index)).to_contain_text(": passed (")


def test_breaking_an_assertion_shows_pytests_explanation_then_fixing_passes(lesson):
    # The lesson's traditional tests (test_add and test_api), edited as a reader would.
    traditional = block(lesson, FIRST_TEST_BLOCK)
    code = original_code(traditional)
    edit_line(lesson, traditional, "== 5", "== 6")
    assert editor_code(traditional) == code.replace("add(2, 3) == 5", "add(2, 3) == 6")
    assert run_tests(traditional).startswith("1 failed, 1 passed in ")
    failed = traditional.locator(".runnable-tests li[data-outcome='failed']")
    expect(failed).to_contain_text("test_add: failed")
    expect(failed.locator(".runnable-test-details")).to_contain_text("assert 5 == 6")
    expect(failed.locator(".runnable-test-details")).to_contain_text("where 5 = add(2, 3)")
    expect(output(traditional)).to_contain_text("1 failed, 1 passed")
    edit_line(lesson, traditional, "== 6", "== 5")  # fixed: the edited module must not be cached
    assert editor_code(traditional) == code
    assert run_tests(traditional).startswith("2 passed in ")
