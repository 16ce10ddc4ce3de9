"""The course's build library: everything the build hooks do, as plain functions.

MkDocs runs the hooks in overrides/hooks/ (listed in mkdocs.yml); each is a few `on_*` functions
that call this package, which no hook list names, so it is imported once per process like any
package (uv installs the project, which puts overrides/ on the import path). Logic here survives
a move to another site generator; the hooks are the part that would change.

Reading the sources
- pages.py: one PageSource per Markdown page (lines, fences, `///` blocks, includes), read once
- markdown_scan.py: the scanner of fences and `///` blocks it uses
- snippet_sections.py: includes (`--8<--`) and named sections of snippets, read as
  pymdownx.snippets reads them
- nav.py: mkdocs.yml's navigation, in order
- problems.py: how a contributor's mistake stops the build (docs/<page>.md:<line> first)

What the hooks do with them
- authoring.py: Markdown mistakes and broken includes, at their lines
- runnable_blocks.py: the code of a page's runnable blocks; running the course package's modules
- exercises.py, static_displays.py: exercises graded, charts drawn, at build time
- cards.py, card_sources.py, interview_cards.py, card_exports.py: the interview drill's deck
- glossary.py, link_locations.py, material_markup.py, scrollable_code.py, notebook_styles.py:
  what every page gets (tooltips, located link warnings, Material's markup corrected, focusable
  listings, notebook pages trimmed)
- python_runtime.py, vendor_assets.py, bundles.py, static_host.py, site_layout.py: what the
  site serves itself (the Python runtime and its wheels, vendored packages, bundles, _headers
  and the service worker's manifest) and where it goes
"""
