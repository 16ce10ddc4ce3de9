"""The rules a drilled card keeps: an answer of one idea, and a question that does not give it
away (course_build/cards.py)."""

import pytest
from course_build.cards import WORD_LIMIT, Card, answer_words, gives_answer_away, rule_problems


def test_words_are_counted_as_the_reader_sees_them_symbols_left_out():
    html = "<p>Code → <strong>Data</strong> + Model, in <code>dvc push</code>: 2 TB.</p>"
    assert answer_words(html) == 8  # Code Data Model, in dvc push: 2 TB.


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Which tool versions data, DVC or Git?", "<p>DVC</p>"),
        ("Models degrade over time: why?", "<p>Models degrade over time.</p>"),
        ("Why does a model degrade over time?", "<p>Over time, models degrade.</p>"),
    ],
)
def test_a_question_that_holds_its_answer_is_caught(question, answer):
    assert gives_answer_away(question, answer)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Why does a model degrade while its code does not?",
         "<p>The world it learned from moves on: inputs shift, so old patterns fit less.</p>"),
        ("You must version a 2 TB training set next to your Git repo: which tool?",
         "<p>DVC: pointer files in Git, the data in object storage.</p>"),
    ],
)  # fmt: skip
def test_a_question_that_leaves_the_answer_to_recall_passes(question, answer):
    assert gives_answer_away(question, answer) is None


def card(kind, answer, question="Why?"):
    found = Card("card-x", kind, question, "easy", ["x"], "docs/page.md:3", answer_html=answer)
    found.words = answer_words(answer)
    return found


def test_flashcards_and_facts_keep_the_rules_interview_questions_and_exercises_are_exempt():
    long_answer = "<p>" + "word " * (WORD_LIMIT + 1) + "</p>"
    [problem] = rule_problems(card("flashcard", long_answer))
    assert f"its answer has {WORD_LIMIT + 1} words, over the limit of {WORD_LIMIT}" in problem
    assert rule_problems(card("fact", "<p>Why</p>", question="Why?"))
    assert rule_problems(card("question", long_answer)) == []
    assert rule_problems(card("exercise", long_answer)) == []
    assert rule_problems(card("flashcard", "<p>" + "word " * WORD_LIMIT + "</p>")) == []
