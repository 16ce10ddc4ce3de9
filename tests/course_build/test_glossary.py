"""A glossary term is a tooltip where a page first uses it, and plain text after."""

from course_build.glossary import explained_at_first_use


def test_only_the_first_use_of_each_term_keeps_its_tooltip():
    html = (
        '<p><abbr title="Data Version Control">DVC</abbr> and <abbr title="A tracker">MLflow</abbr>'
        '</p><p><abbr title="Data Version Control">DVC</abbr> again</p>'
    )
    assert explained_at_first_use(html) == (
        '<p><abbr title="Data Version Control">DVC</abbr> and <abbr title="A tracker">MLflow</abbr>'
        "</p><p>DVC again</p>"
    )
