"""Every page gets the glossary's terms as tooltips, from the one glossary file.

The glossary is a definition list, docs/_includes/glossary.md: the cheatsheet shows it, and the
interview drill makes a card of each entry. Python-Markdown's abbreviations (tooltips) need a
`*[Term]: description` line in each page: the glossary hook appends one for every name of every
entry, so each term is written once.
"""


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
