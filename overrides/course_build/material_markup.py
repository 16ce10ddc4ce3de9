"""Changes to the markup Material writes into every built page, each checked.

- Accessible names: Lighthouse (axe) flags the search dialog for having a role but no
  accessible name. The page-loading progress bar, a decorative stripe outside every landmark
  (axe: region), is hidden from assistive technology instead.
- Valid HTML (Nu HTML checker): Material puts autocomplete="off" on its two checkbox toggles,
  where the attribute is not allowed, and an empty tabindex="" (an error browsers ignore) on
  navigation section labels.
- A deferred script: Material ends <body> with a plain <script src=".../bundle.*.min.js">,
  which stops the parser until it has downloaded and run, so on a slow phone connection the
  first paint could wait for it (Lighthouse, lesson page as a phone: first contentful paint
  2.1 s, 1.5 s deferred). Deferred, it still runs before DOMContentLoaded, when Material mounts
  its components, and in document order before the site's own scripts (mkdocs.yml defers
  mermaid-loader.js; module scripts are deferred by nature), so nothing changes order.

Changing the built HTML here, rather than copying Material's templates into overrides/, keeps
each change to a line; a Material release that changes this markup fails the build instead of
silently losing a change.
"""

import re

from mkdocs.exceptions import PluginError

REQUIRED_EDITS = {
    '<div class="md-search" data-md-component="search" role="dialog">': (
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
    ),
    '<div class="md-progress" data-md-component="progress" role="progressbar">': (
        '<div class="md-progress" data-md-component="progress" role="progressbar"'
        ' aria-hidden="true">'
    ),
    'type="checkbox" id="__drawer" autocomplete="off">': 'type="checkbox" id="__drawer">',
    'type="checkbox" id="__search" autocomplete="off">': 'type="checkbox" id="__search">',
}
EMPTY_TABINDEX = ' tabindex=""'
MATERIAL_SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)">')


def with_required_edits(html, source):
    for element, edited in REQUIRED_EDITS.items():
        if element not in html:
            raise PluginError(f"{source}: Material's markup changed, {element!r} not found")
        html = html.replace(element, edited)
    return html.replace(EMPTY_TABINDEX, "")


def with_deferred_script(html, source):
    html, count = MATERIAL_SCRIPT.subn(r'<script src="\1" defer>', html)
    if count != 1:
        raise PluginError(f"{source}: Material's markup changed, its script tag found {count}×")
    return html


def corrected(html, source):
    return with_deferred_script(with_required_edits(html, source), source)
