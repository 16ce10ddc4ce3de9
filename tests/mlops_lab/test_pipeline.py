import pytest
from mlops_lab.pipeline import LocalReviewAPI, fetch_from_api, preprocess
from mlops_lab.webapp import ApiClient, users_api


def test_fetch_returns_the_latest_review_as_a_dict():
    api = LocalReviewAPI([{"id": 1, "text": "old"}, {"id": 2, "text": "New!"}])
    assert fetch_from_api(api) == {"id": 2, "text": "New!"}


def test_fake_api_answers_404_for_other_paths():
    with pytest.raises(LookupError, match="404"):
        LocalReviewAPI().get("/reviews/all")


@pytest.mark.parametrize("record", [{"id": 3, "text": "  "}, {"id": 4}])
def test_preprocess_rejects_records_without_text(record):
    with pytest.raises(ValueError, match="has no text"):
        preprocess(record)


def test_users_api_status_codes():
    client = ApiClient(users_api)
    assert client.get("/users/2").json() == {"id": 2, "name": "Amara"}
    assert client.get("/users/99").status_code == 404
    assert client.get("/orders/1").status_code == 404
