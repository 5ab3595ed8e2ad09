"""Helpers for the API tests: a JSON client that speaks to /api/v1 with a bearer token."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from django.test import Client as DjangoClient
from django.utils import timezone

from accounts.models import ApiToken
from core import ratelimit
from tests.factories import make_token


class Api:
    """Sends JSON to ``/api/v1`` (or any ``/api`` path) as a token would; ``token=None`` sends
    no Authorization header."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token
        self.client = DjangoClient()

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: bytes | str | None = None,
        headers: dict[str, str] | None = None,
        content_type: str = "application/json",
    ):
        all_headers = {"Accept": "application/json"}
        if self.token is not None:
            all_headers["Authorization"] = f"Bearer {self.token}"
        all_headers.update(headers or {})
        if raw is not None:
            data = raw
        elif body is not None:
            data = orjson.dumps(body)
        else:
            data = ""
        url = path if path.startswith("/api") else f"/api/v1{path}"
        return self.client.generic(
            method, url, data, content_type=content_type, headers=all_headers
        )

    def get(self, path: str, **kwargs: Any):
        return self.request("GET", path, **kwargs)

    def post(self, path: str, body: Any = None, **kwargs: Any):
        return self.request("POST", path, body, **kwargs)

    def put(self, path: str, body: Any = None, **kwargs: Any):
        return self.request("PUT", path, body, **kwargs)

    def patch(self, path: str, body: Any = None, **kwargs: Any):
        return self.request("PATCH", path, body, **kwargs)

    def delete(self, path: str, **kwargs: Any):
        return self.request("DELETE", path, **kwargs)


def warm(token: ApiToken) -> None:
    """Mark the token as just used, so a request does not also record its last use (that
    write happens at most once a minute and would otherwise show up in query counts)."""
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    ratelimit.reset()
    yield
    ratelimit.reset()


@pytest.fixture
def api(alice_token) -> Api:
    """Alice (owner of Alpha Tours) with a fresh 60/min token."""
    token, plaintext = alice_token
    warm(token)
    return Api(plaintext)


@pytest.fixture
def agent_api(amir) -> Api:
    """Amir (an agent of Alpha Tours, not an admin) with a fresh token."""
    issued = make_token(amir)
    warm(issued.token)
    return Api(issued.plaintext)


@pytest.fixture
def bob_api(bob_token) -> Api:
    token, plaintext = bob_token
    warm(token)
    return Api(plaintext)


@pytest.fixture
def anonymous(db) -> Api:
    return Api(None)
