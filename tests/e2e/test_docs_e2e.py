"""The API docs page works in a real browser under its strict Content-Security-Policy, and
Swagger UI keeps an entered token in memory only (#12 item 15)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_renders_under_its_csp_and_stores_no_token(page):
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto("/api/v1/docs")
    # The operations, drawn by the script one tag after another: wait for more than a few.
    page.wait_for_function(
        "() => document.querySelectorAll('.opblock').length > 10", timeout=30_000
    )
    page.click("button.authorize")
    page.fill(".auth-container input", "itn_0123456789ab.secret")
    page.click(".auth-btn-wrapper button.authorize")
    stored = page.evaluate("() => JSON.stringify(Object.assign({}, window.localStorage))")
    assert "itn_" not in stored
    assert refused == []
