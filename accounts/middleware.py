from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import NoReverseMatch, get_resolver, get_urlconf, reverse
from django.utils.http import urlencode

from accounts import two_factor
from accounts.audit import audit_context, channel_for_path


class AuditContextMiddleware:
    """Binds each request to the audit trail: its channel, and its user once authenticated."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with audit_context(channel=channel_for_path(request.path_info), request=request):
            return self.get_response(request)


# What a session may reach before its second factor: what anyone may (the API, with its own
# tokens; the public forms and proposal links; static files), signing out, and the two pages
# that let it through.
OPEN_PREFIXES = ("/api/", "/forms/", "/p/", "/static/", "/healthz")
OPEN_NAMES = ("logout", "two_factor_verify", "two_factor_setup")


class TwoFactorMiddleware:
    """Every other page, for a signed-in session that has not passed its user's second factor
    (or whose agency requires one the user has not set up), answers with a redirect to the
    page that does that: nothing else first. Installed after django-otp's ``OTPMiddleware``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(OPEN_PREFIXES):
            return self.get_response(request)
        try:
            step = two_factor.pending_step(request.user)  # type: ignore[arg-type]  # or anonymous
        except (OperationalError, InterfaceError):
            # No page without the check. Answer as Django would for a failing middleware (the
            # 500 handler, which says 503 while the database is down), minus the re-raise.
            return get_resolver(get_urlconf()).resolve_error_handler(500)(request)
        if step is None:
            return self.get_response(request)
        try:
            open_paths = {reverse(name) for name in OPEN_NAMES}
            target = reverse("two_factor_verify" if step == "verify" else "two_factor_setup")
        except NoReverseMatch:  # a URLconf without these pages (a test's, a bench's)
            return self.get_response(request)
        if request.path_info in open_paths:
            return self.get_response(request)
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=200)
            response["HX-Redirect"] = target
            return response
        return HttpResponseRedirect(target)
