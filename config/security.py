"""Security headers for the pages people see (the dashboard, sign-in, the client's proposal
link). The API answers JSON under a policy that allows nothing (a body opened in a browser runs
and loads nothing); its docs page sets its own strict policy (``api/v1/docs.py``)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# Scripts only from our own static files (htmx and app.js are vendored: no CDN, no inline
# script). Inline *styles* stay allowed: htmx injects its indicator style, and a few templates
# use style attributes; styles cannot run code.
DEFAULT_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
API_CSP = "default-src 'none'; frame-ancestors 'none'"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_CSP)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith("/api/"):
            response.headers.setdefault("Content-Security-Policy", API_CSP)
            return response
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path_info.startswith("/forms/"):  # read cross-origin by agency sites
            response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
