"""Every code listing that may scroll sideways can be reached, and scrolled, by keyboard.

A listing with long lines scrolls, and a scrolling region must be focusable for a keyboard user
to scroll it (WCAG 2.1.1; axe: scrollable-region-focusable). Material makes its code blocks
focusable in the browser, and only once they scroll into view (content.lazy), which leaves the
static code of runnable blocks, Mermaid sources, notebook cells and listings not yet seen out of
reach. Here every listing gets tabindex="0" when the page is built, with or without JavaScript.
"""

import re

# What scrolls: the <code> of Material's `pre > code` listings (code blocks, Mermaid sources;
# pygments may put an empty span between), and a notebook cell's own <pre> (course.css).
LISTING_CODE = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?)<code>")
NOTEBOOK_PRE = re.compile(r"<pre>")


def with_focusable_listings(html, is_notebook=False):
    html = LISTING_CODE.sub(r'\1<code tabindex="0">', html)
    return NOTEBOOK_PRE.sub('<pre tabindex="0">', html) if is_notebook else html
