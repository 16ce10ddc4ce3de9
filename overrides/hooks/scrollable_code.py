"""Every code listing that may scroll sideways can be reached, and scrolled, by keyboard.

A listing with long lines scrolls, and a scrolling region must be focusable for a keyboard user
to scroll it (WCAG 2.1.1; axe: scrollable-region-focusable). Material makes its code blocks
focusable in the browser, and only once they scroll into view (content.lazy), which leaves the
static code of runnable blocks, Mermaid sources, notebook cells and listings not yet seen out of
reach. Here every listing gets tabindex="0" when the page is built, with or without JavaScript.
"""

from bs4 import BeautifulSoup

# The elements that scroll: Material's `pre > code` (code blocks and Mermaid sources) and a
# notebook cell's `pre` (course.css, notebook section).
SCROLLING_LISTINGS = ["pre > code", ".jupyter-wrapper pre"]


def with_focusable_listings(html):
    soup = BeautifulSoup(html, "html.parser")
    listings = soup.select(", ".join(SCROLLING_LISTINGS))
    for listing in listings:
        listing["tabindex"] = "0"
    return str(soup) if listings else html


def on_page_content(html, page, config, files):
    return with_focusable_listings(html)
