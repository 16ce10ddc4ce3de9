"""Every page gets the glossary's terms as tooltips, from the one glossary file.

The glossary is a definition list, docs/_includes/glossary.md: the cheatsheet shows it, and the
interview drill makes a card of each entry. Python-Markdown's abbreviations (tooltips) need a
`*[Term]: description` line in each page: the glossary hook appends one for every name of every
entry, so each term is written once.

A term is explained where a page first uses it, as style guides expand an abbreviation on first
use: every later <abbr> of it is plain text again. Material makes each <abbr> a tooltip
component as the page starts, and the lesson's 66 took a phone's main thread ~0.3 s
(Lighthouse mobile: total blocking time 560-620 ms with them, 220-300 ms without).
"""

import re

ABBREVIATION = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')


GLOSSARY = "_includes/glossary.md"  # under docs/


def glossary_entries(text):
    """[(names, description)]: the terms written one per line, then `:   their description`."""
    entries, names = [], []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(":"):
            entries.append((names, stripped[1:].strip()))
            names = []
        elif stripped and not stripped.startswith(("<!--", "-->")) and not line.startswith(" "):
            names.append(stripped)
        elif not stripped:
            names = []
    return entries


def abbreviations(entries):
    lines = [f"*[{name}]: {description}" for names, description in entries for name in names]
    return "\n".join(lines)


def explained_at_first_use(html):
    """The page's HTML with each term's <abbr> kept only where it first appears."""
    seen = set()

    def first_use_only(match):
        term = match.group(1)
        if term in seen:
            return term
        seen.add(term)
        return match.group(0)

    return ABBREVIATION.sub(first_use_only, html)
