"""A tiny in-process users API and test client for the lesson's traditional API test.

Real projects would test a FastAPI or Flask app with its test client; the shape is the same:
``client.get(path)`` returns a response with ``status_code`` and ``json()``.
"""

import json
import re

USERS = {1: {"id": 1, "name": "John"}, 2: {"id": 2, "name": "Amara"}}


def users_api(method, path):
    """Route a request to a (status, JSON body) pair."""
    match = re.fullmatch(r"/users/(\d+)", path)
    if method != "GET" or not match:
        return 404, {"detail": "Not Found"}
    user = USERS.get(int(match.group(1)))
    return (200, user) if user else (404, {"detail": "User not found"})


class Response:
    def __init__(self, status_code, body):
        self.status_code = status_code
        self._body = body

    def json(self):
        return json.loads(self._body)


class ApiClient:
    """Calls the app in-process, serialising the body as a real HTTP round trip would."""

    def __init__(self, app):
        self.app = app

    def get(self, path):
        status, body = self.app("GET", path)
        return Response(status, json.dumps(body))
