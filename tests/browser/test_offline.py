"""The service worker in Chromium: installed only once a reader shows they will stay (never on
Save-Data), the site then works with its server stopped, a new deploy replaces the old cache,
and on a host without headers (GitHub Pages) pages become cross-origin isolated."""

from course_build.site_layout import PYODIDE_DIR, WHEELS_DIR
from deployments import Deployment
from lesson_page import (
    BLOCKS,
    FIRST_TEST_BLOCK,
    LESSON,
    SAVE_DATA_HEADERS,
    SAVES_DATA,
    SITE_CACHES,
    block,
    loop_then_stop_in_place,
    open_lesson,
    output,
    run,
    run_tests,
    set_code,
    stay_for_a_second_page,
    wait_for_service_worker,
)
from playwright.sync_api import expect

CACHED_URLS = f"""() => {SITE_CACHES}
  .then(names => names.length ? caches.open(names[0]).then(c => c.keys()) : [])
  .then(requests => requests.map(r => r.url))"""


REGISTERED = "() => navigator.serviceWorker.getRegistration().then(Boolean)"
LONGER_THAN_A_QUIET_MOMENT_MS = 6_000  # offline.js waits 3 s after load, then for idle


def wait_until_cached(page, urls):
    page.wait_for_function(
        f"urls => ({CACHED_URLS})().then(cached => urls.every(url => cached.includes(url)))",
        arg=urls,
        timeout=30_000,
    )


def test_after_one_visit_the_lesson_reloads_and_runs_offline(deployed_page, deployment):
    page = open_lesson(deployed_page, deployment.url)
    assert run(block(page, 1)).startswith("Finished in")  # a Run: the reader stays
    wait_for_service_worker(page)
    # Kept once Python has started, pytest's wheels included; the page is told when all are stored.
    page.wait_for_function("() => document.documentElement.dataset.pythonOffline === 'kept'")
    python = [deployment.url + path for path in deployment.manifest()["python"]]
    wait_until_cached(page, python)
    deployment.stop()

    page.reload()
    first = block(page, 1)
    assert run(first, timeout=60_000).startswith("Finished in")
    expect(output(first)).to_contain_text("distinct results: {5}")
    tests = BLOCKS[FIRST_TEST_BLOCK - 1].test_count
    assert run_tests(block(page, FIRST_TEST_BLOCK)).startswith(f"{tests} passed in ")
    page.get_by_role("link", name="Cheatsheet").first.click()  # other pages, offline too
    expect(page.locator("article h1")).to_have_text("MLOps vs DevOps cheatsheet¶")


def test_python_is_not_cached_for_readers_who_never_run_code(deployed_page, deployment):
    page = stay_for_a_second_page(open_lesson(deployed_page, deployment.url))
    wait_for_service_worker(page)
    wait_until_cached(page, [deployment.url + LESSON])  # the page's "keep" message is handled
    cached = page.evaluate(CACHED_URLS)
    assert [url for url in cached if f"/{PYODIDE_DIR}/" in url] == []


def test_a_new_deploy_replaces_the_old_cache(deployed_page, deployment, second_build):
    page = deployed_page
    page.goto(deployment.url)
    wait_for_service_worker(stay_for_a_second_page(page))
    assert page.evaluate(f"() => {SITE_CACHES}") == [deployment.cache_name()]
    deployment.replace_with(second_build(deployment.url))

    page.reload()  # a navigation: the browser checks for a new service worker
    page.wait_for_function(
        f"name => {SITE_CACHES}.then(names => names.join() === name)",
        arg=deployment.cache_name(),
        timeout=30_000,
    )
    deployment.stop()
    page.reload()  # offline now: the page comes from the new cache
    expect(page.get_by_text("Fresh from the new deploy.")).to_be_visible()


def test_without_headers_the_service_worker_isolates_pages_so_stop_keeps_state(
    page, served_site, tmp_path
):
    github_pages = Deployment(served_site[0], tmp_path / "pages", with_headers=False)
    try:
        page.requests.origin = github_pages.url.rstrip("/")
        open_lesson(page, github_pages.url)
        assert page.evaluate("crossOriginIsolated") is False  # first visit: plain files
        wait_for_service_worker(stay_for_a_second_page(page))
        page.reload()
        assert page.evaluate("crossOriginIsolated") is True
        first = loop_then_stop_in_place(page)
        set_code(page, first, "print(counter + 1)")
        run(first)
        expect(output(first)).to_have_text("42\n")
    finally:
        github_pages.stop()


def test_offline_without_the_runtime_a_run_says_so_and_the_page_stays_usable(
    deployed_page, deployment
):
    page = stay_for_a_second_page(open_lesson(deployed_page, deployment.url))
    wait_for_service_worker(page)  # pages are cached; Python never started, so it is not
    deployment.stop()
    page.reload()
    first = block(page, 1)
    assert run(first, timeout=60_000) == "Python could not start."
    expect(output(first)).to_contain_text("Python could not start")


def test_a_wheel_that_cannot_be_downloaded_is_reported_and_the_session_goes_on(
    deployed_page, deployment
):
    for wheel in (deployment.directory / WHEELS_DIR).glob("*/pygments-*.whl"):
        wheel.unlink()  # pytest imports pygments: its tests cannot load now
    page = open_lesson(deployed_page, deployment.url)
    traditional = block(page, FIRST_TEST_BLOCK)
    set_code(page, traditional, "kept = 'still here'")
    assert run(traditional).startswith("Finished in")
    summary = run_tests(traditional)
    assert summary.startswith("Error: Could not load a package (offline, or a file is missing): ")
    assert "pygments" in summary
    set_code(page, traditional, "print(kept)")
    run(traditional)
    expect(output(traditional)).to_have_text("still here\n")  # no restart: names survive


def requests_after_load(page, url):
    """What the page requested once it had loaded, while the reader read it for a moment."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    loaded = len(page.requests.urls)
    page.wait_for_timeout(LONGER_THAN_A_QUIET_MOMENT_MS)
    return page.requests.urls[loaded:]


def test_a_first_visit_downloads_only_the_page_until_the_reader_opens_a_second(page, site_url):
    assert requests_after_load(page, site_url) == []  # not the service worker, not the site
    assert page.evaluate(REGISTERED) is False
    page.get_by_role("link", name="Cheatsheet").first.click()  # a second page: the reader stays
    wait_for_service_worker(page)
    cached = page.evaluate(CACHED_URLS)
    assert site_url + LESSON in cached  # a page not visited, kept for offline reading


def test_on_save_data_nothing_is_downloaded_for_later_even_on_a_second_page(page, site_url):
    page.context.set_extra_http_headers(SAVE_DATA_HEADERS)
    page.context.add_init_script(SAVES_DATA)
    assert requests_after_load(page, site_url) == []
    page.get_by_role("link", name="Cheatsheet").first.click()
    expect(page.locator("article h1")).to_have_text("MLOps vs DevOps cheatsheet¶")
    requested = len(page.requests.urls)
    page.wait_for_timeout(LONGER_THAN_A_QUIET_MOMENT_MS)
    # The tab's icon is the page's own, not for later: Chromium asks for it again, when it
    # chooses (a busy run saw it late), once instant navigation has swapped the head's icon link.
    later = [url for url in page.requests.urls[requested:] if not url.endswith("/favicon.png")]
    assert later == []
    assert page.evaluate(REGISTERED) is False
    assert not [url for url in page.requests.urls if url.endswith("/service-worker.js")]
