"""What a static host needs beyond the files: response headers and the offline service worker.

- `site/_headers` (the Netlify / Cloudflare Pages format, also read by scripts/serve_site.py):
  a Content-Security-Policy allowing only this site's own files and the exact inline scripts
  the pages carry (by hash), plus the cross-origin isolation headers that let Stop interrupt
  Python in place; and `Cache-Control` for every file: kept for good (immutable) where its URL
  changes with its content (our published assets, Material's hashed files, the runtime's
  versioned folder, the wheels' hashed folders), revalidated on every use elsewhere (pages,
  the lock file, the service worker, anything named as it always is).
- `site/service-worker.js`: the theme copies overrides/service-worker.js to the site root (a
  service worker controls only pages below its own folder); the build manifest goes
  in front of it: a version (a hash of every file of the build, so a new deploy replaces the old
  cache), the pages and assets to precache, the Python runtime to keep once a reader has started
  Python, and the headers to re-serve on hosts that cannot send them (GitHub Pages).

Its hook runs after every other hook has written its files.
"""

import base64
import hashlib
import json
import re

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from course_build.published_assets import PUBLISHED_FOLDER
from course_build.site_layout import PYODIDE_DIR, VENDOR_DIR, WHEELS_DIR, pyodide_runtime_dir

SERVICE_WORKER = "service-worker.js"
HEADERS_FILE = "_headers"
# This build's version, for the pages: a Python memory snapshot is kept per build and runtime.
BUILD_FILE = "build.json"
PYTHON_RUNTIME = f"{PYODIDE_DIR}/"
# Loaded on demand by the pages that need them, then kept by the service worker as they are.
ON_DEMAND = (f"{VENDOR_DIR}/", "assets/javascripts/lunr/")  # lunr: languages this site lacks
# Not part of the version (BUILD_FILE holds it) nor precached as files of the build.
NOT_CACHED = (SERVICE_WORKER, HEADERS_FILE, BUILD_FILE, "sitemap.xml", "sitemap.xml.gz",
              ".nojekyll")  # fmt: skip

# A file whose URL changes with its content may be kept for good; any other is revalidated
# (a conditional request, answered 304 while it is unchanged).
KEEP_FOR_GOOD = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
MATERIAL_HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$")  # bundle.a5f9d56c.min.js

ISOLATION_HEADERS = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
}


def content_security_policy(script_hashes):
    """Everything from this origin only. Scripts: files from the site, plus inline scripts whose
    hash is listed; 'wasm-unsafe-eval' lets Pyodide compile its WebAssembly. Styles may be inline
    (Mermaid's SVG and mkdocs-jupyter's notebook styles are)."""
    hashes = " ".join(f"'sha256-{digest}'" for digest in sorted(script_hashes))
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'wasm-unsafe-eval' {hashes}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "worker-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


def inline_script_hashes(site_dir):
    """sha256 (base64) of every inline script the pages would run (JSON data blocks do not)."""
    hashes = set()
    for page in site_dir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script", src=False):
            if script.get("type", "text/javascript") in ("text/javascript", "module"):
                digest = hashlib.sha256((script.string or "").encode("utf-8")).digest()
                hashes.add(base64.b64encode(digest).decode("ascii"))
    return hashes


def site_headers(site_dir):
    return {
        **ISOLATION_HEADERS,
        "Content-Security-Policy": content_security_policy(inline_script_hashes(site_dir)),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }


def cache_control(relative, content_named):
    """Cache-Control for the file at `relative` (a path in the site): `content_named` says
    where URLs change with their content."""
    if relative.startswith(content_named) or PUBLISHED_FOLDER.match(relative):
        return KEEP_FOR_GOOD
    return KEEP_FOR_GOOD if MATERIAL_HASHED.search(relative) else REVALIDATE


def cache_rules(site_dir):
    """[(URL pattern, Cache-Control)] naming every served file once. A folder whose files all
    share a policy is one `/folder/*` rule, else its entries are ruled one by one: Netlify
    allows `*` only at a pattern's end, and Cloudflare Pages joins the values of overlapping
    rules, so no two rules may match one URL."""
    content_named = (f"{pyodide_runtime_dir()}/", f"{WHEELS_DIR}/")

    def policy(path):
        return cache_control(path.relative_to(site_dir).as_posix(), content_named)

    def rules_in(folder):
        for entry in sorted(folder.iterdir()):
            url = "/" + entry.relative_to(site_dir).as_posix()
            if entry.is_dir():
                policies = {policy(path) for path in entry.rglob("*") if path.is_file()}
                if len(policies) == 1:
                    yield f"{url}/*", policies.pop()
                else:
                    yield from rules_in(entry)
            elif entry.name != HEADERS_FILE:
                yield url, policy(entry)
                if entry.name == "index.html":  # the page's own URL, folder/
                    yield url.removesuffix("index.html"), policy(entry)

    return list(rules_in(site_dir))


def write_headers_file(site_dir, headers, rules):
    lines = ["# Response headers for hosts that read _headers (Netlify, Cloudflare Pages).", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    for pattern, cache in rules:
        lines += [pattern, f"  Cache-Control: {cache}"]
    (site_dir / HEADERS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")


def page_url(relative):
    """The URL a browser asks for: lessons/x/index.html is requested as lessons/x/."""
    if relative == "index.html":
        return "./"
    return relative.removesuffix("index.html")


def build_manifest(site_dir, headers):
    files = sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*")
        if path.is_file() and path.name not in NOT_CACHED
    )
    version = hashlib.sha256()
    for relative in files:
        version.update(relative.encode() + b"\0" + (site_dir / relative).read_bytes())
    return {
        "version": version.hexdigest()[:16],
        "precache": [
            page_url(f) for f in files if not f.startswith(ON_DEMAND) and not f.endswith(".map")
        ]
        + [BUILD_FILE],
        "python": [f for f in files if f.startswith(PYTHON_RUNTIME)],
        "headers": headers,
    }


MANIFEST_START = "const BUILD = "
MANIFEST_END = ";\n"


def write_service_worker(site_dir, manifest):
    worker = site_dir / SERVICE_WORKER
    if not worker.is_file():
        raise PluginError(f"{worker} is missing: overrides/{SERVICE_WORKER} should be copied there")
    header = "// Written by overrides/hooks/static_host.py for this build.\n"
    header += MANIFEST_START + json.dumps(manifest, indent=1) + MANIFEST_END + "\n"
    worker.write_text(header + worker.read_text(encoding="utf-8"), encoding="utf-8")


def read_build_manifest(worker):
    """The manifest written into a built service worker (for tests and tools)."""
    text = worker.read_text(encoding="utf-8")
    return json.loads(text.split(MANIFEST_START, 1)[1].split(MANIFEST_END, 1)[0])


def write_host_files(site_dir):
    """_headers, the service worker's manifest and build.json, for the site built in site_dir."""
    headers = site_headers(site_dir)
    manifest = build_manifest(site_dir, headers)
    write_service_worker(site_dir, manifest)
    (site_dir / BUILD_FILE).write_text(json.dumps({"version": manifest["version"]}), "utf-8")
    write_headers_file(site_dir, headers, cache_rules(site_dir))  # rules for every file, last
