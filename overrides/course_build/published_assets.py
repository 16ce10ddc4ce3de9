"""The site's own JavaScript and CSS, published as a host may cache them for good.

MkDocs copies overrides/assets/ into site/assets/ as written, beside Material's own files. Once
the other hooks have written theirs (the bundles, the runtime's version), this:

1. minifies our JavaScript and CSS with esbuild, each file on its own (modules stay modules,
   their import paths unchanged): the sources in overrides/ stay as readable as they are;
2. moves them from assets/javascripts/ and assets/stylesheets/ into assets/javascripts-<hash>/
   and assets/stylesheets-<hash>/, one hash of all of them, so that any change gives every page
   new URLs and a host may send them as immutable (static_host.py's Cache-Control);
3. points every page at them.

The folders keep their depth, so the relative URLs between our modules, and from them to what
lies outside (the runtime under assets/vendor/, the service worker and build.json at the site
root), stay right. Material's own files are content-hashed already and stay where they are.
"""

import hashlib
import re
import shutil
import subprocess
import tempfile
from importlib.resources import files
from pathlib import Path

from mkdocs.exceptions import PluginError

from course_build.bundles import ESBUILD

FOLDERS = ("javascripts", "stylesheets")
MINIFIED = (".js", ".css")
MATERIAL_ASSETS = Path(str(files("material"))) / "templates" / "assets"
# A folder this step wrote (static_host.py sends its files as immutable).
PUBLISHED_FOLDER = re.compile(r"^assets/(javascripts|stylesheets)-[0-9a-f]{10}/")
# A page's reference to a file under assets/javascripts/ or assets/stylesheets/.
ASSET_REFERENCE = re.compile(r'((?:src|href)="[^"]*?assets/)(javascripts|stylesheets)/([^"#?]+)"')


def own_files(site_dir):
    """[(folder, path inside it)] of the files this project puts in site/assets/<folder>/: all
    but Material's."""
    found = []
    for folder in FOLDERS:
        root = site_dir / "assets" / folder
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root)
            if path.is_file() and not (MATERIAL_ASSETS / folder / relative).exists():
                found.append((folder, relative.as_posix()))
    return found


def minify(sources, base, out_dir):
    """esbuild's minified copy of each source, at its path under `base` inside `out_dir`."""
    if not ESBUILD.exists():
        raise PluginError(f"{ESBUILD} is missing: run `npm ci` (or `make build`) first.")
    command = [str(ESBUILD), *map(str, sources), "--minify", "--log-level=warning",
               f"--outbase={base}", f"--outdir={out_dir}"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        raise PluginError(f"esbuild could not minify the site's assets:\n{result.stderr}")


def content_hash(directory):
    digest = hashlib.sha256()
    for path in sorted(path for path in directory.rglob("*") if path.is_file()):
        digest.update(path.relative_to(directory).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]


def staged_copies(assets, ours, staging):
    """Our files, minified where esbuild can, into `staging` (same layout as `assets`)."""
    sources = [assets / folder / relative for folder, relative in ours]
    minify([source for source in sources if source.suffix in MINIFIED], assets, staging)
    for source in sources:
        if source.suffix not in MINIFIED:
            target = staging / source.relative_to(assets)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def remove_empty_folders(root):
    for folder in sorted((path for path in root.rglob("*") if path.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def point_pages_at(site_dir, ours, version):
    """Rewrite every page's references to our files to their published folder."""
    published = set(ours)

    def published_reference(match):
        start, folder, relative = match.groups()
        if (folder, relative) not in published:
            return match.group(0)  # Material's
        return f'{start}{folder}-{version}/{relative}"'

    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(ASSET_REFERENCE.sub(published_reference, html), encoding="utf-8")


def publish(site_dir):
    """Minify our assets, move them into folders named by their hash, and point pages there."""
    assets = site_dir / "assets"
    ours = own_files(site_dir)
    with tempfile.TemporaryDirectory() as scratch:
        staging = Path(scratch)
        staged_copies(assets, ours, staging)
        version = content_hash(staging)
        for folder, relative in ours:
            (assets / folder / relative).unlink()
        for folder in FOLDERS:
            if (staging / folder).is_dir():
                shutil.move(staging / folder, assets / f"{folder}-{version}")
    for folder in FOLDERS:
        remove_empty_folders(assets / folder)
    point_pages_at(site_dir, ours, version)


def published_folder(site_dir, folder):
    """Where `folder` (javascripts or stylesheets) of our assets was published (tests, tools)."""
    [found] = [path for path in (site_dir / "assets").glob(f"{folder}-*") if path.is_dir()]
    return found
