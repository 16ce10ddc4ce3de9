"""Code listings that cost a phone little: fewer elements, and a known size while skipped.

pygments wraps every token of a listing in a <span>, names and whitespace included, yet
Material colours a name as the code's own text, and whitespace has no colour. Unwrapped, those
tokens read, copy and print the same, and the lesson's HTML has a tenth fewer elements (2,899
-> 2,618). Other tokens keep their spans and colours.

Listings far from the view are not laid out until the reader nears them (course.css,
content-visibility), and take a guessed height meanwhile. Each listing says how many lines it
has, so the guess is its real height: with one guess for all, a short listing shrank as the
reader reached it and moved what follows it up (by 107 px, under a finger about to tap Run).
"""

import re

LISTING = re.compile(r"<pre\b.*?</pre>", re.S)
PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')
# A highlighted listing's <pre> has no class (a Mermaid source's has); notebooks' are focusable.
HIGHLIGHTED_LISTING = re.compile(r'<pre((?: tabindex="0")?)>(.*?)</pre>', re.S)
TAG = re.compile(r"<[^>]+>")


def with_plain_tokens_unwrapped(html):
    return LISTING.sub(lambda listing: PLAIN_TOKEN.sub(r"\1", listing.group(0)), html)


def with_line_counts(html):
    """Each highlighted listing's <pre> with its number of lines, as --listing-lines."""
    return HIGHLIGHTED_LISTING.sub(_with_line_count, html)


def _with_line_count(listing):
    attributes, content = listing.groups()
    lines = TAG.sub("", content).rstrip("\n").count("\n") + 1
    return f'<pre{attributes} style="--listing-lines: {lines}">{content}</pre>'
