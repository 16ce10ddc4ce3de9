"""The static-host hook: a `_headers` file whose CSP allows exactly the pages' inline scripts and
whose Cache-Control rules name every file once, and a service worker manifest that changes with
every change to the build."""

import base64
import fnmatch
import hashlib
import json
import re
import urllib.request

from course_build.published_assets import published_folder
from course_build.site_layout import (
    PYODIDE_DIR,
    PYODIDE_LOCK_FILE,
    VENDOR_DIR,
    WHEELS_DIR,
    pyodide_runtime_dir,
)
from course_build.static_host import (
    KEEP_FOR_GOOD,
    REVALIDATE,
    build_manifest,
    read_build_manifest,
)
from serve_site import read_headers_file

INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S
)


def headers_file(site):
    return (site / "_headers").read_text(encoding="utf-8")


def script_src(site):
    csp = re.search(r"Content-Security-Policy: (.+)", headers_file(site))[1]
    return next(d for d in csp.split("; ") if d.startswith("script-src")).split()[1:]


def test_csp_allows_every_inline_script_of_every_page_and_nothing_else(built_site):
    expected = set()
    for page in built_site.rglob("*.html"):
        for body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            expected.add(f"'sha256-{digest}'")
    allowed = set(script_src(built_site))
    assert allowed - expected == {"'self'", "'wasm-unsafe-eval'"}
    assert expected <= allowed
    assert not {"'unsafe-inline'", "'unsafe-eval'"} & allowed


def test_the_local_server_sends_the_headers_file(built_site, site_url):
    with urllib.request.urlopen(site_url + "lessons/mlops-vs-devops/") as response:
        sent = response.headers
    for name in [
        "Content-Security-Policy",
        "Cross-Origin-Opener-Policy",
        "Cross-Origin-Embedder-Policy",
    ]:
        assert f"  {name}: {sent[name]}\n" in headers_file(built_site)
    assert sent.get_all("Cache-Control") == [REVALIDATE]
    with urllib.request.urlopen(f"{site_url}{pyodide_runtime_dir()}/pyodide.mjs") as response:
        assert response.headers.get_all("Cache-Control") == [KEEP_FOR_GOOD]


def cache_controls(site, url_path):
    """The Cache-Control values the _headers rules give a URL path."""
    rules = read_headers_file(site / "_headers")
    return [
        headers["Cache-Control"]
        for pattern, headers in rules
        if "Cache-Control" in headers and fnmatch.fnmatch(url_path, pattern)
    ]


def test_every_file_gets_one_cache_control_kept_for_good_only_where_its_url_is_versioned(
    built_site,
):
    versioned = (
        published_folder(built_site, "javascripts"),
        published_folder(built_site, "stylesheets"),
        built_site / pyodide_runtime_dir(),
        built_site / WHEELS_DIR,
    )
    for path in built_site.rglob("*"):
        if not path.is_file() or path.name == "_headers":
            continue
        relative = path.relative_to(built_site).as_posix()
        content_named = any(folder in path.parents for folder in versioned) or re.search(
            r"\.[0-9a-f]{8}\.min\.(js|css)", relative
        )
        expected = KEEP_FOR_GOOD if content_named else REVALIDATE
        assert cache_controls(built_site, f"/{relative}") == [expected], relative
    for page in ["/", "/lessons/mlops-vs-devops/", "/404.html", f"/{PYODIDE_LOCK_FILE}"]:
        assert cache_controls(built_site, page) == [REVALIDATE], page


def test_the_service_worker_carries_this_builds_manifest(built_site):
    manifest = read_build_manifest(built_site / "service-worker.js")
    assert {"./", "lessons/mlops-vs-devops/", "drill/", "404.html"} <= set(manifest["precache"])
    assert not [url for url in manifest["precache"] if url.startswith(f"{VENDOR_DIR}/")]
    assert f"{pyodide_runtime_dir()}/pyodide.asm.wasm" in manifest["python"]
    lock = json.loads((built_site / PYODIDE_LOCK_FILE).read_text())
    served = {f"{PYODIDE_DIR}/{package['file_name']}" for package in lock["packages"].values()}
    assert served == {f for f in manifest["python"] if f.endswith(".whl")}
    assert manifest["headers"]["Cross-Origin-Embedder-Policy"] == "require-corp"


def test_any_changed_file_changes_the_version(tmp_path):
    (tmp_path / "index.html").write_text("<h1>One</h1>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text("run()")
    before = build_manifest(tmp_path, headers={})
    (tmp_path / "assets" / "app.js").write_text("run(2)")
    after = build_manifest(tmp_path, headers={})
    assert before["version"] != after["version"]
    assert before["precache"] == after["precache"] == ["assets/app.js", "./", "build.json"]
    assert json.dumps(after)  # what the service worker reads is plain JSON
