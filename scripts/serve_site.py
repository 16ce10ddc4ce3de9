"""Serve the built site on localhost, as a static host would.

Used by `make serve` and by the browser tests, so both see the same server.
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


class SiteRequestHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass  # quiet: the browser tests make hundreds of requests


def make_server(directory, host="127.0.0.1", port=8000):
    handler = functools.partial(SiteRequestHandler, directory=str(directory))
    return ThreadingHTTPServer((host, port), handler)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", default="site")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = make_server(args.directory, port=args.port)
    print(f"Serving {args.directory}/ at http://127.0.0.1:{args.port}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
