"""Serve the built site on localhost, as a static host would.

Used by `make serve` and by the browser tests, so both see the same server. By default it sends
the headers of the build's `_headers` file, as Netlify or Cloudflare Pages would (CSP, the
cross-origin isolation that lets Stop interrupt Python in place, Cache-Control). `--no-headers`
serves like GitHub Pages does: plain files, no custom headers. Either way it answers a
revalidation of an unchanged file with 304, and counts what it sends (the bench reads that).
"""

import argparse
import collections
import email.utils
import fnmatch
import functools
import gzip
import os
import sys
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

# Explicit types for what the site serves: module workers and WebAssembly refuse a wrong type.
CONTENT_TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".ipynb": "application/x-ipynb+json",
    ".whl": "application/zip",
}

# Compressed as static hosts compress them. Binary files (WebAssembly, wheels, zip) are sent as
# they are: the download progress Python shows counts their bytes against Content-Length.
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".xml", ".map"}


@functools.lru_cache(maxsize=512)
def gzipped(path, modified):  # modified: part of the cache key, so an edited file is redone
    with open(path, "rb") as file:
        return gzip.compress(file.read(), compresslevel=6)


def read_headers_file(path):
    """Parse a `_headers` file: [(path pattern, {name: value})], in file order."""
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


class CountingWriter:
    """The connection's output, counting the bytes sent for each request path."""

    def __init__(self, output, handler):
        self.output = output
        self.handler = handler

    def write(self, data):
        self.handler.server.count_sent(getattr(self.handler, "path", ""), len(data))
        return self.output.write(data)

    def __getattr__(self, name):
        return getattr(self.output, name)


class SiteRequestHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}
    header_rules = []

    def setup(self):
        super().setup()
        self.wfile = CountingWriter(self.wfile, self)

    def end_headers(self):
        path = urlsplit(self.path).path
        for pattern, headers in self.header_rules:
            if fnmatch.fnmatch(path, pattern):
                for name, value in headers.items():
                    self.send_header(name, value)
        super().end_headers()

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not urlsplit(self.path).path.endswith("/"):
                return super().do_GET()  # the base class redirects "folder" to "folder/"
            path = os.path.join(path, "index.html")
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and os.path.splitext(path)[1] in COMPRESSED and os.path.isfile(path)):
            return super().do_GET()
        modified = os.path.getmtime(path)
        if self.unchanged_since_asked(int(modified)):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.end_headers()
            return
        body = gzipped(path, modified)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(modified)))
        self.end_headers()
        self.wfile.write(body)

    def unchanged_since_asked(self, modified):
        """Whether the request revalidates a copy at least as new as `modified` (seconds)."""
        asked = self.headers.get("If-Modified-Since")
        if not asked or self.headers.get("If-None-Match"):
            return False
        try:
            return modified <= email.utils.parsedate_to_datetime(asked).timestamp()
        except (TypeError, ValueError):
            return False

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass  # quiet: the browser tests make hundreds of requests


def make_server(directory, host="127.0.0.1", port=8000, with_headers=True):
    """A server for `directory`; with_headers=False serves like GitHub Pages (no _headers).
    The headers file is read per request, so a rebuilt site is served with its own headers."""
    headers_file = Path(directory) / "_headers"

    class Handler(SiteRequestHandler):
        @property
        def header_rules(self):
            return read_headers_file(headers_file) if with_headers and headers_file.exists() else []

    return QuietServer((host, port), functools.partial(Handler, directory=str(directory)))


class QuietServer(ThreadingHTTPServer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sent = collections.Counter()  # bytes sent (headers and bodies), by request path
        self.sent_lock = threading.Lock()

    def count_sent(self, path, size):
        with self.sent_lock:
            self.sent[path.split("?")[0]] += size

    def bytes_sent(self, paths_containing=""):
        with self.sent_lock:
            return sum(size for path, size in self.sent.items() if paths_containing in path)

    @property
    def url(self):
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def start_in_background(self):
        """Serve from a daemon thread (tests, benchmarks); returns the site's URL."""
        # shutdown() waits for serve_forever's next poll: poll often, so stop() takes ~10 ms.
        threading.Thread(target=self.serve_forever, args=(0.01,), daemon=True).start()
        return self.url

    def stop(self):
        """Stop serving and close the socket: connections are refused from then on."""
        self.shutdown()
        self.server_close()

    def handle_error(self, request, client_address):
        # A browser that stops a download (a closed tab, a test's closed context) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", default="site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-headers", action="store_true", help="like GitHub Pages")
    args = parser.parse_args()
    server = make_server(args.directory, port=args.port, with_headers=not args.no_headers)
    print(f"Serving {args.directory}/ at http://127.0.0.1:{args.port}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
