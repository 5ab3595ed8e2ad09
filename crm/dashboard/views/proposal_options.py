"""A proposal's options and line items in the dashboard: one page listing them, with forms to
add an option, add a line to one, and remove either. Each change rewrites the whole set
through ``crm.proposals.options.options_replace`` (the one writer), so the price follows."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.forms import MoneyField
from core.validation import parse_int
from core.views import add_service_errors
from crm.models import Proposal
from crm.proposals import selectors as proposal_selectors
from crm.proposals.lifecycle import PROPOSAL_TRANSITIONS
from crm.proposals.options import MAX_QUANTITY, options_as_data, options_of, options_replace


class OptionForm(forms.Form):
    title = forms.CharField(label="Option name", max_length=200)
    description = forms.CharField(
        label="Description", required=False, max_length=2_000, widget=forms.TextInput()
    )


class LineForm(forms.Form):
    description = forms.CharField(label="Line item", max_length=300)
    quantity = forms.IntegerField(label="Quantity", min_value=1, max_value=MAX_QUANTITY, initial=1)
    unit_price = MoneyField(label="Unit price")
    optional = forms.BooleanField(label="Optional extra", required=False)


def _page(request: AgencyRequest, proposal: Proposal, **forms_shown: Any) -> HttpResponse:
    options = list(options_of(proposal))
    line_forms = forms_shown.pop("line_forms", {})
    rows = [
        (option, line_forms.get(index) or LineForm(prefix=f"o{index}"))
        for index, option in enumerate(options)
    ]
    return render(
        request,
        "crm/proposals/options.html",
        {
            "proposal": proposal,
            "rows": rows,
            "option_form": forms_shown.get("option_form") or OptionForm(),
            "final": PROPOSAL_TRANSITIONS.is_final(proposal.status),
        },
        status=422 if forms_shown.get("failed") else 200,
    )


@agency_required
def proposal_options(request: AgencyRequest, proposal_id: int) -> HttpResponse:
    proposal = get_or_404(
        proposal_selectors.proposal_get, agency=request.agency, proposal_id=proposal_id
    )
    if request.method != "POST":
        return _page(request, proposal)
    data = options_as_data(proposal)
    action = request.POST.get("action")
    index = parse_int(request.POST.get("option"))
    line = parse_int(request.POST.get("line"))
    form: forms.Form | None = None
    shown: dict[str, Any] = {}
    if action == "add_option":
        form = shown["option_form"] = OptionForm(request.POST)
        if form.is_valid():
            data.append({**form.cleaned_data, "lines": []})
    elif action == "add_line" and index is not None and index < len(data):
        form = LineForm(request.POST, prefix=f"o{index}")
        shown["line_forms"] = {index: form}
        if form.is_valid():
            data[index]["lines"].append(form.cleaned_data)
    elif action == "remove_option" and index is not None and index < len(data):
        del data[index]
    elif (
        action == "remove_line"
        and index is not None
        and index < len(data)
        and line is not None
        and line < len(data[index]["lines"])
    ):
        del data[index]["lines"][line]
    else:
        messages.error(request, "Choose what to change.")
        return HttpResponseRedirect(request.path)
    if form is not None and not form.is_valid():
        return _page(request, proposal, failed=True, **shown)
    try:
        options_replace(proposal=proposal, options=data)
    except ValidationError as exc:
        if form is None:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(request.path)
        add_service_errors(form, exc)
        return _page(request, proposal, failed=True, **shown)
    messages.success(request, f"Options saved: the price is now {proposal.total_price:,.2f}.")
    return HttpResponseRedirect(reverse("proposal_options", args=[proposal.pk]))
