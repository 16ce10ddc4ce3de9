"""The one walker of mkdocs.yml's `nav:`: its pages in the order a reader meets them."""


def nav_entries(nav):
    """(title, source under docs/) of every page of the navigation, in order. A nav entry is a
    path, or {title: path}, or {title: [entries]} for a section."""
    for item in nav or []:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(value, list):
            yield from nav_entries(value)
        else:
            yield title, value


def in_nav_order(pages, nav):
    """MkDocs pages as the reader meets them in the navigation, then any outside it."""
    position = {source: index for index, (_, source) in enumerate(nav_entries(nav))}
    return sorted(pages, key=lambda page: position.get(page.file.src_uri, len(position)))
