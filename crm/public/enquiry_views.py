"""``POST /forms/<public_key>``: the public endpoint a website's enquiry form posts to.

A website cannot keep a secret, so the form's key is public and everything here assumes a
hostile caller: the key finds one *active* form (unknown and disabled keys answer the same 404);
the only thing a caller can do is add an enquiry to that form's agency, and the only thing it
learns back is the new enquiry's id. There is no session, no cookie and no CSRF token
(a page on another site cannot hold one); protection comes from:

- CORS for the form's allowed origins only (exact match, no credentials, ``Vary: Origin``);
  a browser post from any other origin is refused with 403;
- a honeypot field that bots fill in: answered like a success, stored nowhere;
- per-IP and per-form rate limits (rolling windows of the one rate limiter, ``core.ratelimit``;
  the IP is ``core.http.client_ip``), answered 429 with ``Retry-After``;
- body and field size limits (413, 422);
- ``Idempotency-Key`` replays (see ``core.idempotency``) and, without the header, the duplicate
  window of ``crm.enquiries.enquiry_submit`` (a double-click creates one enquiry).

Answers: a form post (``application/x-www-form-urlencoded`` or ``multipart/form-data``) gets
303 to the form's thank-you URL, or to a minimal thank-you page; JSON gets 201
``{"data": {"id", "status", "created_at", "redirect_url"}}``. Errors are JSON
``{"message", "errors"}``, or a small HTML page for a browser form post (by ``Accept``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from core import idempotency, ratelimit
from core.errors import json_error
from core.http import client_ip
from crm.enquiries import intake as enquiry_intake
from crm.enquiries import selectors as enquiry_selectors
from crm.enquiries import services as enquiry_services
from crm.enquiries import website_forms
from crm.models import EnquiryForm

logger = logging.getLogger(__name__)

ALLOW_METHODS = "POST, OPTIONS"
ALLOW_HEADERS = "Accept, Content-Type, Idempotency-Key"
EXPOSE_HEADERS = "Retry-After, Idempotent-Replayed"
PREFLIGHT_MAX_AGE = "600"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
JSON_TYPE = "application/json"


class _Refused(Exception):
    """An answer other than success: status, message, field errors, extra headers."""

    def __init__(
        self,
        status: int,
        message: str,
        errors: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.message = status, message
        self.errors, self.headers = errors, headers or {}


def _public_form(public_key: str) -> EnquiryForm | None:
    """The switched-on form with this key; a missing and a switched-off form alike are None."""
    try:
        return enquiry_selectors.enquiry_form_get_public(public_key=public_key)
    except EnquiryForm.DoesNotExist:
        return None


@csrf_exempt
def submit(request: HttpRequest, public_key: str) -> HttpResponse:
    form = _public_form(public_key)
    if form is None:
        return _finish(_error(request, 404, "This form does not exist or is switched off."))
    origin = request.headers.get("Origin")
    allowed = website_forms.origin_allowed(form, origin)

    if request.method == "OPTIONS":
        return _finish(_preflight(request, allowed), origin if allowed else None)
    if request.method != "POST":
        response = _error(request, 405, "Post the form here.")
        response["Allow"] = ALLOW_METHODS
        return _finish(response, origin if allowed else None)

    try:
        if origin and not allowed:
            raise _Refused(
                403,
                "This website may not post to this form. Add its origin to the form's "
                "allowed origins under Settings → Website forms.",
            )
        _check_rate_limits(form=form, ip=client_ip(request))
        kind, data = _parse(request)
        if enquiry_intake.is_honeypot_filled(data):
            logger.info("Website form %s: honeypot filled in, submission dropped", form.pk)
            response = _accepted(request, form, kind, enquiry_id=_decoy_id(), at=timezone.now())
        else:
            response = _submit(request, form, kind, data)
    except _Refused as refused:
        response = _error(request, refused.status, refused.message, refused.errors)
        for name, value in refused.headers.items():
            response[name] = value
    return _finish(response, origin if allowed else None)


def _submit(
    request: HttpRequest, form: EnquiryForm, kind: str, data: dict[str, Any]
) -> HttpResponse:
    def store() -> HttpResponse:
        try:
            result = enquiry_services.enquiry_submit(
                form=form,
                data=data,
                visitor=_visitor(request),
                page_url=request.headers.get("Referer", ""),
            )
        except ValidationError as exc:
            return _error(
                request,
                422,
                "Some fields need attention; nothing was saved.",
                _message_dict(exc),
            )
        return _accepted(request, form, kind, result.enquiry.pk, result.enquiry.created_at)

    key = request.headers.get(idempotency.HEADER)
    if key is None:
        return store()
    try:
        outcome = idempotency.idempotent_call(
            scope=f"form:{form.pk}",
            key=key,
            request_hash=idempotency.request_hash("POST", "forms", form.pk, kind, data),
            handler=lambda: idempotency.stored_from_django(store()),
        )
    except idempotency.IdempotencyError as exc:
        raise _Refused(exc.status, exc.message, headers=exc.headers) from exc
    return idempotency.django_from_stored(outcome.response, replayed=outcome.replayed)


@require_GET
def thanks(request: HttpRequest, public_key: str) -> HttpResponse:
    """Where a form post lands when the form has no thank-you URL of its own."""
    form = _public_form(public_key)
    if form is None:
        return _finish(_error(request, 404, "This form does not exist or is switched off."))
    return _finish(render(request, "forms/public_thanks.html", {"agency": form.agency}))


# Answers -----------------------------------------------------------------------------------


def _accepted(
    request: HttpRequest, form: EnquiryForm, kind: str, enquiry_id: int, at: Any
) -> HttpResponse:
    # Checked again here: a URL saved before the rule, or off a website since removed, falls
    # back to Itinera's own thank-you page (never an open redirect).
    redirect_url = form.redirect_url
    if redirect_url and not website_forms.redirect_allowed(form, redirect_url):
        redirect_url = ""
    if kind == JSON_TYPE:
        body = {
            "data": {
                "id": enquiry_id,
                "status": "received",
                "created_at": at.isoformat(),
                "redirect_url": redirect_url or None,
            }
        }
        return JsonResponse(body, status=201)
    target = redirect_url or reverse("public_forms:thanks", args=[form.public_key])
    return HttpResponseRedirect(target, status=303)


def _error(
    request: HttpRequest,
    status: int,
    message: str,
    errors: dict[str, list[str]] | None = None,
) -> HttpResponse:
    if _wants_html(request):
        context = {"message": message, "errors": errors or {}, "back": _safe_back(request)}
        return render(request, "forms/public_error.html", context, status=status)
    return json_error(status, message, errors or None)


def _wants_html(request: HttpRequest) -> bool:
    """A browser's own form post wants a page; JSON callers and API clients get JSON."""
    if request.content_type == JSON_TYPE:
        return False
    return request.get_preferred_type([JSON_TYPE, "text/html"]) == "text/html"


def _safe_back(request: HttpRequest) -> str:
    referer = request.headers.get("Referer", "")
    return referer if referer.startswith(("https://", "http://")) else ""


def _preflight(request: HttpRequest, allowed: bool) -> HttpResponse:
    if not allowed:
        return _error(request, 403, "This website may not post to this form.")
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = ALLOW_METHODS
    response["Access-Control-Allow-Headers"] = ALLOW_HEADERS
    response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    return response


def _finish(response: HttpResponse, cors_origin: str | None = None) -> HttpResponse:
    """CORS for an allowed origin (never credentials), and no caching of any answer."""
    if cors_origin:
        response["Access-Control-Allow-Origin"] = cors_origin
        response["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
    patch_vary_headers(response, ["Origin"])
    response["Cache-Control"] = "no-store"
    return response


def _message_dict(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {field: [str(m) for m in messages] for field, messages in exc.message_dict.items()}
    return {"non_field_errors": [str(m) for m in exc.messages]}


def _decoy_id() -> int:
    """An id for a bot's "success": it looks like any other and points at nothing."""
    return secrets.randbelow(900_000) + 100_000


# Request handling --------------------------------------------------------------------------


def _parse(request: HttpRequest) -> tuple[str, dict[str, Any]]:
    """The submitted fields and the kind of post (JSON or form); refuses what we do not take."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise _Refused(400, "Invalid Content-Length.") from None
    limit = settings.ENQUIRY_MAX_BODY_BYTES
    if length > limit:
        raise _Refused(413, f"The submission is too large (at most {limit} bytes).")
    content_type = request.content_type or ""
    try:
        if content_type == JSON_TYPE:
            try:
                data = json.loads(request.body or b"{}", parse_constant=_no_constants)
            except (ValueError, UnicodeDecodeError, RecursionError):
                raise _Refused(400, "The body is not valid JSON.") from None
            if not isinstance(data, dict):
                raise _Refused(400, "The body must be a JSON object of form fields.")
            return JSON_TYPE, data
        if content_type in FORM_TYPES:
            if request.FILES:
                raise _Refused(422, "File uploads are not accepted by this form.")
            return "form", _querydict_to_dict(request.POST)
    except SuspiciousOperation:
        raise _Refused(413, "The submission is too large.") from None
    raise _Refused(
        415, "Send the form as application/x-www-form-urlencoded or as application/json."
    )


def _no_constants(name: str) -> None:
    """NaN and Infinity are not JSON (and PostgreSQL's jsonb refuses them)."""
    raise ValueError(name)


def _querydict_to_dict(query: QueryDict) -> dict[str, Any]:
    """One value stays a string; a repeated field (checkboxes) becomes a list, as given."""
    return {key: values[0] if len(values) == 1 else values for key, values in query.lists()}


def _visitor(request: HttpRequest) -> str:
    """Who is posting, for the duplicate window: IP and browser, hashed (never stored raw)."""
    source = f"{client_ip(request)}|{request.headers.get('User-Agent', '')}"
    return hashlib.sha256(source.encode()).hexdigest()[:32]


def _check_rate_limits(*, form: EnquiryForm, ip: str) -> None:
    """Per IP first: a single flooding address then cannot spend the whole form's budget."""
    window = settings.ENQUIRY_RATE_LIMIT_WINDOW
    for key, limit in (
        (f"enquiry:ip:{ip}", settings.ENQUIRY_RATE_LIMIT_PER_IP),
        (f"enquiry:form:{form.pk}", settings.ENQUIRY_RATE_LIMIT_PER_FORM),
    ):
        result = ratelimit.hit(key, limit, window=window)
        if not result.allowed:
            raise _Refused(
                429,
                f"Too many submissions. Try again in {result.reset} seconds.",
                headers={"Retry-After": str(result.reset)},
            )
