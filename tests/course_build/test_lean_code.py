"""Listings lose the spans pygments puts around names and whitespace, and nothing else."""

import re

from course_build.lean_code import with_plain_tokens_unwrapped


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
