"""The card hook collects every Q&A card and fails the build on a malformed one, naming the
file and line."""

import pytest
from interview_cards import Card, CardCollection, card_from_block, find_cards
from mkdocs.exceptions import PluginError

GOOD_ATTRS = '{id: card-good, data-difficulty: easy, data-tags: "testing mlops"}'
BAD_TAGS = '{id: card-a, data-difficulty: hard, data-tags: "Bad Tag"}'


def card_markdown(attrs=GOOD_ATTRS, title='Q: "Why test?"', body="The model answer."):
    return f"""# Page

Intro text.

/// details | {title}
    type: question
    attrs: {attrs}

{body}
///
"""


def parse(markdown):
    return [
        card_from_block(*block, "docs/page.md") for block in find_cards(markdown, "docs/page.md")
    ]


def test_a_well_formed_card_is_collected():
    [card] = parse(card_markdown())
    assert (card.id, card.question, card.difficulty) == ("card-good", "Why test?", "easy")
    assert card.tags == ["testing", "mlops"]
    assert card.source == "docs/page.md:5"


@pytest.mark.parametrize(
    ("markdown", "problem"),
    [
        pytest.param(card_markdown(attrs="{data-difficulty: easy, data-tags: x}"),
                     "has no id", id="missing id"),
        pytest.param(card_markdown(attrs="{id: Card_1, data-difficulty: easy, data-tags: x}"),
                     "must look like card-lower-case-words", id="malformed id"),
        pytest.param(card_markdown(attrs="{id: card-a, data-difficulty: brutal, data-tags: x}"),
                     "difficulty 'brutal' is not one of easy, medium, hard",
                     id="unknown difficulty"),
        pytest.param(card_markdown(attrs="{id: card-a, data-difficulty: hard}"),
                     "must be lower-case words", id="no tags"),
        pytest.param(card_markdown(attrs=BAD_TAGS), "must be lower-case words", id="bad tags"),
        pytest.param(card_markdown(body="   "), "has an empty answer", id="empty answer"),
        pytest.param(card_markdown(title=""), "has no question", id="no question"),
    ],
)  # fmt: skip
def test_a_malformed_card_names_its_file_line_and_problem(markdown, problem):
    with pytest.raises(PluginError, match=r"^docs/page\.md:5: interview card ") as error:
        parse(markdown)
    assert problem in str(error.value)


def test_an_unclosed_card_is_reported():
    with pytest.raises(PluginError, match=r"docs/page\.md:5: card block is never closed"):
        parse(card_markdown().replace("///\n", "", 1).rstrip("/\n") + "\n")


def test_a_duplicate_id_names_both_places():
    cards = CardCollection()
    cards.add(Card("card-a", "Q?", "easy", ["x"], "docs/one.md:3"))
    with pytest.raises(
        PluginError, match=r"docs/two\.md:9: .*card-a is already used at docs/one\.md:3"
    ):
        cards.add(Card("card-a", "Q?", "easy", ["x"], "docs/two.md:9"))


def test_example_cards_inside_code_fences_are_not_cards():
    example = "````markdown\n" + card_markdown(attrs="{}") + "````\n"
    assert list(find_cards(example, "docs/page.md")) == []


def test_other_details_blocks_are_not_cards():
    markdown = card_markdown().replace("    type: question\n", "    type: note\n")
    assert list(find_cards(markdown, "docs/page.md")) == []


def test_the_real_build_fails_on_a_malformed_card(build_with_page_edit):
    result = build_with_page_edit(
        "lessons/mlops-vs-devops.md",
        lambda text: text.replace("data-difficulty: hard", "data-difficulty: brutal"),
    )
    assert result.returncode != 0
    assert "docs/lessons/mlops-vs-devops.md:" in result.stderr
    assert "interview card card-cicd-for-ml difficulty 'brutal'" in result.stderr
