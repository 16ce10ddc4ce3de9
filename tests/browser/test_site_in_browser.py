"""The built site in Debian's Chromium: self-contained, diagrams, deep links, search, palette."""

import pytest
from course_build.site_layout import MERMAID_DIR
from course_content import mermaid_diagram_count, nav_pages
from lesson_page import LESSON, LESSON_PAGE
from playwright.sync_api import expect

DIAGRAMS = mermaid_diagram_count(LESSON_PAGE)


def mermaid_requests(page):
    return [url for url in page.requests.urls if f"/{MERMAID_DIR}/" in url]


@pytest.mark.parametrize("nav_page", nav_pages(), ids=lambda page: page.source)
def test_page_requests_nothing_from_another_origin(page, site_url, nav_page):
    page.goto(site_url + nav_page.url, wait_until="networkidle")
    assert page.requests.urls, "the request log recorded the page load"
    assert page.requests.foreign() == []


def scroll_through_diagrams(page, count=DIAGRAMS):
    """Scroll to each diagram in turn, as a reader would; each renders as it nears the view."""
    # After an instant navigation the address changes before the new content is swapped in.
    expect(page.locator(".mermaid")).to_have_count(count)
    for index in range(count):
        # In one step in the page: the element is replaced when its diagram renders.
        page.evaluate("n => document.querySelectorAll('.mermaid')[n].scrollIntoView()", index)
        page.wait_for_function(
            "n => document.querySelectorAll('div.mermaid').length > n", arg=index, timeout=30_000
        )
    return page.locator("div.mermaid")


def test_diagrams_render_from_the_self_hosted_mermaid_as_they_near_the_view(page, site_url):
    page.goto(site_url + LESSON, wait_until="networkidle")
    assert page.locator("pre.mermaid").count() > 0  # far below the fold: not rendered yet
    diagrams = scroll_through_diagrams(page)
    expect(diagrams).to_have_count(DIAGRAMS)
    for index in range(DIAGRAMS):
        assert diagrams.nth(index).bounding_box()["height"] > 40
    assert any(url.endswith("mermaid.esm.min.mjs") for url in mermaid_requests(page))
    assert page.requests.foreign() == []


PHONE = {"width": 390, "height": 844}
MERMAID_FONT_PX = 16  # Mermaid draws its labels at 16 px, then the SVG is scaled to its box
LEGIBLE_PX = 12


def drawn_diagrams(page):
    """(diagram kind, drawn width, shown width) of each rendered diagram. Material draws them in
    a closed shadow root, which only the DevTools protocol can look into."""
    cdp = page.context.new_cdp_session(page)
    found = []

    def walk(node):
        flat = node.get("attributes", [])
        attributes = dict(zip(flat[::2], flat[1::2], strict=True))
        if node.get("nodeName") == "svg" and "aria-roledescription" in attributes:
            shown = cdp.send("DOM.getBoxModel", {"nodeId": node["nodeId"]})["model"]["width"]
            drawn = float(attributes["viewBox"].split()[2])
            found.append((attributes["aria-roledescription"], drawn, shown))
        for child in node.get("children", []) + node.get("shadowRoots", []):
            walk(child)

    walk(cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"])
    return found


def test_diagram_text_stays_legible_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + LESSON, wait_until="networkidle")
    scroll_through_diagrams(page)
    diagrams = drawn_diagrams(page)
    assert len(diagrams) == DIAGRAMS
    text_px = [round(MERMAID_FONT_PX * shown / drawn, 1) for _, drawn, shown in diagrams]
    context.close()
    assert min(text_px) >= LEGIBLE_PX, text_px


def test_pages_without_diagrams_do_not_download_mermaid(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    assert mermaid_requests(page) == []


def test_card_deep_link_opens_and_shows_the_card(page, site_url):
    page.goto(site_url + LESSON + "#card-cicd-for-ml")
    card = page.locator("#card-cicd-for-ml")
    expect(card).to_have_attribute("open", "")
    expect(card.get_by_text("Continuous Training").first).to_be_in_viewport()
    expect(page.locator("#card-mlops-tools")).not_to_have_attribute("open", "")


def test_card_opens_from_the_keyboard(page, site_url):
    page.goto(site_url + LESSON)
    summary = page.locator("#card-devops-vs-mlops > summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#card-devops-vs-mlops")).to_have_attribute("open", "")


def test_instant_navigation_keeps_diagrams_working(page, site_url):
    # Material navigates instantly only to pages in its sitemap, which it fetches after load: a
    # click before then is an ordinary page load (a loaded run clicked that early).
    page.goto(site_url, wait_until="networkidle")
    page.evaluate("window.__notReloaded = true")
    page.get_by_role("link", name=LESSON_PAGE.title).first.click()
    expect(page).to_have_url(site_url + LESSON)
    expect(scroll_through_diagrams(page)).to_have_count(DIAGRAMS)
    assert page.evaluate("window.__notReloaded") is True, "navigation reloaded the page"


def test_search_works_offline(page, site_url):
    page.goto(site_url + LESSON, wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut: focus search
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    # Material ignores queries typed before its search worker has loaded the index; it says
    # "Initializing search" until then.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    search.press_sequentially("Kubernetes", delay=50)
    expect(page.locator(".md-search-result__item").first).to_contain_text("Kubernetes")
    assert page.requests.foreign() == []


def test_palette_toggle_switches_to_dark_and_back(page, site_url):
    page.goto(site_url)
    body = page.locator("body")
    initial = body.get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    expect(body).not_to_have_attribute("data-md-color-scheme", initial)


def test_code_blocks_get_materials_copy_button_as_they_scroll_into_view(page, site_url):
    # mkdocs.yml's content.lazy: Material mounts a code block when it first becomes visible.
    page.goto(site_url + LESSON, wait_until="networkidle")
    code_block = page.locator("article div.highlight:not(.runnable) pre:visible").last
    expect(code_block.locator("button.md-code__button")).to_have_count(0)
    code_block.scroll_into_view_if_needed()
    expect(code_block.locator("button.md-code__button[data-md-type=copy]")).to_be_visible()


# Records <html>'s classes when <body> starts: what the first paint is styled with.
CLASSES_AT_FIRST_PAINT = """
new MutationObserver((records, observer) => {
  if (!document.body) return;
  window.__classesAtFirstPaint = document.documentElement.className;
  observer.disconnect();
}).observe(document, { childList: true, subtree: true });
"""


def test_materials_start_leaves_the_html_element_as_first_painted(page, site_url):
    # Changing <html>'s classes restyles the whole page (overrides/main.html sets them early).
    page.add_init_script(CLASSES_AT_FIRST_PAINT)
    page.goto(site_url + LESSON, wait_until="networkidle")
    final = page.evaluate("document.documentElement.className")
    assert "js" in final.split() and "no-js" not in final.split()
    assert page.evaluate("window.__classesAtFirstPaint") == final


# Each listing the browser has not laid out yet (content-visibility: auto, far from the view):
# the height it takes now, and the height it takes once drawn.
SKIPPED_LISTING_HEIGHTS = """() => [...document.querySelectorAll(".md-typeset .highlight > pre")]
  .filter(pre => !pre.checkVisibility({ contentVisibilityAuto: true }))
  .map(pre => {
    const skipped = pre.getBoundingClientRect().height;
    pre.style.contentVisibility = "visible";
    return [pre.textContent.trim().split("\\n")[0], skipped, pre.getBoundingClientRect().height];
  })"""


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_listing_far_from_the_view_takes_the_height_it_has_once_drawn(
    browser, site_url, javascript
):
    # Otherwise what follows it moves as the reader reaches it: a short listing above a block
    # shrank by 107 px between the press and the release of a tap on Run, and nothing ran.
    context = browser.new_context(java_script_enabled=javascript, viewport=PHONE)
    page = context.new_page()
    skipped = []
    for nav_page in nav_pages():
        page.goto(site_url + nav_page.url)
        expect(page.locator("article h1")).to_be_visible()
        listings = page.evaluate(SKIPPED_LISTING_HEIGHTS)
        skipped += [(nav_page.source, *listing) for listing in listings]
    context.close()
    assert skipped, "no page has a listing far enough from the view to be skipped"
    moved = [listing for listing in skipped if abs(listing[2] - listing[3]) >= 1]
    assert moved == [], moved
