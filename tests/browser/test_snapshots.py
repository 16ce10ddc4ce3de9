"""Python memory snapshots in Chromium: made in the reader's browser after a first start, used by
every later start (restored as the page loads, unless the reader saves data, the device is
short of memory or the tab is hidden), and never trusted when they should not be (corrupt,
another build)."""

import re

import pytest
from checked_pages import checked_pages
from lesson_page import (
    BLOCKS,
    SAVE_DATA_HEADERS,
    SAVES_DATA,
    block,
    loop_then_stop,
    loop_then_stop_in_place,
    open_lesson,
    output,
    python_requests,
    run,
    run_and_expect_recovery,
    run_tests,
    set_code,
    status,
    stay_for_a_second_page,
    wait_for_service_worker,
)
from playwright.sync_api import expect
from stored_snapshots import (
    SNAPSHOT_CACHE,
    STATUS,
    STORED,
    STORED_SNAPSHOTS,
    first_visit_of,
    given_a_snapshot,
    make_snapshot,
    started_from,
)

SNAPSHOT_QUIET_MS = 5_000  # python-session.js waits this long after a start before making one
NO_SNAPSHOT = {"state": "none", "bytes": 0, "storedBytes": 0, "makeMs": 0}
REFUSED = f"() => ({STATUS})().then(status => status.snapshot.state === 'failed')"
# The snapshot under `key` replaced by its first half, as an interrupted write might leave it.
CUT_SHORT = f"""async key => {{
  const cache = await caches.open('{SNAPSHOT_CACHE}');
  const stored = await cache.match(key);
  const bytes = await stored.arrayBuffer();
  await cache.put(key, new Response(bytes.slice(0, bytes.byteLength / 2), stored));
}}"""


def python_workers(page):
    """The page's Python session workers (not the snapshot's inflater, nor Material's search)."""
    return [worker for worker in page.workers if worker.url.endswith("/python-worker.js")]


def wait_for_python_workers(page, count):
    """Wait until the idle page has created `count` Python workers."""
    page.wait_for_function("() => new Promise(idle => requestIdleCallback(() => idle(true)))")
    for _ in range(100):  # workers are not visible to the page
        if len(python_workers(page)) >= count:
            break
        page.wait_for_timeout(100)
    assert len(python_workers(page)) == count


def wait_for_prepared_workers(page, count):
    """Wait until the idle page has prepared `count` Python workers; none has started Python."""
    wait_for_python_workers(page, count)
    page.wait_for_timeout(1_000)
    assert page.evaluate(STATUS)["start"] is None  # but Python has not started


def reload_without_intent(page, site_url):
    """Reload the lesson with the pointer away from every block (pointing at one is intent)."""
    page.mouse.move(0, 0)
    page.reload()
    return open_lesson(page, site_url)


@pytest.fixture(scope="module")
def first_visit(browser, site_url):
    """One first visit that makes the snapshot (first_visit_of), for the tests about what a
    reader who has one gets, and about what making it cost the page: each of them would
    otherwise spend ~10 s starting Python and making its own."""
    pages = checked_pages(browser, site_url)
    visit = first_visit_of(next(pages), site_url)
    next(pages, None)  # closes the page, and checks it as the page fixture does
    return visit


def forget_how_python_started(page):
    """So that started_from() reports on the next session, once the current one has started."""
    started_from(page)
    page.evaluate("delete document.documentElement.dataset.pythonStart")


def without_timings(text):
    return re.sub(r"\d+(\.\d+)? ?m?s\b", "<time>", text)


def outputs_of_every_block(page):
    """What each block of the lesson prints and what each block's tests report."""
    results = []
    for expected in BLOCKS:
        shown = block(page, expected.number)
        results.append((run(shown), output(shown).inner_text()))
        if expected.test_count:
            results.append(run_tests(shown))
    return [without_timings(str(result)) for result in results]


def test_the_next_visit_starts_from_the_snapshot_and_runs_as_a_plain_start_does(page, site_url):
    open_lesson(page, site_url)
    plain = outputs_of_every_block(page)
    assert started_from(page) == "plain"
    page.wait_for_function(STORED, timeout=60_000)
    snapshot = page.evaluate(STATUS)["snapshot"]
    assert snapshot["state"] == "stored"
    assert 10_000_000 < snapshot["bytes"] and 0 < snapshot["storedBytes"] < snapshot["bytes"]
    assert len(page.evaluate(STORED_SNAPSHOTS)) == 1  # one snapshot per origin
    page.reload()
    open_lesson(page, site_url)
    assert outputs_of_every_block(page) == plain
    assert started_from(page) == "snapshot"
    assert page.evaluate(STATUS)["start"] == "snapshot"


def test_a_new_tab_starts_from_it_with_empty_namespaces_and_a_working_runtime(
    page, site_url, first_visit
):
    given_a_snapshot(page, site_url, first_visit.snapshot)
    tab = page.context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(error))
    first = block(open_lesson(tab, site_url), 1)
    fresh = (
        "import sys\n"
        "print(sorted(k for k in globals() if not k.startswith('__')), 'pytest' in sys.modules)\n"
        "print('to stderr', file=sys.stderr)\n"
        "import pygal\nprint(pygal.__name__)\n"
        "import mlops_lab.retraining, os\nprint(os.path.exists(mlops_lab.retraining.__file__))"
    )
    set_code(tab, first, fresh)
    assert run(first, timeout=60_000).startswith("Finished")
    # Only its own import is in the namespace, both streams reach the page, wheels still load,
    # and the course wheel's files (not in the snapshot) are back once code imports from it.
    expect(output(first)).to_have_text("['sys'] True\nto stderr\npygal\nTrue\n")
    assert started_from(tab) == "snapshot"
    set_code(tab, first, "print(input)")
    run(first)
    expect(output(first)).to_contain_text("no_keyboard_input")  # the runner is installed
    assert errors == []


# An object shown as a table: drawn by the page runtime's table module, which it imports on first
# use, where a restored session has no file of the course wheel to import it from.
SHOWN_AS_A_TABLE = """class Scores:
    def _repr_html_(self):
        return '<table><caption>Scores</caption><tr><td>0.97</td></tr></table>'

Scores()"""


def test_a_restored_session_draws_a_table_as_a_plain_one_does(page, site_url, first_visit):
    given_a_snapshot(page, site_url, first_visit.snapshot)
    page.reload()
    first = block(open_lesson(page, site_url), 1)
    set_code(page, first, SHOWN_AS_A_TABLE)
    # Once: "ModuleNotFoundError: No module named 'mlops_lab._page.html_tables'".
    assert run(first).startswith("Finished")
    assert started_from(page) == "snapshot"
    expect(first.locator(".runnable-displays table caption")).to_have_text("Scores")


def test_a_reader_who_never_runs_code_never_makes_one(page, site_url):
    open_lesson(page, site_url)
    # The last work a page does by itself, for a reader who stays.
    wait_for_service_worker(stay_for_a_second_page(page))
    page.wait_for_timeout(SNAPSHOT_QUIET_MS + 1_000)
    assert page.evaluate(f"caches.has('{SNAPSHOT_CACHE}')") is False
    assert page.evaluate(STATUS) == {"start": None, "startMs": None, "snapshot": NO_SNAPSHOT}
    # The session's worker is created while the page is idle, but nothing of Python loads.
    assert len(python_workers(page)) == 1
    assert python_requests(page) == []


# What the page asks of its Python workers, in order: each prepare and init, with the options
# that say how (see the protocol in overrides/assets/javascripts/python/README.md).
RECORD_WORKER_REQUESTS = """(() => {
  const post = Worker.prototype.postMessage;
  window.__workerRequests = [];
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message?.type === "prepare" || message?.type === "init") {
      const { type, ifSnapshot, restore, makeSnapshot } = message;
      window.__workerRequests.push({ type, ifSnapshot, restore, makeSnapshot });
    }
    return post.call(this, message, ...rest);
  };
})()"""


def test_a_returning_reader_gets_python_restored_as_the_page_loads(page, site_url, first_visit):
    given_a_snapshot(page, site_url, first_visit.snapshot)
    page.context.add_init_script(RECORD_WORKER_REQUESTS)
    reload_without_intent(page, site_url)
    assert started_from(page) == "snapshot"  # restored with no block pointed at or run
    assert page.evaluate(STATUS)["snapshot"]["state"] == "used"
    # One request, as the page loads; the worker restores on its own, with no init from the page.
    asked = {"type": "prepare", "ifSnapshot": True, "restore": True, "makeSnapshot": None}
    assert page.evaluate("window.__workerRequests") == [asked]
    expect(page.locator(".runnable-block[data-state='idle']")).to_have_count(len(BLOCKS))
    assert len(python_workers(page)) == 1  # the worker asked to restore is the session's
    assert run(block(page, 1)).startswith("Finished")
    assert len(python_workers(page)) == 1


# Readers for whom a restore waits for intent, as init scripts (and request headers) tell the
# page: one who asks to save data, a device with 2 GB of memory, a tab in the background.
LOW_MEMORY = "Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 2 })"
HIDDEN_TAB = """(() => {
  const shown = () => window.__tabShown === true;
  Object.defineProperty(Document.prototype, "visibilityState", {
    get: () => (shown() ? "visible" : "hidden"),
  });
  Object.defineProperty(Document.prototype, "hidden", { get: () => !shown() });
})()"""
SHOW_TAB = """() => {
  window.__tabShown = true;
  document.dispatchEvent(new Event("visibilitychange"));
}"""
WAITS_FOR_INTENT = {
    "save-data": (SAVES_DATA, SAVE_DATA_HEADERS),
    "low-memory": (LOW_MEMORY, {}),
    "hidden-tab": (HIDDEN_TAB, {}),
}


@pytest.mark.parametrize("reader", WAITS_FOR_INTENT)
def test_with_a_snapshot_a_worker_gets_ready_at_load_and_python_starts_on_intent(
    page, site_url, first_visit, reader
):
    given_a_snapshot(page, site_url, first_visit.snapshot)
    script, headers = WAITS_FOR_INTENT[reader]
    page.context.add_init_script(script)
    page.context.set_extra_http_headers(headers)
    reload_without_intent(page, site_url)
    wait_for_prepared_workers(page, 1)
    if reader == "hidden-tab":  # turned to, the tab restores Python while idle
        page.evaluate(SHOW_TAB)
        assert started_from(page) == "snapshot"
    assert run(block(page, 1)).startswith("Finished")
    assert started_from(page) == "snapshot"
    assert len(python_workers(page)) == 1  # the prepared worker is the one that started


def test_a_snapshot_refused_by_the_quota_leaves_only_plain_starts(page, site_url):
    cdp = page.context.new_cdp_session(page)
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": site_url.rstrip("/"), "quotaSize": 2e6})
    open_lesson(page, site_url)
    run_and_expect_recovery(page, block(page, 1))
    page.wait_for_function(REFUSED, timeout=60_000)
    assert page.evaluate(STORED_SNAPSHOTS) == []  # nothing half-stored
    page.reload()
    run_and_expect_recovery(page, block(page, 1))
    assert started_from(page) == "plain"


def test_making_the_snapshot_never_blocks_the_page(first_visit):
    # Only tasks that overlap the making; those just before it are the page's own work after a
    # first start (diagrams, caching the runtime), there with or without snapshots.
    assert first_visit.long_tasks_while_making == []


def test_a_run_comes_first_and_the_snapshot_is_made_afterwards(page, site_url):
    open_lesson(page, site_url)
    first = block(page, 1)
    run(first)
    # A reader who runs again within seconds has had no making begun, to be thrown away.
    page.wait_for_timeout(SNAPSHOT_QUIET_MS // 2)
    assert page.evaluate(STATUS)["snapshot"]["state"] == "waiting"
    running_s = (SNAPSHOT_QUIET_MS + 4_000) // 1_000
    busy = f"import time\nend = time.time() + {running_s}\nwhile time.time() < end:\n    pass"
    set_code(page, first, busy)
    first.get_by_role("button", name="Run", exact=True).click()
    page.wait_for_timeout(SNAPSHOT_QUIET_MS + 1_000)  # longer than the quiet, while it runs
    assert page.evaluate(STATUS)["snapshot"]["state"] == "waiting"
    expect(status(first)).to_have_text(re.compile("^Finished"), timeout=30_000)
    page.wait_for_function(STORED, timeout=60_000)


def test_a_corrupt_snapshot_gives_a_plain_start_and_is_replaced(page, site_url, first_visit):
    [key] = given_a_snapshot(page, site_url, first_visit.snapshot)
    page.evaluate(CUT_SHORT, key)
    page.reload()
    run_and_expect_recovery(page, block(page, 1))  # no error: only a slower start
    assert started_from(page) == "plain"
    page.wait_for_function(STORED, timeout=60_000)
    assert page.evaluate(STORED_SNAPSHOTS) == [key]
    size = page.evaluate("key => caches.match(key).then(r => r.blob()).then(b => b.size)", key)
    assert size > 1_000_000


def test_a_new_deploy_does_not_use_the_old_builds_snapshot(deployed_page, deployment, second_build):
    [old] = make_snapshot(deployed_page, deployment.url)
    deployment.replace_with(second_build(deployment.url))
    deployed_page.reload()
    run_and_expect_recovery(deployed_page, block(deployed_page, 1))
    assert started_from(deployed_page) == "plain"
    deployed_page.wait_for_function(STORED, timeout=60_000)
    [new] = deployed_page.evaluate(STORED_SNAPSHOTS)
    assert new != old


def test_stop_in_place_and_after_a_memory_error_the_session_starts_from_the_snapshot(
    page, site_url, first_visit
):
    given_a_snapshot(page, site_url, first_visit.snapshot)
    page.reload()
    first = loop_then_stop_in_place(page)
    assert started_from(page) == "snapshot"
    forget_how_python_started(page)
    set_code(page, first, "kept = 1\nchunks = [bytearray(2**30) for _ in range(8)]")
    assert run(first, timeout=120_000).endswith("The Python session was restarted.")
    set_code(page, first, "print('kept' in globals())")
    run(first)
    expect(output(first)).to_have_text("False\n")
    assert started_from(page) == "snapshot"


def test_without_isolation_stop_swaps_in_a_spare_started_from_the_snapshot(
    page_without_service_worker, site_url_without_headers
):
    page = page_without_service_worker
    make_snapshot(page, site_url_without_headers)
    page.reload()
    assert page.evaluate("crossOriginIsolated") is False
    # The session's worker, which restores Python as the page loads, and the spare, which
    # starts after a first run.
    wait_for_python_workers(page, 2)
    run_and_expect_recovery(page, block(page, 1))
    forget_how_python_started(page)
    first = loop_then_stop(page)
    expect(status(first)).to_have_text("Stopped. The Python session was reset.")
    set_code(page, first, "print('fresh session:', 'counter' in globals())")
    run(first)
    expect(output(first)).to_have_text("fresh session: False\n")
    assert started_from(page) == "snapshot"
