"""Settings → Webhooks: register, edit, switch, rotate the secret of and delete the endpoints
Itinera sends events to, and read each one's delivery log (replay a delivery, send a test
event). Owners and admins only: agents get a 403.

Views are thin: reads go through ``crm.webhooks.selectors`` scoped to ``request.agency``
(another agency's endpoint or delivery is a 404), writes through ``crm.webhooks.services``.
The signing secret is shown in the answer to the create and to a rotation only, never stored
anywhere else (``Cache-Control: no-store``).
"""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from accounts.tenancy import AgencyRequest, agency_admin_required, get_or_404
from core.views import add_service_errors, list_page, run_action
from crm.dashboard.forms.webhooks import WebhookForm
from crm.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from crm.webhooks import selectors as webhook_selectors
from crm.webhooks import services as webhook_services
from crm.webhooks.catalogue import TEST_EVENT, TYPES
from crm.webhooks.models import RESPONSE_BODY_KEPT


def _get_webhook(request: AgencyRequest, webhook_id: int) -> WebhookEndpoint:
    return get_or_404(webhook_selectors.webhook_get, agency=request.agency, webhook_id=webhook_id)


def _get_delivery(
    request: AgencyRequest, webhook: WebhookEndpoint, delivery_id: int
) -> WebhookDelivery:
    return get_or_404(
        webhook_selectors.delivery_get,
        agency=request.agency,
        webhook=webhook,
        delivery_id=delivery_id,
    )


def _to_detail(webhook: WebhookEndpoint) -> str:
    return reverse("webhook_settings:detail", args=[webhook.pk])


def _to_delivery(delivery: WebhookDelivery) -> str:
    return reverse("webhook_settings:delivery", args=[delivery.endpoint_id, delivery.pk])


def _show_secret(
    request: AgencyRequest, webhook: WebhookEndpoint, *, rotated: bool
) -> HttpResponse:
    """The one page that shows the signing secret: the answer to the POST itself."""
    response = render(
        request,
        "webhooks/secret.html",
        {"webhook": webhook, "secret": webhook.secret, "rotated": rotated},
    )
    response["Cache-Control"] = "no-store"
    return response


@agency_admin_required
def webhook_list(request: AgencyRequest) -> HttpResponse:
    webhooks = webhook_selectors.webhook_summaries(agency=request.agency)
    return render(request, "webhooks/list.html", {"webhooks": webhooks, "types": TYPES})


@agency_admin_required
@require_http_methods(["GET", "POST"])
def webhook_create(request: AgencyRequest) -> HttpResponse:
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            webhook = webhook_services.webhook_create(
                agency=request.agency, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _show_secret(request, webhook, rotated=False)
    return _edit_page(request, form, None)


def _edit_page(
    request: AgencyRequest, form: WebhookForm, webhook: WebhookEndpoint | None
) -> HttpResponse:
    return render(
        request,
        "webhooks/edit.html",
        {"form": form, "webhook": webhook},
    )


@agency_admin_required
@require_http_methods(["GET", "POST"])
def webhook_edit(request: AgencyRequest, webhook_id: int) -> HttpResponse:
    webhook = _get_webhook(request, webhook_id)
    form = WebhookForm(request.POST or None, initial=WebhookForm.initial_for(webhook))
    if request.method == "POST" and form.is_valid():
        try:
            webhook_services.webhook_update(webhook=webhook, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Saved.")
            return redirect(_to_detail(webhook))
    return _edit_page(request, form, webhook)


@agency_admin_required
def webhook_detail(request: AgencyRequest, webhook_id: int) -> HttpResponse:
    """The endpoint and its delivery log (filter by status and event type, newest first)."""
    webhook = _get_webhook(request, webhook_id)
    return list_page(
        request,
        "webhooks/detail.html",
        partial(webhook_selectors.delivery_list, webhook=webhook),
        agency=request.agency,
        model=WebhookDelivery,
        filter_names=("status", "event_type"),
        prepare=lambda rows: rows.defer("message__body"),
        context={
            "webhook": webhook,
            "statuses": DeliveryStatus.choices,
            "event_types": [*TYPES, TEST_EVENT],
            "disable_after_days": settings.WEBHOOK_DISABLE_AFTER_DAYS,
        },
    )


@agency_admin_required
@require_POST
def webhook_switch(request: AgencyRequest, webhook_id: int) -> HttpResponse:
    webhook = _get_webhook(request, webhook_id)
    on = request.POST.get("on") == "1"
    return run_action(
        request,
        lambda: webhook_services.webhook_update(webhook=webhook, is_active=on),
        success="Switched on: new events are sent to it."
        if on
        else "Switched off: nothing is sent to it, and what was waiting was cancelled.",
        redirect_to=_to_detail(webhook),
    )


@agency_admin_required
@require_http_methods(["GET", "POST"])
def webhook_rotate_secret(request: AgencyRequest, webhook_id: int) -> HttpResponse:
    webhook = _get_webhook(request, webhook_id)
    if request.method == "POST":
        webhook = webhook_services.webhook_rotate_secret(webhook=webhook)
        return _show_secret(request, webhook, rotated=True)
    return render(request, "webhooks/rotate.html", {"webhook": webhook})


@agency_admin_required
@require_http_methods(["GET", "POST"])
def webhook_delete(request: AgencyRequest, webhook_id: int) -> HttpResponse:
    webhook = _get_webhook(request, webhook_id)
    if request.method == "POST":
        url = webhook.url
        webhook_services.webhook_delete(webhook=webhook)
        messages.success(request, f"The endpoint {url} was deleted with its delivery log.")
        return redirect("webhook_settings:list")
    deliveries = webhook_selectors.delivery_list(agency=request.agency, webhook=webhook).count()
    return render(request, "webhooks/delete.html", {"webhook": webhook, "deliveries": deliveries})


@agency_admin_required
@require_POST
def webhook_send_test(request: AgencyRequest, webhook_id: int) -> HttpResponse:
    webhook = _get_webhook(request, webhook_id)
    return run_action(
        request,
        lambda: webhook_services.webhook_send_test(webhook=webhook, requested_by=request.user),
        success="Test event queued: it is on its way to your endpoint.",
        redirect_to=_to_detail(webhook),
        success_to=_to_delivery,
    )


@agency_admin_required
def delivery_detail(request: AgencyRequest, webhook_id: int, delivery_id: int) -> HttpResponse:
    webhook = _get_webhook(request, webhook_id)
    delivery = _get_delivery(request, webhook, delivery_id)
    return render(
        request,
        "webhooks/delivery.html",
        {
            "webhook": webhook,
            "delivery": delivery,
            "attempts": webhook_selectors.delivery_attempts(delivery=delivery),
            "kept": RESPONSE_BODY_KEPT,
        },
    )


@agency_admin_required
@require_POST
def delivery_replay(request: AgencyRequest, webhook_id: int, delivery_id: int) -> HttpResponse:
    webhook = _get_webhook(request, webhook_id)
    delivery = _get_delivery(request, webhook, delivery_id)
    return run_action(
        request,
        lambda: webhook_services.delivery_replay(delivery=delivery, requested_by=request.user),
        success="Replay queued: the same event (same id) is sent again.",
        redirect_to=_to_delivery(delivery),
        success_to=_to_delivery,
    )
