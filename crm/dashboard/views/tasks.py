"""Tasks in the dashboard: the Tasks page (filters, pagination), add and edit, done/undone
(a plain form post, or htmx swapping the row), delete; and Settings → Follow-ups."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.tenancy import (
    AgencyRequest,
    active_members,
    agency_admin_required,
    agency_required,
    get_or_404,
)
from core.filters import Filters
from core.validation import parse_int
from core.views import form_page, is_htmx, list_page, run_service
from crm.dashboard.forms.tasks import LINKS, FollowUpSettingsForm, TaskForm
from crm.dashboard.views.common import client_from_query
from crm.models import Task, TaskPriority
from crm.tasks import selectors as task_selectors
from crm.tasks import services as task_services
from crm.tasks.filters import DUE_CHOICES, STATUS_CHOICES

FILTER_NAMES = ("q", "status", "due", "priority", "client", "assignee_id", "sort")


def _back(request: AgencyRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@agency_required
def task_list(request: AgencyRequest) -> HttpResponse:
    user = request.user

    def selector(*, agency: Any, filters: Filters) -> Any:
        chosen = dict(filters or {})
        if "status" not in request.GET:
            chosen["status"] = "open"  # the page opens on what is left to do
        return task_selectors.task_list(agency=agency, filters=chosen, user=user)

    return list_page(
        request,
        "crm/tasks/list.html",
        selector,
        agency=request.agency,
        model=Task,
        filter_names=FILTER_NAMES,
        mine="assignee_id",
        sorts=(
            ("due_date", "Due, soonest"),
            ("-due_date", "Due, latest"),
            ("-created_at", "Newest first"),
        ),
        context={
            "statuses": STATUS_CHOICES,
            "due_choices": DUE_CHOICES,
            "priorities": TaskPriority.choices,
            "members": active_members(agency=request.agency),
            "status_value": request.GET.get("status", "open"),
        },
    )


def _get_task(request: AgencyRequest, task_id: int) -> Task:
    return get_or_404(task_selectors.task_get, agency=request.agency, task_id=task_id)


@agency_required
def task_create(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    initial: dict[str, Any] = {"assignee": request.user.pk, "priority": TaskPriority.NORMAL}
    client = client_from_query(request)
    if client:
        initial["client"] = client.pk
    for name in LINKS:
        value = parse_int(request.GET.get(name))
        if value is not None:
            initial[name] = value
    form = TaskForm(request.POST or None, agency=agency, initial=initial)
    back = _back(request, reverse("task_list"))

    def save() -> Task:
        return task_services.task_create(
            agency=agency, created_by=request.user, **form.service_fields()
        )

    return form_page(
        request,
        form,
        save,
        template="crm/tasks/form.html",
        context={"task": None, "next": back},
        success="Task added.",
        redirect_to=lambda task: back,
    )


@agency_required
def task_edit(request: AgencyRequest, task_id: int) -> HttpResponse:
    task = _get_task(request, task_id)
    form = TaskForm(request.POST or None, agency=request.agency, initial=TaskForm.initial_for(task))
    back = _back(request, reverse("task_list"))

    def save() -> Task:
        return task_services.task_update(task=task, **form.service_fields())

    return form_page(
        request,
        form,
        save,
        template="crm/tasks/form.html",
        context={"task": task, "next": back},
        success="Task saved.",
        redirect_to=lambda saved: back,
    )


@require_POST
@agency_required
def task_toggle(request: AgencyRequest, task_id: int) -> HttpResponse:
    """The done checkbox: ``done=1`` completes, anything else reopens."""
    task = _get_task(request, task_id)
    if request.POST.get("done") == "1":
        task = task_services.task_complete(task=task, actor=request.user)
    else:
        task = task_services.task_reopen(task=task)
    if is_htmx(request):
        return render(request, "crm/tasks/_task.html", {"task": task, "next": _back(request, "/")})
    messages.success(request, "Task done." if task.is_done else "Task reopened.")
    return HttpResponseRedirect(_back(request, reverse("task_list")))


@require_POST
@agency_required
def task_delete(request: AgencyRequest, task_id: int) -> HttpResponse:
    task = _get_task(request, task_id)
    task_services.task_delete(task=task)
    messages.success(request, "Task deleted.")
    return HttpResponseRedirect(_back(request, reverse("task_list")))


@agency_admin_required
def follow_up_settings(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    current = task_services.follow_up_settings(agency=agency)
    form = FollowUpSettingsForm(request.POST or None, instance=current)
    done = run_service(
        request,
        form,
        lambda: task_services.follow_up_settings_update(
            agency=agency, actor=request.user, **form.cleaned_data
        ),
        success="Follow-ups saved.",
        redirect_to=lambda saved: reverse("follow_up_settings"),
    )
    return done or render(request, "crm/tasks/settings.html", {"form": form})
