"""Speed of the in-page Python, in real Chromium, against raw Pyodide measured in the same run.

`make bench` builds the site, then runs this. Every time is measured inside the page, from the
click (a capturing listener) to the moment the watched element's text first matches (a
MutationObserver), and reported as the median of --repeat runs next to a raw baseline served
from the same files by the same server:

- raw Pyodide: a page that only does `loadPyodide()` and `print()`;
- raw Pyodide + pytest: the same, plus loading the site's wheels through its lock file,
  `import pytest` and one `pytest.main` on the same test code as the lesson's block;
- raw Pyodide + pygal: the same runtime loading pygal and the course package, running the lab's
  first two sections and showing the chart as an image, as the lab's second block does.

Memory snapshots: a fresh persistent profile per repetition visits the lesson once (a block
runs, then the page waits until the snapshot is stored); the next visits are measured: Run ->
first output against raw warm (the page, idle before the click, has had a worker made ready;
measured again with that hidden from the page: a Run clicked before the page was idle), and a
first Run tests -> summary against raw + pytest warm. Stop
without isolation is timed on a site served without headers to a browser without service
workers. The build-time alternative (a snapshot served with the site) is timed cold by serving
a snapshot this run made and putting it in the page's cache before the click.

Raw and ours are measured back to back in each repetition, so drift in machine load hits both.
Not a test: it reports, it does not fail.

`--compare OTHER_SITE` instead measures only the cold Run of this site/ and another build (for
example the previous commit's, built with `mkdocs build -d /tmp/other`), interleaved: single
runs here swing by ±300 ms, so whether a change made the click slower is a question for two
builds measured side by side, not for two benchmark runs.
"""

import argparse
import base64
import gzip
import json
import shutil
import statistics
import tempfile
from pathlib import Path

from chromium import CHROMIUM, CHROMIUM_ARGS
from course_build.site_layout import PYODIDE_DIR, PYODIDE_LOCK_FILE
from course_build.snippet_sections import section_text
from playwright.sync_api import sync_playwright
from serve_site import make_server

SITE = Path("site")
PORT = 8000  # the URL the site was built for (site_url), so instant navigation works
BASE = f"http://127.0.0.1:{PORT}/"
LESSON = BASE + "lessons/mlops-vs-devops/"
PYTHON_FILES = f"/{PYODIDE_DIR}/"
TEST_SNIPPET = Path("snippets/lessons/mlops_vs_devops/test_traditional.py")
LAB = BASE + "labs/model-degradation/"
CHART_BLOCK = 2  # the lab's accuracy chart (its Run first runs block 1, the simulation)
LAB_SNIPPET = Path("snippets/labs/model_degradation/test_model_degradation.py")
CHART_SECTIONS = ("simulate", "accuracy")
CHARTING_WHEELS = ("pygal", "importlib-metadata", "zipp")
# The heaviest exercise to grade: the reader's tests run on the real table and on five faults.
CHECKED_EXERCISE = "card-exercise-data-quality"
UNISOLATED_PORT = 8001  # the same files without _headers: no cross-origin isolation
UNISOLATED_LESSON = LESSON.replace(f":{PORT}/", f":{UNISOLATED_PORT}/")
SERVED_SNAPSHOT = "bench-snapshot.bin"  # the build-time alternative, served with the site
SESSION = "import('/assets/javascripts/python/python-session.js')"
SNAPSHOT_STORED = "() => document.documentElement.dataset.pythonSnapshot === 'stored'"
NO_SERVICE_WORKER = "delete Navigator.prototype.serviceWorker"
# The page does not see the stored snapshot, so it gets no worker ready while idle (the worker,
# which this does not reach, still restores it): a Run clicked before the page was idle.
UNPREPARED = "CacheStorage.prototype.has = async () => false"
STORED_SNAPSHOT_KEYS = (
    "caches.open('mlops-snapshot').then(c => c.keys()).then(k => k.map(r => r.url))"
)
CHECKS_PASS = "checks pass"
# What Material itself loads on a page; whatever else a page without runnable blocks loads, this
# project added (its stylesheet and scripts, whichever they are).
MATERIAL_OWN = (
    "assets/javascripts/bundle.",
    "assets/javascripts/workers/",
    "assets/javascripts/lunr/",
    "assets/stylesheets/main.",
    "assets/stylesheets/palette.",
    "assets/images/",
    "search/search_index.json",
    "sitemap.xml",
)

# The raw baselines: a button and an output, with the script in its own file (the site's
# Content-Security-Policy allows only its own inline scripts).
RAW_PAGE_HTML = """<!doctype html>
<meta charset="utf-8"><title>Raw baseline</title>
<button id="run">Run</button><pre id="output"></pre>
<script type="module" src="SCRIPT"></script>
"""

# Both baselines: load Pyodide on the click, then do BODY (the same work as the lesson's block).
RAW_SCRIPT = """
  import { loadPyodide } from "./PYODIDE_DIR/pyodide.mjs";
  const indexURL = new URL("PYODIDE_DIR/", location.href).href;
  const output = document.getElementById("output");
  document.getElementById("run").addEventListener("click", async () => {
    const pyodide = await loadPyodide({ indexURL });
    BODY
  });
"""

RAW_PYODIDE_PAGE = "bench-raw-pyodide.html"
RAW_PYODIDE_BODY = """
    pyodide.setStdout({ batched: (text) => { output.textContent += text; } });
    pyodide.runPython("print('hello')");
"""

RAW_PYTEST_PAGE = "bench-raw-pytest.html"
RAW_PYTEST_BODY = """
    pyodide.setStdout({ batched: (text) => { output.textContent += text + "\\n"; } });
    await pyodide.loadPackage(["pytest", "mlops-lab"]);
    pyodide.FS.writeFile("/tmp/test_block.py", TEST_CODE);
    pyodide.runPython(
      "import pytest; pytest.main(['/tmp/test_block.py', '-q', '-p', 'no:cacheprovider'])");
"""

RAW_CHART_PAGE = "bench-raw-chart.html"
RAW_CHART_BODY = """
    await pyodide.loadPackage(["pygal", "mlops-lab"]);
    const svg = pyodide.runPython(CHART_CODE);
    const image = document.createElement("img");
    image.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    output.append(image);
"""

# Records the click and when the first image in `target` has loaded, in page time.
IMAGE_STOPWATCH = """target => {
  window.__bench = {};
  document.addEventListener("click", () => { window.__bench.click = performance.now(); },
                            { capture: true });
  new MutationObserver(() => {
    const image = target.querySelector("img");
    if (!image || !window.__bench.click || window.__bench.watching) return;
    window.__bench.watching = true;
    const loaded = () => { window.__bench.output = performance.now(); };
    if (image.complete && image.naturalWidth) loaded();
    else image.addEventListener("load", loaded, { once: true });
  }).observe(target, { childList: true, subtree: true });
}"""

# Records the click and when the text of `target` first matches `pattern`, in page time.
STOPWATCH = """(target, pattern) => {
  window.__bench = {};
  const startClock = () => { window.__bench.click = performance.now(); };
  document.addEventListener("click", startClock, { capture: true });
  new MutationObserver(() => {
    const { click, output } = window.__bench;
    if (click && !output && new RegExp(pattern).test(target.textContent)) {
      window.__bench.output = performance.now();
    }
  }).observe(target, { childList: true, subtree: true, characterData: true });
}"""
ANY_TEXT = r"\S"
TESTS_PASSED = "passed in"


# How often a wait checks its condition (the stopwatch has stopped, the snapshot is stored).
# Playwright's default checks every animation frame, which has the page render ~60 frames a
# second: while Python starts on the lesson, that was ~1 s of main-thread and compositor work
# that a reader's idle page never does, competing with the start being timed (a Chromium trace
# of a cold Run). The stopwatch itself is a MutationObserver: polling less often does not
# change what it records.
POLL_MS = 100


def click_to_output(page, button, target, hover_ms=0, pattern=ANY_TEXT):
    target.evaluate(STOPWATCH, pattern)
    if hover_ms:
        button.hover()
        page.wait_for_timeout(hover_ms)
    button.click()
    page.wait_for_function("() => window.__bench.output", polling=POLL_MS, timeout=60_000)
    return page.evaluate("() => window.__bench.output - window.__bench.click")


def click_to_image(page, button, target):
    target.evaluate(IMAGE_STOPWATCH)
    button.click()
    page.wait_for_function("() => window.__bench.output", polling=POLL_MS, timeout=120_000)
    return page.evaluate("() => window.__bench.output - window.__bench.click")


def lab_chart(page):
    page.goto(LAB, wait_until="networkidle")
    block = lesson_block(page, CHART_BLOCK)
    button = block.get_by_role("button", name="Run", exact=True)
    return click_to_image(page, button, block.locator(".runnable-displays"))


def raw_chart(page):
    page.goto(BASE + RAW_CHART_PAGE, wait_until="networkidle")
    return click_to_image(page, page.locator("#run"), page.locator("#output"))


def lesson_checks(page):
    """(cold Check click -> results, warm Check of the same exercise), on the lesson."""
    open_lesson(page)
    block = page.locator(f"details#{CHECKED_EXERCISE} .runnable-block")
    button = block.get_by_role("button", name="Check")
    target = block.locator(".runnable-status")
    first = click_to_output(page, button, target, pattern=CHECKS_PASS)
    return first, click_to_output(page, button, target, pattern=CHECKS_PASS)


def block_with_tests_of(page, snippet):
    """The lesson's block that shows the snippet's tests (found by its first test's name)."""
    section = section_text(snippet.read_text(encoding="utf-8"), "example")
    first_test = next(line for line in section.splitlines() if line.startswith("def test_"))
    return page.locator(".runnable-block", has_text=first_test.split("(")[0]).first


def lesson_block(page, number):
    return page.locator(".runnable-block").nth(number - 1)


def open_lesson(page):
    page.goto(LESSON, wait_until="networkidle")
    lesson_block(page, 1).wait_for()


def run_first_block(page, hover_ms=0):
    block = lesson_block(page, 1)
    button = block.get_by_role("button", name="Run", exact=True)
    return click_to_output(page, button, block.locator(".runnable-output"), hover_ms)


def run_block_tests(page):
    block = block_with_tests_of(page, TEST_SNIPPET)
    button = block.get_by_role("button", name="Run tests")
    return click_to_output(page, button, block.locator(".runnable-status"), pattern=TESTS_PASSED)


def lesson_run(page, hover_ms=0):
    open_lesson(page)
    return run_first_block(page, hover_ms)


def lesson_tests(page):
    """(cold Run tests click -> summary, warm re-run of the same block's tests)."""
    open_lesson(page)
    return run_block_tests(page), run_block_tests(page)


def second_and_after_navigation(page):
    open_lesson(page)
    run_first_block(page)
    second = run_first_block(page)
    page.get_by_role("link", name="Cheatsheet").first.click()
    page.wait_for_url("**/cheatsheets/**")
    page.get_by_role("link", name="Lesson 2: MLOps vs DevOps").first.click()
    page.wait_for_url(LESSON)
    lesson_block(page, 1).wait_for()
    return second, run_first_block(page)


def raw_run(page):
    page.goto(BASE + RAW_PYODIDE_PAGE, wait_until="networkidle")
    return click_to_output(page, page.locator("#run"), page.locator("#output"))


def raw_tests_run(page):
    page.goto(BASE + RAW_PYTEST_PAGE, wait_until="networkidle")
    output = page.locator("#output")
    return click_to_output(page, page.locator("#run"), output, pattern=TESTS_PASSED)


def cold(browser, measure):
    """A fresh incognito context: nothing cached."""
    context = browser.new_context()
    try:
        return measure(context.new_page())
    finally:
        context.close()


def warm(playwright, profile, measure):
    """A persistent profile visited once before: the runtime comes from the disk cache."""
    visit(playwright, profile, measure)  # the first visit fills the cache
    return visit(playwright, profile, measure)


def visit(playwright, profile, measure, init_script=None):
    """One visit in a persistent profile (what it caches stays for the next)."""
    context = playwright.chromium.launch_persistent_context(
        profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    if init_script:
        context.add_init_script(init_script)
    try:
        return measure(context.new_page())
    finally:
        context.close()


# --- Memory snapshots ---------------------------------------------------------------------


def run_then_store_snapshot(page):
    """A first visit: run block 1, then wait for the snapshot. Returns (ms from the first
    output to the snapshot stored, the session's status, the snapshot's cache key)."""
    open_lesson(page)
    run_first_block(page)
    output_at = page.evaluate("performance.now()")
    page.wait_for_function(SNAPSHOT_STORED, polling=POLL_MS, timeout=60_000)
    stored_after = page.evaluate("performance.now()") - output_at
    status = page.evaluate(f"() => {SESSION}.then(m => m.status())")
    [key] = page.evaluate(STORED_SNAPSHOT_KEYS)
    return stored_after, status, key


def started_from_snapshot(page):
    return page.evaluate("document.documentElement.dataset.pythonStart") == "snapshot"


def snapshot_visits(playwright, profile):
    """(made, warm Run -> output, the same with no worker made ready while the page was idle,
    warm first Run tests -> summary, all from the snapshot?)."""
    made = visit(playwright, profile, run_then_store_snapshot)

    def run_once(page):
        return lesson_run(page), started_from_snapshot(page)

    def tests_once(page):
        open_lesson(page)
        return run_block_tests(page), started_from_snapshot(page)

    (run_ms, run_restored), (unprepared_ms, unprepared_restored), (tests_ms, tests_restored) = (
        visit(playwright, profile, run_once),
        visit(playwright, profile, run_once, UNPREPARED),
        visit(playwright, profile, tests_once),
    )
    restored = run_restored and unprepared_restored and tests_restored
    return made, run_ms, unprepared_ms, tests_ms, restored


# Stop an endless loop through the session's API; resolves with the new session's boot time
# (worker created -> ready: the spare, warmed while the loop ran) and Stop -> next output.
STOP_AND_RUN_AGAIN = """async () => {
  const session = await SESSION;
  const options = { namespace: "bench", filename: "<bench>", onOutput: () => {} };
  const looping = session.run("while True:\\n    pass", options);
  await new Promise((wake) => setTimeout(wake, 3000));  // the spare is warm by now
  const stoppedAt = performance.now();
  if ((await session.stop()) !== "reset") throw new Error("expected a reset without isolation");
  await looping;
  await new Promise((printed) => session.run("print(1)", { ...options, onOutput: printed }));
  return { spareStartMs: session.status().startMs, nextOutputMs: performance.now() - stoppedAt };
}""".replace("SESSION", SESSION)


def stop_without_isolation(playwright, profile):
    """(spare boot and Stop -> output before a snapshot exists, then from the snapshot)."""

    def stop_and_run_again(page):
        page.goto(UNISOLATED_LESSON, wait_until="networkidle")
        run_first_block(page)
        return page.evaluate(STOP_AND_RUN_AGAIN)

    def first_visit(page):
        plain = stop_and_run_again(page)
        page.wait_for_function(SNAPSHOT_STORED, polling=POLL_MS, timeout=60_000)
        return plain

    plain = visit(playwright, profile, first_visit, NO_SERVICE_WORKER)
    return plain, visit(playwright, profile, stop_and_run_again, NO_SERVICE_WORKER)


def export_snapshot(playwright, profile, key):
    """Write the profile's stored snapshot into the site, as a build step would serve it."""

    def read(page):
        page.goto(BASE, wait_until="networkidle")
        return page.evaluate(
            """key => caches.match(key).then(r => r.blob()).then(blob => new Promise(done => {
                 const reader = new FileReader();
                 reader.onload = () => done(reader.result.split(",")[1]);
                 reader.readAsDataURL(blob);
               }))""",
            key,
        )

    (SITE / SERVED_SNAPSHOT).write_bytes(base64.b64decode(visit(playwright, profile, read)))


def cold_with_served_snapshot(key, memory_bytes):
    """Cold, as if the build served a snapshot: fetch it into the cache, then Run."""

    def measure(page):
        open_lesson(page)
        fetch_ms = page.evaluate(
            """async ([url, key, memoryBytes]) => {
                 const started = performance.now();
                 const response = await fetch(url);
                 const headers = { "X-Memory-Bytes": String(memoryBytes) }; // as stored
                 const cache = await caches.open("mlops-snapshot");
                 await cache.put(key, new Response(response.body, { headers }));
                 return performance.now() - started;
               }""",
            ["/" + SERVED_SNAPSHOT, key, memory_bytes],
        )
        run_ms = run_first_block(page)
        if not started_from_snapshot(page):
            raise RuntimeError("the served snapshot was not used")
        return fetch_ms + run_ms

    return measure


def responses_of(browser, visit):
    """{url: body size} of every response while `visit(page)` runs in a fresh context."""
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    visit(page)
    sizes = {response.url: len(response.body()) for response in responses if response.ok}
    context.close()
    return sizes


def python_bytes_before_intent(browser):
    def load_lesson_and_wait(page):
        open_lesson(page)
        page.wait_for_timeout(1000)

    sizes = responses_of(browser, load_lesson_and_wait)
    return sum(size for url, size in sizes.items() if PYTHON_FILES in url)


def added_weight_without_blocks(browser):
    """Compressed bytes this project adds to a page without runnable blocks (the home page)."""
    urls = responses_of(browser, lambda page: page.goto(BASE, wait_until="networkidle"))
    files = {url.removeprefix(BASE) for url in urls if url.startswith(BASE) and url != BASE}
    added = {BASE + file for file in files if not file.startswith(MATERIAL_OWN)}
    sizes = {url: len(gzip.compress((SITE / url.removeprefix(BASE)).read_bytes())) for url in added}
    return sum(sizes.values()), sorted(url.removeprefix(BASE) for url in sizes)


MEASURES = ["raw_cold", "ours_cold", "ours_cold_hover", "second_run", "after_navigation",
            "raw_warm", "ours_warm", "raw_tests", "ours_tests", "tests_rerun",
            "raw_chart_cold", "ours_chart_cold", "raw_chart_warm", "ours_chart_warm",
            "check_cold", "check_warm", "raw_tests_warm", "snapshot_warm", "snapshot_unprepared",
            "snapshot_tests_warm",
            "snapshot_stored_after", "snapshot_make", "spare_plain", "spare_snapshot",
            "stop_next_output_plain", "stop_next_output_snapshot",
            "served_snapshot_cold"]  # fmt: skip


def measure_all(repeat):
    samples = {name: [] for name in MEASURES}
    with (
        sync_playwright() as playwright,
        tempfile.TemporaryDirectory() as raw_profile,
        tempfile.TemporaryDirectory() as ours_profile,
        tempfile.TemporaryDirectory() as raw_chart_profile,
        tempfile.TemporaryDirectory() as ours_chart_profile,
        tempfile.TemporaryDirectory() as raw_tests_profile,
        tempfile.TemporaryDirectory() as snapshot_profiles,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        snapshot_sizes, all_restored = None, True
        for repetition in range(repeat):
            samples["raw_cold"].append(cold(browser, raw_run))
            samples["ours_cold"].append(cold(browser, lesson_run))
            samples["ours_cold_hover"].append(cold(browser, lambda page: lesson_run(page, 300)))
            second, after = cold(browser, second_and_after_navigation)
            samples["second_run"].append(second)
            samples["after_navigation"].append(after)
            samples["raw_warm"].append(warm(playwright, raw_profile, raw_run))
            samples["ours_warm"].append(warm(playwright, ours_profile, lesson_run))
            samples["raw_tests"].append(cold(browser, raw_tests_run))
            first_tests, rerun = cold(browser, lesson_tests)
            samples["ours_tests"].append(first_tests)
            samples["tests_rerun"].append(rerun)
            samples["raw_chart_cold"].append(cold(browser, raw_chart))
            samples["ours_chart_cold"].append(cold(browser, lab_chart))
            samples["raw_chart_warm"].append(warm(playwright, raw_chart_profile, raw_chart))
            samples["ours_chart_warm"].append(warm(playwright, ours_chart_profile, lab_chart))
            check_cold, check_warm = cold(browser, lesson_checks)
            samples["check_cold"].append(check_cold)
            samples["check_warm"].append(check_warm)
            samples["raw_tests_warm"].append(warm(playwright, raw_tests_profile, raw_tests_run))
            profile = Path(snapshot_profiles) / f"visits-{repetition}"
            made, run_ms, unprepared_ms, tests_ms, restored = snapshot_visits(playwright, profile)
            stored_after, status, key = made
            all_restored = all_restored and restored
            snapshot_sizes = status["snapshot"]
            samples["snapshot_warm"].append(run_ms)
            samples["snapshot_unprepared"].append(unprepared_ms)
            samples["snapshot_tests_warm"].append(tests_ms)
            samples["snapshot_stored_after"].append(stored_after)
            samples["snapshot_make"].append(status["snapshot"]["makeMs"])
            plain, restored_spare = stop_without_isolation(
                playwright, Path(snapshot_profiles) / f"unisolated-{repetition}"
            )
            samples["spare_plain"].append(plain["spareStartMs"])
            samples["spare_snapshot"].append(restored_spare["spareStartMs"])
            samples["stop_next_output_plain"].append(plain["nextOutputMs"])
            samples["stop_next_output_snapshot"].append(restored_spare["nextOutputMs"])
            if repetition == 0:
                export_snapshot(playwright, profile, key)
            served = cold_with_served_snapshot(key, snapshot_sizes["bytes"])
            samples["served_snapshot_cold"].append(cold(browser, served))
        results = {name: statistics.median(values) for name, values in samples.items()}
        results["spread"] = {name: (min(values), max(values)) for name, values in samples.items()}
        results["bytes_before_intent"] = python_bytes_before_intent(browser)
        results["added_weight"], results["added_files"] = added_weight_without_blocks(browser)
        results["charting_wheels"] = charting_wheel_bytes()
        results["snapshot"] = snapshot_sizes
        results["all_restored"] = all_restored
        browser.close()
    return results


def within(ours, raw, ratio, milliseconds=None):
    return ours / raw <= ratio or (milliseconds is not None and ours <= raw + milliseconds)


def report(r):
    rows = [
        ("Cold: Run click -> first output", "ours_cold", "raw_cold",
         "<= raw + 150 ms (ratio 1.05)", within(r["ours_cold"], r["raw_cold"], 1.05, 150)),
        ("Warm, no snapshot yet: Run -> first output", "ours_warm", "raw_warm",
         "<= raw + 150 ms (ratio 1.05)", within(r["ours_warm"], r["raw_warm"], 1.05, 150)),
        ("Cold, 300 ms hover before the click", "ours_cold_hover", "raw_cold",
         "saves >= 250 ms", r["ours_cold"] - r["ours_cold_hover"] >= 250),
        ("Second run of a block", "second_run", "raw_cold", "< 50 ms", r["second_run"] < 50),
        ("First run after instant navigation", "after_navigation", "raw_cold", "< 100 ms",
         r["after_navigation"] < 100),
        ("Cold: Run tests click -> summary", "ours_tests", "raw_tests", "ratio <= 1.1",
         within(r["ours_tests"], r["raw_tests"], 1.1)),
        ("Warm re-run of a block's tests", "tests_rerun", "raw_tests", "< 200 ms",
         r["tests_rerun"] < 200),
        ("Cold: lab chart Run -> chart drawn", "ours_chart_cold", "raw_chart_cold",
         "ratio <= 1.1", within(r["ours_chart_cold"], r["raw_chart_cold"], 1.1)),
        ("Warm: lab chart Run -> chart drawn", "ours_chart_warm", "raw_chart_warm",
         "ratio <= 1.1", within(r["ours_chart_warm"], r["raw_chart_warm"], 1.1)),
        ("Cold: exercise Check -> results (vs Run tests)", "check_cold", "ours_tests",
         "reported", True),
        ("Warm: exercise Check -> results", "check_warm", "raw_tests", "< 300 ms",
         r["check_warm"] < 300),
        ("From snapshot: Run -> first output", "snapshot_warm", "raw_warm", "ratio <= 0.3",
         within(r["snapshot_warm"], r["raw_warm"], 0.3)),
        ("  the same, no worker made ready beforehand", "snapshot_unprepared", "raw_warm",
         "reported", True),
        ("From snapshot: first Run tests -> summary", "snapshot_tests_warm", "raw_tests_warm",
         "ratio <= 0.5", within(r["snapshot_tests_warm"], r["raw_tests_warm"], 0.5)),
        ("No isolation: spare boot (plain = raw col.)", "spare_snapshot", "spare_plain",
         "< 500 ms", r["spare_snapshot"] < 500),
        ("No isolation: Stop -> next output", "stop_next_output_snapshot",
         "stop_next_output_plain", "reported", True),
        ("Snapshot made (worker start -> made)", "snapshot_make", "raw_cold", "reported", True),
        ("Snapshot stored, after the first output", "snapshot_stored_after", "raw_cold",
         "< 10 s", r["snapshot_stored_after"] < 10_000),
        ("Cold, build-time snapshot (served, fetched)", "served_snapshot_cold", "raw_cold",
         "alternative: compare", True),
    ]  # fmt: skip
    print(f"\n{'measure':<44}{'ours ms':>10}{'raw ms':>10}{'ratio':>8}  {'target':<30}met")
    for name, ours, raw, target, met in rows:
        figures = f"{r[ours]:>10.0f}{r[raw]:>10.0f}{r[ours] / r[raw]:>8.3f}"
        print(f"{name:<44}{figures}  {target:<30}{yes_no(met)}")
    print(f"{'Hover saved':<44}{r['ours_cold'] - r['ours_cold_hover']:>10.0f} ms")
    before = r["bytes_before_intent"]
    print(f"{'Pyodide bytes before intent':<44}{before:>10}    target 0: {yes_no(before == 0)}")
    added = r["added_weight"]
    print(
        f"{'Added to pages without blocks (gzip)':<44}{added / 1024:>9.1f}K    "
        f"target < 30 KB: {yes_no(added < 30 * 1024)}  ({', '.join(r['added_files'])})"
    )
    charting = r["charting_wheels"]
    print(
        f"{'Charting wheels (pygal and its deps)':<44}{sum(charting.values()) / 1024:>9.1f}K    "
        f"downloaded only when a block imports pygal ({', '.join(charting)})"
    )
    snapshot = r["snapshot"]
    print(
        f"{'Snapshot: WebAssembly memory / stored gzip':<44}{snapshot['bytes'] / 2**20:>9.1f}M"
        f"{snapshot['storedBytes'] / 2**20:>9.1f}M  one per origin; every later visit "
        f"started from it: {yes_no(r['all_restored'])}"
    )
    spread = ", ".join(f"{name} {low:.0f}-{high:.0f}" for name, (low, high) in r["spread"].items())
    print(f"spread (min-max ms): {spread}")


def yes_no(met):
    return "yes" if met else "NO"


def charting_wheel_bytes():
    """{wheel file: bytes} of pygal and what it needs, as the site serves them."""
    lock = json.loads((SITE / PYODIDE_LOCK_FILE).read_text(encoding="utf-8"))["packages"]
    files = [lock[name]["file_name"] for name in CHARTING_WHEELS]
    return {Path(f).name: (SITE / PYODIDE_DIR / f).stat().st_size for f in files}


def chart_code_literal():
    """The lab's first two sections, ending in the chart's SVG, as a JavaScript string."""
    text = LAB_SNIPPET.read_text(encoding="utf-8")
    sections = [section_text(text, name) for name in CHART_SECTIONS]
    return json.dumps("\n".join(sections) + "\nchart.render(is_unicode=True)\n")


def test_code_literal():
    """The lesson block's test code (its named section) as a JavaScript string literal."""
    return json.dumps(section_text(TEST_SNIPPET.read_text(encoding="utf-8"), "example"))


def compare_builds(other_site, repeat):
    """Cold Run click -> first output of site/ and `other_site`, served in turn on one port."""
    sites = {"this build": SITE, "other build": Path(other_site)}
    samples = {name: [] for name in sites}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for repetition in range(repeat):
            order = list(sites.items())
            for name, site in order if repetition % 2 == 0 else reversed(order):
                server = make_server(site, port=PORT)
                server.start_in_background()
                try:
                    samples[name].append(cold(browser, lesson_run))
                finally:
                    server.stop()
        browser.close()
    print(f"\nCold: Run click -> first output, {repeat} interleaved runs each")
    for name, values in samples.items():
        median, low, high = statistics.median(values), min(values), max(values)
        print(f"{name:<14}median {median:>6.0f} ms  (range {low:.0f}-{high:.0f})")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (median)")
    parser.add_argument("--compare", metavar="OTHER_SITE", help="compare the cold Run of builds")
    args = parser.parse_args()
    if args.compare:
        return compare_builds(args.compare, args.repeat)
    raw_pages = {}
    for page, body in [
        (RAW_PYODIDE_PAGE, RAW_PYODIDE_BODY),
        (RAW_PYTEST_PAGE, RAW_PYTEST_BODY.replace("TEST_CODE", test_code_literal())),
        (RAW_CHART_PAGE, RAW_CHART_BODY.replace("CHART_CODE", chart_code_literal())),
    ]:
        script = RAW_SCRIPT.replace("BODY", body.strip()).replace("PYODIDE_DIR", PYODIDE_DIR)
        script_name = page.replace(".html", ".mjs")
        raw_pages[SITE / page] = RAW_PAGE_HTML.replace("SCRIPT", script_name)
        raw_pages[SITE / script_name] = script
    for path, html in raw_pages.items():
        path.write_text(html, encoding="utf-8")
    servers = [
        make_server(SITE, port=PORT),
        make_server(SITE, port=UNISOLATED_PORT, with_headers=False),
    ]
    for server in servers:
        server.start_in_background()
    try:
        report(measure_all(args.repeat))
    finally:
        for server in servers:
            server.stop()
        for path in [*raw_pages, SITE / SERVED_SNAPSHOT]:
            path.unlink(missing_ok=True)


if __name__ == "__main__":
    if not shutil.which(CHROMIUM):
        raise SystemExit(f"{CHROMIUM} is missing: run `make chromium`")
    main()
