"""Accessible names Material's templates leave out, added to every built page.

Lighthouse (axe) flags two of Material 9.8's elements: the search dialog and the page-loading
progress bar have a role but no accessible name. Adding the attribute here, rather than copying
Material's templates into overrides/, keeps the fix to one line each; a Material release that
changes this markup fails the build instead of silently losing the fix.
"""

from mkdocs.exceptions import PluginError

ACCESSIBLE_NAMES = {
    '<div class="md-search" data-md-component="search" role="dialog">': 'aria-label="Search"',
    '<div class="md-progress" data-md-component="progress" role="progressbar">': (
        'aria-label="Loading page"'
    ),
}


def with_accessible_names(html, source):
    for element, name in ACCESSIBLE_NAMES.items():
        if element not in html:
            raise PluginError(f"{source}: Material's markup changed, {element!r} not found")
        html = html.replace(element, element[:-1] + f" {name}>")
    return html


def on_post_page(output, page, config):
    return with_accessible_names(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    # The 404 page is rendered from a theme template, not from a page.
    if template_name == "404.html":
        return with_accessible_names(output_content, template_name)
    return output_content
