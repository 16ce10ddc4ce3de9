"""The built site: faithful to the lesson source, self-contained, and free of broken links."""

import re
import textwrap
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from course_build.site_layout import MATHJAX_DIR
from course_content import (
    PROJECT,
    drill_page,
    markdown_pages,
    mermaid_diagram_count,
    page_source,
    pages_with_runnable_blocks,
    question_card_ids_in_sources,
)

# The Lesson 2 page is checked against the lesson's source text, section by section.
REFERENCE = Path(__file__).resolve().parents[1] / "reference" / "lesson-02-mlops-vs-devops.md"
LESSON = "lessons/mlops-vs-devops/index.html"
PAGES = markdown_pages()
# What UTF-8 text turns into when decoded as Latin-1/cp1252 (arrows, emoji, tree lines).
MOJIBAKE = re.compile("\ufffd|â€|â†|â”|â”œ|Ã[\u0080-\u00bf]|ðŸ|âœ")


def normalise(text):
    """Compare text ignoring emoji, markup and punctuation: 'Ask **this**!' -> 'ask this'."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.replace("**", "")).lower().split())


@cache
def read_html(site, relative):
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def reference_headings():
    in_code = False
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        in_code ^= line.startswith("```")
        match = not in_code and re.match(r"^#{1,4} (.+?)(\s*\{#[^}]+\})?$", line)
        if match:
            yield normalise(match[1])


def reference_table_rows():
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Aspect"))
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        yield tuple(normalise(cell) for cell in line.strip("|").split("|"))


def table_rows(soup):
    return {
        tuple(normalise(cell.get_text()) for cell in row.find_all(["td", "th"]))
        for row in soup.find_all("tr")
    }


def test_lesson_has_every_heading_of_the_source(built_site):
    lesson = read_html(built_site, LESSON)
    built = {normalise(h.get_text().replace("¶", "")) for h in lesson.select("h1, h2, h3, h4")}
    expected = list(reference_headings())
    assert expected
    assert [heading for heading in expected if heading not in built] == []


@pytest.mark.parametrize("page", [LESSON, "cheatsheets/mlops-vs-devops/index.html"])
def test_comparison_table_has_every_row(built_site, page):
    rows = table_rows(read_html(built_site, page))
    expected = list(reference_table_rows())
    assert expected
    assert [row for row in expected if row not in rows] == []


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.source)
def test_every_page_shows_each_card_written_in_its_source(built_site, page):
    cards = read_html(built_site, page.url + "index.html").select("details.question")
    assert [card["id"] for card in cards] == question_card_ids_in_sources(page)
    for card in cards:
        assert card.summary.get_text().startswith("Q: "), card["id"]
        assert card["data-difficulty"] in {"easy", "medium", "hard"}
        assert card["data-tags"].split()
        assert card.get_text(strip=True) != card.summary.get_text(strip=True), card["id"]


def next_element(element):
    return element.find_next_sibling(True)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.source)
def test_flashcards_stand_together_at_the_end_of_their_section(built_site, page):
    """A section's review prompts, one after another, then the next h2 (or the page's end), so
    that they read, and are reviewed, as one group."""
    cards = read_html(built_site, page.url + "index.html").select("article details.flashcard")
    groups = {}
    for card in cards:
        groups.setdefault(card["data-section"], []).append(card)
    for section, group in groups.items():
        for card, following in zip(group, group[1:], strict=False):
            assert next_element(card) is following, f"{card['id']}: another card must follow"
        after = next_element(group[-1])
        assert after is None or after.name == "h2", f"{section}: cards end the section"


def test_interview_answer_shows_the_tested_snippet(built_site):
    card = read_html(built_site, LESSON).find(id="card-test-ml-models")
    assert "def test_sentiment_model" in card.get_text()
    assert "load_production_model" in card.get_text()


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.source)
def test_every_diagram_of_the_source_is_on_the_page(built_site, page):
    diagrams = read_html(built_site, page.url + "index.html").select("pre.mermaid")
    assert len(diagrams) == mermaid_diagram_count(page)


def test_edit_this_page_points_at_the_source(built_site):
    edit = read_html(built_site, LESSON).select_one("a.md-content__button[href*='/edit/']")
    assert edit["href"].endswith("edit/main/docs/lessons/mlops-vs-devops.md")


def test_glossary_terms_have_tooltips(built_site):
    titles = {
        abbr.get_text(): abbr["title"] for abbr in read_html(built_site, LESSON).find_all("abbr")
    }
    for term in [
        "DVC",
        "MLflow",
        "W&B",
        "Feast",
        "Evidently",
        "Great Expectations",
        "TorchServe",
        "ONNX Runtime",
        "Docker",
        "Kubernetes",
        "Prometheus",
        "Grafana",
        "Terraform",
        "CloudFormation",
        "CI",
        "CD",
        "CT",
        "IaC",
        "TensorFlow Serving",
    ]:
        assert titles.get(term), f"no tooltip for {term}"


def test_notebook_page_has_outputs_says_how_to_run_it_and_links_its_download(built_site):
    notebook = read_html(built_site, "labs/testing-ml-systems/index.html")
    assert "failed checks: ['no null ages', 'age <= 120']" in notebook.get_text()
    downloads = [a["href"] for a in notebook.select("article a[href$='.ipynb']:not([rel=edit])")]
    assert downloads and all(
        (built_site / "labs/testing-ml-systems" / href).is_file() for href in downloads
    )
    assert "jupyter lab" in notebook.get_text()  # the commands that run it


def test_the_home_page_leads_to_the_drill_and_to_a_lab_that_runs_in_the_page(built_site):
    home = read_html(built_site, "index.html")
    cards = {card.strong.get_text(): card.a["href"] for card in home.select(".grid.cards li")}
    lab = read_html(built_site, cards["Run the lab"] + "index.html")
    assert lab.select(".runnable"), "the lab the home page runs has runnable blocks"
    assert home.find("a", href=drill_page().url), "a card leads to the drill"


def html_pages(site):
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


# Markdown that did not render: a block or admonition opener, a fence, a table row.
RAW_MARKDOWN = re.compile(r"^\s*(\?\?\?\+? |!!! |/// |:::|```|~~~|\|\s*-{3,}\s*\|)", re.M)


def article_text(soup):
    """The text a reader reads: the article, outside code listings."""
    article = soup.find("article")
    for listing in article.find_all(["pre", "code"]):
        listing.extract()
    return article.get_text("\n")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.source)
def test_no_page_shows_markdown_syntax_as_text(built_site, page):
    html = (built_site / page.url / "index.html").read_text(encoding="utf-8")
    text = article_text(BeautifulSoup(html, "html.parser"))
    assert RAW_MARKDOWN.findall(text) == []


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.source)
def test_no_paragraph_is_a_lone_quote_mark(built_site, page):
    paragraphs = read_html(built_site, page.url + "index.html").select("article p")
    assert [p for p in paragraphs if p.get_text(strip=True) in {'"', "'", "\u201d", "\u201c"}] == []


def test_no_mis_encoded_characters(built_site):
    bad = {
        page: MOJIBAKE.findall((built_site / page).read_text(encoding="utf-8"))
        for page in html_pages(built_site)
    }
    assert {page: found for page, found in bad.items() if found} == {}


RESOURCE_ATTRIBUTES = [
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
]


def is_foreign(url):
    return bool(urlsplit(url).netloc) or url.startswith("//")


def test_no_page_loads_anything_from_another_origin(built_site):
    foreign = []
    for page in html_pages(built_site):
        soup = read_html(built_site, page)
        for tag, attribute in RESOURCE_ATTRIBUTES:
            for element in soup.find_all(tag, attrs={attribute: True}):
                rel = element.get("rel") or []
                if tag == "link" and not {
                    "stylesheet",
                    "preload",
                    "modulepreload",
                    "icon",
                    "manifest",
                    "preconnect",
                    "dns-prefetch",
                } & set(rel):
                    continue  # canonical/alternate links are not loaded
                if is_foreign(element[attribute]):
                    foreign.append(f"{page}: <{tag} {attribute}={element[attribute]}>")
        for style in soup.find_all(style=True):
            foreign += [
                f"{page}: style url({url})"
                for url in re.findall(r"url\(['\"]?([^'\")]+)", style["style"])
                if is_foreign(url)
            ]
    for stylesheet in built_site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8", errors="replace")
        foreign += [
            f"{stylesheet.name}: {url}"
            for url in re.findall(r"(?:url\(|@import\s+)['\"]?(https?:[^'\")\s]+)", text)
        ]
    assert foreign == []


def test_every_internal_link_and_anchor_resolves(built_site):
    broken = []
    for page in html_pages(built_site):
        for link in read_html(built_site, page).find_all("a", href=True):
            href = link["href"]
            if is_foreign(href) or href.startswith(("mailto:", "javascript:")):
                continue
            target = urlsplit(urljoin(f"http://site/{page}", href))
            path = unquote(target.path.lstrip("/")) or "index.html"
            if path.endswith("/") or (built_site / path).is_dir():
                path = path.rstrip("/") + "/index.html"
            if not (built_site / path).is_file():
                broken.append(f"{page}: {href} (no {path})")
            elif target.fragment and path.endswith(".html"):
                if not read_html(built_site, path).find(id=unquote(target.fragment)):
                    broken.append(f"{page}: {href} (no #{target.fragment} in {path})")
    assert broken == []


def test_no_build_code_is_published(built_site):
    # The theme folder is copied into the site: build-time code must live outside it.
    build_code = {
        path.name
        for folder in ["overrides/hooks", "scripts"]
        for path in (PROJECT / folder).iterdir()
    }
    assert [path for path in built_site.rglob("*") if path.name in build_code] == []


def test_notebook_page_ships_without_jupyterlabs_inline_css(built_site):
    page = built_site / "labs/testing-ml-systems/index.html"
    assert read_html(built_site, "labs/testing-ml-systems/index.html").find("style") is None
    assert page.stat().st_size < 150_000  # was 660 KB with mkdocs-jupyter's inlined CSS


def test_materials_search_is_named_and_its_progress_stripe_hidden_from_screen_readers(built_site):
    for page in html_pages(built_site):
        soup = read_html(built_site, page)
        assert soup.select_one("div.md-search[role=dialog]").get("aria-label") == "Search", page
        assert soup.select_one("div.md-progress").get("aria-hidden") == "true", page


def test_every_code_listing_can_be_scrolled_by_keyboard(built_site):
    # Long lines scroll; a scrolling region must be focusable (axe: scrollable-region-focusable).
    for page in html_pages(built_site):
        listings = read_html(built_site, page).select("pre > code, .jupyter-wrapper pre")
        assert all(listing.get("tabindex") == "0" for listing in listings), page


def test_no_script_holds_up_the_first_paint(built_site):
    # Material's bundle and the Mermaid stand-in are deferred; modules are deferred by nature.
    for page in html_pages(built_site):
        for script in read_html(built_site, page).find_all("script", src=True):
            assert script.has_attr("defer") or script.get("type") == "module", (page, script)


# The cache that holds a reader's Python memory snapshot, as the browser code names it.
SNAPSHOT_MODULE = PROJECT / "overrides" / "assets" / "javascripts" / "python" / "snapshot.js"
SNAPSHOT_CACHE = re.search(r'const CACHE = "([^"]+)"', SNAPSHOT_MODULE.read_text()).group(1)


def test_pages_with_runnable_blocks_and_only_they_load_python_early_for_a_returning_reader(
    built_site,
):
    # Where a snapshot is stored, it starts restoring as the page loads (overrides/main.html).
    def loads_python_early(page):
        inline = read_html(built_site, page).find_all("script", src=False)
        asks = f'caches?.has("{SNAPSHOT_CACHE}")'
        return any(asks in script.text and "python-session.js" in script.text for script in inline)

    with_blocks = {f"{page.url}index.html" for page in pages_with_runnable_blocks()}
    early = {page for page in html_pages(built_site) if loads_python_early(page)}
    assert with_blocks and early == with_blocks


def test_mathjax_ships_only_if_a_page_loads_it(built_site):
    pages = [(built_site / page).read_text(encoding="utf-8") for page in html_pages(built_site)]
    loaded = any(f"{MATHJAX_DIR}/" in page for page in pages)
    assert (built_site / MATHJAX_DIR).exists() == loaded


def test_the_contributing_pages_examples_read_as_their_source(built_site):
    """What a contributor copies from the page is what the Markdown says: includes and section
    markers inside examples are shown, not acted on."""
    source = page_source(next(p for p in PAGES if p.source == "contributing.md"))
    examples = [f for f in source.fences if f.language == "markdown" or "title" in f.options]
    page = read_html(built_site, "contributing/index.html")
    code = [pre.get_text() for pre in page.select("pre")]
    for fence in examples:
        body = textwrap.dedent("\n".join(fence.body)).strip()  # fences in a list are indented
        assert any(body in text for text in code), body
