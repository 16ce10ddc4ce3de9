"""The text of an HTML table, for a block that displays one (display.py).

Only the text of the first <table>'s caption and cells is kept: no markup of the reader's
reaches the page.
"""

from html.parser import HTMLParser


def table_item(markup):
    """The first table of some HTML as plain text cells, or None if it holds no table."""
    parser = TableParser()
    parser.feed(markup)
    if not parser.rows:
        return None
    head, rows = (parser.rows[0], parser.rows[1:]) if parser.header_row else ([], parser.rows)
    caption = " ".join(parser.caption.split())
    return {"kind": "table", "alt": caption or "Table", "caption": caption, "head": head,
            "rows": rows}  # fmt: skip


class TableParser(HTMLParser):
    """Reads the text of the first <table>'s caption and cells; ignores every other tag."""

    def __init__(self):
        super().__init__()
        self.rows, self.caption, self.header_row = [], "", False
        self._depth, self._cell, self._in_caption, self._done = 0, None, False, False
        self._skipping = 0  # inside <script> or <style>: not text a reader would see

    def handle_starttag(self, tag, attrs):
        if self._done:
            return
        if tag in ("script", "style"):
            self._skipping += 1
        elif tag == "table":
            self._depth += 1
        elif self._depth == 1 and tag == "tr":
            self.rows.append([])
        elif self._depth == 1 and tag in ("td", "th") and self.rows:
            self._cell = []
            self.header_row |= tag == "th" and len(self.rows) == 1
        elif self._depth == 1 and tag == "caption":
            self._in_caption = True

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skipping:
            self._skipping -= 1
        elif tag == "table" and self._depth:
            self._depth -= 1
            self._done = self._depth == 0
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "caption":
            self._in_caption = False

    def handle_data(self, data):
        if self._skipping:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_caption:
            self.caption += data
