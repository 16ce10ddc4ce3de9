"""The authoring checks name the page line of each Markdown mistake that would otherwise render
as plain text, and the real build fails on them."""

import pytest
from course_build.authoring import source_problems
from course_build.markdown_scan import code_fences
from course_build.pages import PageSource

CARD = """/// details | Q: "Why test?"
    type: question
    attrs: {id: card-a, data-difficulty: easy, data-tags: "testing"}

The answer.
///
"""


def problems(text):
    return source_problems(PageSource("docs/page.md", text))


def test_a_correct_page_has_no_problems():
    page = f"# Page\n\n```python {{.runnable}}\nprint(1)\n```\n\n{CARD}\n````markdown\n```\n````\n"
    assert problems(page) == []


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        pytest.param("# P\n\n```python {.runable}\nx\n```\n", 3,
                     "unknown code fence attribute .runable (did you mean .runnable?)",
                     id="misspelt class"),
        pytest.param('```python {colour="red"}\nx\n```\n', 1,
                     "unknown code fence attribute colour= (known: .runnable, .exercise, title=,",
                     id="unknown option"),
        pytest.param("```python {.runnable\nx\n```\n", 1,
                     "code fence attributes have unbalanced braces", id="missing brace"),
        pytest.param("```python .runnable}\nx\n```\n", 1,
                     "code fence attributes have unbalanced braces", id="missing opening brace"),
        pytest.param("text\n\n```python\nx = 1\n", 3,
                     "code fence ``` is never closed (add a line with ```)", id="unclosed fence"),
        pytest.param(CARD.rsplit("///", 1)[0] + "\n" + CARD, 1,
                     "`/// details` block is never closed (add a line with ///)",
                     id="unclosed card before another card"),
        pytest.param(CARD.replace('"testing"}', '"testing"'), 3,
                     "block options are not valid YAML", id="broken YAML (its Markdown line)"),
        pytest.param('# P\n\n??? note "More"\n    Text.\n', 3,
                     "`???` needs pymdownx.details", id="collapsible admonition syntax"),
    ],
)  # fmt: skip
def test_a_mistake_is_reported_at_its_line(text, line, message):
    found = problems(text)
    assert [number for number, _ in found] == [line], found
    assert message in found[0][1]


def test_every_mistake_of_a_page_is_reported_at_once():
    page = "```python {.runable}\nx\n```\n\n??? note\n    x\n\n```python\nx\n"
    assert [line for line, _ in problems(page)] == [1, 5, 8]


def test_code_inside_a_longer_fence_is_not_read_as_markdown():
    example = "````markdown\n```python {.runable}\n??? note\n/// details | x\n````\n"
    assert problems(example) == []
    [fence] = code_fences(example.splitlines())
    assert (fence.language, fence.end_line, len(fence.body)) == ("markdown", 5, 3)


def test_a_fence_reads_its_language_classes_and_options():
    [fence] = code_fences(['``` python {.runnable title="My file.py"}', "x", "```"])
    assert (fence.language, fence.classes, fence.options) == (
        "python",
        ["runnable"],
        {"title": "My file.py"},
    )


def test_the_real_build_fails_naming_each_mistake_with_its_line(build_with_page_edit):
    edited = {}

    def add_mistakes(text):
        edited["text"] = text + "\n```python {.runable}\nprint(1)\n```\n\n??? note\n    x\n"
        return edited["text"]

    result = build_with_page_edit("index.md", add_mistakes)
    assert result.returncode != 0
    lines = edited["text"].splitlines()
    for marker in ["```python {.runable}", "??? note"]:
        assert f"docs/index.md:{lines.index(marker) + 1}: " in result.stderr


def test_a_fence_may_give_options_without_braces():
    [fence] = code_fences(['```python title="snippets/a.py"', "x", "```"])
    assert (fence.language, fence.options, fence.problems) == (
        "python", {"title": "snippets/a.py"}, []
    )
