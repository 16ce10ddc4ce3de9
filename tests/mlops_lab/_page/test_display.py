"""What the page displays for an object: charts as SVG in both palettes, tables as text."""

import pygal
from mlops_lab._page import display
from mlops_lab._page.display import display_item, show


def line_chart(title="Accuracy per week"):
    chart = pygal.Line(title=title)
    chart.add("accuracy", [0.9, 0.8, 0.95])
    return chart


def test_a_pygal_chart_is_drawn_for_both_palettes_without_a_foreign_script():
    item = display_item(line_chart())
    assert (item["kind"], item["alt"]) == ("svg", "Accuracy per week")
    assert item["svg"] != item["svg_dark"]
    for svg in (item["svg"], item["svg_dark"]):
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        assert "kozea.github.io" not in svg  # pygal's tooltip script lives on another site
        assert 'viewBox="0 0 480 360"' in svg  # legible on a phone


def test_the_same_chart_gives_the_same_svg():
    assert display_item(line_chart()) == display_item(line_chart())


def test_a_chart_with_its_own_style_keeps_it_and_has_one_drawing():
    chart = line_chart()
    chart.config.style = pygal.style.DarkSolarizedStyle
    assert display_item(chart)["svg_dark"] is None


def test_html_is_reduced_to_the_text_of_a_tables_cells():
    class Table:
        def _repr_html_(self):
            return ("<table><caption>Scores</caption><tr><th>model</th><th>accuracy</th></tr>"
                    "<tr><td><b>v2</b></td><td onclick='x()'>0.97<script>steal()</script></td>"
                    "</tr></table><img src=x onerror=alert(1)>")  # fmt: skip

    assert display_item(Table()) == {
        "kind": "table", "alt": "Scores", "caption": "Scores",
        "head": ["model", "accuracy"], "rows": [["v2", "0.97"]],
    }  # fmt: skip


def test_html_that_is_not_a_table_and_plain_values_are_not_displayed():
    class Html:
        def _repr_html_(self):
            return "<p>hello</p>"

    assert display_item(Html()) is None
    assert display_item(42) is None


def test_any_svg_repr_is_displayed_with_its_title_as_alt_text():
    class Drawing:
        def _repr_svg_(self):
            return '<svg xmlns="http://www.w3.org/2000/svg"><title>A &amp; B</title></svg>'

    item = display_item(Drawing())
    assert (item["kind"], item["alt"], item["svg_dark"]) == ("svg", "A & B", None)


def test_show_sends_displays_to_the_sink_or_says_what_it_would_draw(capsys):
    shown = []
    display.set_sink(shown.append)
    try:
        show(line_chart("One"), "plain text")
    finally:
        display.set_sink(None)
    assert [item["alt"] for item in shown] == ["One"]
    show(line_chart("Two"))
    assert capsys.readouterr().out == "'plain text'\n[svg: Two]\n"
