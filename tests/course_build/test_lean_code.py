"""Listings lose the spans pygments puts around names and whitespace, and nothing else; each
says how many lines it has."""

import re

from course_build.lean_code import with_line_counts, with_plain_tokens_unwrapped


def text_of(html):
    return re.sub(r"<[^>]+>", "", html)


def test_names_and_whitespace_lose_their_spans_and_the_code_reads_the_same(render_markdown):
    html = render_markdown("```python\ndef add(a, b):\n    return a + b  # sum\n```")
    lean = with_plain_tokens_unwrapped(html)
    assert '<span class="n">' in html and '<span class="w">' in html
    assert '<span class="n">' not in lean and '<span class="w">' not in lean
    assert '<span class="k">def</span>' in lean and '<span class="c1"># sum</span>' in lean
    assert text_of(lean) == text_of(html)


def test_only_listings_change():
    prose = '<p><span class="n">a note</span></p>'
    assert with_plain_tokens_unwrapped(prose) == prose


def test_each_highlighted_listing_says_how_many_lines_it_has(render_markdown):
    html = render_markdown("```python\nx = 1\n\ny = '<a>'\n```\n\n```text\none line\n```")
    counted = with_line_counts(html)
    assert counted.count("<pre") == 2
    assert '<pre style="--listing-lines: 3">' in counted  # the blank line counts
    assert '<pre style="--listing-lines: 1">' in counted
    assert text_of(counted) == text_of(html)


def test_a_diagrams_source_is_not_a_listing():
    mermaid = '<pre class="mermaid"><code>flowchart LR\n  a --> b\n</code></pre>'
    assert with_line_counts(mermaid) == mermaid
