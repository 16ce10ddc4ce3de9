"""Serve the built site on localhost, as a static host would.

Used by `make serve` and by the browser tests, so both see the same server. By default it sends
the cross-origin isolation headers a host that allows headers should send (see docs); then the
page can interrupt running Python in place. `--no-isolation` serves like GitHub Pages does.
"""

import argparse
import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

# Explicit types for what the site serves: module workers and WebAssembly refuse a wrong type.
CONTENT_TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".ipynb": "application/x-ipynb+json",
    ".whl": "application/zip",
}


ISOLATION_HEADERS = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
}


class SiteRequestHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}
    extra_headers = {}

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass  # quiet: the browser tests make hundreds of requests


def make_server(directory, host="127.0.0.1", port=8000, isolated=True):
    headers = ISOLATION_HEADERS if isolated else {}
    handler_class = type("Handler", (SiteRequestHandler,), {"extra_headers": headers})
    handler = functools.partial(handler_class, directory=str(directory))
    return ThreadingHTTPServer((host, port), handler)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", default="site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-isolation", action="store_true", help="omit COOP/COEP headers")
    args = parser.parse_args()
    server = make_server(args.directory, port=args.port, isolated=not args.no_isolation)
    print(f"Serving {args.directory}/ at http://127.0.0.1:{args.port}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
