"""The local server (make serve, the browser tests): the build's _headers, gzip like a static
host, revalidation, files and folders as SimpleHTTPRequestHandler serves them, and a count of
what it sent. Real server, real files."""

import gzip
import urllib.error
import urllib.request

import pytest
from serve_site import make_server

HEADERS_FILE = (
    "/*\n  X-Frame-Options: DENY\n  Cross-Origin-Opener-Policy: same-origin\n"
    "/\n  Cache-Control: no-cache\n"
    "/lessons/*\n  Cache-Control: no-cache\n"
    "/runtime.wasm\n  Cache-Control: public, max-age=31536000, immutable\n"
)


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

    start.servers = servers

    yield start
    for server in servers:
        server.stop()


def get(url, gzip_ok=True, headers=()):
    asked = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    request = urllib.request.Request(url, headers={**asked, **dict(headers)})
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


def test_each_path_gets_the_cache_control_of_the_rule_that_names_it(serve):
    base = serve()
    assert get(base)[1].get_all("Cache-Control") == ["no-cache"]
    assert get(base + "lessons/")[1].get_all("Cache-Control") == ["no-cache"]
    wasm = get(base + "runtime.wasm")[1]
    assert wasm.get_all("Cache-Control") == ["public, max-age=31536000, immutable"]
    assert wasm["X-Frame-Options"] == "DENY"  # the site-wide rule still applies


@pytest.mark.parametrize("path", ["", "runtime.wasm"], ids=["gzipped page", "file as it is"])
def test_revalidating_an_unchanged_file_gets_not_modified(serve, path):
    url = serve() + path
    modified = get(url)[1]["Last-Modified"]
    with pytest.raises(urllib.error.HTTPError) as answer:  # urllib treats 304 as an error
        get(url, headers={"If-Modified-Since": modified})
    answer.value.close()
    assert answer.value.code == 304


def test_the_server_counts_what_it_sent_by_path(serve):
    base = serve()
    _, headers, body, _ = get(base + "runtime.wasm")
    [server] = serve.servers
    assert server.bytes_sent("runtime.wasm") > len(body)  # the body and the headers
    assert server.bytes_sent() == server.bytes_sent("/runtime.wasm")
