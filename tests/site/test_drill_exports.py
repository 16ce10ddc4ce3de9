"""The drill's card data and Anki exports, read back and checked against the lesson's cards."""

import json
import sqlite3
import zipfile

from bs4 import BeautifulSoup
from interview_cards import ANKI_DECK_ID, ANKI_MODEL_ID, note_guid

LESSON = "lessons/mlops-vs-devops/index.html"


def lesson_cards(site):
    soup = BeautifulSoup((site / LESSON).read_text(encoding="utf-8"), "html.parser")
    return {details["id"]: details for details in soup.select("details.question")}


def drill_cards(site):
    return json.loads((site / "drill/cards.json").read_text(encoding="utf-8"))


def test_cards_json_has_every_lesson_card_with_its_rendered_answer(built_site):
    data = drill_cards(built_site)
    assert data["version"] == 1
    cards = {card["id"]: card for card in data["cards"]}
    expected = lesson_cards(built_site)
    assert cards.keys() == expected.keys()
    for card_id, details in expected.items():
        card = cards[card_id]
        assert details.summary.get_text().endswith(card["question"] + '"')
        assert card["difficulty"] == details["data-difficulty"]
        assert card["tags"] == details["data-tags"].split()
        assert card["page_url"] == "lessons/mlops-vs-devops/"
        assert "Drill this card" not in card["answer_html"]
    answer = BeautifulSoup(cards["card-test-ml-models"]["answer_html"], "html.parser")
    assert "def test_sentiment_model" in answer.get_text()  # code blocks come along, highlighted


def test_lesson_cards_link_to_the_drill_and_back(built_site):
    for card_id, details in lesson_cards(built_site).items():
        assert details.select_one("a.drill-link")["href"] == f"../../drill/#{card_id}"


def test_anki_text_file_imports_one_note_per_card_keyed_by_id(built_site):
    lines = (
        (built_site / "drill/mlops-interview-cards.txt").read_text(encoding="utf-8").splitlines()
    )
    header = [line for line in lines if line.startswith("#")]
    assert header[:3] == ["#separator:tab", "#html:true", "#deck:MLOps interview drill"]
    assert "#guid column:1" in header and "#tags column:4" in header
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    cards = {card["id"]: card for card in drill_cards(built_site)["cards"]}
    assert [row[0] for row in rows] == list(cards)
    for card_id, question, answer, tags in rows:
        assert question == cards[card_id]["question"]
        assert answer.replace("&#10;", "\n").replace("&#9;", "\t") == cards[card_id]["answer_html"]
        assert tags.split() == cards[card_id]["tags"]


def test_anki_package_is_a_deck_with_stable_ids(built_site, tmp_path):
    with zipfile.ZipFile(built_site / "drill/mlops-interview-cards.apkg") as package:
        package.extract("collection.anki2", tmp_path)
    database = sqlite3.connect(tmp_path / "collection.anki2")
    notes = database.execute("SELECT guid, mid, flds, tags FROM notes").fetchall()
    cards = drill_cards(built_site)["cards"]
    assert len(notes) == len(cards) == 7
    by_guid = {
        guid: (model, fields.split("\x1f"), tags.split()) for guid, model, fields, tags in notes
    }
    for card in cards:
        model, fields, tags = by_guid[note_guid(card["id"])]
        assert model == ANKI_MODEL_ID
        assert fields == [card["question"], card["answer_html"], card["difficulty"]]
        assert tags == card["tags"]
    decks = json.loads(database.execute("SELECT decks FROM col").fetchone()[0])
    assert str(ANKI_DECK_ID) in decks
    assert decks[str(ANKI_DECK_ID)]["name"] == "MLOps interview drill"


def test_drill_page_lists_every_card_without_javascript(built_site):
    drill = BeautifulSoup(
        (built_site / "drill/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    items = drill.select("#drill-app ul.drill-card-list li")
    assert [item["id"] for item in items] == list(lesson_cards(built_site))
    for item in items:
        assert item.a["href"] == f"../lessons/mlops-vs-devops/#{item['id']}"
