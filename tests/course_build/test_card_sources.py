"""Cards made from a marked table, definition list, sections or list, as the hook reads the
rendered page."""

import pytest
from bs4 import BeautifulSoup
from course_build.card_sources import generated_cards
from course_build.pages import PageSource


@pytest.fixture
def facts(render_markdown):
    """Markdown -> (cards, problems, soup) as the hook finds them."""

    def collect(markdown):
        soup = BeautifulSoup(render_markdown(markdown), "html.parser")
        cards, problems = generated_cards(soup, PageSource("docs/page.md", markdown))
        return [card for _, card in cards], problems, soup

    return collect


TABLE = """# Page

<div data-cards="compare | How does {key} differ?" markdown>

| Aspect | DevOps | MLOps |
|---|---|---|
| **Rollback** | Previous code | Previous model + data |
| Team | Devs + Ops | Data scientists too |

</div>
"""


def test_each_table_row_is_a_card_anchored_at_its_row(facts):
    cards, problems, soup = facts(TABLE)
    assert problems == []
    assert [(c.id, c.question, c.kind) for c in cards] == [
        ("card-compare-rollback", "How does Rollback differ?", "fact"),
        ("card-compare-team", "How does Team differ?", "fact"),
    ]
    assert soup.find(id="card-compare-rollback").name == "tr"
    answer = BeautifulSoup(cards[0].answer_html, "html.parser")
    # The question names the key: the answer is the row's other cells, under their headers.
    assert [th.get_text() for th in answer.find_all("th")] == ["DevOps", "MLOps"]
    assert [td.get_text() for td in answer.find_all("td")] == [
        "Previous code",
        "Previous model + data",
    ]
    assert cards[0].source == "docs/page.md:3"


def test_an_entry_may_ask_its_own_question(facts):
    own = '| **Rollback**{ data-question="A release misbehaves: what do you roll back to?" } |'
    cards, _, soup = facts(
        TABLE.replace("| **Rollback** |", own).replace(
            "| Team |", '| Team { data-question="Who is on the team?" } |'
        )
    )
    assert [(c.id, c.question) for c in cards] == [
        ("card-compare-rollback", "A release misbehaves: what do you roll back to?"),
        ("card-compare-team", "Who is on the team?"),
    ]
    assert soup.find(id="card-compare-rollback").get_text(" ", strip=True).startswith("Rollback")
    terms, _, _ = facts(
        '<div data-cards="glossary | What is {key}?" markdown>\n\n'
        'DVC { data-question="Which tool versions data?" }\n:   DVC.\n\n</div>\n'
    )
    assert [c.question for c in terms] == ["Which tool versions data?"]


def test_each_term_is_a_card_and_other_names_are_in_the_answer(facts):
    cards, _, _ = facts(
        '<div data-cards="glossary | What is {key}?" markdown>\n\n'
        "Weights & Biases\nW&B\n:   Hosted experiment tracking.\n\n"
        "DVC\n:   Data versioning.\n\n</div>\n"
    )
    assert [c.id for c in cards] == ["card-glossary-weights-biases", "card-glossary-dvc"]
    assert cards[0].question == "What is Weights & Biases?"
    assert cards[0].answer_html == "<p>Hosted experiment tracking.</p><p>Also called: W&amp;B.</p>"


def test_each_section_and_each_list_item_is_a_card_without_its_label(facts):
    sections, _, soup = facts(
        '<div data-cards="challenges | Why {key}?" markdown>\n\n'
        "### Challenge 1: Data Versioning\n\nBig data.\n\n"
        "### Challenge 2: Serving\n\nFast models.\n\n</div>\n"
    )
    assert [(c.id, c.question) for c in sections] == [
        ("card-challenges-data-versioning", "Why Data Versioning?"),
        ("card-challenges-serving", "Why Serving?"),
    ]
    assert sections[0].anchor == soup.find("h3").get("id")  # the heading's own anchor
    assert "Big data" in sections[0].answer_html and "Fast" not in sections[0].answer_html
    items, _, _ = facts(
        '<div data-cards="takeaways | Explain: {key}" markdown>\n\n'
        "-   **1. Models degrade, code doesn't**\n\n    - Monitor\n\n</div>\n"
    )
    assert [(c.id, c.question) for c in items] == [
        ("card-takeaways-models-degrade-code-doesnt", "Explain: Models degrade, code doesn't")
    ]
    assert "Monitor" in items[0].answer_html


@pytest.mark.parametrize(
    ("attribute", "problem"),
    [
        ("How does {key} differ?", 'data-cards must be "name | question with {key}"'),
        ("compare | How do they differ?", "the question of data-cards must contain {key}"),
    ],
)
def test_a_malformed_card_source_names_its_line(facts, attribute, problem):
    _, problems, _ = facts(TABLE.replace("compare | How does {key} differ?", attribute))
    assert problems == [f"docs/page.md:3: {problem}"]


def test_a_card_source_with_nothing_to_make_cards_of_is_an_error(facts):
    _, problems, _ = facts('<div data-cards="x | {key}?" markdown>\n\nJust prose.\n\n</div>\n')
    assert problems == [
        "docs/page.md:1: data-cards wraps no table, definition list, ### sections or list"
    ]


def test_the_real_build_fails_on_two_rows_with_one_key(build_with_page_edit):
    doubled = TABLE.replace("| Team |", "| Rollback |").split("\n", 2)[2]
    result = build_with_page_edit("index.md", lambda text: text + "\n" + doubled)
    assert result.returncode != 0
    assert "interview card id card-compare-rollback is already used at docs/index.md:" in (
        result.stderr
    )


def test_a_long_key_makes_an_id_of_its_first_six_words(facts):
    [card], _, _ = facts(
        '<div data-cards="tool-for | You must {key}: which tool?" markdown>\n\n'
        "| You must… | Tool |\n|---|---|\n"
        "| version a 2 TB training set next to your Git repository | DVC |\n\n</div>\n"
    )
    assert card.id == "card-tool-for-version-a-2-tb-training-set"
    assert (
        card.question
        == "You must version a 2 TB training set next to your Git repository: which tool?"
    )
