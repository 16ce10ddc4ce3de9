"""Add the page line to MkDocs' warnings about broken links and anchors.

MkDocs validates every link (mkdocs.yml `validation:`; `--strict` turns the warnings into a
failed build) but names only the page: "Doc file 'index.md' contains a link '../nowhere.md', but
the target is not found among documentation files." The filter here finds where the page's source
has that link and puts docs/<page>:<line> in front, like every other check of this site. A link
that comes from an included file is reported as MkDocs words it.
"""

import logging
import re
from pathlib import Path

from course_build.pages import read_text

MKDOCS_PAGES_LOGGER = "mkdocs.structure.pages"
BROKEN_LINK = re.compile(r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)'")


def link_line(source_text, link):
    """1-based line of the first Markdown or HTML use of `link` in a page's source, or None."""
    uses = [f"]({link}", f"]({link} ", f'"{link}"', f"'{link}'", f"<{link}>", f"]: {link}"]
    for number, line in enumerate(source_text.splitlines(), start=1):
        if any(use in line for use in uses):
            return number
    return None


class LinkLocations(logging.Filter):
    """Rewrites MkDocs' broken-link warnings to start with docs/<page>:<line>."""

    def __init__(self, docs_dir):
        super().__init__()
        self.docs_dir = Path(docs_dir)

    def filter(self, record):
        message = record.getMessage()
        match = BROKEN_LINK.match(message)
        if match:
            source = self.docs_dir / match["page"]
            text = read_text(source) if source.is_file() else ""
            line = link_line(text, match["link"])
            if line:
                record.msg, record.args = f"docs/{match['page']}:{line}: {message}", ()
        return True


def install(docs_dir):
    """Have MkDocs' page warnings rewritten; once, however often a server rebuilds."""
    logger = logging.getLogger(MKDOCS_PAGES_LOGGER)
    for old in [f for f in logger.filters if type(f).__name__ == LinkLocations.__name__]:
        logger.removeFilter(old)
    logger.addFilter(LinkLocations(docs_dir))
