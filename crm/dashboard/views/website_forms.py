"""Settings → Website forms: list, create, edit, switch off, regenerate the key, and copy a
ready-to-paste snippet. Every member of the agency can look; only owners and admins change.

Views are thin: reads go through ``crm.selectors`` scoped to ``request.agency`` (another
agency's form is a 404), writes through the ``enquiry_form_*`` services of ``crm.enquiries``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Agency, User
from accounts.tenancy import (
    AgencyRequest,
    active_members,
    agency_admin_required,
    agency_required,
    get_or_404,
)
from core.forms import CleaningModelForm
from core.views import run_service
from crm.enquiries import selectors as enquiry_selectors
from crm.enquiries import website_forms
from crm.enquiries.models import Assignment
from crm.models import EnquiryForm

RECENT_ENQUIRIES = 25
HISTORY_ENTRIES = 15


class MemberChoiceField(forms.ModelMultipleChoiceField):
    """Team members by name and email, so two Alexes can be told apart."""

    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.email})"


class AgentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.email})"


class WebsiteFormForm(CleaningModelForm):
    """Cleaning only (limits from ``EnquiryForm``); writes go through
    ``crm.enquiries.website_forms``."""

    allowed_origins = forms.CharField(
        label="Allowed websites (origins)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "https://www.example.com"}),
        help_text=(
            "One per line, exactly as the address bar shows the site: scheme, host and port, no "
            "path. Browsers on any other site are refused. List www and non-www separately."
        ),
    )
    redirect_url = forms.URLField(
        label="Thank-you page",
        required=False,
        assume_scheme="https",
        max_length=EnquiryForm._meta.get_field("redirect_url").max_length,
        help_text=(
            "Where visitors land after sending: a page on one of the allowed websites. "
            "Empty: a simple Itinera thank-you page."
        ),
    )
    notify_users = MemberChoiceField(
        label="Email these people about each enquiry",
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    assign_agent = AgentChoiceField(
        label="The agent (for a fixed agent)",
        queryset=User.objects.none(),
        required=False,
        empty_label="Choose an agent",
    )
    rotation = MemberChoiceField(
        label="Agents who take turns (for round-robin)",
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = EnquiryForm
        fields = [
            "name",
            "allowed_origins",
            "redirect_url",
            "notify_users",
            "is_active",
            "assignment",
            "assign_agent",
            "rotation",
        ]
        labels = {"is_active": "On: accept enquiries", "assignment": "Who gets each enquiry"}
        help_texts = {
            "name": "For your team, e.g. “Contact page” or “Japan landing page”.",
            "is_active": "Switched off, the form's address answers 404 and nothing is stored.",
        }

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        recipients = self.fields["notify_users"]
        assert isinstance(recipients, MemberChoiceField)  # declared above
        recipients.queryset = active_members(agency=agency)
        self.fields["assignment"].required = False  # nothing chosen: unassigned
        for name in ("assign_agent", "rotation"):
            self.fields[name].queryset = active_members(agency=agency)  # type: ignore[attr-defined]

    def clean_assignment(self) -> str:
        return self.cleaned_data.get("assignment") or Assignment.UNASSIGNED

    def clean_allowed_origins(self) -> list[str]:
        text = self.cleaned_data.get("allowed_origins") or ""
        return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]

    @classmethod
    def initial_for(cls, form: EnquiryForm) -> dict[str, Any]:
        return {
            "name": form.name,
            "allowed_origins": "\n".join(form.allowed_origins or []),
            "redirect_url": form.redirect_url,
            "notify_users": list(form.notify_users.all()),
            "is_active": form.is_active,
            "assignment": form.assignment,
            "assign_agent": form.assign_agent_id,
            "rotation": list(form.rotation.all()),
        }


@agency_required
def form_list(request: AgencyRequest) -> HttpResponse:
    forms_ = enquiry_selectors.enquiry_form_summaries(agency=request.agency)
    return render(request, "forms/list.html", {"forms": forms_})


@agency_admin_required
@require_http_methods(["GET", "POST"])
def form_create(request: AgencyRequest) -> HttpResponse:
    form = WebsiteFormForm(request.POST or None, agency=request.agency)
    done = run_service(
        request,
        form,
        lambda: website_forms.enquiry_form_create(agency=request.agency, **form.cleaned_data),
        success=lambda created: f"“{created.name}” is ready: paste its snippet into your site.",
        redirect_to=_to_detail,
    )
    return done or render(request, "forms/edit.html", {"form": form, "web_form": None})


def _to_detail(web_form: EnquiryForm) -> str:
    return reverse("form_settings:detail", kwargs={"form_id": web_form.pk})


@agency_required
def form_detail(request: AgencyRequest, form_id: int) -> HttpResponse:
    web_form = get_or_404(
        enquiry_selectors.enquiry_form_get, agency=request.agency, form_id=form_id
    )
    endpoint = request.build_absolute_uri(
        reverse("public_forms:submit", args=[web_form.public_key])
    )
    snippet_context = {
        "endpoint": endpoint,
        "honeypot": settings.ENQUIRY_HONEYPOT_FIELD,
        "max_message": settings.ENQUIRY_MAX_MESSAGE_LENGTH,
    }
    recent = enquiry_selectors.enquiry_list_for_form(agency=request.agency, form=web_form)[
        :RECENT_ENQUIRIES
    ]
    context = {
        "web_form": web_form,
        "endpoint": endpoint,
        "snippet_plain": render_to_string("forms/snippets/plain.html", snippet_context).strip(),
        "snippet_fetch": render_to_string("forms/snippets/fetch.html", snippet_context).strip(),
        "enquiries": recent,
        "history": enquiry_selectors.enquiry_form_activity(
            agency=request.agency, form_id=web_form.pk
        )[:HISTORY_ENTRIES],
        "can_manage": request.user.is_agency_admin,
    }
    return render(request, "forms/detail.html", context)


@agency_admin_required
@require_http_methods(["GET", "POST"])
def form_edit(request: AgencyRequest, form_id: int) -> HttpResponse:
    web_form = get_or_404(
        enquiry_selectors.enquiry_form_get, agency=request.agency, form_id=form_id
    )
    form = WebsiteFormForm(
        request.POST or None, agency=request.agency, initial=WebsiteFormForm.initial_for(web_form)
    )
    done = run_service(
        request,
        form,
        lambda: website_forms.enquiry_form_update(form=web_form, **form.cleaned_data),
        success="Saved.",
        redirect_to=_to_detail,
    )
    return done or render(request, "forms/edit.html", {"form": form, "web_form": web_form})


@agency_admin_required
@require_POST
def form_regenerate_key(request: AgencyRequest, form_id: int) -> HttpResponse:
    web_form = get_or_404(
        enquiry_selectors.enquiry_form_get, agency=request.agency, form_id=form_id
    )
    website_forms.enquiry_form_regenerate_key(form=web_form)
    messages.warning(
        request,
        "New key created. The old address stopped working: paste the new snippet into your site.",
    )
    return redirect("form_settings:detail", form_id=web_form.pk)


@agency_admin_required
@require_POST
def form_delete(request: AgencyRequest, form_id: int) -> HttpResponse:
    web_form = get_or_404(
        enquiry_selectors.enquiry_form_get, agency=request.agency, form_id=form_id
    )
    name = web_form.name
    website_forms.enquiry_form_delete(form=web_form)
    messages.success(
        request, f"“{name}” was deleted: its address stopped working; its enquiries are kept."
    )
    return redirect("form_settings:list")
