"""Settings → Integrations (the owner's page: the agency's API switch, rate limits, every
member's tokens) and the usage charts it shares with Settings → API tokens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts import api_access, selectors, services
from accounts.forms import (
    ApiAccessForm,
    RateLimitForm,
)
from accounts.models import ApiToken, Role
from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.views import run_service

# Usage charts ---------------------------------------------------------------------------------

CHART_WIDTH, CHART_HEIGHT, BAR_GAP = 150, 32, 1


def usage_chart(days: list[tuple[dt.date, int]]) -> dict[str, Any]:
    """A small bar chart of requests per day, drawn by the template as inline SVG (no script,
    no library): one bar a day, the busiest day full height."""
    peak = max((count for _day, count in days), default=0)
    width = CHART_WIDTH / max(1, len(days))
    bars = []
    for index, (day, count) in enumerate(days):
        height = round(CHART_HEIGHT * count / peak, 2) if peak else 0
        if count and height < 1:
            height = 1
        bars.append(
            {
                "x": round(index * width, 2),
                "y": round(CHART_HEIGHT - height, 2),
                "width": round(max(width - BAR_GAP, 1), 2),
                "height": height,
                "day": day,
                "count": count,
            }
        )
    return {
        "bars": bars,
        "total": sum(count for _day, count in days),
        "peak": peak,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "first": days[0][0] if days else None,
    }


def with_usage(tokens: list[ApiToken]) -> list[ApiToken]:
    """The tokens, each with ``usage_chart``, in one query and one Redis round trip."""
    usage = selectors.api_token_usage(tokens=tokens)
    for token in tokens:
        token.usage_chart = usage_chart(usage[token.pk])  # type: ignore[attr-defined]
    return tokens


# Settings → Integrations (the owner's) -------------------------------------------------------


def owner_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like ``agency_required``, for the agency's owner only (everyone else gets a 403)."""

    @agency_required
    @wraps(view)
    def wrapper(request: AgencyRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.role != Role.OWNER:
            raise PermissionDenied("Only the agency's owner can do this.")
        return view(request, *args, **kwargs)

    return wrapper


def _render_integrations(
    request: AgencyRequest, *, rate_form: RateLimitForm | None = None, status: int = 200
) -> HttpResponse:
    agency = request.agency
    tokens = with_usage(list(selectors.agency_api_tokens(agency=agency)))
    return render(
        request,
        "accounts/integrations.html",
        {
            "agency": agency,
            "tokens": tokens,
            "rate_form": rate_form or RateLimitForm(initial={"rate_limit": agency.api_rate_limit}),
            "api_base": request.build_absolute_uri("/api/v1"),
        },
        status=status,
    )


@owner_required
def integrations(request: AgencyRequest) -> HttpResponse:
    return _render_integrations(request)


@require_POST
@owner_required
def integrations_access(request: AgencyRequest) -> HttpResponse:
    form = ApiAccessForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose on or off.")
        return redirect("integrations")
    enabled = form.cleaned_data["enabled"]
    api_access.agency_api_access_set(agency=request.agency, acting=request.user, enabled=enabled)
    if enabled:
        messages.success(request, "API access is on: your team's tokens work again.")
    else:
        messages.success(request, "API access is off: every token of the agency now gets a 403.")
    return redirect("integrations")


@require_POST
@owner_required
def integrations_rate(request: AgencyRequest) -> HttpResponse:
    form = RateLimitForm(request.POST)

    def save() -> object:
        return api_access.agency_api_rate_limit_set(
            agency=request.agency, acting=request.user, rate_limit=form.cleaned_data["rate_limit"]
        )

    done = run_service(
        request,
        form,
        save,
        success="New tokens now get this limit; existing tokens keep theirs.",
        redirect_to=lambda _agency: reverse("integrations"),
    )
    return done or _render_integrations(request, rate_form=form, status=422)


@require_POST
@owner_required
def integrations_token_rate(request: AgencyRequest, token_id: int) -> HttpResponse:
    token = get_or_404(selectors.agency_api_token_get, agency=request.agency, token_id=token_id)
    form = RateLimitForm(request.POST)
    if not form.is_valid():
        errors = [str(error) for error in form.errors.get("rate_limit") or ["Enter a number."]]
        messages.error(request, " ".join(errors))
        return redirect("integrations")
    try:
        api_access.api_token_rate_limit_set(
            token=token, acting=request.user, rate_limit=form.cleaned_data["rate_limit"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"“{token.name}” now allows {token.rate_limit} requests/min.")
    return redirect("integrations")


@require_POST
@owner_required
def integrations_token_revoke(request: AgencyRequest, token_id: int) -> HttpResponse:
    token = get_or_404(selectors.agency_api_token_get, agency=request.agency, token_id=token_id)
    services.api_token_revoke(token=token)
    messages.success(request, f"“{token.name}” of {token.user.display_name} was revoked.")
    return redirect("integrations")
