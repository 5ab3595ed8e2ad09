from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from accounts.audit import audit_context, channel_for_path


class AuditContextMiddleware:
    """Binds each request to the audit trail: its channel, and its user once authenticated."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with audit_context(channel=channel_for_path(request.path_info), request=request):
            return self.get_response(request)
