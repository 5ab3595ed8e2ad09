"""The bell: a member's notifications, newest first; opening one marks it read and goes to
what it is about; mark one or all as read."""

from __future__ import annotations

from django import forms
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, agency_admin_required, agency_required, get_or_404
from core.views import paginate, run_service
from crm.notifications import selectors, services
from crm.notifications.models import Notification

LIST_PATH = "/notifications/"


def _get(request: AgencyRequest, notification_id: int) -> Notification:
    return get_or_404(
        selectors.notification_get,
        agency=request.agency,
        user=request.user,
        notification_id=notification_id,
    )


def _safe_link(link: str) -> str:
    """A notification's link is a path Itinera wrote; anything else goes to the list."""
    if link.startswith("/") and url_has_allowed_host_and_scheme(link, allowed_hosts=None):
        return link
    return LIST_PATH


@agency_required
def notification_list(request: AgencyRequest) -> HttpResponse:
    rows = selectors.notification_list(agency=request.agency, user=request.user)
    page = paginate(request, rows)
    unread = selectors.unread_count(agency=request.agency, user=request.user)
    return render(
        request,
        "crm/notifications/list.html",
        {"page": page, "unread": unread, "querystring": ""},
    )


@agency_required
def notification_open(request: AgencyRequest, notification_id: int) -> HttpResponse:
    notification = _get(request, notification_id)
    services.notification_mark_read(notification=notification)
    return HttpResponseRedirect(_safe_link(notification.link))


@require_POST
@agency_required
def notification_read(request: AgencyRequest, notification_id: int) -> HttpResponse:
    services.notification_mark_read(notification=_get(request, notification_id))
    return HttpResponseRedirect(LIST_PATH)


@require_POST
@agency_required
def notification_read_all(request: AgencyRequest) -> HttpResponse:
    unread = selectors.notification_list(agency=request.agency, user=request.user)
    services.notifications_mark_all_read(unread=unread)
    return HttpResponseRedirect(LIST_PATH)


class ReminderSettingsForm(forms.Form):
    instalment_reminder_days = forms.IntegerField(
        label="Remind of an unpaid instalment this many days before it is due",
        min_value=1,
        max_value=services.REMINDER_DAYS_MAX,
        help_text=f"1 to {services.REMINDER_DAYS_MAX} days; 7 by default. Overdue instalments "
        "are reminded whatever the window.",
    )


@agency_admin_required
def reminder_settings(request: AgencyRequest) -> HttpResponse:
    """Settings → Reminders (owners and admins): the upcoming-instalment reminder window."""
    agency = request.agency
    form = ReminderSettingsForm(
        request.POST or None, initial={"instalment_reminder_days": agency.instalment_reminder_days}
    )
    done = run_service(
        request,
        form,
        lambda: services.reminder_window_set(
            agency=agency, days=form.cleaned_data["instalment_reminder_days"], actor=request.user
        ),
        success="Reminders saved.",
        redirect_to=lambda saved: reverse("reminder_settings"),
    )
    return done or render(request, "crm/notifications/settings.html", {"form": form})
