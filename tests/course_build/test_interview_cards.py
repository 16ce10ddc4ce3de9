"""The card hook reads every Q&A card from the rendered page and fails the build on a malformed
one, naming the file and the line of its `/// details`."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from course_build.interview_cards import Card, duplicate_problems, page_cards
from course_build.pages import PageSource

ROOT = Path(__file__).resolve().parents[2]
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


@pytest.fixture
def cards_of(render_markdown):
    """Markdown -> (cards, problems), as the hook finds them in the rendered page."""

    def collect(markdown):
        soup = BeautifulSoup(render_markdown(markdown), "html.parser")
        return page_cards(PageSource("docs/page.md", markdown), soup)

    return collect


def test_a_well_formed_card_is_collected_from_the_rendered_page(cards_of):
    [card], problems = cards_of(card_markdown(body="The **model** answer."))
    assert card.question == "Why test?"
    assert problems == []
    assert (card.id, card.kind, card.question, card.difficulty) == (
        "card-good",
        "question",
        "Why test?",
        "easy",
    )
    assert card.tags == ["testing", "mlops"]
    assert card.source == "docs/page.md:5"
    assert card.answer_html == "<p>The <strong>model</strong> answer.</p>"


def test_a_question_keeps_the_spaces_around_its_markup(cards_of):
    # The glossary turns "CI" into <abbr>CI</abbr>: its words must not run together.
    [card], _ = cards_of(card_markdown(title='Q: "How do you set up CI for *a* model?"'))
    assert card.question == "How do you set up CI for a model?"


@pytest.mark.parametrize(
    ("markdown", "problem"),
    [
        pytest.param(card_markdown(attrs="{data-difficulty: easy, data-tags: x}"),
                     "has no id", id="missing id"),
        pytest.param(card_markdown(attrs="{id: card-Bad_1, data-difficulty: easy, data-tags: x}"),
                     "must look like card-lower-case-words", id="malformed id"),
        pytest.param(card_markdown(attrs="{id: card-a, data-difficulty: brutal, data-tags: x}"),
                     "difficulty 'brutal' is not one of easy, medium, hard",
                     id="unknown difficulty"),
        pytest.param(card_markdown(attrs="{id: card-a, data-difficulty: hard}"),
                     "must be lower-case words", id="no tags"),
        pytest.param(card_markdown(attrs=BAD_TAGS), "must be lower-case words", id="bad tags"),
        pytest.param(card_markdown(body="   "), "has an empty answer", id="empty answer"),
        pytest.param(card_markdown(title='Q: "Why [test](https://example.org)?"'),
                     "has a link, button or heading in its question", id="link in the question"),
    ],
)  # fmt: skip
def test_a_malformed_card_names_its_file_line_and_problem(cards_of, markdown, problem):
    cards, problems = cards_of(markdown)
    assert cards == []
    [message] = problems
    assert message.startswith("docs/page.md:5: interview card ")
    assert problem in message


def test_a_card_inside_another_card_is_reported(cards_of):
    inner = card_markdown(attrs=GOOD_ATTRS.replace("card-good", "card-inner")).split("\n", 4)[4]
    outer = card_markdown(body="Outer answer.\n\n" + inner)
    _, problems = cards_of(outer)
    assert problems == ["docs/page.md:11: interview card card-inner is inside card card-good: "
                        "close that card with /// first"]  # fmt: skip


def test_a_duplicate_id_blames_the_later_card_and_names_the_first():
    first = Card("card-a", "question", "Q?", "easy", ["x"], "docs/one.md:3")
    later = Card("card-a", "question", "Q?", "easy", ["x"], "docs/two.md:9")
    assert duplicate_problems([first, later]) == [
        "docs/two.md:9: interview card id card-a is already used at docs/one.md:3"
    ]


def test_example_cards_inside_code_fences_are_not_cards(cards_of):
    example = "````markdown\n" + card_markdown(attrs="{}") + "````\n"
    assert cards_of(example) == ([], [])


def test_other_details_blocks_are_not_cards(cards_of):
    markdown = card_markdown().replace("    type: question\n", "    type: note\n")
    assert cards_of(markdown) == ([], [])


def flashcard(question, answer, card_id="card-f", attrs=""):
    options = f'    type: flashcard\n    attrs: {{id: {card_id}, data-tags: "testing"{attrs}}}'
    return f"/// details | {question}\n{options}\n\n{answer}\n///\n"


def test_a_flashcard_is_its_summary_and_body_easy_unless_it_says_otherwise(cards_of):
    markdown = "# Page\n\n" + flashcard("Why test data?", "Bad data makes a bad model.")
    markdown += "\n" + flashcard(
        "Why test code?", "Bugs hide.", "card-g", ", data-difficulty: hard"
    )
    [easy, hard], problems = cards_of(markdown)
    assert problems == []
    assert (easy.kind, easy.question, easy.difficulty, easy.words) == (
        "flashcard",
        "Why test data?",
        "easy",
        6,
    )
    assert easy.answer_html == "<p>Bad data makes a bad model.</p>"
    assert (easy.source, hard.source, hard.difficulty) == (
        "docs/page.md:3",
        "docs/page.md:10",
        "hard",
    )


def test_cards_come_in_page_order_and_know_their_section(render_markdown):
    markdown = ("# Page\n\n" + flashcard("Before any section?", "Yes, above.", "card-a")
                + "\n## Testing { #testing }\n\n" + card_markdown().split("\n", 4)[4]
                + "\n" + flashcard("Why test data?", "Bad data, bad model.", "card-b"))  # fmt: skip
    soup = BeautifulSoup(render_markdown(markdown), "html.parser")
    cards, _ = page_cards(PageSource("docs/page.md", markdown), soup)
    assert [(card.id, card.section) for card in cards] == [
        ("card-a", ""),
        ("card-good", "testing"),
        ("card-b", "testing"),
    ]
    assert soup.find(id="card-b")["data-section"] == "testing"


def test_a_flashcard_that_breaks_a_rule_names_its_line_an_interview_question_may(cards_of):
    long_answer = " ".join(["word"] * 31)
    markdown = ("# Page\n\n" + flashcard("Why?", long_answer) + "\n"
                + flashcard("Why do models degrade?", "Models degrade.", "card-g") + "\n"
                + card_markdown(body=long_answer).split("\n", 4)[4])  # fmt: skip
    cards, problems = cards_of(markdown)
    assert [card.id for card in cards] == ["card-f", "card-g", "card-good"]  # all checked
    assert [problem.split(": its")[0] for problem in problems] == [
        "docs/page.md:3: interview card card-f",
        "docs/page.md:10: interview card card-g",
    ]
    assert "31 words, over the limit of 30" in problems[0]
    assert "question contains its whole answer" in problems[1]


def test_the_real_build_fails_on_a_malformed_card(build_with_page_edit):
    result = build_with_page_edit(
        "lessons/mlops-vs-devops.md",
        lambda text: text.replace("data-difficulty: hard", "data-difficulty: brutal"),
    )
    assert result.returncode != 0
    assert "docs/lessons/mlops-vs-devops.md:" in result.stderr
    assert "interview card card-cicd-for-ml difficulty 'brutal'" in result.stderr


def test_the_real_build_fails_at_the_line_of_a_flashcard_over_the_word_limit(build_with_page_edit):
    page = "lessons/mlops-vs-devops.md"
    lines = (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "type: flashcard" in text) - 1

    def padded(text):
        edited = text.splitlines()
        edited[line + 3] += " and then it keeps on going" * 6  # the answer, under `attrs:`
        return "\n".join(edited) + "\n"

    result = build_with_page_edit(page, padded)
    assert result.returncode != 0
    assert f"docs/{page}:{line}: interview card card-" in result.stderr
    assert "words, over the limit of 30" in result.stderr


def test_the_real_build_blames_the_later_of_two_cards_with_one_id(build_with_page_edit):
    # "Later" in the navigation: the cheatsheet comes after the lesson.
    card = card_markdown(attrs=GOOD_ATTRS.replace("card-good", "card-why-not-devops"))
    page = "cheatsheets/mlops-vs-devops.md"
    result = build_with_page_edit(page, lambda text: text + card.split("\n", 4)[4])
    assert result.returncode != 0
    assert f"docs/{page}:" in result.stderr
    assert "card-why-not-devops is already used at docs/lessons/mlops-vs-devops.md:" in (
        result.stderr
    )
