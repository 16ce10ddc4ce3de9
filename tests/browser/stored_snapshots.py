"""The origin's Python memory snapshot as the browser tests handle it: made by a first visit
that ran code (as a reader's browser makes it), read out of that page, and put into another
browser context, which is then a returning reader's (shared by the browser tests' fixtures and
tests/browser/test_snapshots.py)."""

from typing import NamedTuple

from lesson_page import SESSION, block, open_lesson, run

SNAPSHOT_CACHE = "mlops-snapshot"
STORED_SNAPSHOTS = (
    f"() => caches.open('{SNAPSHOT_CACHE}').then(c => c.keys()).then(k => k.map(r => r.url))"
)
STATUS = f"() => {SESSION}.then(m => m.status())"
# Notes when the background worker began making the snapshot, and so when to watch from.
MAKING = f"""() => ({STATUS})().then(status =>
  status.snapshot.state === 'making' && (window.__makingSince = performance.now()))"""
# The main thread's tasks of 50 ms or more (the Long Tasks API's threshold) since then.
LONG_TASKS_WHILE_MAKING = """() => new Promise(resolve =>
  new PerformanceObserver((list, observer) => {
  observer.disconnect();
  resolve(list.getEntries().filter(task => task.startTime + task.duration > window.__makingSince)
    .map(task => Math.round(task.duration)));
}).observe({ type: 'longtask', buffered: true }))"""
# The snapshot made while this page was open is stored.
STORED = "() => document.documentElement.dataset.pythonSnapshot === 'stored'"
# The stored snapshot under `key`, read out of the page: its headers and its compressed body
# (base64, as evaluate() carries strings), and the same put back in another browser context.
READ_SNAPSHOT = """async key => {
  const stored = await caches.match(key);
  const blob = await stored.blob(); // its headers stay readable
  const body = await new Promise(done => {
    const reader = new FileReader();
    reader.onload = () => done(reader.result.split(",")[1]);
    reader.readAsDataURL(blob);
  });
  return { key, headers: Object.fromEntries(stored.headers), body };
}"""
PUT_SNAPSHOT = f"""async ({{ key, headers, body }}) => {{
  const bytes = Uint8Array.from(atob(body), c => c.charCodeAt(0));
  const cache = await caches.open('{SNAPSHOT_CACHE}');
  await cache.put(key, new Response(bytes, {{ headers }}));
}}"""


class FirstVisit(NamedTuple):
    snapshot: dict  # what READ_SNAPSHOT returns
    long_tasks_while_making: list[int]  # milliseconds


def started_from(page):
    page.wait_for_function("() => document.documentElement.dataset.pythonStart")
    return page.evaluate("document.documentElement.dataset.pythonStart")


def make_snapshot(page, site_url):
    """A first visit: a block runs (Python starts from scratch), then the snapshot is made."""
    open_lesson(page, site_url)
    assert run(block(page, 1)).startswith("Finished")
    assert started_from(page) == "plain"
    page.wait_for_function(MAKING, polling=10, timeout=30_000)  # noted, for long tasks since
    page.wait_for_function(STORED, timeout=60_000)
    return page.evaluate(STORED_SNAPSHOTS)


def first_visit_of(page, site_url):
    """Make the snapshot in `page` (make_snapshot); what it stored, and the long tasks since."""
    [key] = make_snapshot(page, site_url)
    return FirstVisit(page.evaluate(READ_SNAPSHOT, key), page.evaluate(LONG_TASKS_WHILE_MAKING))


def given_a_snapshot(page, site_url, snapshot):
    """The lesson open in a browser that holds `snapshot`, as a reader's does after a first
    visit that ran code; returns the stored keys as make_snapshot does."""
    open_lesson(page, site_url)
    page.evaluate(PUT_SNAPSHOT, snapshot)
    return page.evaluate(STORED_SNAPSHOTS)
