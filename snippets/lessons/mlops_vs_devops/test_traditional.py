"""Section 5: traditional software tests have exact, deterministic expectations."""

# --8<-- [start:example]
from mlops_lab.webapp import ApiClient, users_api

client = ApiClient(users_api)  # in a real project: FastAPI's TestClient(app)


def add(a, b):
    return a + b


# Simple and clear
def test_add():
    assert add(2, 3) == 5  # Pass or fail


def test_api():
    response = client.get('/users/1')
    assert response.status_code == 200
    assert response.json()['name'] == 'John'


if __name__ == "__main__":
    test_add()
    test_api()
    print("test_add and test_api passed: same input, same output, every time")
# --8<-- [end:example]
# prints: test_add and test_api passed: same input, same output, every time
