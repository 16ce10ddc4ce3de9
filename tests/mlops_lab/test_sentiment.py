from mlops_lab.sentiment import (
    SentimentModel,
    load_previous_benchmark,
    load_production_model,
    load_training_data,
    load_validation_data,
    tokenize,
)


def test_tokenize_lowercases_and_drops_punctuation():
    assert tokenize("Great, FUN film!") == ["great", "fun", "film"]


def test_training_and_validation_sets_are_disjoint_and_balanced():
    train, _ = load_training_data()
    val, labels = load_validation_data()
    assert not set(train) & set(val)
    assert labels.count(1) == labels.count(0) == 15


def test_model_is_deterministic_and_shared():
    assert load_production_model() is load_production_model()
    fresh = SentimentModel.train(*load_training_data())
    assert fresh.predict("a wonderful film") == load_production_model().predict("a wonderful film")


def test_predictions_are_probabilities_with_the_right_direction():
    model = load_production_model()
    assert 0.5 < model.predict("brilliant and moving") <= 1
    assert 0 <= model.predict("boring and awful") < 0.5
    assert model.predict([]) == model.predict("")  # no evidence: the class prior


def test_typo_lookup_maps_to_the_closest_known_word_only_for_longer_words():
    model = load_production_model()
    assert list(model._known_tokens(["grate", "zzzz", "xq", "an"])) == ["great", "an"]


def test_benchmark_is_the_previous_release_accuracy():
    assert load_previous_benchmark() == 0.967
