"""The static-host hook: a `_headers` file whose CSP allows exactly the pages' inline scripts,
and a service worker manifest that changes with every change to the build."""

import base64
import hashlib
import json
import re
import urllib.request

from course_build.site_layout import PYODIDE_DIR, PYODIDE_LOCK_FILE, VENDOR_DIR
from course_build.static_host import build_manifest, read_build_manifest

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


def test_the_service_worker_carries_this_builds_manifest(built_site):
    manifest = read_build_manifest(built_site / "service-worker.js")
    assert {"./", "lessons/mlops-vs-devops/", "drill/", "404.html"} <= set(manifest["precache"])
    assert not [url for url in manifest["precache"] if url.startswith(f"{VENDOR_DIR}/")]
    assert f"{PYODIDE_DIR}/pyodide.asm.wasm" in manifest["python"]
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
