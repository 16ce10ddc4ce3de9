"""Charts and tables below a block's output: the IPython display protocol, made safe for a page.

A block's last expression, or any object passed to ``show()``, is displayed when it implements
the protocol: ``_repr_svg_`` (charts), ``_repr_png_``, ``_repr_html_`` (tables only: their text is
rebuilt from the HTML, so no markup of the reader's reaches the page) or ``_repr_mimebundle_``.
A display is a plain dict (see ``display_item``); the page draws SVG and PNG as images, where
scripts never run.

pygal charts (the charting library the page serves) are drawn in the site's colours, once for
the light palette and once for the dark one, without pygal's tooltip script (served from another
site), and at a size that stays legible on a phone, unless the chart chose its own style or size.

In the page, the runner (runner.py) sends each display to the worker. Elsewhere (a terminal,
the tests), ``show()`` prints a line saying what it would draw.
"""

import base64
import hashlib
import re

# html (and html.parser, in html_tables.py) are imported where a display needs them:
# in Pyodide they take ~70 ms to import, which every first Run would pay for nothing.

MAX_SVG_CHARACTERS = 2_000_000  # a chart is tens of kilobytes; this bounds a runaway one
SVG_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S)
# pygal names each chart with a random uuid and dates it: the same chart must give the same SVG.
PYGAL_ID = re.compile(r'id="chart-([0-9a-f-]{36})"')
PYGAL_DATE = re.compile(r"<!--Generated with pygal [^>]*-->")

# For charts that keep pygal's default size: 480 px wide stays legible at a phone's 360, with
# the legend below the plot (not beside it), and labels and legend in full.
PAGE_CHART_SIZE = {"width": 480, "height": 360, "legend_at_bottom": True, "truncate_legend": -1,
                   "truncate_label": -1}
PALETTES = {
    # Material's text colours, and its indigo, teal and deep orange, as each palette shows them.
    "light": {"foreground": "rgba(0, 0, 0, 0.87)", "subtle": "rgba(0, 0, 0, 0.2)",
              "colors": ("#3f51b5", "#00796b", "#d84315", "#6a1b9a", "#5d4037")},
    "dark": {"foreground": "rgba(255, 255, 255, 0.87)", "subtle": "rgba(255, 255, 255, 0.25)",
             "colors": ("#8c9eff", "#4db6ac", "#ff8a65", "#ce93d8", "#bcaaa4")},
}  # fmt: skip

_sink = None  # where displays go: set by the runner in the page (None: print instead)


def set_sink(sink):
    """Send every display to `sink(item)` from now on (None: print a line instead)."""
    global _sink
    _sink = sink


def show(*objects):
    """Display each object below the block's output (its text form, if it has no picture)."""
    for obj in objects:
        item = display_item(obj)
        if item is None:
            print(repr(obj))
        elif _sink is None:
            print(f"[{item['kind']}: {item['alt']}]")
        else:
            _sink(item)


def display_item(obj):
    """What the page shows for `obj`, or None when it has nothing but text:

    - {"kind": "svg", "alt", "svg", "svg_dark" (or None)}
    - {"kind": "png", "alt", "png_base64"}
    - {"kind": "table", "alt", "caption", "head": [cells], "rows": [[cells]]}
    """
    if is_pygal_chart(obj):
        return pygal_item(obj)
    bundle = mime_bundle(obj)
    if isinstance(bundle.get("image/svg+xml"), str):
        svg = bundle["image/svg+xml"][:MAX_SVG_CHARACTERS]
        return {"kind": "svg", "alt": svg_title(svg), "svg": svg, "svg_dark": None}
    if bundle.get("image/png"):
        png = bundle["image/png"]
        encoded = png if isinstance(png, str) else base64.b64encode(png).decode("ascii")
        return {"kind": "png", "alt": "Image", "png_base64": encoded}
    if isinstance(bundle.get("text/html"), str):
        from mlops_lab._page.html_tables import table_item

        return table_item(bundle["text/html"])
    return None


def mime_bundle(obj):
    """{mime type: data} from the object's _repr_*_ methods (errors mean: not that type)."""
    if hasattr(obj, "_repr_mimebundle_"):
        bundle = obj._repr_mimebundle_()
        return dict(bundle[0] if isinstance(bundle, tuple) else bundle or {})
    found = {}
    for mime, method in [("image/svg+xml", "_repr_svg_"), ("image/png", "_repr_png_"),
                         ("text/html", "_repr_html_")]:  # fmt: skip
        if hasattr(obj, method) and not isinstance(obj, type):
            try:
                data = getattr(obj, method)()
            except Exception:  # a repr that fails (pygal's PNG needs cairosvg) is no display
                continue
            if data:
                found[mime] = data
                break
    return found


def svg_title(svg, default="Chart"):
    match = SVG_TITLE.search(svg)
    from html import unescape

    return unescape(match[1]).strip() if match and match[1].strip() else default


def is_pygal_chart(obj):
    return type(obj).__module__.startswith("pygal.") and hasattr(obj, "render")


def pygal_item(chart):
    """A pygal chart in the site's palettes, or as it styled itself."""
    from pygal.config import Config

    defaults = Config()
    overrides = {"js": []}  # pygal's tooltips load a script from another site
    if (chart.config.width, chart.config.height) == (defaults.width, defaults.height):
        overrides.update(PAGE_CHART_SIZE)
    own_style = chart.config.style is not defaults.style
    if own_style:
        svg, dark = chart.render(is_unicode=True, **overrides), None
    else:
        svg = chart.render(is_unicode=True, style=page_style("light"), **overrides)
        dark = chart.render(is_unicode=True, style=page_style("dark"), **overrides)
    title = chart.config.title or svg_title(svg)
    return {"kind": "svg", "alt": title, "svg": stable(svg), "svg_dark": dark and stable(dark)}


def stable(svg):
    """The SVG with pygal's random chart id replaced by one derived from the chart itself."""
    svg = PYGAL_DATE.sub("", svg)
    match = PYGAL_ID.search(svg)
    if match:
        digest = hashlib.sha256(svg.replace(match[1], "").encode()).hexdigest()[:12]
        svg = svg.replace(match[1], digest)
    return svg


def page_style(palette):
    from pygal.style import Style

    colours = PALETTES[palette]
    return Style(
        background="transparent",
        plot_background="transparent",
        foreground=colours["foreground"],
        foreground_strong=colours["foreground"],
        foreground_subtle=colours["subtle"],
        colors=colours["colors"],
        font_family="Roboto, Helvetica, Arial, sans-serif",
        title_font_size=18,
        label_font_size=15,
        major_label_font_size=15,
        legend_font_size=15,
        value_font_size=14,
    )
