"""The drill's Anki exports, imported by Anki's own library (the `anki` package) into a fresh
collection, as a reader's Anki would: every card arrives once, in its deck, a second import adds
nothing, a rebuilt deck updates its notes in place, and an exercise's front carries its task."""

import json
from dataclasses import fields, replace
from urllib.parse import urljoin

import pytest
from anki import import_export_pb2
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from bs4 import BeautifulSoup
from course_build.card_exports import (
    ANKI_MODEL_ID,
    ANKI_PACKAGE_FILE,
    ANKI_TEXT_FILE,
    FLASHCARDS_DECK,
    REHEARSAL_DECK,
    anki_package,
)
from course_build.cards import Card
from course_content import built_cards, drill_page

IF_NEWER = (  # what Anki's own import dialog does by default
    import_export_pb2.ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER
)


@pytest.fixture
def collection(tmp_path):
    """A new, empty Anki collection."""
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def import_package(col, path):
    """Import an .apkg as Anki's File > Import does; its log (new, updated, duplicate notes)."""
    options = ImportAnkiPackageOptions(update_notes=IF_NEWER, update_notetypes=IF_NEWER)
    request = ImportAnkiPackageRequest(package_path=str(path), options=options)
    return col.import_anki_package(request).log


def import_text(col, path):
    metadata = col.get_csv_metadata(str(path), None)
    return col.import_csv(import_export_pb2.ImportCsvRequest(path=str(path), metadata=metadata)).log


def drill_file(site, name):
    return site / drill_page().url / name


def notes_by_guid(col):
    return {note.guid: note for note in (col.get_note(nid) for nid in col.find_notes(""))}


def text_of(html):
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def starter_of(site, card):
    files_url = urljoin(f"https://site/{drill_page().url}", card["exercise"])
    return json.loads((site / files_url.removeprefix("https://site/")).read_text())["starter"]


def deck_of(col, note):
    return col.decks.name(note.cards()[0].did)


def test_the_package_imports_every_card_once_each_in_its_deck(built_site, collection):
    cards = built_cards(built_site)
    log = import_package(collection, drill_file(built_site, ANKI_PACKAGE_FILE))
    assert (len(log.new), len(log.updated)) == (len(cards), 0)
    notes = list(notes_by_guid(collection).values())
    assert len(notes) == len(cards)
    rehearsal = {text_of(card["question"]) for card in cards if card["kind"] == "question"}
    for note in notes:
        expected = REHEARSAL_DECK if text_of(note.fields[0]) in rehearsal else FLASHCARDS_DECK
        assert deck_of(collection, note) == expected, note.fields[0]


def test_a_second_import_adds_nothing_and_a_rebuilt_deck_updates_in_place(
    built_site, collection, tmp_path
):
    package = drill_file(built_site, ANKI_PACKAGE_FILE)
    import_package(collection, package)
    again = import_package(collection, package)
    assert (len(again.new), len(again.updated)) == (0, 0)
    # An edited answer, rebuilt later: the same note changes, none is added.
    records = built_cards(built_site)
    cards = [Card(**{f.name: r.get(f.name, "") for f in fields(Card)}) for r in records]
    edited = [replace(cards[0], answer_html="<p>An answer edited since.</p>"), *cards[1:]]
    anki_package(edited).write_to_file(tmp_path / "rebuilt.apkg")
    rebuilt = import_package(collection, tmp_path / "rebuilt.apkg")
    assert len(rebuilt.new) == 0 and len(rebuilt.updated) >= 1
    assert collection.note_count() == len(records)
    answers = [note.fields[1] for note in notes_by_guid(collection).values()]
    assert "<p>An answer edited since.</p>" in answers


def test_an_exercise_front_carries_its_task_and_starter_and_its_back_the_solution(
    built_site, collection
):
    import_package(collection, drill_file(built_site, ANKI_PACKAGE_FILE))
    exercises = [card for card in built_cards(built_site) if card["kind"] == "exercise"]
    assert exercises
    fronts = {}
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        fronts[text_of(card.question())] = card
    for exercise in exercises:
        task = text_of(exercise["prompt_html"])
        [card] = [card for front, card in fronts.items() if task in front]
        code = BeautifulSoup(card.question(), "html.parser").get_text()
        assert "".join(starter_of(built_site, exercise).split()) in "".join(code.split())
        assert text_of(exercise["answer_html"]) in text_of(card.answer())


def test_the_note_type_styles_tables_code_and_night_mode(built_site, collection):
    import_package(collection, drill_file(built_site, ANKI_PACKAGE_FILE))
    css = collection.models.get(ANKI_MODEL_ID)["css"]
    for rule in ["th, td { border:", "pre { white-space: pre-wrap", ".highlight .k", ".nightMode"]:
        assert rule in css


def test_the_text_file_imports_each_field_into_its_place_once(built_site, collection):
    path = drill_file(built_site, ANKI_TEXT_FILE)
    cards = {card["id"]: card for card in built_cards(built_site)}
    log = import_text(collection, path)
    assert len(log.new) == len(cards)
    for guid, note in notes_by_guid(collection).items():
        card = cards[guid]
        assert text_of(card["question"]) in text_of(note.fields[0])
        assert text_of(note.fields[1]) == text_of(card["answer_html"])
        assert note.tags == sorted(card["tags"])
        expected = REHEARSAL_DECK if card["kind"] == "question" else FLASHCARDS_DECK
        assert deck_of(collection, note) == expected
    again = import_text(collection, path)
    assert (len(again.new), collection.note_count()) == (0, len(cards))
