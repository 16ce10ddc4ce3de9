"""The local server (make serve, the browser tests): the build's _headers, gzip like a static
host, files and folders as SimpleHTTPRequestHandler serves them. Real server, real files."""

import gzip
import urllib.request

import pytest
from serve_site import make_server

HEADERS_FILE = "/*\n  X-Frame-Options: DENY\n  Cross-Origin-Opener-Policy: same-origin\n"


@pytest.fixture
def serve(tmp_path):
    (tmp_path / "index.html").write_text("<h1>Home</h1>" * 100)
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "index.html").write_text("<h1>Lesson</h1>")
    (tmp_path / "runtime.wasm").write_bytes(b"\0asm" + bytes(100))
    (tmp_path / "_headers").write_text(HEADERS_FILE)
    servers = []

    def start(with_headers=True):
        server = make_server(tmp_path, port=0, with_headers=with_headers)
        servers.append(server)
        return server.start_in_background()

    yield start
    for server in servers:
        server.stop()


def get(url, gzip_ok=True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request) as response:
        return response.status, response.headers, response.read(), response.url


def test_text_is_gzipped_when_the_browser_accepts_it(serve):
    base = serve()
    _, headers, body, _ = get(base)
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == b"<h1>Home</h1>" * 100
    _, headers, body, _ = get(base, gzip_ok=False)
    assert headers["Content-Encoding"] is None and body == b"<h1>Home</h1>" * 100


def test_webassembly_goes_as_it_is_so_progress_can_count_its_bytes(serve):
    _, headers, body, _ = get(serve() + "runtime.wasm")
    assert headers["Content-Encoding"] is None
    assert headers["Content-Type"] == "application/wasm"
    assert int(headers["Content-Length"]) == len(body) == 104


def test_a_folder_without_its_slash_redirects_then_serves_its_index(serve):
    _, _, body, url = get(serve() + "lessons")
    assert url.endswith("/lessons/")
    assert gzip.decompress(body) == b"<h1>Lesson</h1>"


def test_headers_file_is_sent_unless_serving_like_github_pages(serve):
    assert get(serve())[1]["X-Frame-Options"] == "DENY"
    assert get(serve(with_headers=False))[1]["X-Frame-Options"] is None
