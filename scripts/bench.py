"""Speed of the in-page Python, in real Chromium, against raw Pyodide measured in the same run.

`make bench` builds the site, then runs this (and the Lighthouse audit). The bench is one
table, MEASURES: each row is declared once, with its name, its driver (the function that
measures it), what it is compared with (raw Pyodide measured in the same run, another row, or
nothing) and its target (a ratio against that, a bound, or none: reported). Collection,
medians and the report all come from the table; `--list` prints it without measuring, and
`--only TEXT` measures only the rows whose name has TEXT (with what they are compared with).

Times are measured inside the page: from the click (a capturing listener) to the moment the
watched element's text first matches (a MutationObserver), with the browser tests' stopwatch
and the browser tests' helpers (tests/browser/lesson_page.py) driving the pages. Each time is
the median of --repeat runs. The raw baselines are served from the same files by the same
server:

- raw Pyodide: a page that only does `loadPyodide()` and `print()`;
- raw Pyodide + pytest: the same, plus loading the site's wheels through its lock file,
  `import pytest` and one `pytest.main` on the same test code as the lesson's block;
- raw Pyodide + pygal: the same runtime loading pygal and the course package, running the lab's
  first two blocks and showing the chart as an image, as the lab's second block does.

"Cold" is a fresh incognito context; "warm" a persistent profile visited once before (the
runtime comes from the disk cache). A returning reader has a profile in which a first visit ran
a block and stored the memory snapshot. Stop without isolation is timed on a site served
without headers to a browser without service workers. The build-time alternative (a snapshot
served with the site) is timed cold by serving a snapshot this run made and putting it in the
page's cache before the click.

Each repetition measures the rows in table order, a baseline right before the first row that
needs it, so raw and ours run back to back and drift in machine load hits both. Rows that come
from one visit (a second run after a first) share their driver, which runs once per repetition.
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
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from chromium import CHROMIUM, CHROMIUM_ARGS
from course_build.site_layout import PYODIDE_DIR, PYODIDE_LOCK_FILE, pyodide_runtime_dir
from playwright.sync_api import sync_playwright
from serve_site import make_server

# The browser tests' helpers drive the pages here too. pytest finds them through pyproject.toml's
# `pythonpath` (tests/, tests/browser/); this script puts the same folders on its import path.
PROJECT = Path(__file__).resolve().parents[1]
sys.path[1:1] = [str(PROJECT / "tests"), str(PROJECT / "tests" / "browser")]
from course_content import nav_pages, runnable_blocks  # noqa: E402
from lesson_page import (  # noqa: E402
    BLOCKS,
    FIRST_TEST_BLOCK,
    LESSON,
    LESSON_PAGE,
    SAVE_DATA_HEADERS,
    SAVES_DATA,
    SESSION,
    STOPWATCH_STOPPED,
    block,
    open_page_with_blocks,
    output,
    start_stopwatch,
    status,
    stopwatch_ms,
)
from stored_snapshots import READ_SNAPSHOT, SNAPSHOT_CACHE, STORED, STORED_SNAPSHOTS  # noqa: E402

SITE = Path("site")
PORT = 8000  # the URL the site was built for (site_url), so instant navigation works
BASE = f"http://127.0.0.1:{PORT}/"
LAB_PAGE = next(page for page in nav_pages() if page.source == "labs/model-degradation.md")
CHART_BLOCK = 2  # the lab's accuracy chart (its Run first runs block 1, the simulation)
CHARTING_WHEELS = ("pygal", "importlib-metadata", "zipp")
# The heaviest exercise to grade: the reader's tests run on the real table and on five faults.
CHECKED_EXERCISE = "card-exercise-data-quality"
UNISOLATED_PORT = 8001  # the same files without _headers: no cross-origin isolation
SERVED_SNAPSHOT = "bench-snapshot.bin"  # the build-time alternative, served with the site
NO_SERVICE_WORKER = "delete Navigator.prototype.serviceWorker"
# A device with 2 GB of memory: the page prepares the session but restores only on intent.
LOW_MEMORY = "Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 2 })"
ANY_TEXT = r"\S"
TESTS_PASSED = "passed in"
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
# How often a wait checks its condition (the stopwatch has stopped, the snapshot is stored).
# Playwright's default checks every animation frame, which has the page render ~60 frames a
# second: while Python starts on the lesson, that was ~1 s of main-thread and compositor work
# that a reader's idle page never does, competing with the start being timed (a Chromium trace
# of a cold Run). The stopwatch itself is a MutationObserver: polling less often does not
# change what it records.
POLL_MS = 100

# --- The raw baselines: a button and an output, with the script in its own file (the site's
# Content-Security-Policy allows only its own inline scripts) --------------------------------

RAW_PAGE_HTML = """<!doctype html>
<meta charset="utf-8"><title>Raw baseline</title>
<button id="run">Run</button><pre id="output"></pre>
<script type="module" src="SCRIPT"></script>
"""

# Every baseline: load Pyodide on the click, then do BODY (the same work as our block). The
# site's lock file lists the wheels it serves.
RAW_SCRIPT = """
  import { loadPyodide } from "./RUNTIME_DIR/pyodide.mjs";
  const indexURL = new URL("RUNTIME_DIR/", location.href).href;
  const lockFileURL = new URL("LOCK_FILE", location.href).href;
  const output = document.getElementById("output");
  document.getElementById("run").addEventListener("click", async () => {
    const pyodide = await loadPyodide({ indexURL, lockFileURL });
    BODY
  });
"""

RAW_PAGES = {
    "bench-raw-pyodide.html": """
    pyodide.setStdout({ batched: (text) => { output.textContent += text; } });
    pyodide.runPython("print('hello')");
""",
    "bench-raw-pytest.html": """
    pyodide.setStdout({ batched: (text) => { output.textContent += text + "\\n"; } });
    await pyodide.loadPackage(["pytest", "mlops-lab"]);
    pyodide.FS.writeFile("/tmp/test_block.py", TEST_CODE);
    pyodide.runPython(
      "import pytest; pytest.main(['/tmp/test_block.py', '-q', '-p', 'no:cacheprovider'])");
""",
    "bench-raw-chart.html": """
    await pyodide.loadPackage(["pygal", "mlops-lab"]);
    const svg = pyodide.runPython(CHART_CODE);
    const image = document.createElement("img");
    image.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    output.append(image);
""",
}


def raw_page_files():
    """{path under site/: text} of the raw baselines' pages and scripts."""
    lesson_tests = BLOCKS[FIRST_TEST_BLOCK - 1].code
    lab = runnable_blocks(LAB_PAGE)[:CHART_BLOCK]
    chart = "\n".join(block_.code for block_ in lab) + "\nchart.render(is_unicode=True)\n"
    files = {}
    for page, body in RAW_PAGES.items():
        body = body.replace("TEST_CODE", json.dumps(lesson_tests))
        body = body.replace("CHART_CODE", json.dumps(chart))
        script = RAW_SCRIPT.replace("BODY", body.strip())
        script = script.replace("RUNTIME_DIR", pyodide_runtime_dir())
        script = script.replace("LOCK_FILE", PYODIDE_LOCK_FILE)
        script_name = page.replace(".html", ".mjs")
        files[page] = RAW_PAGE_HTML.replace("SCRIPT", script_name)
        files[script_name] = script
    return files


# --- Targets --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ratio:
    """Ours at most `at_most` times what it is compared with, or at most `within_ms` slower."""

    at_most: float
    within_ms: float | None = None

    def met(self, ours, compared):
        slower_by = ours - compared
        return ours <= self.at_most * compared or (
            self.within_ms is not None and slower_by <= self.within_ms
        )

    def __str__(self):
        ratio = f"≤ {self.at_most:g} ×"
        return ratio if self.within_ms is None else f"{ratio} or ≤ +{self.within_ms:g} ms"


@dataclass(frozen=True)
class Below:
    limit: float
    unit: str = "ms"

    def met(self, ours, compared):
        return ours < self.limit

    def __str__(self):
        return f"< {amount(self.limit, self.unit)}"


@dataclass(frozen=True)
class AtMost:
    limit: float
    unit: str = "ms"

    def met(self, ours, compared):
        return ours <= self.limit

    def __str__(self):
        return f"≤ {amount(self.limit, self.unit)}"


@dataclass(frozen=True)
class Saves:
    """At least `at_least_ms` faster than what it is compared with."""

    at_least_ms: float

    def met(self, ours, compared):
        return compared - ours >= self.at_least_ms

    def __str__(self):
        return f"saves ≥ {self.at_least_ms:g} ms"


class Reported:
    def met(self, ours, compared):
        return None

    def __str__(self):
        return "reported"


REPORTED = Reported()

# --- The table's row ------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Measure:
    """One row: `driver(bench)` measures it (a number, or a dict of numbers from which `figure`
    picks this row's); `compared_with` is another row, measured in the same repetition."""

    name: str
    driver: object
    compared_with: "Measure | None" = None
    target: object = REPORTED
    figure: str | None = None
    unit: str = "ms"
    repeated: bool = True  # times are; sizes are measured once
    label: str | None = None  # how rows compared with this one name it (else its name's start)

    def value(self, result):
        return result[self.figure] if self.figure else result

    def short_name(self):
        return self.label or self.name.split(":")[0].strip()


def amount(value, unit):
    if unit == "ms":
        return f"{value:.0f} ms"
    if unit == "bytes":
        return bytes_text(value)
    return f"{value:g}"


def bytes_text(size):
    if size >= 2**20:
        return f"{size / 2**20:.1f} MiB"
    if size >= 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size:.0f} B"


# --- What drivers share ---------------------------------------------------------------------


def measure_in(context, measure, init_script=None):
    """`measure` on a new page of `context` (with `init_script` run before each page's own),
    then the context closed whatever happens."""
    if init_script:
        context.add_init_script(init_script)
    try:
        return measure(context.new_page())
    finally:
        context.close()


class Bench:
    """Playwright, an incognito browser for cold visits, profiles that live for the whole run,
    and each driver's result in the current repetition (a driver runs once per repetition)."""

    def __init__(self, playwright, scratch, server=None):
        self.playwright = playwright
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.scratch = Path(scratch)
        self.server = server  # the site's: it counts the bytes it sends
        self.repetition = 0
        self.results = {}

    def next_repetition(self, repetition):
        self.repetition = repetition
        self.results = {}

    def measured(self, driver):
        if driver not in self.results:
            self.results[driver] = driver(self)
        return self.results[driver]

    def cold(self, measure, init_script=None, headers=None):
        context = self.browser.new_context(extra_http_headers=headers)
        return measure_in(context, measure, init_script)

    def visit(self, profile, measure, init_script=None, headers=None):
        """One visit in the persistent profile named `profile` (what it caches stays)."""
        context = self.playwright.chromium.launch_persistent_context(
            self.scratch / profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            extra_http_headers=headers,
        )
        return measure_in(context, measure, init_script)

    def close(self):
        self.browser.close()


def cold(measure):
    """A driver: `measure(page)` in a fresh incognito context (nothing cached)."""

    def driver(bench):
        return bench.cold(measure)

    driver.__name__ = f"cold({measure.__name__})"
    return driver


def warm(profile, measure):
    """A driver: `measure(page)` on a second visit in a persistent profile (the first visit, in
    the first repetition, fills its cache)."""

    def driver(bench):
        if bench.repetition == 0:
            bench.visit(profile, measure)
        return bench.visit(profile, measure)

    driver.__name__ = f"warm({measure.__name__})"
    return driver


# --- Timing a click -------------------------------------------------------------------------

# Starts the stopwatch (lesson_page.STOPWATCH's) for the first image in `target` to load.
IMAGE_STOPWATCH = """target => {
  const watch = (window.__stopwatch = {});
  document.addEventListener("click", () => { watch.click ??= performance.now(); },
                            { capture: true, once: true });
  new MutationObserver(() => {
    const image = target.querySelector("img");
    if (!image || watch.click === undefined || watch.watching) return;
    watch.watching = true;
    const loaded = () => { watch.done = performance.now(); };
    if (image.complete && image.naturalWidth) loaded();
    else image.addEventListener("load", loaded, { once: true });
  }).observe(target, { childList: true, subtree: true });
}"""


def click_and_time(page, button, hover_ms=0):
    """Click `button` (after hovering it `hover_ms`) and return the stopwatch's time."""
    if hover_ms:
        button.hover()
        page.wait_for_timeout(hover_ms)
    button.click()
    page.wait_for_function(STOPWATCH_STOPPED, polling=POLL_MS, timeout=120_000)
    return stopwatch_ms(page)


def click_to_text(page, button, target, pattern=ANY_TEXT, hover_ms=0):
    start_stopwatch(target, pattern)
    return click_and_time(page, button, hover_ms)


def settled_lesson(page, nav_page=LESSON_PAGE):
    """The lesson (or another page with blocks), its blocks mounted and the network quiet: the
    page has been idle."""
    open_page_with_blocks(page, BASE, nav_page)
    page.wait_for_load_state("networkidle")
    return page


def run_block(page, number=1, hover_ms=0):
    shown = block(page, number)
    button = shown.get_by_role("button", name="Run", exact=True)
    return click_to_text(page, button, output(shown), hover_ms=hover_ms)


def run_tests_of_block(page):
    shown = block(page, FIRST_TEST_BLOCK)
    button = shown.get_by_role("button", name="Run tests")
    return click_to_text(page, button, status(shown), TESTS_PASSED)


def check_exercise(page):
    shown = page.locator(f"details#{CHECKED_EXERCISE} .runnable-block")
    button = shown.get_by_role("button", name="Check")
    return click_to_text(page, button, status(shown), CHECKS_PASS)


def lesson_run(page, hover_ms=0):
    return run_block(settled_lesson(page), hover_ms=hover_ms)


def lesson_run_after_hover(page):
    return lesson_run(page, hover_ms=300)


def raw_run(page):
    page.goto(BASE + "bench-raw-pyodide.html", wait_until="networkidle")
    return click_to_text(page, page.locator("#run"), page.locator("#output"))


def raw_tests_run(page):
    page.goto(BASE + "bench-raw-pytest.html", wait_until="networkidle")
    return click_to_text(page, page.locator("#run"), page.locator("#output"), TESTS_PASSED)


def click_to_image(page, button, target):
    target.evaluate(IMAGE_STOPWATCH)
    return click_and_time(page, button)


def lab_chart(page):
    settled_lesson(page, LAB_PAGE)
    chart = block(page, CHART_BLOCK)
    button = chart.get_by_role("button", name="Run", exact=True)
    return click_to_image(page, button, chart.locator(".runnable-displays"))


def raw_chart(page):
    page.goto(BASE + "bench-raw-chart.html", wait_until="networkidle")
    return click_to_image(page, page.locator("#run"), page.locator("#output"))


def lesson_tests(page):
    """A cold Run tests click -> summary, then a warm re-run of the same block's tests."""
    settled_lesson(page)
    return {"first": run_tests_of_block(page), "again": run_tests_of_block(page)}


def lesson_checks(page):
    """A cold Check click -> results, then a warm Check of the same exercise."""
    settled_lesson(page)
    return {"first": check_exercise(page), "again": check_exercise(page)}


def first_tests_of_lesson(page):
    return run_tests_of_block(settled_lesson(page))


def second_run_and_after_navigation(page):
    settled_lesson(page)
    run_block(page)
    second = run_block(page)
    page.get_by_role("link", name="Cheatsheet").first.click()
    page.wait_for_url("**/cheatsheets/**")
    page.get_by_role("link", name="Lesson 2: MLOps vs DevOps").first.click()
    page.wait_for_url(BASE + LESSON)
    block(page, 1).wait_for()
    return {"second": second, "after navigation": run_block(page)}


# --- Memory snapshots -----------------------------------------------------------------------


def started_from_snapshot(page):
    return page.evaluate("document.documentElement.dataset.pythonStart") == "snapshot"


def run_then_store_snapshot(page):
    """A first visit: run block 1, then wait for the snapshot."""
    run_block(settled_lesson(page))
    output_at = page.evaluate("performance.now()")
    page.wait_for_function(STORED, polling=POLL_MS, timeout=60_000)
    stored_after = page.evaluate("performance.now()") - output_at
    snapshot = page.evaluate(f"() => {SESSION}.then(m => m.status())")["snapshot"]
    [key] = page.evaluate(STORED_SNAPSHOTS)
    return {"stored after": stored_after, "make": snapshot["makeMs"], "key": key,
            "memory": snapshot["bytes"], "stored": snapshot["storedBytes"]}  # fmt: skip


def from_snapshot(measure):
    """measure(page), which must have started Python from the snapshot."""

    def measured(page):
        figure = measure(page)
        if not started_from_snapshot(page):
            raise RuntimeError("a returning reader's visit did not start from the snapshot")
        return figure

    return measured


def run_at_once(page):
    """Run clicked as soon as the page has loaded and the block has its button."""
    page.goto(BASE + LESSON)
    return run_block(page)


# What the page's agent holds in memory, workers included (needs cross-origin isolation).
MEMORY_BYTES = "() => performance.measureUserAgentSpecificMemory().then(memory => memory.bytes)"


def run_after_3_s(page):
    """Run clicked 3 s after the load event; also what the session holds by then (memory, how
    long its start took and whether it was restored before the click)."""
    page.goto(BASE + LESSON)
    page.wait_for_timeout(3_000)
    before = page.evaluate(f"() => {SESSION}.then(m => m.status())")
    memory = page.evaluate(MEMORY_BYTES)
    return {"run": run_block(page), "memory": memory, "restored first": before["start"],
            "start": before["startMs"] or 0}  # fmt: skip


def returning_reader(bench):
    """A fresh profile's first visit stores a snapshot; the next visits are measured."""
    profile = f"returning-{bench.repetition}"
    made = bench.visit(profile, run_then_store_snapshot)
    after_3_s = bench.visit(profile, from_snapshot(run_after_3_s))
    low_memory = bench.visit(profile, from_snapshot(run_after_3_s), LOW_MEMORY)
    if after_3_s["restored first"] != "snapshot" or low_memory["restored first"] is not None:
        raise RuntimeError("Python was not restored before a click, or was on a low-memory device")
    return {
        **made,
        "profile": profile,
        "at once": bench.visit(profile, from_snapshot(run_at_once)),
        "after 3 s": after_3_s["run"],
        "low memory": low_memory["run"],
        "restore": after_3_s["start"],
        "restore memory": after_3_s["memory"] - low_memory["memory"],
        "tests": bench.visit(profile, from_snapshot(first_tests_of_lesson)),
    }


# Stop an endless loop through the session's API; resolves with the new session's boot time
# (worker created -> ready: the spare, warmed while the loop ran) and Stop → next output.
STOP_AND_RUN_AGAIN = """async () => {
  const session = await SESSION;
  const options = { namespace: "bench", filename: "<bench>", onOutput: () => {} };
  const looping = session.run("while True:\\n    pass", options);
  await new Promise((wake) => setTimeout(wake, 3000));  // the spare is warm by now
  const stoppedAt = performance.now();
  if ((await session.stop()) !== "reset") throw new Error("expected a reset without isolation");
  await looping;
  await new Promise((printed) => session.run("print(1)", { ...options, onOutput: printed }));
  return { spare: session.status().startMs, "next output": performance.now() - stoppedAt };
}""".replace("SESSION", SESSION)


def stop_and_run_again(page):
    page.goto(BASE.replace(f":{PORT}/", f":{UNISOLATED_PORT}/") + LESSON)
    page.wait_for_load_state("networkidle")
    block(page, 1).wait_for()
    run_block(page)
    return page.evaluate(STOP_AND_RUN_AGAIN)


def stop_then_store_snapshot(page):
    plain = stop_and_run_again(page)
    page.wait_for_function(STORED, polling=POLL_MS, timeout=60_000)
    return plain


def stop_without_isolation(bench):
    """Spare boot and Stop → next output before a snapshot exists, then from the snapshot."""
    profile = f"unisolated-{bench.repetition}"
    plain = bench.visit(profile, stop_then_store_snapshot, NO_SERVICE_WORKER)
    restored = bench.visit(profile, stop_and_run_again, NO_SERVICE_WORKER)
    return {**{f"plain {k}": v for k, v in plain.items()}, **restored}


PUT_SERVED_SNAPSHOT = f"""async ([url, key, memoryBytes]) => {{
  const started = performance.now();
  const response = await fetch(url);
  const headers = {{ "X-Memory-Bytes": String(memoryBytes) }}; // as stored
  const cache = await caches.open("{SNAPSHOT_CACHE}");
  await cache.put(key, new Response(response.body, {{ headers }}));
  return performance.now() - started;
}}"""


def served_snapshot_cold(bench):
    """Cold, as if the build served a snapshot: fetch it into the cache, then Run."""
    returning = bench.measured(returning_reader)
    if not (SITE / SERVED_SNAPSHOT).exists():  # the build-time step, once per run

        def read(page):
            page.goto(BASE, wait_until="networkidle")
            return page.evaluate(READ_SNAPSHOT, returning["key"])["body"]

        snapshot = base64.b64decode(bench.visit(returning["profile"], read))
        (SITE / SERVED_SNAPSHOT).write_bytes(snapshot)

    def measure(page):
        settled_lesson(page)
        served = ["/" + SERVED_SNAPSHOT, returning["key"], returning["memory"]]
        fetch_ms = page.evaluate(PUT_SERVED_SNAPSHOT, served)
        return fetch_ms + from_snapshot(run_block)(page)

    return bench.cold(measure)


# --- Sizes ----------------------------------------------------------------------------------

LATER_MS = 20_000  # "and 20 s later": what a page fetches by itself while the reader reads
QUIET_MS = 1_000


class SentBytes:
    """Bytes the site's server sent (to pages, workers and the service worker) since the last
    mark; all of them, or those of paths containing `part`."""

    def __init__(self, server):
        self.server = server
        self.mark()

    def mark(self):
        self.start = self.now()

    def now(self):
        with self.server.sent_lock:
            return dict(self.server.sent)

    def since_mark(self, part="", unless_requested_by=None):
        """Bytes since the mark of the paths containing `part`; with `unless_requested_by` (a
        page), only of those the page and its workers never requested: the service worker's."""
        sent = self.now()
        counted = [path for path in sent if part in path]
        if unless_requested_by:
            requested = {urlsplit(url).path for url in unless_requested_by.requested}
            counted = [path for path in counted if path not in requested]
        return sum(sent[path] - self.start.get(path, 0) for path in counted)

    def until_quiet(self, page):
        """Wait until nothing was sent for QUIET_MS; return the bytes since the mark."""
        sent = -1
        while sent != self.since_mark():
            sent = self.since_mark()
            page.wait_for_timeout(QUIET_MS)
        return sent


def first_visits(init_script=None, headers=None):
    """A driver: in a new reader's browser (a fresh profile), a first visit to the home page (no
    runnable block), to its load event and 20 s later, then the lesson by its link, until the
    network is quiet and 20 s later. Bytes from the load event or the click on."""

    def driver(bench):
        def visit(page):
            page.requested = []
            page.on("request", lambda request: page.requested.append(request.url))
            sent = SentBytes(bench.server)
            page.goto(BASE)
            figures = {"home": sent.since_mark()}
            sent.mark()
            page.wait_for_timeout(LATER_MS)
            figures["home later"] = figures["home"] + sent.since_mark()
            figures["home for later"] = sent.since_mark(unless_requested_by=page)
            sent.mark()
            page.get_by_role("link", name=LESSON_PAGE.title).first.click()
            page.wait_for_url(BASE + LESSON)
            figures["second"] = sent.until_quiet(page)
            page.wait_for_timeout(LATER_MS)
            figures["second later"] = sent.since_mark()
            return figures

        profile = f"first-visits-{'save-data-' if headers else ''}{bench.repetition}"
        return bench.visit(profile, visit, init_script, headers)

    driver.__name__ = "first_visits" + ("(Save-Data)" if headers else "")
    return driver


def lesson_first_run(bench):
    """In a new reader's browser (a fresh profile), a first visit to the lesson: Pyodide's bytes
    in the 20 s after it loaded (before any intent), then a Run: bytes to its first output, and
    in the 20 s after."""

    def visit(page):
        sent = SentBytes(bench.server)
        open_page_with_blocks(page, BASE, LESSON_PAGE)
        page.wait_for_timeout(LATER_MS)
        figures = {"before intent": sent.since_mark(f"/{PYODIDE_DIR}/")}
        sent.mark()
        run_block(page)
        figures["run"] = sent.since_mark()
        sent.mark()
        page.wait_for_timeout(LATER_MS)
        figures["after run"] = sent.since_mark()
        return figures

    return bench.visit(f"first-run-{bench.repetition}", visit)


def raw_first_run(bench):
    """Bytes raw Pyodide's page needs from its load to its first output (a fresh profile)."""

    def visit(page):
        sent = SentBytes(bench.server)
        raw_run(page)
        return sent.since_mark()

    return bench.visit(f"raw-first-run-{bench.repetition}", visit)


def responses_of(bench, visit):
    """{url: body size} of every response while `visit(page)` runs in a fresh context."""

    def record(page):
        responses = []
        page.on("response", lambda response: responses.append(response))
        visit(page)
        return {response.url: len(response.body()) for response in responses if response.ok}

    return bench.cold(record)


def added_weight_without_blocks(bench):
    """Compressed bytes this project adds to a page without runnable blocks (the home page)."""
    urls = responses_of(bench, lambda page: page.goto(BASE, wait_until="networkidle"))
    files = {url.removeprefix(BASE) for url in urls if url.startswith(BASE) and url != BASE}
    added = [SITE / file for file in files if not file.startswith(MATERIAL_OWN)]
    return sum(len(gzip.compress(path.read_bytes())) for path in added)


def charting_wheel_bytes(bench):
    """Bytes of pygal and what it needs, as the site serves them."""
    lock = json.loads((SITE / PYODIDE_LOCK_FILE).read_text(encoding="utf-8"))["packages"]
    files = [lock[name]["file_name"] for name in CHARTING_WHEELS]
    return sum((SITE / PYODIDE_DIR / file).stat().st_size for file in files)


# --- The table ------------------------------------------------------------------------------

RAW_COLD = Measure("raw, cold", cold(raw_run))
RAW_WARM = Measure("raw, warm", warm("raw", raw_run))
RAW_TESTS = Measure("raw + pytest, cold", cold(raw_tests_run))
RAW_TESTS_WARM = Measure("raw + pytest, warm", warm("raw-tests", raw_tests_run))
RAW_CHART = Measure("raw + pygal, cold", cold(raw_chart))
RAW_CHART_WARM = Measure("raw + pygal, warm", warm("raw-chart", raw_chart))

SECOND_RUNS = cold(second_run_and_after_navigation)
TESTS = cold(lesson_tests)
CHECKS = cold(lesson_checks)

COLD = Measure("Cold: Run → first output", cold(lesson_run), RAW_COLD, Ratio(1.05, 150))
COLD_TESTS = Measure("Cold: Run tests → summary", TESTS, RAW_TESTS, Ratio(1.1), "first")
PLAIN_SPARE = Measure("plain spare", stop_without_isolation, figure="plain spare")
PLAIN_STOP = Measure("before a snapshot", stop_without_isolation, figure="plain next output")

FIRST_VISITS = first_visits()
HOME_AT_LOAD = Measure(
    "First visit, a page without blocks (home): bytes to the load event", FIRST_VISITS,
    figure="home", unit="bytes", repeated=False, label="at load")  # fmt: skip
SECOND_PAGE_LATER = Measure(
    "  the same, 20 s later (the precache, for offline use)", FIRST_VISITS,
    figure="second later", unit="bytes", repeated=False, label="without Save-Data")  # fmt: skip
RAW_RUN_BYTES = Measure("raw, cold", raw_first_run, unit="bytes", repeated=False)

MEASURES = [
    COLD,
    Measure("Cold, 300 ms hover before the click", cold(lesson_run_after_hover), COLD,
            Saves(250)),
    Measure("Second run of a block", SECOND_RUNS, target=Below(50), figure="second"),
    Measure("First run after instant navigation", SECOND_RUNS, target=Below(100),
            figure="after navigation"),
    Measure("Warm, no snapshot yet: Run → first output", warm("ours", lesson_run), RAW_WARM,
            Ratio(1.05, 150)),
    COLD_TESTS,
    Measure("Warm re-run of a block's tests", TESTS, target=Below(200), figure="again"),
    Measure("Cold: lab chart Run → chart drawn", cold(lab_chart), RAW_CHART, Ratio(1.1)),
    Measure("Warm: lab chart Run → chart drawn", warm("ours-chart", lab_chart), RAW_CHART_WARM,
            Ratio(1.1)),
    Measure("Cold: exercise Check → results", CHECKS, COLD_TESTS, figure="first"),
    Measure("Warm: exercise Check → results", CHECKS, target=Below(300), figure="again"),
    Measure("Returning reader: Run clicked at once → first output", returning_reader,
            RAW_WARM, Ratio(0.15), "at once"),
    Measure("Returning reader: Run clicked 3 s after load → first output", returning_reader,
            RAW_WARM, Below(100), "after 3 s"),
    Measure("  the same on a low-memory device (restored on intent)", returning_reader,
            RAW_WARM, figure="low memory"),
    Measure("Returning reader: first Run tests → summary", returning_reader, RAW_TESTS_WARM,
            Ratio(0.5), "tests"),
    Measure("Restore at load: worker asked → ready (before any click)", returning_reader,
            figure="restore"),
    Measure("Restore at load: memory held (vs prepared only)", returning_reader,
            figure="restore memory", unit="bytes"),
    Measure("Snapshot made (worker start -> made)", returning_reader, figure="make"),
    Measure("Snapshot stored, after the first output", returning_reader,
            target=Below(10_000), figure="stored after"),
    Measure("Snapshot: WebAssembly memory", returning_reader, figure="memory", unit="bytes",
            repeated=False),
    Measure("Snapshot: stored (gzip)", returning_reader, figure="stored", unit="bytes",
            repeated=False),
    Measure("No isolation: spare boot from the snapshot", stop_without_isolation, PLAIN_SPARE,
            Below(500), "spare"),
    Measure("No isolation: Stop → next output", stop_without_isolation, PLAIN_STOP,
            figure="next output"),
    Measure("Cold, build-time snapshot served with the site (alternative, not shipped)",
            served_snapshot_cold, RAW_COLD),
    HOME_AT_LOAD,
    Measure("  the same, 20 s later", FIRST_VISITS, HOME_AT_LOAD, figure="home later",
            unit="bytes", repeated=False),
    Measure("  of which for later (the service worker's: its script and precache)",
            FIRST_VISITS, target=AtMost(0, "bytes"), figure="home for later", unit="bytes",
            repeated=False),
    Measure("Second page (the lesson, by its link): bytes until the network is quiet",
            FIRST_VISITS, figure="second", unit="bytes", repeated=False),
    SECOND_PAGE_LATER,
    Measure("  the same on Save-Data", first_visits(SAVES_DATA, SAVE_DATA_HEADERS),
            SECOND_PAGE_LATER, figure="second later", unit="bytes", repeated=False),
    Measure("Pyodide bytes in the 20 s after the lesson loaded (before intent)",
            lesson_first_run, target=AtMost(0, "bytes"), figure="before intent", unit="bytes",
            repeated=False),
    Measure("First Run: bytes to the first output", lesson_first_run, RAW_RUN_BYTES,
            figure="run", unit="bytes", repeated=False),
    Measure("  then in the 20 s after it (offline copy, snapshot)", lesson_first_run,
            figure="after run", unit="bytes", repeated=False),
    Measure("Added to pages without runnable blocks (gzip)", added_weight_without_blocks,
            target=Below(30 * 1024, "bytes"), unit="bytes", repeated=False),
    Measure("Charting wheels (pygal, importlib-metadata, zipp), only when a block imports pygal",
            charting_wheel_bytes, unit="bytes", repeated=False),
]  # fmt: skip


# --- Collection and report ------------------------------------------------------------------


def collect(bench, measures, repeat):
    """{measure: [samples]}, each repetition in table order, baselines just before their rows."""
    samples = {}

    def sample(measure):
        if measure in samples and len(samples[measure]) > bench.repetition:
            return  # already measured in this repetition (a baseline of an earlier row)
        if measure.compared_with:
            sample(measure.compared_with)
        if measure.repeated or bench.repetition == 0:
            value = measure.value(bench.measured(measure.driver))
            samples.setdefault(measure, []).append(value)

    for repetition in range(repeat):
        bench.next_repetition(repetition)
        for measure in measures:
            sample(measure)
    return samples


def report(measures, samples, repeat):
    median = {measure: statistics.median(values) for measure, values in samples.items()}
    print(f"\nMedian of {repeat} (sizes: measured once).\n")
    print("| Measure | Ours | Compared with | Ratio | Target | Met |")
    print("|---|---|---|---|---|---|")
    for measure in measures:
        ours, compared = median[measure], measure.compared_with
        against = median[compared] if compared else None
        met = measure.target.met(ours, against)
        cells = [
            measure.name.strip(),
            amount(ours, measure.unit),
            f"{amount(against, compared.unit)} ({compared.short_name()})" if compared else "",
            f"{ours / against:.2f}" if compared and against else "",
            str(measure.target),
            "" if met is None else ("yes" if met else "**no**"),
        ]
        print("| " + " | ".join(cells) + " |")
    spreads = [
        f"{m.name.strip()} {min(v):.0f}-{max(v):.0f}"
        for m, v in samples.items()
        if m.unit == "ms" and len(v) > 1
    ]
    print(f"\nSpread (min-max ms): {'; '.join(spreads)}")


def list_measures(measures):
    for measure in measures:
        compared = f" vs {measure.compared_with.name}" if measure.compared_with else ""
        driver = getattr(measure.driver, "__name__", "")
        print(f"{measure.name.strip()}{compared}: {measure.target} [{driver}]")


def compare_builds(other_site, repeat):
    """Cold Run click -> first output of site/ and `other_site`, served in turn on one port."""
    sites = {"this build": SITE, "other build": Path(other_site)}
    samples = {name: [] for name in sites}
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
        bench = Bench(playwright, scratch)
        for repetition in range(repeat):
            order = list(sites.items())
            for name, site in order if repetition % 2 == 0 else reversed(order):
                server = make_server(site, port=PORT)
                server.start_in_background()
                try:
                    samples[name].append(bench.cold(lesson_run))
                finally:
                    server.stop()
        bench.close()
    print(f"\nCold: Run click -> first output, {repeat} interleaved runs each")
    for name, values in samples.items():
        middle, low, high = statistics.median(values), min(values), max(values)
        print(f"{name:<14}median {middle:>6.0f} ms  (range {low:.0f}-{high:.0f})")


def measure_site(repeat, measures):
    raw_files = {SITE / name: text for name, text in raw_page_files().items()}
    for path, text in raw_files.items():
        path.write_text(text, encoding="utf-8")
    servers = [
        make_server(SITE, port=PORT),
        make_server(SITE, port=UNISOLATED_PORT, with_headers=False),
    ]
    for server in servers:
        server.start_in_background()
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
            bench = Bench(playwright, scratch, servers[0])
            try:
                samples = collect(bench, measures, repeat)
            finally:
                bench.close()
        report(measures, samples, repeat)
    finally:
        for server in servers:
            server.stop()
        for path in [*raw_files, SITE / SERVED_SNAPSHOT]:
            path.unlink(missing_ok=True)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (median)")
    parser.add_argument("--compare", metavar="OTHER_SITE", help="compare the cold Run of builds")
    parser.add_argument("--list", action="store_true", help="print the table of measures")
    parser.add_argument("--only", metavar="TEXT", help="measure only the rows whose name has TEXT")
    args = parser.parse_args()
    measures = [m for m in MEASURES if (args.only or "").lower() in m.name.lower()]
    if args.list:
        return list_measures(measures)
    if not shutil.which(CHROMIUM):
        raise SystemExit(f"{CHROMIUM} is missing: run `make chromium`")
    if args.compare:
        return compare_builds(args.compare, args.repeat)
    if not measures:
        raise SystemExit(f"no measure's name has {args.only!r}: see --list")
    measure_site(args.repeat, measures)


if __name__ == "__main__":
    main()
