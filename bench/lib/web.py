"""HTTP for the bench scripts: one request on a fresh connection (so gunicorn hands each to any
of its workers), its answer with the time it took, and the dashboard sign-in a browser does."""

from __future__ import annotations

import http.client
import json
import re
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None


def request(
    base: str,
    method: str,
    path: str,
    *,
    token: str | None = None,
    scheme: str = "Bearer",
    body: Any = None,
    form: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    cookies: dict[str, str] | None = None,
    timeout: float = 15,
) -> Reply:
    """One request on a fresh connection (so gunicorn hands it to any of its workers)."""
    parsed = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(parsed.hostname or "127.0.0.1", parsed.port, timeout=timeout)
    sent = {"Accept": "application/json", **(headers or {})}
    data: bytes | None = None
    if token:
        sent["Authorization"] = f"{scheme} {token}"
    if body is not None:
        data = json.dumps(body).encode()
        sent["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    if cookies:
        sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    started = time.perf_counter()
    try:
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        payload = response.read()
        got = {k.lower(): v for k, v in response.getheaders()}
        jar = {}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                match = re.match(r"\s*([^=;]+)=([^;]*)", value)
                if match:
                    jar[match.group(1)] = match.group(2)
        return Reply(response.status, got, payload, time.perf_counter() - started, jar)
    finally:
        conn.close()


def sign_in_reply(base: str, username: str, password: str) -> Reply:
    """Sign in to the dashboard as a browser would (CSRF cookie and token, then the form)."""
    page = request(base, "GET", "/accounts/login/", headers={"Accept": "text/html"})
    csrf = page.cookies.get("csrftoken", "")
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
    if not csrf or not match:
        raise RuntimeError(f"no CSRF token on the sign-in page ({page.status})")
    reply = request(
        base,
        "POST",
        "/accounts/login/",
        form={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": match.group(1).decode(),
        },
        headers={"Accept": "text/html", "Referer": f"{base}/accounts/login/"},
        cookies={"csrftoken": csrf},
    )
    reply.cookies.setdefault("csrftoken", csrf)
    return reply


def sign_in(base: str, username: str, password: str) -> dict[str, str]:
    """The session cookies of a successful sign-in."""
    reply = sign_in_reply(base, username, password)
    if reply.status != 302 or "sessionid" not in reply.cookies:
        raise RuntimeError(f"sign-in failed: {reply.status}")
    return {"csrftoken": reply.cookies["csrftoken"], "sessionid": reply.cookies["sessionid"]}
