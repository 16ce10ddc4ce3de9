"""The Material-markup hook: its script gets `defer`, and a changed Material fails loudly."""

import pytest
from course_build.material_markup import with_deferred_script
from mkdocs.exceptions import PluginError

BUNDLE = '<script src="../../assets/javascripts/bundle.a5f9d56c.min.js">'
MODULE = '<script src="../../assets/javascripts/offline.js" type="module">'


def test_materials_bundle_is_deferred_and_other_scripts_are_untouched():
    page = f"<body>{BUNDLE}</script>{MODULE}</script></body>"
    assert with_deferred_script(page, "lesson.md") == (
        '<body><script src="../../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>'
        f"{MODULE}</script></body>"
    )


@pytest.mark.parametrize("page", ["<body></body>", f"{BUNDLE}</script>{BUNDLE}</script>"])
def test_a_page_whose_bundle_tag_is_not_found_once_fails_the_build_naming_it(page):
    with pytest.raises(PluginError, match=r"lesson\.md: Material's markup changed"):
        with_deferred_script(page, "lesson.md")
